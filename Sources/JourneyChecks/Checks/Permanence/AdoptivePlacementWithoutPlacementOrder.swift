import JourneyCore

/// A placement for adoption with a placement order (`A5`, `A6`) under a legal status other than a placement order.
///
/// SSDA903 408: "Child is placed for adoption with a placement order, but no placement order has been recorded."
/// The validator flags a row with `PLACE` `A5` or `A6` whose `LS` is not `E1` (placement order granted). Here each
/// row read back from the period (`CareEpisode`); one finding for each placement.
struct AdoptivePlacementWithoutPlacementOrder: Check {
    var id: String { "adoptive-placement-without-placement-order" }
    var severity: Severity { .error }
    var rule: String? { "903 408" }
    var summary: String {
        "A placement for adoption with a placement order (A5, A6) is under a legal status other than E1."
    }
    var judges: RecordFacts { [.periodsOfCare, .placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        var seen: Set<UInt64> = []
        for e in child.careEpisodes {
            guard let p = e.placement, ["A5", "A6"].contains(p.placementType.rawValue), e.legalStatus?.rawValue != "E1",
                seen.insert(p.key).inserted
            else { continue }
            findings.append(
                finding(
                    child, on: e.start, events: [child.event(beginning: e), p.position],
                    "A placement for adoption with a placement order (\(p.placementType.rawValue)) is under a legal "
                        + "status other than a placement order (E1): record the placement order, or correct the "
                        + "placement type."))
        }
    }
}
