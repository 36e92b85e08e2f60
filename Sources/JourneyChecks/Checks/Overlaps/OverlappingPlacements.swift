import JourneyCore

/// Two placements open at once.
///
/// A child is in one placement at a time; a move is recorded as `placement.ended` then `placement.started`
/// (events.md). Temporary placements (`T0`–`T4`) interrupt the placement in force without ending it, so they are left
/// out; one placement may end on the day the next starts.
struct OverlappingPlacements: Check {
    var id: String { "overlapping-placements" }
    var severity: Severity { .error }
    var summary: String { "A placement starts while another (non-temporary) placement is still open." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for (earlier, later) in laterOverlaps(
            child.record.placements,
            range: { p in p.placementType.isTemporary ? nil : DateRange(start: p.start, end: p.end) }, order: \.position
        ) {
            findings.append(
                finding(
                    child, on: later.start, events: [later.position, earlier.position, child.end(of: earlier)],
                    "Placement started \(later.start) while the placement started \(earlier.start) was "
                        + "\(earlier.end.map { "open until \($0)" } ?? "still open"): record the earlier placement's "
                        + "end on or before \(later.start), or correct the dates."))
        }
    }
}
