import JourneyCore

/// A period of care that starts in a temporary placement, or a legal status that changes during one.
///
/// SSDA903 380: "A period of care cannot start with a temporary placement." The validator flags every row with a
/// temporary `PLACE` (`T0`–`T4`) whose `RNE` is not `P` or `B` (a change of placement): the first row of a period
/// (`S`), and a change of legal status alone (`L`) or of carer-kept placement (`T`, `U`) during one. Here the rows
/// are read back from the period (`CareEpisode`): a row in a temporary placement that is the period's first, or that
/// the placement did not start. A period whose start is not in the log (its first row in a return had an `RNE` other
/// than `S`) starts at that row, and is judged as a start.
struct PeriodStartsWithTemporaryPlacement: Check {
    var id: String { "period-starts-with-temporary-placement" }
    var severity: Severity { .error }
    var rule: String? { "903 380" }
    var summary: String { "A period of care starts in a temporary placement (T0–T4), or changes status in one." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for e in child.careEpisodes {
            guard let p = e.placement, p.placementType.isTemporary, e.isFirst || p.start != e.start else { continue }
            findings.append(
                finding(
                    child, on: e.start, events: [child.event(beginning: e), p.position],
                    e.isFirst
                        ? "A period of care starts in a temporary placement (\(p.placementType.rawValue)): a "
                            + "temporary placement interrupts a placement; record the placement the child started in."
                        : "The legal status changes during a temporary placement "
                            + "(\(p.placementType.rawValue)): record the change on the placement the child returns "
                            + "to, or correct the placement type."))
        }
    }
}
