import JourneyCore

/// A closed episode of need with a CIN or CP plan never ended.
///
/// A plan belongs to its episode; closing the case ends the help, so a plan with no end after the closure keeps the
/// child "on a plan" in every count taken on a later date. (A plan ended after the closure is
/// `activity-after-case-closed`'s.)
struct ClosedEpisodeWithOpenPlan: Check {
    var id: String { "closed-episode-with-open-plan" }
    var severity: Severity { .error }
    var summary: String { "A case is closed while one of its CIN or CP plans has no end." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for r in child.record.referrals {
            guard let closed = r.closed else { continue }
            func add(_ plan: String, _ start: CalendarDate, _ event: UInt64?) {
                findings.append(
                    findingOnClosedEpisode(
                        child, referral: r, closed: closed, plan, started: start, event: event,
                        "has no end: end the plan on or before \(closed)"))
            }
            for p in child.record.cinPlans
            where p.referral == r.key && p.start != nil && p.end == nil && p.start! <= closed {
                add("CIN plan", p.start!, child.start(of: p))
            }
            for p in child.record.cpPlans
            where p.referral == r.key && p.start != nil && p.end == nil && p.start! <= closed {
                add("CP plan", p.start!, child.start(of: p))
            }
        }
    }
}
