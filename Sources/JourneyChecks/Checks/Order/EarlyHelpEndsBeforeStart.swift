import JourneyCore

/// An episode of early help that ends before it starts.
///
/// Steps between levels of help are read against early help's dates (`step-disagrees-with-plans`), so they must be
/// in order.
struct EarlyHelpEndsBeforeStart: Check {
    var id: String { "early-help-ends-before-start" }
    var severity: Severity { .error }
    var summary: String { "An episode of early help ends before the date it started." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for e in child.record.earlyHelp {
            guard let start = e.start, let end = e.end, end < start else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: e), child.start(of: e)],
                    "Early help ended \(end), before it started on \(start): correct the start date or the end date."))
        }
    }
}
