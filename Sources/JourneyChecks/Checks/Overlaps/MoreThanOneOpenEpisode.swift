import JourneyCore

/// More than one episode of need open on the check date.
///
/// CIN 8815: "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this
/// child and case is not a referral with no further action." Judged on the as-of date, as the census judges it on
/// its reference date; one finding per child, naming every open referral, latest first.
struct MoreThanOneOpenEpisode: Check {
    var id: String { "more-than-one-open-episode" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8815" }
    var summary: String { "More than one episode of need is open on the check date." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let open = child.record.referrals.filter { r in
            !r.isNFA && r.date <= child.asOf && (r.closed.map { $0 > child.asOf } ?? true)
        }.sorted { ($0.date, $0.position) > ($1.date, $1.position) }
        guard open.count > 1 else { return }
        findings.append(
            finding(
                child, on: open[0].date, events: open.map(\.position),
                "\(open.count) episodes of need are open on \(child.asOf) (referred "
                    + open.reversed().map { $0.date.description }.joined(separator: ", ")
                    + "): close every episode but the current one."))
    }
}
