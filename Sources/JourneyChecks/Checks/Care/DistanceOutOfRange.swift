import JourneyCore

/// A placement distance over 999.9 miles for a child who was never an unaccompanied asylum-seeking child.
///
/// SSDA903 164: "Distance is not valid. Please check a valid postcode has been entered." (`PL_DISTANCE` below 0 or
/// over 999.9, for a child not UASC.) The append refuses a distance below 0; one above 999.9 is judged here. A UASC
/// child's distances are `distance-for-uasc`'s (903 406).
struct DistanceOutOfRange: Check {
    var id: String { "distance-out-of-range" }
    var severity: Severity { .error }
    var rule: String? { "903 164" }
    var summary: String { "A placement distance is over 999.9 miles." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.wasUASC else { return }
        for p in child.record.placements where p.start <= child.asOf {
            guard let miles = p.distanceMiles, miles > 999.9 else { continue }
            findings.append(
                finding(
                    child, on: p.start, events: [child.start(of: p)],
                    "A placement distance is over 999.9 miles, more than the 903 takes: check the distance and the "
                        + "postcodes."))
        }
    }
}

extension ChildJourney {
    /// Whether the child was an unaccompanied asylum-seeking child in a period of care started by the as-of date
    /// (the 903 header's `UASC` flag, this year's or last).
    var wasUASC: Bool {
        record.periodsOfCare.contains { p in p.isUASC && (p.start.map { $0 <= asOf } ?? false) }
    }
}
