import JourneyCore

/// A placement for adoption (`A3`–`A6`) that starts before the decision that the child should be placed for adoption.
///
/// SSDA903 552: "Date of Decision to place a child for adoption should be on or prior to the date that the child was
/// placed for adoption." The validator compares the child's first row with `PLACE` `A3`–`A6` (by `DECOM`) with the
/// latest `DATE_PLACED` of the placed-for-adoption table, and flags a placement before it. Here the first such
/// placement against the latest decision (`adoption.decided`), over the whole history: a child placed for adoption
/// twice, after a decision reversed and made again, is judged on the first placement as the validator judges it.
struct AdoptivePlacementBeforeDecision: Check {
    var id: String { "adoptive-placement-before-decision" }
    var severity: Severity { .error }
    var rule: String? { "903 552" }
    var summary: String { "A placement for adoption (A3–A6) starts before the decision to place for adoption." }
    var judges: RecordFacts { [.placements, .adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard
            let decision = record.adoptions.compactMap(\.decided).filter({ $0.date <= child.asOf })
                .max(by: { ($0.date, $0.position) < ($1.date, $1.position) }),
            let first = record.placements.filter({
                AdoptedWithoutAdoptivePlacement.adoptive.contains($0.placementType.rawValue) && $0.start <= child.asOf
            }).min(by: { ($0.start, $0.position) < ($1.start, $1.position) }),
            first.start < decision.date
        else { return }
        findings.append(
            finding(
                child, on: first.start, events: [first.position, decision.position],
                "A placement for adoption (\(first.placementType.rawValue)) starts before the decision that the child "
                    + "should be placed for adoption: correct the decision's date or the placement's."))
    }
}
