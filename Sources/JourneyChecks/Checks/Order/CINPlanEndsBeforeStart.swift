import JourneyCore

/// A CIN plan that ends before it starts.
///
/// CIN 4011: "CIN Plan End Date earlier than Start Date" (ending on the start day is allowed).
struct CINPlanEndsBeforeStart: Check {
    var id: String { "cin-plan-ends-before-start" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4011" }
    var summary: String { "A CIN plan ends before the date it started." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.cinPlans {
            guard let start = p.start, let end = p.end, end < start else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p), child.start(of: p)],
                    "CIN plan ended \(end), before it started on \(start): correct the start date or the end date."))
        }
    }
}
