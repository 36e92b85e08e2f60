import JourneyCore

/// New work dated after the child died.
///
/// Closing things after a death is expected (case closure, plans and care ended, placements ended, assessments
/// and enquiries authorised); starting or doing anything is not, and usually means the wrong child or a wrong date.
///
/// CIN 8555Q: "Child cannot be referred after its recorded date of death" (a referral date after the death). The
/// check reads the rule more widely, for every new piece of work; CIN 4008 and 8915 (a CIN or CP plan starting after
/// the death) are cases of it too, but the check is named after the rule it was written from.
struct DatedAfterDeath: Check {
    var id: String { "dated-after-death" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8555Q" }
    var summary: String { "New work (a referral, visit, plan, placement…) is dated after the child's recorded death." }

    /// What may be dated after a death: endings, and entries dated when they were made.
    static let allowed: Set<EventType> = [
        .childRegistered, .childUpdated, .childDied, .childMerged, .workerAllocated, .eventRetracted, .caseClosed,
        .assessmentCompleted, .s47Completed, .cinPlanEnded, .cpPlanEnded, .earlyHelpEnded, .steppedDown, .careEnded,
        .placementEnded, .missingEnded,
    ]

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let died = child.record.diedOn else { return }
        for e in child.record.recording.events where e.counts && e.occurred > died && !Self.allowed.contains(e.type) {
            findings.append(
                finding(
                    child, on: e.occurred, events: [e.position, child.deathEvent],
                    "\(e.type.name) dated \(e.occurred) is after the child's recorded death: correct the event's date "
                        + "or the date of death, or check that the event belongs to this child."))
        }
    }
}
