import JourneyCore

/// A batch checked by the append rules (`BatchRules`) against what a store already holds, for a store that
/// looks up what it needs for the whole batch at once and writes it in one transaction (PostgreSQL).
///
/// It takes the lines in order and does what the file writer's `add` does for each (`LogWriter+Batch.swift`): a
/// line that is not an event is a problem; an id already stored, or earlier in the batch, is a duplicate when the
/// content is the same and a problem when it is not; references are looked for in the store and anywhere in the
/// batch (a later line may hold them); every other event gets the next version of its child's stream and the
/// append's stamp when it has no `recorded`. So the same lines give the same report, or the same problems in the
/// same order, in every store.
package struct BatchPlan {
    /// The events to write, in order, stamped, with their versions.
    package private(set) var events: [(event: Event, version: UInt32)] = []
    package private(set) var problems: [LineProblem] = []
    package private(set) var isTruncated = false
    package private(set) var report = AppendReport()

    /// Plans the batch. `stored` holds the events the store already has among the ids the lines use or name
    /// (`lookups(for:)`), and `versions` the current version of each child the lines are about.
    package init(
        lines: [(line: Int, event: Result<Event, InvalidEvent>)], stamp: Timestamp, problemLimit: Int,
        after last: UInt64, stored: [EventID: StoredEvent], versions: [ChildID: UInt32]
    ) {
        var versions = versions
        var events: [(event: Event, version: UInt32)] = []
        var problems: [LineProblem] = []
        var isTruncated = false
        var report = AppendReport()
        func note(_ line: Int, _ problem: EventProblem) {
            guard problems.count < problemLimit else {
                isTruncated = true
                return
            }
            problems.append(LineProblem(line: line, problem: problem))
        }
        var inBatch: [EventID: StoredEvent] = [:]
        var pending: [(line: Int, field: String, target: EventID, mustMatch: (ChildID, EventType)?)] = []
        func find(_ id: EventID) -> StoredEvent? { stored[id] ?? inBatch[id] }
        func check(_ line: Int, _ field: String, _ target: StoredEvent, _ mustMatch: (ChildID, EventType)?) {
            guard let (child, type) = mustMatch else { return }
            if target.event.child != child || target.event.type != type {
                note(line, BatchRules.referenceMismatch(field: field, position: target.position))
            }
        }
        for (line, result) in lines {
            switch result {
            case .failure(let invalid):
                for p in invalid.problems { note(line, p) }
            case .success(let event):
                if problems.count >= problemLimit {
                    isTruncated = true
                    continue
                }
                if let existing = find(event.id) {
                    if BatchRules.isSameContent(existing.event, event) {
                        report.duplicates += 1
                    } else {
                        note(line, BatchRules.idInUse(position: existing.position))
                    }
                    continue
                }
                for reference in BatchRules.references(of: event) {
                    let mustMatch = reference.mustMatch ? (event.child, event.type) : nil
                    if let target = find(reference.target) {
                        check(line, reference.field, target, mustMatch)
                    } else {
                        pending.append((line, reference.field, reference.target, mustMatch))
                    }
                }
                let version = versions[event.child, default: 0] + 1
                versions[event.child] = version
                var written = event
                if written.recorded == nil {
                    written.recorded = stamp
                    report.stamped += 1
                }
                events.append((written, version))
                inBatch[event.id] = StoredEvent(
                    position: last + UInt64(events.count), version: version, event: written)
            }
        }
        for reference in pending {
            if let target = find(reference.target) {
                check(reference.line, reference.field, target, reference.mustMatch)
            } else {
                note(reference.line, BatchRules.referenceNotFound(field: reference.field))
            }
        }
        self.events = events
        self.problems = problems
        self.isTruncated = isTruncated
        self.report = report
    }

    /// The ids a store must look up before planning these lines: each event's own, and those it names.
    package static func lookups(for lines: [(line: Int, event: Result<Event, InvalidEvent>)]) -> (
        ids: Set<EventID>, children: Set<ChildID>
    ) {
        var ids = Set<EventID>()
        var children = Set<ChildID>()
        for case (_, .success(let event)) in lines {
            ids.insert(event.id)
            children.insert(event.child)
            for reference in BatchRules.references(of: event) { ids.insert(reference.target) }
        }
        return (ids, children)
    }

    /// The batch's event records, byte for byte as the file log writes them (`Record.appendEvent`), the range of
    /// each, and the commit that closes them, chained to `previousHash` exactly as the file writer chains it:
    /// SHA-256 of the previous hash, every record's bytes, and the commit's fields (`Commit`).
    package func records(after last: UInt64, previousHash: [UInt8], committedAt: Int64) -> (
        bytes: [UInt8], ranges: [Range<Int>], commit: Commit
    ) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(events.count)
        for (i, planned) in events.enumerated() {
            let start = bytes.count
            Record.appendEvent(planned.event, position: last + UInt64(i + 1), version: planned.version, to: &bytes)
            ranges.append(start..<bytes.count)
        }
        var hasher = Commit.Hasher(previous: previousHash)
        bytes.withUnsafeBytes { hasher.add($0) }
        var commit = Commit(
            firstPosition: last + 1, count: UInt32(events.count), committedAt: committedAt, chainHash: [])
        commit.chainHash = hasher.finish(with: commit.fieldBytes)
        return (bytes, ranges, commit)
    }
}
