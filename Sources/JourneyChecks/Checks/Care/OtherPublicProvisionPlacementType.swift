import JourneyCore

/// A placement in other public provision (`PR3`) of a type other public bodies do not provide.
///
/// SSDA903 529: "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to
/// U6 as these placements cannot be provided by other public organisations."
struct OtherPublicProvisionPlacementType: ProviderDisagreesWithPlacement {
    var id: String { "other-public-provision-placement-type" }
    var rule: String? { "903 529" }
    var summary: String {
        "A placement in other public provision (PR3) is with parents, for adoption, in a children's home or foster care."
    }
    var provider: String { "PR3" }
    var placementText: String {
        "with parents (P1), for adoption (A3-A6), in a children's home (K1, K2) or in foster care (U1-U6)"
    }

    func forbids(_ placementType: String) -> Bool {
        ["P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"].contains(placementType)
    }
}
