import JourneyCore

/// An Ofsted URN recorded on a placement of a type Ofsted does not register.
///
/// SSDA903 222: "Ofsted Unique reference number (URN) should not be recorded for this placement type." (`PLACE` P1,
/// P3, R1, R2, R5, T0-T4 or Z11-Z14, and `URN` given other than `XXXXXXX`, the code for a regional adoption agency.)
/// The rule sets before lac2025_26 name `Z1` where it names Z11-Z14: each year's other placements, so the check
/// takes all five codes in any year (`PlacementType.isOtherPlacement`).
struct URNOnPlacementType: Check {
    var id: String { "urn-on-placement-type" }
    var severity: Severity { .error }
    var rule: String? { "903 222" }
    var summary: String { "An Ofsted URN is recorded on a placement of a type Ofsted does not register." }
    var judges: RecordFacts { [.placements] }

    static let typesWithoutURN: Set<String> = ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4"]

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.placements where p.start <= child.asOf {
            guard let urn = p.urn, urn != "XXXXXXX",
                Self.typesWithoutURN.contains(p.placementType.rawValue) || p.placementType.isOtherPlacement
            else { continue }
            findings.append(
                finding(
                    child, on: p.start, events: [child.start(of: p)],
                    "A placement of type \(p.placementType.rawValue) has an Ofsted URN: the 903 takes none for this "
                        + "type; leave the URN out or correct the placement type."))
        }
    }
}
