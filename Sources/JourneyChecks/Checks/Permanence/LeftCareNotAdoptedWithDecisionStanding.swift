import JourneyCore
import JourneyProjections

/// Care that ended other than in adoption from a placement for adoption (`A3`–`A6`) or a placement order (`E1`),
/// with the decision to place for adoption never reversed.
///
/// SSDA903 557: "Child for whom the decision was made that they should be placed for adoption has left care but was
/// not adopted and information on the decision that they should no longer be placed for adoption items has not been
/// completed." The validator takes each row with `PLACE` `A3`–`A6` or `LS` `E1` whose `REC` ends care other than by
/// adoption (not `E11`, `E12` or `X1`), that is the last row of a period of care, and flags it when the child has no
/// placed-for-adoption row or one without `DATE_PLACED_CEASED` and `REASON_PLACED_CEASED`. Here the last stretch of
/// each period of care ended on or before the as-of date, against the decisions made on or before care ended: none,
/// or one neither reversed nor ended in an adoption order by the as-of date (a reversal carries its reason).
struct LeftCareNotAdoptedWithDecisionStanding: Check {
    var id: String { "left-care-not-adopted-with-decision-standing" }
    var severity: Severity { .error }
    var rule: String? { "903 557" }
    var summary: String {
        "Care ended other than in adoption from an A3–A6 placement or E1, with the adoption decision not reversed."
    }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // A last stretch placed for adoption or under a placement order needs such a placement or legal status in
        // the record: most children in care never had one, and need no stretches made.
        guard
            child.record.placements.contains(where: { $0.placementType.isPlacedForAdoption })
                || child.record.periodsOfCare.contains(where: Self.hadPlacementOrder)
        else { return }
        for p in child.record.periodsOfCare {
            guard let end = p.end, end <= child.asOf, let reason = p.endReason, !reason.isAdoption,
                let last = child.episodes(of: p).last, last.endsPeriod
            else { continue }
            let type = last.placement?.placementType
            let isPlaced = type?.isPlacedForAdoption ?? false
            guard isPlaced || last.legalStatus?.rawValue == "E1" else { continue }
            let what = isPlaced ? "placed for adoption (\(type!.rawValue))" : "under a placement order (E1)"
            let decisions = child.record.adoptions.filter { ($0.decided?.date).map { $0 <= end } ?? false }
            if decisions.isEmpty {
                findings.append(
                    finding(
                        child, on: end, events: [child.end(of: p)],
                        "Care ended \(end) (\(reason)) while the child was \(what), with no decision that the child "
                            + "should be placed for adoption recorded: record the decision and its reversal, or "
                            + "correct the placement or legal status."))
                continue
            }
            for a in decisions where a.decisionClosed(asOf: child.asOf) == nil {
                findings.append(
                    finding(
                        child, on: end, events: [child.end(of: p), a.decided!.position],
                        "Care ended \(end) (\(reason)) while the child was \(what), but the decision of "
                            + "\(a.decided!.date) that the child should be placed for adoption was never reversed: "
                            + "record its reversal (adoption.decision-reversed) with the reason, or correct the "
                            + "reason care ended."))
            }
        }
    }

    /// Whether a period of care was under a placement order (`E1`) at any time.
    private static func hadPlacementOrder(_ period: ChildRecord.PeriodOfCare) -> Bool {
        period.legalStatuses.contains { $0.status.rawValue == "E1" }
    }
}
