import JourneyCore

/// A placement provided by parents (`PR0`) that is not a placement with parents (`P1`).
///
/// SSDA903 550: "A placement provider code of PR0 can only be associated with placement P1."
struct ParentsProvisionNotWithParents: ProviderDisagreesWithPlacement {
    var id: String { "parents-provision-not-with-parents" }
    var rule: String? { "903 550" }
    var summary: String { "A placement provided by parents (PR0) is not a placement with parents (P1)." }
    var provider: String { "PR0" }
    var placementText: String { "not with parents (P1)" }

    func forbids(_ placementType: String) -> Bool {
        placementType != "P1"
    }
}
