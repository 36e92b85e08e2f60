import JourneyCore

/// An event recorded before the day it is said to have happened.
///
/// events.md: `recorded` is "never earlier than `occurred`'s day in practice; a data-quality check flags it". A
/// future date is usually a mistyped year or month, or a planned event recorded as done.
struct RecordedBeforeOccurred: Check {
    var id: String { "recorded-before-occurred" }
    var severity: Severity { .error }
    var summary: String { "An event is dated after the day it was recorded (a future date)." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for e in child.record.recording.events where e.counts {
            guard let recorded = e.recorded?.utcDate, recorded < e.occurred else { continue }
            findings.append(
                finding(
                    child, on: e.occurred, events: [e.position],
                    "\(e.type.name) is dated \(e.occurred) but was recorded on \(recorded), before that date: correct "
                        + "the date, or record the event once it has happened."))
        }
    }
}
