import JourneyCore

/// A temporary placement (`T0`-`T4`) recorded with a provider.
///
/// SSDA903 213: "Placement provider information not required." (`PLACE` T0-T4, or from lac2025_26 Z11-Z14, with
/// `PLACE_PROVIDER` given.) A temporary placement interrupts the placement before it: its provider is that
/// placement's. The append takes a provider on any placement. A provider on another placement (Z1, Z11-Z14) is left
/// to 903 178, which refuses it in every rule set: this check is about temporary placements only.
struct ProviderOnTemporaryPlacement: Check {
    var id: String { "provider-on-temporary-placement" }
    var severity: Severity { .error }
    var rule: String? { "903 213" }
    var summary: String { "A temporary placement (T0-T4) is recorded with a placement provider." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.placements where p.start <= child.asOf && p.placementType.isTemporary {
            guard p.provider != nil else { continue }
            findings.append(
                finding(
                    child, on: p.start, events: [child.start(of: p)],
                    "A temporary placement is recorded with a placement provider: the 903 takes none for it; leave "
                        + "the provider out."))
        }
    }
}
