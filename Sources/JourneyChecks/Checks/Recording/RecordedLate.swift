import JourneyCore

/// An event recorded more than a set number of working days after it happened.
///
/// Late recording leaves figures wrong until it is done, and a figure reported in between changes afterwards. Judged
/// as `wd(occurred, the day recorded) > N` (default 5, `--recorded-late-days`), the day recorded being the UTC date
/// of `recorded`. Corrections are judged by `back-dated-correction` instead, since they are late by nature; events
/// with no `recorded` time are left out.
struct RecordedLate: Check {
    var id: String { "recorded-late" }
    var severity: Severity { .warning }
    var summary: String { "An event was recorded more than N working days (default 5) after it happened." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let recording = child.record.recording
        let corrections = Set(recording.corrections.lazy.filter { !$0.isRetraction }.map(\.position))
        let limit = child.recordedLateDays
        for e in recording.events where e.counts {
            // wd(occurred, recorded) counts days of (occurred, recorded], so it is at most their difference in days:
            // an event recorded within the limit in calendar days needs no count of working days.
            guard let recorded = e.recorded?.utcDate, recorded > e.occurred,
                e.occurred.days(to: recorded) > limit, !corrections.contains(e.position)
            else { continue }
            let days = child.workingDays(from: e.occurred, to: recorded)
            guard days > limit else { continue }
            findings.append(
                finding(
                    child, on: e.occurred, events: [e.position],
                    "\(e.type.name) dated \(e.occurred) was recorded on \(recorded), \(days) working days later (the "
                        + "standard is \(limit)): record events as they happen; check figures already reported for "
                        + "that date."))
        }
    }
}
