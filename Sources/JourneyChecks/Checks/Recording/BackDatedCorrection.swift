import JourneyCore

/// A correction or retraction recorded after the month it changes had closed.
///
/// **Reading**: a correction is back-dated when it changes a month whose figures were already reported: it was
/// recorded more than N working days (the `recorded-late` allowance, default 5, the time a month's pack takes to
/// produce) after the end of the month of the event it replaces (or, for a replacement dated earlier still, of the
/// replacement's date). The monthly pack and returns for that month then differ from what was published. A query:
/// correcting is right; the officer checks whether a published figure must be restated.
struct BackDatedCorrection: Check {
    var id: String { "back-dated-correction" }
    var severity: Severity { .query }
    var summary: String { "A correction or retraction changed an event in a month that had already closed." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for c in child.record.recording.corrections {
            guard let recorded = c.recorded?.utcDate else { continue }
            let changed = min(c.targetOccurred, c.occurred ?? c.targetOccurred)
            let reported = child.adding(workingDays: child.recordedLateDays, to: changed.monthEnd)
            guard recorded > reported else { continue }
            let what =
                c.isRetraction
                ? "retracted on \(recorded)"
                : "replaced on \(recorded) by an event dated \(c.occurred!)"
            findings.append(
                finding(
                    child, on: changed, events: [c.position, c.targetPosition],
                    "\(c.targetType.name) dated \(c.targetOccurred) was \(what), after the figures for the month of "
                        + "\(changed) were reported (\(reported)): check whether figures already reported for that month must be restated."
                ))
        }
    }
}
