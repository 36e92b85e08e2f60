import JourneyCore

/// A CIN plan open on a day the child is on a CP plan.
///
/// CIN 4016 and 4017: "A CIN Plan has been reported as open at the same time as a Child Protection Plan" (4016: a
/// CIN plan starts on or after a CP plan's start and before its end; 4017: a CP plan starts on or after a CIN plan's
/// start and before its end; an open plan runs to the reference date, here the as-of date). The CP plan replaces the
/// CIN plan (and a CIN plan may follow the CP plan on the day it ends): a shared day means one of them was not ended.
/// Like the rules, the plans may belong to different episodes. A CIN plan of an episode whose CP plan is also still
/// open (neither has an end) is CIN 4001's (`cin-plan-and-cp-plan-open`), and left out here, so that it is flagged
/// once, under that rule. The check names both rules and finds each overlapping pair once, whichever plan started
/// first, so it is compared with the children the validator flags under either.
struct CINPlanDuringCPPlan: Check {
    var id: String { "cin-plan-during-cp-plan" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4016/4017" }
    var summary: String { "A CIN plan is open at the same time as a CP plan." }
    var judges: RecordFacts { [.cinPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for cin in child.record.cinPlans {
            guard let start = cin.start, cin.end.map({ $0 >= start }) ?? true else { continue }
            if CINPlanAndCPPlanOpen.openCPPlan(alongside: cin, in: child.record) != nil { continue }
            let cinRange = DateRange(start: start, end: cin.end)
            let overlapping = child.record.cpPlans.filter { cp in
                guard let cpStart = cp.start, cp.end.map({ $0 >= cpStart }) ?? true else { return false }
                return DateRange(start: cpStart, end: cp.end).overlaps(cinRange)
            }.min { ($0.start!, $0.position) < ($1.start!, $1.position) }
            guard let cp = overlapping else { continue }
            findings.append(
                finding(
                    child, on: max(start, cp.start!),
                    events: [child.start(of: cin), child.start(of: cp), child.end(of: cin)],
                    "CIN plan started \(start) (\(cin.end.map { "ended \($0)" } ?? "still open")) runs at the same "
                        + "time as the CP plan started \(cp.start!): end the CIN plan on or before the day the CP plan "
                        + "starts, or start it on the day the CP plan ends."))
        }
    }
}
