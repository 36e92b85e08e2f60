import JourneyCore

/// A placement with parents (`P1`) given as private provision (`PR4`).
///
/// SSDA903 530: "A placement provider code of PR4 cannot be associated with placement P1."
struct PrivateProvisionWithParents: ProviderDisagreesWithPlacement {
    var id: String { "private-provision-with-parents" }
    var rule: String? { "903 530" }
    var summary: String { "A placement in private provision (PR4) is with the child's parents (P1)." }
    var provider: String { "PR4" }
    var placementText: String { "with parents (P1)" }

    func forbids(_ placementType: String) -> Bool {
        placementType == "P1"
    }
}
