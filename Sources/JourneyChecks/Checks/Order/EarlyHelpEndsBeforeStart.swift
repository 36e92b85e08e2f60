import JourneyCore

/// An episode of early help that ends before it starts.
///
/// Steps between levels of help are read against early help's dates (`step-disagrees-with-plans`), so they must be
/// in order.
struct EarlyHelpEndsBeforeStart: Check {
    var id: String { "early-help-ends-before-start" }
    var severity: Severity { .error }
    var summary: String { "An episode of early help ends before the date it started." }
    var judges: RecordFacts { [.earlyHelp] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findEndsBeforeStart(
            child, child.record.earlyHelp, start: { $0.start }, end: { $0.end },
            events: { [child.end(of: $0), child.start(of: $0)] },
            spell: "Early help", into: &findings)
    }
}
