import JourneyCore

/// A missing or away episode that ends before it starts.
///
/// The return date decides when the return interview is due (`return-interview-not-offered`), so it must follow the
/// start. SSDA903 567: "The date that the missing episode or episode that the child was away from placement without
/// authorisation ended is before the date that it started." (`MIS_START > MIS_END`.)
struct MissingEpisodeEndsBeforeStart: Check {
    var id: String { "missing-episode-ends-before-start" }
    var severity: Severity { .error }
    var rule: String? { "903 567" }
    var summary: String { "A missing or away episode ends before the date it started." }
    var judges: RecordFacts { [.missingEpisodes] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findEndsBeforeStart(
            child, child.record.missingEpisodes, start: { $0.start }, end: { $0.end },
            events: { [child.end(of: $0), child.start(of: $0)] },
            spell: "Missing episode", endDate: "return date", into: &findings)
    }
}
