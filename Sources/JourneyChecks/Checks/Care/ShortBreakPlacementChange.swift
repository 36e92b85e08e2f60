import JourneyCore

/// A short break (`V3`) that does not start a period of care: the placement or legal status changed during it.
///
/// SSDA903 366: "A child cannot change placement during the course of an individual short-term respite break."
/// (`LS` `V3` on a row whose `RNE` is not `S`.) Here a row read back from the period (`CareEpisode`) with status
/// `V3` that is not the period's first: a placement change during a short break, or a change of legal status to
/// `V3` within a period.
///
/// **By design**: a period whose start is not in the log (its first row in the return had an `RNE` other than `S`,
/// and the import starts the period there, noting it) starts at that row here, so a first row `P` or `L` with `V3`
/// is read as the break's start and not found, where the validator flags it. Importing the earlier returns puts the
/// start back.
struct ShortBreakPlacementChange: Check {
    var id: String { "short-break-placement-change" }
    var severity: Severity { .error }
    var rule: String? { "903 366" }
    var summary: String { "A short break (V3) changes placement, or begins within a period of care." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for e in child.careEpisodes where e.legalStatus?.rawValue == "V3" && !e.isFirst {
            findings.append(
                finding(
                    child, on: e.start, events: [child.event(beginning: e)],
                    "A short break (V3) changes placement or begins within a period of care: each short break is a "
                        + "period of care with one placement; record it as its own period."))
        }
    }
}
