import JourneyCore

/// A short break (`V3`, `V4`) spent in a temporary placement.
///
/// SSDA903 382: "A child receiving respite care cannot be in a temporary placement." (`LS` `V3` or `V4` with `PLACE`
/// `T0`–`T4` on the same row.) Here the rows are read back from the period (`CareEpisode`); one finding for each
/// such placement.
struct ShortBreakInTemporaryPlacement: Check {
    var id: String { "short-break-in-temporary-placement" }
    var severity: Severity { .error }
    var rule: String? { "903 382" }
    var summary: String { "A short break (V3, V4) is spent in a temporary placement (T0–T4)." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        var seen: Set<UInt64> = []
        for e in child.careEpisodes {
            guard let p = e.placement, p.placementType.isTemporary, e.legalStatus?.isShortBreak == true,
                seen.insert(p.key).inserted
            else { continue }
            findings.append(
                finding(
                    child, on: e.start, events: [p.position, child.event(beginning: e)],
                    "A short break (V3, V4) is spent in a temporary placement (\(p.placementType.rawValue)): a "
                        + "short break is its own placement; correct the placement type or the legal status."))
        }
    }
}
