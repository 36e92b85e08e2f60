import JourneyCore

/// A placement in the council's own provision (`PR1`) of a type no council provides.
///
/// SSDA903 527: "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5."
struct OwnProvisionPlacementType: ProviderDisagreesWithPlacement {
    var id: String { "own-provision-placement-type" }
    var rule: String? { "903 527" }
    var summary: String {
        "A placement in the council's own provision (PR1) is with parents (P1), in hospital (R2) or custody (R5)."
    }
    var provider: String { "PR1" }
    var placementText: String {
        "with parents (P1), in an NHS establishment (R2) or in a young offender institution (R5)"
    }

    func forbids(_ placementType: String) -> Bool {
        ["P1", "R2", "R5"].contains(placementType)
    }
}
