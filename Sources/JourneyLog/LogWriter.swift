import JourneyCore

/// Options for one append.
public struct AppendOptions: Sendable {
    /// Optimistic concurrency: each child named must be at exactly this version before the batch, or nothing is
    /// appended (`journey append --expect-version CHILD=N`).
    public var expectedVersions: [ChildID: UInt32] = [:]
    /// Stop collecting problems after this many; the batch is rejected either way.
    public var problemLimit = 100
    /// The `recorded` time given to events that have none; the time of append when `nil`.
    public var stamp: Timestamp?
    /// The commit time the batch's commit record holds (and its chain hash covers); the time of commit when `nil`.
    /// Given only to copy batches from one store to another, so that both hold the same chain of hashes.
    public var committedAt: Timestamp?
    /// Optimistic concurrency for the whole log: the position the log must end at before the batch, or nothing is
    /// appended (`LogError.logMoved`). An import gives the position it read the log up to, so that a batch worked
    /// out from what the log held is not appended after another writer has changed it.
    public var expectedEnd: UInt64?

    public init(
        expectedVersions: [ChildID: UInt32] = [:], problemLimit: Int = 100, stamp: Timestamp? = nil,
        committedAt: Timestamp? = nil, expectedEnd: UInt64? = nil
    ) {
        self.expectedVersions = expectedVersions
        self.problemLimit = problemLimit
        self.stamp = stamp
        self.committedAt = committedAt
        self.expectedEnd = expectedEnd
    }
}

/// What an append did.
public struct AppendReport: Hashable, Sendable {
    /// Events written.
    public var appended = 0
    /// Events already in the log with the same id and content: nothing to do for them.
    public var duplicates = 0
    /// Events that had no `recorded` and were stamped with the time of append.
    public var stamped = 0
    /// Positions given to the appended events, when any were.
    public var positions: ClosedRange<UInt64>?

    public init(appended: Int = 0, duplicates: Int = 0, stamped: Int = 0, positions: ClosedRange<UInt64>? = nil) {
        self.appended = appended
        self.duplicates = duplicates
        self.stamped = stamped
        self.positions = positions
    }
}

/// The single writer of a log directory: holds the writer lock from `open` until it is released.
///
/// An append is a batch: every event of it is validated and written after the committed end, and only when all
/// are valid is a commit record written, the segment fsynced and the head moved. A rejected batch is cut off
/// again, so every file of the log is byte-for-byte as it was.
public final class LogWriter {
    let layout: LogLayout
    let lock: WriterLock
    var head: Head
    /// Open file of the segment the head is in (or the batch is being written to).
    var segmentFD: Int32 = -1
    var segmentNumber = 0
    /// Event id (hashed) → where its record is.
    var ids = IDIndex()
    /// Ids whose hash collides with another id's: looked up by the id itself.
    var idOverflow: [EventID: RecordLocation] = [:]
    /// The latest version of each child's stream.
    var versions: [ChildID: ChildVersion] = [:]
    /// The position the saved index (`WriterIndexCache`) reflects; 0 when there is none.
    var savedIndexPosition: UInt64 = 0
    /// Where the last committed batch begins (the end of the batch before it), and the chain hash there: the
    /// batch an append builds on, re-hashed when the log is opened for writing.
    var lastBatch = LastBatch.none
    /// Counts batches begun, committed or not (`ChildVersion.batch`).
    var batchSerial: UInt32 = 0
    var isStopped = false
    var batch: BatchState?

    /// What opening repaired, if anything.
    public let recovery: RecoveryReport?
    /// A new segment file is started, between batches, once the current one reaches this size.
    public var maximumSegmentSize = 256 << 20

    public var path: String { layout.path }
    public var lastPosition: UInt64 { head.position }
    public var headHash: String { head.chainHash.hex }

    /// Opens (creating it if need be) the log at `path` for appending: takes the writer lock, repairs a torn tail,
    /// and reads the ids and child versions already in the log, checking the tail it will build on against the
    /// head (`loadIndex`). A new log gets an empty head at once, so that it is a log to readers from then on.
    public static func open(_ path: String, wait: Bool = false) throws -> LogWriter {
        try LogIO.makeDirectory(path)
        let layout = LogLayout(path: path)
        let lock = try WriterLock.acquire(layout, wait: wait)
        let report = try Recovery.repair(layout)
        let head: Head
        if let stored = try Head.read(layout) {
            head = stored
        } else {
            head = .empty
            try head.write(layout)
        }
        let writer = LogWriter(layout: layout, lock: lock, head: head, recovery: report)
        try writer.loadIndex()
        return writer
    }

    init(layout: LogLayout, lock: WriterLock, head: Head, recovery: RecoveryReport?) {
        self.layout = layout
        self.lock = lock
        self.head = head
        self.recovery = recovery
    }

    deinit {
        if segmentFD >= 0 { LogIO.close(segmentFD) }
        lock.release()
    }

    /// Releases the writer lock now rather than when the writer is freed.
    public func close() {
        if segmentFD >= 0 { LogIO.close(segmentFD) }
        segmentFD = -1
        lock.release()
        isStopped = true
    }

    /// The version of a child's stream: how many events the log holds for it.
    public func version(of child: ChildID) -> UInt32 { versions[child]?.current ?? 0 }

    /// Reads the ids and child versions of the log: from the saved index (`WriterIndexCache`) and the records
    /// committed after it, or from every record when there is no saved index that fits. Every record read is
    /// checked as a reader checks it (`RecordOrder`, and the head against the last commit), and the last batch,
    /// the one the next append builds on, is re-hashed against the head's chain hash.
    func loadIndex() throws {
        let log = EventLog(path: layout.path, layout: layout, head: head, recovery: nil)
        // Built in locals and stored once: updating the writer's own properties for each of millions of events
        // would pay for an exclusivity check on every access.
        var ids: IDIndex
        var overflow: [EventID: RecordLocation] = [:]
        var versions: [ChildID: ChildVersion] = [:]
        var cursor: LogCursor?
        var previousEnd = LastBatch.none
        var lastBatch = LastBatch.none
        if let saved = WriterIndexCache.load(layout, log: log) {
            (ids, overflow, versions, cursor) = (saved.ids, saved.overflow, saved.versions, saved.end)
            ids.reserveCapacity(Int(head.position))
            savedIndexPosition = saved.end.position
            previousEnd = LastBatch(start: saved.end, chainHash: saved.chainHash)
            lastBatch = saved.lastBatch
        } else {
            ids = IDIndex(minimumCapacity: Int(head.position))
            savedIndexPosition = 0
        }
        try log.scanRecords(after: cursor) { framed, segment, path, offset in
            guard framed.kind == .event else {
                // A commit: the batch it closes is the last one so far.
                let end = LogCursor(
                    segment: segment, offset: offset + framed.size,
                    position: UInt64(littleEndian: framed.body.loadUnaligned(as: UInt64.self))
                        + UInt64(UInt32(littleEndian: framed.body.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
                        - 1)
                lastBatch = previousEnd
                previousEnd = LastBatch(start: end, chainHash: Array(framed.body[20..<52]))
                return
            }
            do {
                var r = BinaryReader(framed.body)
                _ = try r.fixed(UInt64.self)
                let version = try r.fixed(UInt32.self)
                let key = try Event.readKey(binary: &r)
                let location = RecordLocation(segment: segment, offset: offset)
                if !ids.insert(key.id.stableHash, at: location) { overflow[key.id] = location }
                versions[key.child] = ChildVersion(current: version)
            } catch {
                throw LogError.damaged(path: path, offset: offset, reason: "\(error)")
            }
        }
        if head.position > 0 { try log.checkChainHash(of: lastBatch) }
        self.ids = ids
        self.idOverflow = overflow
        self.versions = versions
        self.lastBatch = lastBatch
    }

    /// Saves the index once the records past its saved copy are worth it (after a commit, when the in-memory
    /// index is exactly the committed log's). A failure to save is not an error: the cache is only a shortcut.
    func saveIndexIfWorthIt(always: Bool = false) {
        guard
            always
                || WriterIndexCache.isWorthSaving(
                    sinceSaved: head.position - savedIndexPosition, logSize: head.position)
        else { return }
        // When it cannot be saved, the old copy is left as it was (and no half-written one beside it): the next
        // writer reads the records past it, or the whole log.
        guard
            (try? WriterIndexCache.save(
                ids: ids, overflow: idOverflow, versions: versions, head: head, lastBatch: lastBatch, layout)) != nil
        else { return }
        savedIndexPosition = head.position
    }

    // MARK: Ids

    /// Records where an event's record is. Returns false when the hash was already taken (by another id).
    @discardableResult
    func remember(_ id: EventID, at location: RecordLocation) -> Bool {
        if ids.insert(id.stableHash, at: location) { return true }
        idOverflow[id] = location
        return false
    }

    /// Where the event with this id is stored, if the log (or the batch being written) holds it.
    func location(of id: EventID, hash: UInt64? = nil) throws -> RecordLocation? {
        if let location = idOverflow[id] { return location }
        guard let location = ids[hash ?? id.stableHash] else { return nil }
        // The hash matched: confirm that it is this id and not another with the same hash.
        return try load(at: location).event.id == id ? location : nil
    }

    /// Reads the stored event at a location.
    func load(at location: RecordLocation) throws -> StoredEvent {
        let (segment, offset) = (location.segment, location.offset)
        if var b = batch, segment == b.segment, offset >= b.writeOffset {
            try flush(&b)
            batch = b
        }
        let path = layout.segmentPath(segment)
        if segment == segmentNumber && segmentFD >= 0 {
            return try EventLog.readEvent(fd: segmentFD, path: path, offset: offset)
        }
        let fd = try LogIO.open(path, flags: O_RDONLY_)
        defer { LogIO.close(fd) }
        return try EventLog.readEvent(fd: fd, path: path, offset: offset)
    }
}
