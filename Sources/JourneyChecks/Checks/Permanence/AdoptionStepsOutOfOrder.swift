import JourneyCore

/// An adoption's steps dated out of their order: matched before the decision, placed before the match, the order
/// before the placement, a placement order or a reversal before the decision, an adoptive placement ended before it
/// began.
///
/// The steps run decision → match → placement → order, each on or after the one before that is recorded (a step may
/// share its day with the one before). The SSDA903 rules: 333 (the decision on or before the match), 331 (the match
/// on or before the placement for adoption), 521 (the decision on or before the placement), 522 (the decision on or
/// before its reversal). A placement order before the decision (554) and an order before the placement have no
/// error rule of their own there, but are as wrong.
struct AdoptionStepsOutOfOrder: Check {
    var id: String { "adoption-steps-out-of-order" }
    var severity: Severity { .error }
    var rule: String? { "903 333/331/521/522" }
    var summary: String {
        "An adoption's steps are out of order: matched before the decision, placed before the match, and so on."
    }
    var judges: RecordFacts { [.adoptions] }

    /// The steps that run one after another; the others each follow one of them.
    static let chain: [AdoptionStep] = [.decided, .matched, .placed, .orderGranted]
    static let followers: [(step: AdoptionStep, after: AdoptionStep)] = [
        (.placementOrderGranted, .decided), (.placementEnded, .placed), (.decisionReversed, .decided),
    ]

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for a in child.record.adoptions {
            var pairs: [(later: AdoptionStep, earlier: AdoptionStep)] = []
            // Each step of the chain after the last one before it that is recorded.
            var previous: AdoptionStep?
            for step in Self.chain where step.of(a) != nil {
                if let previous { pairs.append((step, previous)) }
                previous = step
            }
            pairs += Self.followers.map { (later: $0.step, earlier: $0.after) }
            for (later, earlier) in pairs {
                guard let l = later.of(a), let e = earlier.of(a), l.date < e.date else { continue }
                findings.append(
                    finding(
                        child, on: l.date, events: [l.position, e.position],
                        "\(later.name) \(l.date), before \(earlier.object) on \(e.date): correct the date of one or "
                            + "the other."))
            }
        }
    }
}
