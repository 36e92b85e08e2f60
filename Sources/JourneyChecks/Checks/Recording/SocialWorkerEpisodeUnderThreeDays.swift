import JourneyCore

/// A looked-after child's social worker episode that lasted less than three days: the allocation followed by another,
/// or by the end of the child's involvement, within three days.
///
/// SSDA903 SW09STG2: "Social worker episode appears to have lasted for less than 24 hours." The validator flags a
/// social worker episode whose `SW_DEC` is less than three days after its `SW_DECOM`. Judged on the episodes the
/// return writes (`ChildRecord.socialWorkerEpisodes(upTo:)`: one a day, each ending when the next begins or, before
/// that, when the child's involvement ended), up to the as-of date, of a child with a period of care started by then.
struct SocialWorkerEpisodeUnderThreeDays: Check {
    var id: String { "social-worker-episode-under-3-days" }
    var severity: Severity { .query }
    var rule: String? { "903 SW09STG2" }
    var summary: String { "A looked-after child's social worker episode lasted less than 3 days." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // Only an episode followed by another allocation naming a worker has an end (the latest stays open), so
        // a record of one allocation has no finding here on any day.
        guard child.record.allocations.count > 1, child.firstPeriodOfCare != nil else { return }
        // The episodes up to a day change only on an allocation's date.
        let episodes = child.onAsOf(changingOn: child.record.allocations.lazy.map(\.date)) {
            child.record.socialWorkerEpisodes(upTo: $0)
        }
        for episode in episodes {
            let a = episode.allocation
            guard let end = episode.end, end < a.date.adding(days: 3) else { continue }
            if let next = episode.next {
                findings.append(
                    finding(
                        child, on: a.date, events: [a.position, next.position],
                        "A social worker allocation is followed by another within 3 days: check whether the first "
                            + "was made in error, and retract it if so."))
            } else {
                findings.append(
                    finding(
                        child, on: a.date, events: [a.position],
                        "A social worker allocation is followed within 3 days by the end of the child's involvement "
                            + "(the case closed): check the dates of both."))
            }
        }
    }
}
