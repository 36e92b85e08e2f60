import JourneyCore

/// Care that goes on after a period ended because the child died or turned 18.
///
/// SSDA903 437: "Reason episode ceased is child has died or is aged 18 or over but there are further episodes." The
/// validator flags a row with `REC` `E2` (died) or `E15` (aged 18 or over) followed by any later row of the child (by
/// `DECOM`). Here a period of care ended with `E2` or `E15` after whose last row (`CareEpisode`) another period
/// starts.
///
/// **By design**: a row with a `REC` but no `DEC` is still open here (the import ignores the `REC` until the episode
/// ceases, and says so); the validator reads the `REC` alone, and flags it.
struct CareAfterDeathOrAdulthood: Check {
    var id: String { "care-after-death-or-adulthood" }
    var severity: Severity { .error }
    var rule: String? { "903 437" }
    var summary: String { "Care goes on after a period that ended because the child died (E2) or turned 18 (E15)." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let periods = child.record.periodsOfCare
        for p in periods {
            guard let end = p.end, end <= child.asOf, let reason = p.endReason?.rawValue,
                reason == "E2" || reason == "E15",
                let last = child.episodes(of: p).last
            else { continue }
            let later = periods.filter { q in
                q.key != p.key && (q.start.map { $0 > last.start && $0 <= child.asOf } ?? false)
            }
            guard let next = later.min(by: { ($0.start!, $0.position) < ($1.start!, $1.position) }) else { continue }
            findings.append(
                finding(
                    child, on: next.start!, events: [child.start(of: next), child.end(of: p)],
                    "Care goes on after a period that ended because the child died (E2) or turned 18 (E15): correct "
                        + "the reason care ended, or the later period."))
        }
    }
}
