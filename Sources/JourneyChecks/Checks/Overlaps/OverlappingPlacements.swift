import JourneyCore

/// Two placements open at once.
///
/// A child is in one placement at a time; a move is recorded as `placement.ended` then `placement.started`
/// (events.md). Temporary placements (`T0`–`T4`) interrupt the placement in force without ending it, so they are left
/// out; one placement may end on the day the next starts.
///
/// SSDA903 501 ("A new episode has started before the end date of the previous episode") and 142 ("A new episode
/// has started, but the previous episode has not ended"): each 903 episode is a placement here. The rules take every
/// episode; a temporary placement is its own episode in the 903 and ends the one before, so it cannot overlap there
/// either. 142 also flags an earlier episode with a `DEC` but no `REC`, which the event format cannot hold.
struct OverlappingPlacements: Check {
    var id: String { "overlapping-placements" }
    var severity: Severity { .error }
    var rule: String? { "903 501/142" }
    var summary: String { "A placement starts while another (non-temporary) placement is still open." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findOverlappingSpells(
            child, child.record.placements,
            dates: { p in p.placementType.isTemporary ? nil : DateRange(start: p.start, end: p.end) },
            order: \.position,
            events: { later, earlier in [later.position, earlier.position, child.end(of: earlier)] },
            spell: "Placement", earlierSpell: "placement",
            fix: { started in "record the earlier placement's end on or before \(started), or correct the dates" },
            into: &findings)
    }
}
