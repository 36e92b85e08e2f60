import JourneyCore
import JourneyProjections

/// A step of an adoption, from the decision that the child should be placed for adoption to the order, with the
/// words the permanence checks' messages use for it.
enum AdoptionStep: CaseIterable {
    case decided, placementOrderGranted, matched, placed, placementEnded, decisionReversed, orderGranted

    /// The step's date and event in `adoption`, when it is recorded.
    func of(_ adoption: ChildRecord.Adoption) -> ChildRecord.Dated? {
        switch self {
        case .decided: adoption.decided
        case .placementOrderGranted: adoption.placementOrderGranted
        case .matched: adoption.matched
        case .placed: adoption.placed
        case .placementEnded: adoption.placementEnded
        case .decisionReversed: adoption.reversed
        case .orderGranted: adoption.orderGranted
        }
    }

    /// As a message starts with it: "Matched with adopters 2024-05-01".
    var name: String {
        switch self {
        case .decided: "Decision to place for adoption"
        case .placementOrderGranted: "Placement order granted"
        case .matched: "Matched with adopters"
        case .placed: "Placed for adoption"
        case .placementEnded: "Adoptive placement ended"
        case .decisionReversed: "Adoption decision reversed"
        case .orderGranted: "Adoption order granted"
        }
    }

    /// As a message names it after another step: "before the decision to place for adoption on 2024-04-01".
    var object: String {
        switch self {
        case .decided: "the decision to place for adoption"
        case .placementOrderGranted: "the placement order"
        case .matched: "the match with adopters"
        case .placed: "the placement for adoption"
        case .placementEnded: "the end of the adoptive placement"
        case .decisionReversed: "the reversal of the decision"
        case .orderGranted: "the adoption order"
        }
    }

    /// The steps recorded for `adoption`, with their dates and events, in step order.
    static func recorded(in adoption: ChildRecord.Adoption) -> [(step: AdoptionStep, dated: ChildRecord.Dated)] {
        allCases.compactMap { step in step.of(adoption).map { (step, $0) } }
    }
}

extension CareEndReason {
    /// `E11`, `E12`: the child was adopted (SSDA903 `REC`).
    var isAdoption: Bool { rawValue == "E11" || rawValue == "E12" }
}

extension Check {
    /// A finding for each recorded `step` (on or before the as-of date) of an adoption of `child` with no decision to
    /// place for adoption: the SSDA903 asks for the decision with each later step, one rule for each.
    func findUndecided(_ step: AdoptionStep, in child: ChildJourney, into findings: inout [Finding]) {
        for a in child.record.adoptions where a.decided == nil {
            guard let dated = step.of(a), dated.date <= child.asOf else { continue }
            findings.append(
                finding(
                    child, on: dated.date, events: [dated.position],
                    "\(step.name) \(dated.date) names an adoption with no decision to place for adoption recorded: "
                        + "record the decision (adoption.decided), or correct the adoption the event names."))
        }
    }
}
