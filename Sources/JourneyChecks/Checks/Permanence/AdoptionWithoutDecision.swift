import JourneyCore

/// A placement with adopters, its end or an adoption order for an adoption with no decision that the child should be
/// placed for adoption.
///
/// Every later step of an adoption follows from the decision. The SSDA903 asks for the decision with the steps it
/// holds, each under its own rule and check: a match (333, `matched-without-adoption-decision`), a placement order
/// (553, `placement-order-without-adoption-decision`), a reversal (563,
/// `decision-reversed-without-adoption-decision`) and a placement of type `A3`–`A6` (551,
/// `placed-for-adoption-without-decision`). The steps left are this check's, and name no rule: the 903 has no
/// `adoption.placed` or placement end of its own (the move shows as an `A3`–`A6` placement), and an adoption order
/// shows as care ending `E11` or `E12`. One finding for each adoption, on its earliest such step, naming each. A
/// placement with adopters that names its `A3`–`A6` placement, of a child with no decision at all, is left to 551's
/// check, which finds that placement: one finding for the one move.
struct AdoptionWithoutDecision: Check {
    var id: String { "adoption-without-decision" }
    var severity: Severity { .error }
    var summary: String {
        "A placement with adopters, its end or an adoption order names an adoption with no decision."
    }
    var judges: RecordFacts { [.adoptions] }

    /// The steps no 903 rule asks a decision of.
    static let steps: [AdoptionStep] = [.placed, .placementEnded, .orderGranted]

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.record.adoptions.isEmpty else { return }
        let adoptivePlacements =
            child.adoptionsDecided.isEmpty
            ? Set(child.record.placements.lazy.filter(\.placementType.isPlacedForAdoption).map(\.key)) : []
        for a in child.record.adoptions where a.decided == nil {
            let isFoundBy551 = a.placement.map(adoptivePlacements.contains) ?? false
            let steps = Self.steps.filter { !(isFoundBy551 && $0 == .placed) }.compactMap { step in
                step.of(a).flatMap { $0.date <= child.asOf ? (step: step, dated: $0) : nil }
            }.sorted { ($0.dated.date, $0.dated.position) < ($1.dated.date, $1.dated.position) }
            guard let first = steps.first else { continue }
            findings.append(
                finding(
                    child, on: first.dated.date, events: steps.map(\.dated.position),
                    "\(first.step.name) \(first.dated.date) names an adoption with no decision to place for adoption "
                        + "recorded: record the decision (adoption.decided), or correct the adoption the event names."))
        }
    }
}
