import JourneyCore
import JourneyLog
import JourneyProjections

/// The data-quality checks of a log, kept up to date as events are appended: after an append only the records the
/// new events change are checked again (`LiveRecords`). Their old findings go and their new ones take their places
/// in report order, so the report is, byte for byte, the one a full run over the state gives (`JourneyState.check`).
///
/// The findings are as known now (no "as known at"), judged on the context given when it was made: another as-of
/// date, an earlier time or the findings new since a time are a full run.
public struct LiveChecks: Sendable {
    var records: LiveRecords
    let checks: [any Check]
    let context: CheckContext
    /// In report order.
    var findings: [Finding]
    var children: Int

    /// Checks every record of `state`, as `JourneyState.check(_:only:)` does, and keeps the findings for the appends
    /// to come (`roomForAppends`: see `LiveRecords.init`).
    public init(
        _ state: consuming JourneyState, context: CheckContext, only: Set<String>? = nil, parts: Int = 16,
        roomForAppends: Bool = true
    ) {
        let checks = CheckCatalogue.checks(only: only)
        records = LiveRecords(consume state, roomForAppends: roomForAppends)
        let checked = records.reduceRecords(
            includingRecording: true, parts: parts, initial: { CheckRuns() },
            add: { $0.add($1, with: checks, context) }, merge: { $0.merge($1) })
        self.checks = checks
        self.context = context
        self.findings = Finding.inReportOrder(checked.runs)
        self.children = checked.children
    }

    /// The state the findings are of.
    public var state: JourneyState { records.state }

    /// The report, as `JourneyState.check(_:only:)` gives it.
    public var report: CheckReport {
        CheckReport(checks, context, asKnownAt: nil, findings: findings, children: children)
    }

    /// Folds in the events of `log` (a folder, or a log in another store) after `cursor` and brings the findings up to date. Returns the cursor at the
    /// log's end.
    public mutating func fold<Store: EventStoreReader>(_ log: Store, after cursor: Store.Cursor?) throws -> (
        Store.Cursor, LiveUpdate
    ) {
        let (end, events) = try records.fold(log, after: cursor)
        return (end, update(events: events))
    }

    /// Folds in `events`, which must follow the state's last position, and brings the findings up to date.
    @discardableResult
    public mutating func apply(_ events: [StoredEvent]) -> LiveUpdate {
        records.apply(events)
        return update(events: events.count)
    }

    /// Takes out the findings of the records the folded events change, and adds those of the records as they stand.
    mutating func update(events: Int) -> LiveUpdate {
        var removed: Set<ChildID> = []
        var added: [Finding] = []
        var checked = 0
        records.update(
            includingRecording: true, removing: { id, _ in removed.insert(id) },
            adding: { record in
                checked += 1
                JourneyState.check(record, with: checks, context, into: &added)
            })
        findings = Self.replacing(findings, of: removed, with: Finding.inReportOrder([added]))
        children += checked - removed.count
        return LiveUpdate(events: events, recordsRemoved: removed.count, recordsAdded: checked)
    }

    /// `findings` without those of the children in `removed`, and with `added` (in report order) in their places.
    ///
    /// A record's findings all name its child, and no two records are of one child: a finding kept and one added
    /// never tie in report order, so this is the stable sort a full run makes. Each added finding's place is found
    /// by halving (a handful of comparisons, where a merge would compare every finding kept), and the kept findings
    /// are copied across a run at a time.
    static func replacing(_ findings: [Finding], of removed: Set<ChildID>, with added: [Finding]) -> [Finding] {
        var result: [Finding] = []
        result.reserveCapacity(findings.count + added.count)
        var start = 0
        func keep(upTo end: Int) {
            for f in findings[start..<end] where !removed.contains(f.child) { result.append(f) }
            start = end
        }
        for finding in added {
            var (low, high) = (start, findings.count)
            while low < high {
                let mid = (low + high) / 2
                if Finding.reportOrder(findings[mid], finding) { low = mid + 1 } else { high = mid }
            }
            keep(upTo: low)
            result.append(finding)
        }
        keep(upTo: findings.count)
        return result
    }
}
