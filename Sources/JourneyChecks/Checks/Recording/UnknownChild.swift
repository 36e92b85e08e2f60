import JourneyCore
import JourneyProjections

/// Events for a child who was never registered.
///
/// events.md: `child.registered` comes first, once per child. Without it the record has no birth date, sex or
/// ethnicity, so no return can hold the child and every breakdown puts them in "unknown". Often an id typed wrong
/// on one event (a stream of one) or a duplicate record that should be merged.
struct UnknownChild: Check {
    var id: String { "unknown-child" }
    var severity: Severity { .error }
    var summary: String { "A child has events but no `child.registered`." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        var first: ChildRecord.RecordedEvent?
        var count = 0
        for e in child.record.recording.events where e.counts {
            if e.type == .childRegistered { return }
            if first == nil { first = e }
            count += 1
        }
        guard let first else { return }
        findings.append(
            finding(
                child, on: first.occurred, events: [first.position],
                "Child has \(count) event\(count == 1 ? "" : "s") but was never registered: record "
                    + "child.registered, correct the child id on the events, or merge the record into the child's "
                    + "own."))
    }
}
