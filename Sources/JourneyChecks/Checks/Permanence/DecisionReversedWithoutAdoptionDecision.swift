import JourneyCore

/// A reversal of the decision to place for adoption for an adoption with no decision recorded.
///
/// SSDA903 563: "The child should no longer be placed for adoption but the date of the decision that the child should
/// be placed for adoption is blank". The validator flags a placed-for-adoption row with `DATE_PLACED_CEASED` and
/// `REASON_PLACED_CEASED` but no `DATE_PLACED`. `journey return` writes that row only from a decision, so the
/// validator cannot see the gap in a return journey writes: here the `adoption.decision-reversed` of an adoption
/// with no `adoption.decided`.
struct DecisionReversedWithoutAdoptionDecision: Check {
    var id: String { "decision-reversed-without-adoption-decision" }
    var severity: Severity { .error }
    var rule: String? { "903 563" }
    var summary: String { "A reversal of the decision to place for adoption names an adoption with no decision." }
    var judges: RecordFacts { [.adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findUndecided(.decisionReversed, in: child, into: &findings)
    }
}
