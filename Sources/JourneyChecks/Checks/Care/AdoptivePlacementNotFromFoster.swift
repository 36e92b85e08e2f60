import JourneyCore

/// A placement for adoption with consent (`A3`, `A4`) whose 903 row follows one in neither a foster nor an adoptive
/// placement.
///
/// SSDA903 336: "Child does not have a foster placement immediately prior to being placed for adoption." (A row with
/// `PLACE` A3 or A4 whose previous row, by `DECOM`, has `PLACE` other than A3-A6 or U1-U6; the child's first row
/// aside.) Here the child's 903 rows (`CareEpisode`) over all periods of care, in date order: a row with no
/// placement before it counts as neither.
struct AdoptivePlacementNotFromFoster: Check {
    var id: String { "adoptive-placement-not-from-foster" }
    var severity: Severity { .error }
    var rule: String? { "903 336" }
    var summary: String {
        "A placement for adoption with consent (A3, A4) does not follow a foster or adoptive placement."
    }
    var judges: RecordFacts { [.periodsOfCare] }

    static let fosterOrAdoptive: Set<String> = ["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"]

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let rows = child.careEpisodes.sorted { $0.start < $1.start }
        for (previous, row) in zip(rows, rows.dropFirst()) {
            guard let type = row.placement?.placementType.rawValue, type == "A3" || type == "A4",
                !Self.fosterOrAdoptive.contains(previous.placement?.placementType.rawValue ?? "")
            else { continue }
            findings.append(
                finding(
                    child, on: row.start, events: [child.event(beginning: row), previous.placement?.position],
                    "A placement for adoption with consent (\(type)) does not follow a foster or adoptive placement: "
                        + "check the placement before it and the placement type."))
        }
    }
}
