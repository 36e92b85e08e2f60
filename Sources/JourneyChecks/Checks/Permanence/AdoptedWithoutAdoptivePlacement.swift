import JourneyCore

/// Care that ended with adoption while the child was not placed for adoption.
///
/// SSDA903 390: "Reason episode ceased is adopted but child has not been previously placed for adoption." The
/// validator flags a row with `REC` `E11` or `E12` whose `PLACE` is not one of `A3`–`A6` (placed for adoption). Here
/// the placement of the period's last row (`CareEpisode`) when the period ends with `E11` or `E12`.
///
/// **By design**: a row with a `REC` but no `DEC` is still open here (the import ignores the `REC` until the episode
/// ceases, and says so); the validator reads the `REC` alone, and flags it.
struct AdoptedWithoutAdoptivePlacement: Check {
    var id: String { "adopted-without-adoptive-placement" }
    var severity: Severity { .error }
    var rule: String? { "903 390" }
    var summary: String { "Care ends with adoption (E11, E12) while the child is not placed for adoption (A3–A6)." }
    var judges: RecordFacts { [.periodsOfCare] }

    static let adoptive: Set<String> = ["A3", "A4", "A5", "A6"]

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.periodsOfCare {
            guard let end = p.end, end <= child.asOf, let reason = p.endReason?.rawValue,
                reason == "E11" || reason == "E12",
                let last = child.episodes(of: p).last
            else { continue }
            guard !(last.placement.map { Self.adoptive.contains($0.placementType.rawValue) } ?? false) else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p), last.placement?.position],
                    "Care ends with adoption (E11, E12) while the child is not placed for adoption (A3–A6): record the "
                        + "adoptive placement, or correct the reason care ended."))
        }
    }
}
