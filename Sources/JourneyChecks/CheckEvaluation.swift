import JourneyCore
import JourneyProjections

extension JourneyState {
    /// Runs the checks over every child's record as known at `asKnownAt`, in one pass over the records: the same
    /// replay (or checkpoint) the metrics use. `only` restricts the run to those check ids (all when `nil`).
    public func check(_ context: CheckContext, asKnownAt: Timestamp? = nil, only: Set<String>? = nil) -> CheckReport {
        let checks = CheckCatalogue.all.filter { only?.contains($0.id) ?? true }
        var findings: [Finding] = []
        var children = 0
        forEachRecordPipelined(asKnownAt: asKnownAt, includingRecording: true) { record in
            children += 1
            let journey = ChildJourney(record, context: context)
            let first = findings.count
            for check in checks { check.check(journey, into: &findings) }
            guard findings.count > first else { return }
            switch context.teamAttribution {
            case .asOf:
                // The team that must put it right: the one responsible on the as-of date (metrics.md, breakdowns).
                let team = record.team(on: context.asOf)
                for i in first..<findings.count { findings[i].team = team }
            case .findingDate:
                for i in first..<findings.count { findings[i].team = record.team(on: findings[i].date) }
            }
        }
        findings.sort(by: Finding.reportOrder)
        var counts: [String: Int] = [:]
        for f in findings { counts[f.check, default: 0] += 1 }
        return CheckReport(
            asOf: context.asOf, asKnownAt: asKnownAt, newSince: nil,
            checks: checks.map {
                .init(
                    id: $0.id, severity: $0.severity, rule: $0.rule, summary: $0.summary, findings: counts[$0.id] ?? 0)
            },
            findings: findings, children: children)
    }

    /// The findings present now (as known at `asKnownAt`, judged on `context.asOf`) that were not there when the log
    /// was as known at `since`: the weekly report. The earlier run is judged on the day of `since` (or the as-of
    /// date, if earlier), as a report run then would have been, so a timescale passed since then is new too.
    /// Findings are the same when their check, child and events are (`Finding.identity`).
    public func check(
        _ context: CheckContext, asKnownAt: Timestamp? = nil, only: Set<String>? = nil, newSince since: Timestamp
    ) -> CheckReport {
        var report = check(context, asKnownAt: asKnownAt, only: only)
        var earlierContext = context
        earlierContext.asOf = min(context.asOf, since.utcDate)
        let earlier = Set(check(earlierContext, asKnownAt: since, only: only).findings.map(\.identity))
        report.findings.removeAll { earlier.contains($0.identity) }
        var counts: [String: Int] = [:]
        for f in report.findings { counts[f.check, default: 0] += 1 }
        for i in report.checks.indices { report.checks[i].findings = counts[report.checks[i].id] ?? 0 }
        report.newSince = since
        return report
    }
}
