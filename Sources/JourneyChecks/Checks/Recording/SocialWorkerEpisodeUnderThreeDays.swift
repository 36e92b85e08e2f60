import JourneyCore

/// A looked-after child's social worker allocation followed by another less than three days later.
///
/// SSDA903 SW09STG2: "Social worker episode appears to have lasted for less than 24 hours." The validator flags a
/// social worker episode whose `SW_DEC` is less than three days after its `SW_DECOM`. The return makes an episode of
/// each allocation naming a worker, ending on the next allocation of a later day (one a day: SW19STG2); here each
/// such allocation of a child with a period of care started by the as-of date, the next less than three days on.
struct SocialWorkerEpisodeUnderThreeDays: Check {
    var id: String { "social-worker-episode-under-3-days" }
    var severity: Severity { .query }
    var rule: String? { "903 SW09STG2" }
    var summary: String { "A looked-after child's social worker allocation is followed by another within 3 days." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard child.firstPeriodOfCare != nil else { return }
        let allocations = child.record.allocations.filter { $0.worker != nil && $0.date <= child.asOf }
            .sorted { ($0.date, $0.position) < ($1.date, $1.position) }
        // The first allocation of each day: the return's episodes.
        var episodes: [(date: CalendarDate, position: UInt64)] = []
        for a in allocations where episodes.last?.date != a.date { episodes.append((a.date, a.position)) }
        for (a, b) in zip(episodes, episodes.dropFirst()) where b.date < a.date.adding(days: 3) {
            findings.append(
                finding(
                    child, on: a.date, events: [a.position, b.position],
                    "A social worker allocation is followed by another within 3 days: check whether the first was "
                        + "made in error, and retract it if so."))
        }
    }
}
