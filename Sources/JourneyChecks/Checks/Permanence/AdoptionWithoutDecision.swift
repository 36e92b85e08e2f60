import JourneyCore

/// An adoption recorded without the decision that the child should be placed for adoption: a match, a placement
/// order, a placement for adoption, a reversal or an order with no `adoption.decided` for that adoption.
///
/// Every later step of an adoption follows from the decision, and the SSDA903 asks for it with each: 333 (a match
/// with no `DATE_INT`), 551 (placed for adoption with no `DATE_PLACED`), 553 (a placement order with no decision),
/// 563 (a reversal with no decision). One finding for each adoption, on its earliest step, naming every step.
struct AdoptionWithoutDecision: Check {
    var id: String { "adoption-without-decision" }
    var severity: Severity { .error }
    var rule: String? { "903 333/551/553/563" }
    var summary: String {
        "A match, placement order, placement for adoption, reversal or adoption order names an adoption with no decision."
    }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for a in child.record.adoptions where a.decided == nil {
            let steps = AdoptionStep.recorded(in: a).sorted {
                ($0.dated.date, $0.dated.position) < ($1.dated.date, $1.dated.position)
            }
            guard let first = steps.first else { continue }
            findings.append(
                finding(
                    child, on: first.dated.date, events: steps.map(\.dated.position),
                    "\(first.step.name) \(first.dated.date) names an adoption with no decision to place for adoption "
                        + "recorded: record the decision (adoption.decided), or correct the adoption the event names."))
        }
    }
}
