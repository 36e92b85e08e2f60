import JourneyCore

/// Two missing or away episodes open at once.
///
/// A child cannot go missing while already missing: an overlap is usually a return not recorded, and it hides the
/// return interview the first episode was owed.
///
/// SSDA903 574: "A new missing/away from placement without authorisation period cannot start when the previous
/// missing/away from placement without authorisation period is still open" (an episode starting before the
/// previous one's end, or while it has none).
struct OverlappingMissingEpisodes: Check {
    var id: String { "overlapping-missing-episodes" }
    var severity: Severity { .warning }
    var rule: String? { "903 574" }
    var summary: String { "A missing or away episode starts while another is still open." }
    var judges: RecordFacts { [.missingEpisodes] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findOverlappingSpells(
            child, child.record.missingEpisodes, dates: { m in m.start.map { DateRange(start: $0, end: m.end) } },
            order: \.key, events: { later, earlier in [child.start(of: later), child.start(of: earlier)] },
            spell: "Missing episode", earlierSpell: "episode",
            fix: { _ in "record the child's return from the earlier episode, or correct the dates" },
            into: &findings)
    }
}
