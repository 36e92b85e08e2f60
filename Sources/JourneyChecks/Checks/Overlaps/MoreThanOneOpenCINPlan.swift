import JourneyCore
import JourneyProjections

/// An episode of need with two or more CIN plans that have no end.
///
/// CIN 4004: "This child is showing more than one open CIN Plan, i.e. with no End Date" (within one `CINdetails`,
/// only one `CINPlanDates` may have no `CINPlanEndDate`). The later plan starts while the earlier is open, which
/// `overlapping-cin-plans` (CIN 4014) would also find: it leaves such a pair to this check, so the plans are flagged
/// once, under the rule they break. Plans of different episodes both open are an overlap (4014) only, as the
/// validator groups by episode. One finding per episode, naming every open plan.
struct MoreThanOneOpenCINPlan: Check {
    var id: String { "more-than-one-open-cin-plan" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4004" }
    var summary: String { "An episode of need has two or more CIN plans with no end date." }
    var judges: RecordFacts { [.cinPlans] }

    /// Two plans of one episode, both started and neither ended: a pair this check finds.
    static func bothOpen(_ a: ChildRecord.CINPlan, _ b: ChildRecord.CINPlan) -> Bool {
        a.referral == b.referral && a.start != nil && b.start != nil && a.end == nil && b.end == nil
    }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        let open = record.cinPlans.filter { $0.start != nil && $0.end == nil }
        for (r, open) in record.episodesWithMoreThanOneOpen(open) {
            findings.append(
                finding(
                    child, on: open[1].start!, events: open.map { child.start(of: $0) } + [r.position],
                    "\(open.count) CIN plans of the episode referred \(r.date) have no end date (started "
                        + open.startDates + "): end each plan that has finished, or retract the plan recorded twice."))
        }
    }
}
