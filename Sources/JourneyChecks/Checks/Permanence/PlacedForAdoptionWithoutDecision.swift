import JourneyCore

/// A placement for adoption (`A3`–`A6`) of a child with no decision that they should be placed for adoption.
///
/// SSDA903 551: "Child has been placed for adoption but there is no date of the decision that the child should be
/// placed for adoption." The validator flags each row with `PLACE` `A3`–`A6` of a child with no `DATE_PLACED` in the
/// placed-for-adoption table. Here each such placement of a child with no `adoption.decided` on or before the as-of
/// date, over the whole history; a decision after the placement is 552's (`adoptive-placement-before-decision`).
/// The return writes no placed-for-adoption row for a decision reversed or ended in an adoption order before the
/// year, so a child whose only decision was reversed before the year and who is placed for adoption again is flagged
/// by the validator and not here: a decision is on record, and the placement is judged against it by 552.
struct PlacedForAdoptionWithoutDecision: Check {
    var id: String { "placed-for-adoption-without-decision" }
    var severity: Severity { .error }
    var rule: String? { "903 551" }
    var summary: String { "A placement for adoption (A3–A6) of a child with no decision to place for adoption." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard child.adoptionsDecided.isEmpty else { return }
        for p in record.placements where p.placementType.isPlacedForAdoption && p.start <= child.asOf {
            findings.append(
                finding(
                    child, on: p.start, events: [p.position],
                    "Placed for adoption (\(p.placementType.rawValue)) \(p.start) with no decision that the child "
                        + "should be placed for adoption recorded: record the decision (adoption.decided), or correct "
                        + "the placement type."))
        }
    }
}
