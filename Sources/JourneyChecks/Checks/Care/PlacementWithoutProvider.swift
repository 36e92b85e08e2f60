import JourneyCore

/// A placement other than a temporary one (`T0`-`T4`) or another placement (`Z1`, `Z11`-`Z14`) recorded without a
/// provider.
///
/// SSDA903 526: "Child is missing a placement provider code for at least one episode." (`PLACE` not T0-T4 or
/// Z11-Z14 in lac2025_26, not T0-T4 or Z1 in the rule sets before, and `PLACE_PROVIDER` blank.) The provider is
/// optional at append; the return leaves it blank. Each rule set exempts its own other placements, so the check
/// exempts all five codes in any year (`PlacementType.isOtherPlacement`); 903 178 refuses a provider for them.
struct PlacementWithoutProvider: Check {
    var id: String { "placement-without-provider" }
    var severity: Severity { .error }
    var rule: String? { "903 526" }
    var summary: String { "A placement other than a temporary one has no placement provider." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.placements
        where p.start <= child.asOf && !p.placementType.isTemporary && !p.placementType.isOtherPlacement {
            guard p.provider == nil else { continue }
            findings.append(
                finding(
                    child, on: p.start, events: [child.start(of: p)],
                    "A placement has no placement provider: record who provides it (PR0-PR5) with the placement."))
        }
    }
}
