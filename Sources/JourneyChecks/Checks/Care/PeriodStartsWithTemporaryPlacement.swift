import JourneyCore

/// A period of care that starts in a temporary placement, or a temporary placement entered other than as a change of
/// placement.
///
/// SSDA903 380: "A period of care cannot start with a temporary placement." The validator flags every row with a
/// temporary `PLACE` (`T0`–`T4`) whose `RNE` is not `P` or `B` (a change of placement): the first row of a period
/// (`S`), a change of legal status alone (`L`) during one, and a move into one recorded as keeping the same carer
/// (`T`, `U`). Here the rows are read back from the period (`CareEpisode`): a row in a temporary placement that is
/// the period's first, that the placement did not start, or whose placement started as a same-carer change.
///
/// **By design**: a period whose start is not in the log (its first row in the return had an `RNE` other than `S`,
/// and the import starts the period there, noting it) is judged as starting at that row, so a first row `P` into a
/// temporary placement is found here and not by the validator. Importing the earlier returns puts the start back.
struct PeriodStartsWithTemporaryPlacement: Check {
    var id: String { "period-starts-with-temporary-placement" }
    var severity: Severity { .error }
    var rule: String? { "903 380" }
    var summary: String {
        "A period of care starts in a temporary placement (T0–T4), or one is entered other than by a move."
    }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for e in child.careEpisodes {
            guard let p = e.placement, p.placementType.isTemporary,
                e.isFirst || p.start != e.start || p.isSameCarer
            else { continue }
            findings.append(
                finding(
                    child, on: e.start, events: [child.event(beginning: e), p.position],
                    e.isFirst
                        ? "A period of care starts in a temporary placement (\(p.placementType.rawValue)): a "
                            + "temporary placement interrupts a placement; record the placement the child started in."
                        : p.start != e.start
                            ? "The legal status changes during a temporary placement "
                                + "(\(p.placementType.rawValue)): record the change on the placement the child "
                                + "returns to, or correct the placement type."
                            : "A temporary placement (\(p.placementType.rawValue)) is entered as a change with the "
                                + "same carer (RNE T or U): record it as a change of placement (RNE P or B)."))
        }
    }
}
