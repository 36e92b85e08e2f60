import JourneyCore

/// A match with adopters for an adoption with no decision that the child should be placed for adoption.
///
/// SSDA903 333: "Date should be placed for adoption must be on or prior to the date of matching child with
/// adopter(s)." The validator flags an AD1 row with a `DATE_MATCH` and no `DATE_INT`, or a `DATE_INT` after it; the
/// second is `adoption-steps-out-of-order`'s, this check the first. `journey return` writes an AD1 row only from a
/// decision, so the validator cannot see the gap in a return journey writes: here it is found on the stream, where
/// the match names its adoption.
struct MatchedWithoutAdoptionDecision: Check {
    var id: String { "matched-without-adoption-decision" }
    var severity: Severity { .error }
    var rule: String? { "903 333" }
    var summary: String { "A match with adopters names an adoption with no decision to place for adoption." }
    var judges: RecordFacts { [.adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findUndecided(.matched, in: child, into: &findings)
    }
}
