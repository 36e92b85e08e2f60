import JourneyCore

/// A temporary placement (`T0`-`T4`) after which the child does not go back to the placement it interrupted.
///
/// SSDA903 383: "A child in a temporary placement must subsequently return to his/her normal placement." (The row
/// after a row in a temporary placement must change placement, `RNE` P, back to the placement of the row before,
/// the same `PLACE` and `PL_POST`.) Here the 903 rows (`CareEpisode`) of each period of care: the row after one in a
/// temporary placement, when there was a row before it, must be in that row's placement. A legal status change
/// during the temporary placement (the same placement on the next row) breaks it too. A period starting or ending
/// in a temporary placement is `period-starts-with-temporary-placement`'s or `period-ends-with-temporary-placement`'s
/// (903 380, 381).
struct TemporaryPlacementNotFollowedByReturn: Check {
    var id: String { "temporary-placement-not-followed-by-return" }
    var severity: Severity { .error }
    var rule: String? { "903 383" }
    var summary: String { "A temporary placement (T0-T4) is not followed by a return to the placement it interrupted." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // Most children in care were never in a temporary placement: their rows need not be made.
        guard child.hasTemporaryPlacement else { return }
        for period in child.record.periodsOfCare where (period.start.map { $0 <= child.asOf } ?? false) {
            let rows = child.episodes(of: period).filter { $0.start <= child.asOf }
            guard rows.count >= 3 else { continue }
            for i in 1..<(rows.count - 1) {
                guard let temporary = rows[i].placement, temporary.placementType.isTemporary else { continue }
                let before = rows[i - 1].placement?.key
                let after = rows[i + 1].placement?.key
                guard after == temporary.key || after != before else { continue }
                findings.append(
                    finding(
                        child, on: rows[i + 1].start,
                        events: [child.event(beginning: rows[i + 1]), temporary.position],
                        "A temporary placement is not followed by a return to the placement it interrupted: end the "
                            + "temporary placement on the day of the return, or correct the placement that follows."))
            }
        }
    }
}
