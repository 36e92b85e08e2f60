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

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for m in child.record.missingEpisodes {
            guard let start = m.start, let end = m.end, end < start else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: m), child.start(of: m)],
                    "Missing episode ended \(end), before it started on \(start): correct the start date or the "
                        + "return date."))
        }
    }
}
