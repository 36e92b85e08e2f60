import JourneyCore

/// A CP plan that starts and ends on the same day.
///
/// CIN 8840: "Child Protection Plan cannot start and end on the same day". Usually a plan recorded in error that
/// should be retracted, or an end date typed over the start.
struct CPPlanEndsOnStartDay: Check {
    var id: String { "cp-plan-ends-on-start-day" }
    var severity: Severity { .warning }
    var rule: String? { "CIN 8840" }
    var summary: String { "A CP plan starts and ends on the same day." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.cpPlans {
            guard let start = p.start, let end = p.end, end == start else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p), child.start(of: p)],
                    "CP plan started and ended on the same day, \(start): correct the end date, or retract the plan "
                        + "if it was recorded in error."))
        }
    }
}
