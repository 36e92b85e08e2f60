import JourneyCore

/// The findings of one run of the checks: what `journey check` prints.
public struct CheckReport: Sendable {
    /// The date timescales were judged on.
    public var asOf: CalendarDate
    public var asKnownAt: Timestamp?
    /// Set when only findings new since this time are reported.
    public var newSince: Timestamp?
    /// The checks run, in report order.
    public var checks: [CheckSummary]
    /// In report order: by check, then child, date and events.
    public var findings: [Finding]
    /// Children whose records were checked.
    public var children: Int

    /// A check as a report lists it, with its number of findings.
    public struct CheckSummary: Sendable, Hashable {
        public var id: String
        public var severity: Severity
        public var rule: String?
        public var summary: String
        public var findings: Int
    }

    /// Findings of each severity.
    public func count(_ severity: Severity) -> Int { findings.lazy.filter { $0.severity == severity }.count }

    /// Whether a finding of `severity` or worse exists (`--fail-on`).
    public func hasFinding(atLeast severity: Severity) -> Bool { findings.contains { $0.severity >= severity } }

    /// The distinct positions the findings name, to look their event ids up.
    public var positions: Set<UInt64> { Set(findings.lazy.flatMap(\.positions)) }

    /// The report with each finding's event ids filled in from `ids` (position → id).
    public func resolvingEventIDs(_ ids: [UInt64: EventID]) -> CheckReport {
        var report = self
        for i in report.findings.indices {
            report.findings[i].eventIDs = report.findings[i].positions.map { ids[$0] ?? EventID("#\($0)") }
        }
        return report
    }

    /// A team's share of the findings.
    public struct TeamSummary: Sendable, Hashable {
        public var team: String
        public var findings: Int
        public var errors: Int
        public var warnings: Int
        public var queries: Int
        public var children: Int
        /// Findings by check id, in report order.
        public var byCheck: [(id: String, findings: Int)]

        public static func == (a: Self, b: Self) -> Bool {
            a.team == b.team && a.findings == b.findings && a.byCheck.map(\.id) == b.byCheck.map(\.id)
                && a.byCheck.map(\.findings) == b.byCheck.map(\.findings)
        }
        public func hash(into h: inout Hasher) { h.combine(team) }
    }

    /// Findings by team (`unallocated` last), for the manager of each.
    public var byTeam: [TeamSummary] {
        var groups: [String: [Finding]] = [:]
        for f in findings { groups[f.teamName, default: []].append(f) }
        return groups.keys.sorted(by: teamOrder).map { team in
            let list = groups[team]!
            var counts: [String: Int] = [:]
            for f in list { counts[f.check, default: 0] += 1 }
            return TeamSummary(
                team: team, findings: list.count, errors: list.filter { $0.severity == .error }.count,
                warnings: list.filter { $0.severity == .warning }.count,
                queries: list.filter { $0.severity == .query }.count, children: Set(list.map(\.child)).count,
                byCheck: checks.compactMap { c in counts[c.id].map { (c.id, $0) } })
        }
    }
}

/// Teams by name, `unallocated` last.
func teamOrder(_ a: String, _ b: String) -> Bool {
    if (a == "unallocated") != (b == "unallocated") { return b == "unallocated" }
    return a < b
}

extension Finding {
    /// Report order: by check (catalogue order), child, date, then the events.
    static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        let (ca, cb) = (CheckCatalogue.order[a.check] ?? Int.max, CheckCatalogue.order[b.check] ?? Int.max)
        if ca != cb { return ca < cb }
        if a.child != b.child { return a.child < b.child }
        if a.date != b.date { return a.date < b.date }
        if a.positions != b.positions { return a.positions.lexicographicallyPrecedes(b.positions) }
        return a.message < b.message
    }
}
