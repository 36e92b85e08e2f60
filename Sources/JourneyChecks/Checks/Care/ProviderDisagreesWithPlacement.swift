import JourneyCore

/// A placement whose provider (`PLACE_PROVIDER`) cannot provide its placement type (`PLACE`).
///
/// The SSDA903 rules 527, 528, 529, 530, 531 and 550 each pair one provider code with the placement types it cannot
/// go with. The validator reads each episode row; a placement's provider and type are the same on every row of it,
/// so here each placement started by the as-of date, once. One check per rule, so that each finding names the one
/// rule it breaks.
protocol ProviderDisagreesWithPlacement: Check {
    var provider: String { get }
    /// Whether `placementType` cannot be provided by `provider`.
    func forbids(_ placementType: String) -> Bool
    /// The placement types the message names.
    var placementText: String { get }
}

extension ProviderDisagreesWithPlacement {
    var severity: Severity { .error }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.placements {
            guard p.start <= child.asOf, p.provider?.rawValue == provider, forbids(p.placementType.rawValue)
            else { continue }
            findings.append(
                finding(
                    child, on: p.start, events: [child.start(of: p)],
                    "A placement of provider \(provider) is \(placementText): correct the placement type or the "
                        + "provider."))
        }
    }
}
