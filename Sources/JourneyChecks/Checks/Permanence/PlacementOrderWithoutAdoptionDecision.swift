import JourneyCore

/// A placement order for an adoption with no decision that the child should be placed for adoption.
///
/// SSDA903 553: "Placement order has been granted but there is no date of decision that the child should be placed
/// for adoption." The validator flags a row with legal status `E1` (placement order granted) of a child with no
/// placed-for-adoption row. Here the `placement-order.granted` of an adoption with no `adoption.decided`: the event
/// names the adoption it is for, which the 903's legal status does not.
struct PlacementOrderWithoutAdoptionDecision: Check {
    var id: String { "placement-order-without-adoption-decision" }
    var severity: Severity { .error }
    var rule: String? { "903 553" }
    var summary: String { "A placement order names an adoption with no decision to place for adoption." }
    var judges: RecordFacts { [.adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findUndecided(.placementOrderGranted, in: child, into: &findings)
    }
}
