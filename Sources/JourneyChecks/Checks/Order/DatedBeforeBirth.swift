import JourneyCore

/// An event dated before the child was born, other than pre-birth work.
///
/// **Reading**: work with an unborn child is normal practice and the CIN census records it (a pre-birth referral,
/// its assessment, enquiry, conference and plans, the visits a plan sets, early help, steps between them), so those
/// pass when dated no more
/// than 40 weeks (280 days, as CIN 8606) before the birth; referrals earlier than that are
/// `referral-too-early-before-birth`'s. Care, placements, missing episodes, adoption and other permanence, leaving
/// care, health entries and a death cannot come before a birth at all. Registration, updates, allocations of a
/// team and the reason a worker changed are dated when they were made and may come first; a personal adviser is a care leaver's, and cannot. Five
/// rules judge some of these events exactly, each by its own check, so that each event is found once and each
/// finding names the rule it breaks: the decision to place for adoption (903 184, `adoption-decision-before-birth`),
/// the start of the first period of care (903 302, `care-starts-before-birth`), the start of a missing episode (903
/// 586, `missing-before-birth`), the start of a deprivation of liberty order (903 708,
/// `deprivation-of-liberty-before-birth`) and a death (CIN 8535Q, `died-before-birth`).
struct DatedBeforeBirth: Check {
    var id: String { "dated-before-birth" }
    var severity: Severity { .error }
    var summary: String { "An event is dated before the child's birth (pre-birth work within 40 weeks excepted)." }

    /// Types an unborn child's record may hold within 40 weeks of the birth.
    static let preBirthWork: Set<EventType> = [
        .contactReceived, .assessmentStarted, .assessmentCompleted, .strategyHeld, .s47Started, .s47Completed,
        .icpcHeld, .cinPlanStarted, .cinPlanReviewed, .cinPlanEnded, .cpPlanStarted, .cpPlanCategoryChanged,
        .cpPlanReviewed, .cpPlanEnded, .earlyHelpStarted, .earlyHelpEnded, .steppedUp, .steppedDown, .caseClosed,
        .visitMade,
    ]
    /// Types dated when they were made, not in the child's life.
    static let datedWhenMade: Set<EventType> = [
        .childRegistered, .childUpdated, .workerAllocated, .workerChangeRecorded, .referralReceived, .childMerged,
        .eventRetracted,
    ]

    /// Types whose events before the birth other checks find (903 184, 586, 708; CIN 8535Q).
    static let judgedByRules: Set<EventType> = [
        .adoptionDecided, .missingStarted, .deprivationOfLibertyStarted, .childDied,
    ]

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let birth = child.record.birthDate else { return }
        // The start of the first period of care is care-starts-before-birth's (903 302): looked up only once a care
        // start before the birth is met, which nearly no record has.
        var firstCare: (position: UInt64?, isFound: Bool) = (nil, false)
        for e in child.record.recording.events where e.counts && e.occurred < birth {
            if Self.datedWhenMade.contains(e.type) || Self.judgedByRules.contains(e.type) { continue }
            if e.type == .careStarted {
                if !firstCare.isFound {
                    let first = CareStartsBeforeBirth.firstPeriod(of: child.record)
                    firstCare = (first.flatMap { child.start(of: $0) }, true)
                }
                if e.position == firstCare.position { continue }
            }
            if Self.preBirthWork.contains(e.type) && e.occurred.days(to: birth) <= 280 { continue }
            let reason = Self.preBirthWork.contains(e.type) ? "more than 40 weeks before" : "before"
            findings.append(
                finding(
                    child, on: e.occurred, events: [e.position, child.birthDateEvent],
                    "\(e.type.name) dated \(e.occurred) is \(reason) the child's recorded birth date: correct the "
                        + "event's date or the birth date, or check that the event belongs to this child."))
        }
    }
}
