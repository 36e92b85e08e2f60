import Dispatch
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

    /// The report of the checks `ids` names alone, as a run of those checks makes it: each check judges each record
    /// on its own, so its findings are the same whichever others run beside it.
    public func keeping(_ ids: Set<String>) -> CheckReport {
        var report = self
        report.checks = checks.filter { ids.contains($0.id) }
        report.findings = findings.filter { ids.contains($0.check) }
        return report
    }

    /// Findings of each severity.
    public func count(_ severity: Severity) -> Int { findings.lazy.filter { $0.severity == severity }.count }

    /// Whether a finding of `severity` or worse exists (`--fail-on`).
    public func hasFinding(atLeast severity: Severity) -> Bool { findings.contains { $0.severity >= severity } }

    /// The distinct positions the findings name whose event ids are not looked up yet (findings saved with their
    /// ids, `SavedChecks`, have theirs), to look them up.
    public var positions: Set<UInt64> { Set(findings.lazy.filter { !$0.isResolved }.flatMap(\.positions)) }

    /// The report with the event ids of each finding not looked up yet filled in from `ids` (position → id).
    public func resolvingEventIDs(_ ids: [UInt64: EventID]) -> CheckReport {
        var report = self
        report.resolveEventIDs(ids)
        return report
    }

    /// `resolvingEventIDs` in place: a report of a hundred thousand findings is not copied for a few thousand ids.
    public mutating func resolveEventIDs(_ ids: [UInt64: EventID]) {
        findings.resolveEventIDs(ids)
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
    /// The place in the catalogue of each finding's check (`Int.max` for a check not in it), looked up once for each
    /// run of findings of one check: in report order, once for each check.
    static func checkPlaces(_ findings: [Finding]) -> [Int] {
        var places: [Int] = []
        places.reserveCapacity(findings.count)
        var last: (check: String, place: Int)?
        for finding in findings {
            if last?.check != finding.check {
                last = (finding.check, CheckCatalogue.order[finding.check] ?? Int.max)
            }
            places.append(last!.place)
        }
        return places
    }

    /// Report order is by check (catalogue order), child, date, then the events. How `a` stands to `b` in it once
    /// their checks are the same: -1 before, 1 after, 0 when equal (same child, date, events and message).
    static func ordering(_ a: borrowing Finding, _ b: borrowing Finding) -> Int {
        if a.child != b.child { return a.child < b.child ? -1 : 1 }
        if a.date != b.date { return a.date < b.date ? -1 : 1 }
        if a.positions != b.positions { return a.positions.lexicographicallyPrecedes(b.positions) ? -1 : 1 }
        if a.message != b.message { return a.message < b.message ? -1 : 1 }
        return 0
    }

    /// The findings of `runs`, one run after the other, in report order: what a stable sort of the runs joined
    /// would give, equal findings keeping their order. Each run is sorted on whichever core is free, then
    /// neighbouring runs are merged two by two, the earlier run's first between equal findings, until one is left.
    static func inReportOrder(_ runs: consuming [[Finding]]) -> [Finding] {
        var runs = runs.map(OrderedRun.init)
        runs.withUnsafeMutableBufferPointer { buffer in
            // Each iteration sorts its own run only, and the buffer outlives `concurrentPerform`.
            nonisolated(unsafe) let runs = buffer
            DispatchQueue.concurrentPerform(iterations: runs.count) { runs[$0].sort() }
        }
        while runs.count > 1 {
            let pairs = runs
            var merged = [OrderedRun](repeating: OrderedRun([]), count: (pairs.count + 1) / 2)
            merged.withUnsafeMutableBufferPointer { buffer in
                // Each iteration writes its own element only, and the buffer outlives `concurrentPerform`.
                nonisolated(unsafe) let merged = buffer
                DispatchQueue.concurrentPerform(iterations: merged.count) { i in
                    merged[i] = 2 * i + 1 < pairs.count ? pairs[2 * i].merging(pairs[2 * i + 1]) : pairs[2 * i]
                }
            }
            runs = merged
        }
        return runs.first?.findings ?? []
    }

    /// A run of findings with each one's check's place in the catalogue beside it, looked up once per finding: a
    /// comparison that looked both checks up by name (two hashed strings) had cost more than the rest of the sort.
    /// The run is sorted as indices, so findings are not moved (each move a retain and a release of its strings and
    /// lists) until they are put in order once.
    struct OrderedRun {
        var findings: [Finding]
        var orders: [Int]

        init(_ findings: [Finding]) {
            self.findings = findings
            orders = Finding.checkPlaces(findings)
        }

        /// In report order, equal findings keeping their order.
        mutating func sort() {
            guard findings.count > 1 else { return }
            var order = Array(findings.indices)
            let orders = self.orders
            findings.withUnsafeBufferPointer { f in
                // Ties (the same finding twice) go by index: the sort need not be stable for the result to be.
                order.sort { i, j in
                    if orders[i] != orders[j] { return orders[i] < orders[j] }
                    let o = Finding.ordering(f[i], f[j])
                    return o != 0 ? o < 0 : i < j
                }
            }
            findings = order.map { findings[$0] }
            self.orders = order.map { orders[$0] }
        }

        /// This run and `other`, the later one, merged into one in report order, this run's finding first between
        /// equal ones.
        func merging(_ other: OrderedRun) -> OrderedRun {
            let (a, b) = (self, other)
            var merged = OrderedRun([])
            merged.findings.reserveCapacity(a.findings.count + b.findings.count)
            merged.orders.reserveCapacity(a.findings.count + b.findings.count)
            var (i, j) = (0, 0)
            while i < a.findings.count && j < b.findings.count {
                let bFirst =
                    b.orders[j] != a.orders[i]
                    ? b.orders[j] < a.orders[i] : Finding.ordering(b.findings[j], a.findings[i]) < 0
                if bFirst {
                    merged.findings.append(b.findings[j])
                    merged.orders.append(b.orders[j])
                    j += 1
                } else {
                    merged.findings.append(a.findings[i])
                    merged.orders.append(a.orders[i])
                    i += 1
                }
            }
            merged.findings += a.findings[i...]
            merged.orders += a.orders[i...]
            merged.findings += b.findings[j...]
            merged.orders += b.orders[j...]
            return merged
        }
    }
}
