import JourneyCore

/// A period of care that starts on or before the day the previous one ended.
///
/// SSDA903 431: "The reason for new episode is started to be looked after, but the previous episode ended on the same
/// day." The validator flags a row `RNE` `S` whose `DECOM` is on or before the `DEC` of the child's row before it (by
/// `DECOM`): care that goes on should carry on the period (`REC` `X1`, no new `S`). Here a period of care that starts
/// on or before the end of the period started before it. A start before that end is an overlap, which
/// `overlapping-periods-of-care` (501) also finds; the same day is this rule's own case.
struct CareRestartedOnDayItEnded: Check {
    var id: String { "care-restarted-on-day-it-ended" }
    var severity: Severity { .error }
    var rule: String? { "903 431" }
    var summary: String { "A period of care starts on or before the day the previous period ended." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let periods = child.record.periodsOfCare.filter { $0.start.map { $0 <= child.asOf } ?? false }
            .sorted { ($0.start!, $0.position) < ($1.start!, $1.position) }
        for (previous, p) in zip(periods, periods.dropFirst()) {
            guard let end = previous.end, let start = p.start, start <= end, start > previous.start! else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: p), child.end(of: previous)],
                    "A period of care starts on or before the day the one before it ended: care that goes on "
                        + "carries on the same period (the episode ceasing X1); correct the dates, or join the "
                        + "periods."))
        }
    }
}
