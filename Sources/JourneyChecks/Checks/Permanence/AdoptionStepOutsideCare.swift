import JourneyCore

/// A step of an adoption dated when the child was not looked after.
///
/// An adoption, from the decision to the order, runs while the child is looked after: the placement for adoption is
/// a placement of the period of care (SSDA903 `PLACE` `A3`–`A6`), and the order ends the period (`E11`, `E12`), so
/// an order on the day care ended is in care. A step outside every period of care is wrongly dated, or its period
/// is not recorded. The SSDA903 rules: 1003 (the decision before the child started to be looked after) and 117 (the
/// decision or its reversal after the child ceased to be looked after); the check reads them for every step.
struct AdoptionStepOutsideCare: Check {
    var id: String { "adoption-step-outside-care" }
    var severity: Severity { .error }
    var rule: String? { "903 1003/117" }
    var summary: String {
        "A step of an adoption (decision, match, placement, order…) is dated when the child was not looked after."
    }
    var judges: RecordFacts { [.adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for a in child.record.adoptions {
            for (step, dated) in AdoptionStep.recorded(in: a) where !child.isInvolved(at: .care, on: dated.date) {
                findings.append(
                    finding(
                        child, on: dated.date, events: [dated.position],
                        "\(step.name) \(dated.date), when the child was not looked after: correct the date, or record "
                            + "the period of care it belongs to."))
            }
        }
    }
}
