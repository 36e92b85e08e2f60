import JourneyCore

/// A short break (`V3`, `V4`) spent in a long-term foster placement (`U1`, `U4`).
///
/// SSDA903 384: "A child receiving respite care cannot be in a long-term foster placement" (`LS` `V3` or `V4` with
/// `PLACE` `U1` or `U4` on the same row). Here the rows are read back from the period (`CareEpisode`); one finding
/// for each such placement.
struct ShortBreakInLongTermFostering: Check {
    var id: String { "short-break-in-long-term-fostering" }
    var severity: Severity { .error }
    var rule: String? { "903 384" }
    var summary: String { "A short break (V3, V4) is spent in a long-term foster placement (U1, U4)." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        var seen: Set<UInt64> = []
        for e in child.careEpisodes {
            guard let p = e.placement, ["U1", "U4"].contains(p.placementType.rawValue),
                e.legalStatus?.isShortBreak == true, seen.insert(p.key).inserted
            else { continue }
            findings.append(
                finding(
                    child, on: e.start, events: [p.position, child.event(beginning: e)],
                    "A short break (V3, V4) is spent in a long-term foster placement "
                        + "(\(p.placementType.rawValue)): correct the placement type or the legal status."))
        }
    }
}
