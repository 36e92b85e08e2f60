import JourneyCore

/// A child with two or more CP plans that have no end.
///
/// CIN 8935: "This child is showing more than one open Child Protection plan, i.e. with no End Date". The later plan
/// starts while the earlier is open, which `overlapping-cp-plans` (CIN 8940) would also find: it leaves such a pair
/// to this check, so the plans are flagged once, under the rule they break. The rule's text is per child, across
/// episodes. The validator's 8935 never fires (it counts open plans per `CPPID`, which is one plan), so these are
/// found by journey only. One finding per child, naming every open plan.
struct MoreThanOneOpenCPPlan: Check {
    var id: String { "more-than-one-open-cp-plan" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8935" }
    var summary: String { "A child has two or more CP plans with no end date." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let open = child.record.cpPlans.filter { $0.start != nil && $0.end == nil }
            .sorted { ($0.start!, $0.position) < ($1.start!, $1.position) }
        guard open.count > 1 else { return }
        findings.append(
            finding(
                child, on: open[1].start!, events: open.map { child.start(of: $0) },
                "\(open.count) CP plans have no end date (started "
                    + open.map { $0.start!.description }.joined(separator: ", ")
                    + "): end each plan that has finished, or retract the plan recorded twice."))
    }
}
