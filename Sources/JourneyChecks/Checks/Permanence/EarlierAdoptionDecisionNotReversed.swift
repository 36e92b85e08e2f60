import JourneyCore

/// A decision that the child should be placed for adoption, followed by another, with no reversal of the first.
///
/// SSDA903 583: "More than one date the child should be placed for adoption has been reported, but an earlier
/// decision has not been revoked." The validator flags each placed-for-adoption row but the latest (by
/// `DATE_PLACED`) with no `DATE_PLACED_CEASED`. Here each adoption decided before the latest decision, with no
/// `adoption.decision-reversed`, over the whole history up to the as-of date. A decision that ended in an adoption
/// order is not one left standing: a child adopted and looked after again has no earlier decision to revoke, and
/// `journey return` leaves it out of the table when the order was before the year (903 1003).
struct EarlierAdoptionDecisionNotReversed: Check {
    var id: String { "earlier-adoption-decision-not-reversed" }
    var severity: Severity { .error }
    var rule: String? { "903 583" }
    var summary: String { "A later decision to place for adoption is recorded while an earlier one was not reversed." }
    var judges: RecordFacts { [.adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let decided = child.adoptionsDecided
        guard decided.count > 1, let latest = decided.last else { return }
        for a in decided.dropLast() where a.decisionClosed(asOf: child.asOf) == nil {
            findings.append(
                finding(
                    child, on: latest.decided!.date, events: [a.decided!.position, latest.decided!.position],
                    "A later decision that the child should be placed for adoption is recorded while an earlier one "
                        + "was not reversed: record when the earlier decision was reversed, or remove the decision "
                        + "recorded twice."))
        }
    }
}
