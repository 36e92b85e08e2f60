import JourneyCore

/// A placement distance recorded for a child who is, or was, an unaccompanied asylum-seeking child.
///
/// SSDA903 406: "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank."
/// (Any episode with `PL_DISTANCE` of a child flagged UASC this year or last.) Here any placement with a distance
/// of a child with a UASC period of care.
struct DistanceForUASC: Check {
    var id: String { "distance-for-uasc" }
    var severity: Severity { .error }
    var rule: String? { "903 406" }
    var summary: String { "A placement distance is recorded for an unaccompanied asylum-seeking child." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard child.wasUASC else { return }
        for p in child.record.placements where p.start <= child.asOf && p.distanceMiles != nil {
            findings.append(
                finding(
                    child, on: p.start, events: [child.start(of: p)],
                    "A placement distance is recorded for an unaccompanied asylum-seeking child: the 903 takes none "
                        + "(the home is abroad); leave the distance out."))
        }
    }
}
