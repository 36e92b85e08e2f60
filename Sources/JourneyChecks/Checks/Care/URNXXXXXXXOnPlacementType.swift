import JourneyCore

/// The Ofsted URN `XXXXXXX` on a placement other than for adoption or in foster care.
///
/// SSDA903 242: "URN = 'XXXXXXX' can only be used for regional adoption agencies" (`URN` XXXXXXX with `PLACE` other
/// than A3-A6 or U1-U6). The append takes any text as a URN.
struct URNXXXXXXXOnPlacementType: Check {
    var id: String { "urn-xxxxxxx-on-placement-type" }
    var severity: Severity { .error }
    var rule: String? { "903 242" }
    var summary: String {
        "The URN XXXXXXX (regional adoption agency) is on a placement not for adoption or fostering."
    }
    var judges: RecordFacts { [.placements] }

    static let agencyTypes: Set<String> = ["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"]

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.placements where p.start <= child.asOf && p.urn == "XXXXXXX" {
            guard !Self.agencyTypes.contains(p.placementType.rawValue) else { continue }
            findings.append(
                finding(
                    child, on: p.start, events: [child.start(of: p)],
                    "A placement of type \(p.placementType.rawValue) has the URN XXXXXXX, which is only for a regional "
                        + "adoption agency's adoption or foster placement: record the provider's URN."))
        }
    }
}
