import JourneyCore

/// A placement in another council's provision (`PR2`) of a type no council provides.
///
/// SSDA903 528: "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5."
struct OtherCouncilProvisionPlacementType: ProviderDisagreesWithPlacement {
    var id: String { "other-council-provision-placement-type" }
    var rule: String? { "903 528" }
    var summary: String {
        "A placement in another council's provision (PR2) is with parents (P1), in hospital (R2) or custody (R5)."
    }
    var provider: String { "PR2" }
    var placementText: String {
        "with parents (P1), in an NHS establishment (R2) or in a young offender institution (R5)"
    }

    func forbids(_ placementType: String) -> Bool {
        ["P1", "R2", "R5"].contains(placementType)
    }
}
