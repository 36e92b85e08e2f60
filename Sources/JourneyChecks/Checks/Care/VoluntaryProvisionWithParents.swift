import JourneyCore

/// A placement with parents (`P1`) given as voluntary or third sector provision (`PR5`).
///
/// SSDA903 531: "A placement provider code of PR5 cannot be associated with placements P1."
struct VoluntaryProvisionWithParents: ProviderDisagreesWithPlacement {
    var id: String { "voluntary-provision-with-parents" }
    var rule: String? { "903 531" }
    var summary: String { "A placement in voluntary or third sector provision (PR5) is with the child's parents (P1)." }
    var provider: String { "PR5" }
    var placementText: String { "with parents (P1)" }

    func forbids(_ placementType: String) -> Bool {
        placementType == "P1"
    }
}
