import JourneyCore

/// New work dated after the child died.
///
/// Closing things after a death is expected (case closure, plans and care ended, placements ended, assessments
/// and enquiries authorised, an adoptive placement ended or the decision to place for adoption reversed, a
/// deprivation of liberty order ended), and so is a care leaver's contact that records the death (`DIED`, 903
/// `IN_TOUCH`); starting or doing anything is not, and usually means the wrong child or a wrong date.
///
/// CIN 8555Q: "Child cannot be referred after its recorded date of death" (a referral date after the death). The
/// check reads the rule more widely, for every new piece of work, and is named after the rule it was written from.
/// A CIN or CP plan starting after the death has rules of its own (CIN 4008, 8915): `cin-plan-starts-after-death`
/// and `cp-plan-starts-after-death` find those, and this check leaves them out.
struct DatedAfterDeath: Check {
    var id: String { "dated-after-death" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8555Q" }
    var summary: String { "New work (a referral, visit, plan, placement…) is dated after the child's recorded death." }

    /// What may be dated after a death: endings, and entries dated when they were made.
    static let allowed: Set<EventType> = [
        .childRegistered, .childUpdated, .childDied, .childMerged, .workerAllocated, .eventRetracted, .caseClosed,
        .assessmentCompleted, .s47Completed, .cinPlanEnded, .cpPlanEnded, .earlyHelpEnded, .steppedDown, .careEnded,
        .placementEnded, .missingEnded, .adoptionPlacementEnded, .adoptionDecisionReversed, .deprivationOfLibertyEnded,
        .workerChangeRecorded,
    ]
    /// New work after a death that a narrower check finds, under its own rule.
    static let foundElsewhere: Set<EventType> = [.cinPlanStarted, .cpPlanStarted]

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let died = child.record.diedOn else { return }
        // A contact saying that the young person died is dated after the death by nature.
        let deathContacts = Set(
            child.record.careLeaverContacts.lazy.filter { $0.inTouch.rawValue == "DIED" }.map(\.position))
        for e in child.record.recording.events where e.counts && e.occurred > died && !Self.allowed.contains(e.type) {
            if Self.foundElsewhere.contains(e.type) { continue }
            if e.type == .careLeaverContacted && deathContacts.contains(e.position) { continue }
            findings.append(
                finding(
                    child, on: e.occurred, events: [e.position, child.deathEvent],
                    "\(e.type.name) dated \(e.occurred) is after the child's recorded death: correct the event's date "
                        + "or the date of death, or check that the event belongs to this child."))
        }
    }
}
