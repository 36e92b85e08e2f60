import JourneyCore

/// Hands events to the batch being appended. Valid only inside `LogWriter.append(options:_:)`.
public struct BatchAppender {
    let writer: LogWriter

    /// Adds an event, read from line `line` of the input (used in messages).
    public func add(_ event: Event, line: Int) throws {
        try writer.add(event, line: line)
    }

    /// Records that line `line` could not be read as an event: the batch will be rejected.
    public func reject(line: Int, problems: [EventProblem]) {
        writer.reject(line: line, problems: problems)
    }
}

/// The state of the batch being appended.
struct BatchState {
    var segment: Int
    /// Where the batch began: a rejected batch is cut back to here.
    var startOffset: Int
    var createdSegment: Bool
    /// Where the next buffered bytes go.
    var writeOffset: Int
    var buffer: [UInt8] = []
    var hasher: Commit.Hasher
    var count: UInt32 = 0
    /// Tells this batch's changes to child versions from earlier ones (`ChildVersion.batch`).
    var serial: UInt32
    /// The id hashes this batch added to the index, to take out again if it is rejected.
    var addedHashes: [UInt64] = []
    var problems: [LineProblem] = []
    var isTruncated = false
    /// References (`corrects`, `event.retracted`) not found yet: they may name an event later in the batch.
    var pendingReferences: [(line: Int, field: String, target: EventID, mustMatch: (ChildID, EventType)?)] = []
    var report = AppendReport()
    var stamp: Timestamp
    var problemLimit: Int
    /// The commit time to record (`AppendOptions.committedAt`); the time of commit when `nil`.
    var committedAt: Int64?

    /// Set by `write` when the event's id hash was already in the index: the writer then files the id in its
    /// overflow table.
    var overflowLocation: RecordLocation?

    static let flushSize = 4 << 20

    /// Encodes an event into the buffer and indexes its id. The per-event work of an append is done here, in one
    /// `mutating` call, so that the writer's state is reached once per event rather than once per field.
    /// Returns false in the common case; true when the writer has more to do (overflow, a full buffer).
    mutating func write(_ event: Event, version: UInt32, after last: UInt64, hash: UInt64, ids: inout IDIndex) -> Bool {
        count += 1
        let location = RecordLocation(segment: segment, offset: writeOffset + buffer.count)
        Record.appendEvent(event, position: last + UInt64(count), version: version, to: &buffer)
        if ids.insert(hash, at: location) {
            addedHashes.append(hash)
        } else {
            overflowLocation = location
        }
        return overflowLocation != nil || buffer.count >= Self.flushSize
    }
}

/// The version of a child's stream, and what it was before the batch that last changed it, so that a rejected
/// batch can be undone.
struct ChildVersion {
    var current: UInt32 = 0
    var beforeBatch: UInt32 = 0
    /// The serial number of that batch.
    var batch: UInt32 = 0

    /// The version of the child's next event, appended in batch `serial`.
    mutating func next(in serial: UInt32) -> UInt32 {
        if batch != serial {
            beforeBatch = current
            batch = serial
        }
        current += 1
        return current
    }
}

extension LogWriter {
    /// Appends one batch: `fill` adds its events; the batch is committed only if every event is valid.
    /// Throws `LogError.rejected` (nothing appended) or a durability error (writer stopped).
    @discardableResult
    public func append(options: AppendOptions = AppendOptions(), _ fill: (BatchAppender) throws -> Void) throws
        -> AppendReport
    {
        guard !isStopped else { throw LogError.writerStopped }
        try BatchRules.checkExpectedEnd(options.expectedEnd, actual: lastPosition)
        try BatchRules.checkExpectedVersions(options.expectedVersions, actual: version(of:))
        try beginBatch(options)
        do {
            try fill(BatchAppender(writer: self))
            try resolvePendingReferences()
        } catch {
            try rollBack()
            throw error
        }
        guard let b = batch, b.problems.isEmpty else {
            let problems = batch?.problems ?? []
            let truncated = batch?.isTruncated ?? false
            try rollBack()
            throw LogError.rejected(problems, truncated: truncated)
        }
        return try commit()
    }

    /// Appends a list of events as one batch (line numbers count from 1 in list order).
    @discardableResult
    public func append(_ events: [Event], options: AppendOptions = AppendOptions()) throws -> AppendReport {
        try append(options: options) { batch in
            for (i, e) in events.enumerated() { try batch.add(e, line: i + 1) }
        }
    }

    func beginBatch(_ options: AppendOptions) throws {
        var segment = head.segment
        var created = false
        if segment == 0 {
            segment = 1
            created = true
        } else {
            try openSegment(segment)
            if try LogIO.size(segmentFD, path: layout.segmentPath(segment)) >= maximumSegmentSize {
                segment += 1
                created = true
            }
        }
        var start = head.segment == segment ? head.offset : 0
        if created {
            let path = layout.segmentPath(segment)
            if segmentFD >= 0 { LogIO.close(segmentFD) }
            segmentFD = try LogIO.open(path, flags: O_RDWR_ | O_TRUNC_, create: true)
            segmentNumber = segment
            try LogLayout.header(segment: segment).withUnsafeBytes {
                try LogIO.write(segmentFD, $0, at: 0, path: path)
            }
            start = LogLayout.headerSize
        }
        let stamp = options.stamp ?? Timestamp(nanoseconds: System.now() / 1_000_000 * 1_000_000, fractionDigits: 3)
        batchSerial &+= 1
        batch = BatchState(
            segment: segment, startOffset: start, createdSegment: created, writeOffset: start,
            hasher: Commit.Hasher(previous: head.chainHash), serial: batchSerial, stamp: stamp,
            problemLimit: options.problemLimit, committedAt: options.committedAt?.nanoseconds)
        batch!.buffer.reserveCapacity(BatchState.flushSize + Record.maximumLength)
    }

    func openSegment(_ number: Int) throws {
        guard segmentNumber != number || segmentFD < 0 else { return }
        if segmentFD >= 0 { LogIO.close(segmentFD) }
        segmentFD = try LogIO.open(layout.segmentPath(number), flags: O_RDWR_)
        segmentNumber = number
    }

    func reject(line: Int, problems: [EventProblem]) {
        guard batch != nil else { return }
        for p in problems { note(line, p) }
    }

    func note(_ line: Int, _ problem: EventProblem) {
        guard batch!.problems.count < batch!.problemLimit else {
            batch!.isTruncated = true
            return
        }
        batch!.problems.append(LineProblem(line: line, problem: problem))
    }

    func add(_ event: Event, line: Int) throws {
        guard batch != nil else { return }
        if batch!.problems.count >= batch!.problemLimit {
            batch!.isTruncated = true
            return
        }
        // The same id again: a no-op when the content is the same, an error when it is not (events.md).
        let hash = event.id.stableHash
        if let existing = try location(of: event.id, hash: hash) {
            let stored = try load(at: existing)
            if BatchRules.isSameContent(stored.event, event) {
                batch!.report.duplicates += 1
            } else {
                note(line, BatchRules.idInUse(position: stored.position))
            }
            return
        }
        if let target = event.corrects {
            try checkReference(line: line, field: "corrects", target: target, mustMatch: (event.child, event.type))
        }
        if case .eventRetracted(let target, _) = event.body {
            try checkReference(line: line, field: "data.event", target: target, mustMatch: nil)
        }

        let version = versions[event.child, default: ChildVersion()].next(in: batch!.serial)
        let isFull: Bool
        if event.recorded == nil {
            var stamped = event
            stamped.recorded = batch!.stamp
            isFull = batch!.write(stamped, version: version, after: head.position, hash: hash, ids: &ids)
            batch!.report.stamped += 1
        } else {
            isFull = batch!.write(event, version: version, after: head.position, hash: hash, ids: &ids)
        }
        if !isFull { return }
        // The hash was already taken by another id: look this one up by the id itself.
        if let location = batch!.overflowLocation {
            batch!.overflowLocation = nil
            idOverflow[event.id] = location
        }
        if batch!.buffer.count >= BatchState.flushSize {
            var b = batch!
            batch = nil
            defer { batch = b }
            try flush(&b)
        }
    }

    func checkReference(line: Int, field: String, target: EventID, mustMatch: (ChildID, EventType)?) throws {
        guard let location = try location(of: target) else {
            batch!.pendingReferences.append((line, field, target, mustMatch))
            return
        }
        guard let (child, type) = mustMatch else { return }
        let stored = try load(at: location).event
        if stored.child != child || stored.type != type {
            note(line, BatchRules.referenceMismatch(field: field, position: try load(at: location).position))
        }
    }

    func resolvePendingReferences() throws {
        guard let pending = batch?.pendingReferences, !pending.isEmpty else { return }
        batch!.pendingReferences = []
        for ref in pending {
            if try location(of: ref.target) == nil {
                note(ref.line, BatchRules.referenceNotFound(field: ref.field))
            } else {
                try checkReference(line: ref.line, field: ref.field, target: ref.target, mustMatch: ref.mustMatch)
            }
        }
    }

    /// Writes the buffered records after the committed end (not yet visible: the head has not moved).
    func flush(_ b: inout BatchState) throws {
        guard !b.buffer.isEmpty else { return }
        let path = layout.segmentPath(b.segment)
        try b.buffer.withUnsafeBytes { raw in
            try LogIO.write(segmentFD, raw, at: b.writeOffset, path: path)
            b.hasher.add(raw)
        }
        b.writeOffset += b.buffer.count
        b.buffer.removeAll(keepingCapacity: true)
    }

    func commit() throws -> AppendReport {
        var b = batch!
        batch = nil
        guard b.count > 0 else {
            try rollBackFiles(b)
            return b.report
        }
        do {
            try flush(&b)
            let first = head.position + 1
            let committedAt = b.committedAt ?? System.now()
            var commit = Commit(firstPosition: first, count: b.count, committedAt: committedAt, chainHash: [])
            commit.chainHash = b.hasher.finish(with: commit.fieldBytes)
            var bytes: [UInt8] = []
            Record.appendCommit(commit, to: &bytes)
            let path = layout.segmentPath(b.segment)
            try bytes.withUnsafeBytes { try LogIO.write(segmentFD, $0, at: b.writeOffset, path: path) }
            b.writeOffset += bytes.count
            try LogIO.sync(segmentFD, path: path)
            if b.createdSegment { try LogIO.syncDirectory(layout.path) }
            let newHead = Head(
                segment: b.segment, offset: b.writeOffset, position: commit.lastPosition,
                chainHash: commit.chainHash, batches: head.batches + 1)
            try newHead.write(layout)
            lastBatch = LastBatch(
                start: LogCursor(segment: head.segment, offset: head.offset, position: head.position),
                chainHash: head.chainHash)
            head = newHead
            b.report.appended = Int(b.count)
            b.report.positions = first...commit.lastPosition
            saveIndexIfWorthIt()
            return b.report
        } catch {
            // The batch may or may not be on disk: stop, and let the next open recover it.
            isStopped = true
            throw error
        }
    }

    /// Undoes a batch: the files are cut back and the in-memory state restored.
    func rollBack() throws {
        guard let b = batch else { return }
        batch = nil
        // Every record of the batch, and nothing before it, is at or after its start.
        func isInBatch(_ location: RecordLocation) -> Bool {
            location.segment == b.segment && location.offset >= b.startOffset
        }
        for hash in b.addedHashes {
            if let location = ids[hash], isInBatch(location) { ids.remove(hash) }
        }
        idOverflow = idOverflow.filter { !isInBatch($0.value) }
        for (child, version) in versions.filter({ $0.value.batch == b.serial }) {
            versions[child] = version.beforeBatch == 0 ? nil : ChildVersion(current: version.beforeBatch)
        }
        try rollBackFiles(b)
    }

    func rollBackFiles(_ b: BatchState) throws {
        let path = layout.segmentPath(b.segment)
        if b.createdSegment {
            LogIO.close(segmentFD)
            segmentFD = -1
            segmentNumber = 0
            try LogIO.remove(path)
            try LogIO.syncDirectory(layout.path)
        } else if try LogIO.size(segmentFD, path: path) != b.startOffset {
            try LogIO.truncate(segmentFD, to: b.startOffset, path: path)
            try LogIO.sync(segmentFD, path: path)
        }
    }
}
