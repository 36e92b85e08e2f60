import JourneyCore

/// A placement more than 350 miles from the child's home.
///
/// SSDA903 454: "Placement distance from home is over 350 miles." (`PL_DISTANCE` over 350 and not 999.9, the
/// validator's value for a distance it cannot work out.) The validator works the distance out from the home and
/// placement postcodes; the log holds the distance the council recorded (`distanceMiles`), judged here.
struct PlacementOver350Miles: Check {
    var id: String { "placement-over-350-miles" }
    var severity: Severity { .query }
    var rule: String? { "903 454" }
    var summary: String { "A placement is recorded as more than 350 miles from the child's home." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.placements where p.start <= child.asOf {
            guard let miles = p.distanceMiles, miles > 350, miles != 999.9 else { continue }
            findings.append(
                finding(
                    child, on: p.start, events: [child.start(of: p)],
                    "A placement is recorded as more than 350 miles from home: check the distance and the postcodes."
                ))
        }
    }
}
