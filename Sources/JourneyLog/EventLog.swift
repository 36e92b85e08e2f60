import JourneyCore

/// A log directory opened for reading: it sees the events committed when it was opened, and never half a batch.
///
/// Any number of readers may run while one writer appends. A reader takes no lock and writes nothing: it reads up
/// to the head and ignores whatever lies past it (an append in progress, or one a crash interrupted, which the
/// next writer repairs when it opens the log).
public struct EventLog: Sendable {
    public let path: String
    let layout: LogLayout
    var head: Head
    /// Always `nil`: readers no longer repair a torn tail (the next writer does, and reports it). Kept for the
    /// callers that still print it.
    public let recovery: RecoveryReport?

    /// Opens the log at `path` for reading. Throws `LogError.notFound` when there is nothing at `path`, and
    /// `LogError.notALog` when it is not a log (no head file and no segment files).
    public static func open(_ path: String) throws -> EventLog {
        let layout = LogLayout(path: path)
        // An address (`postgres://…`) is a log in another store, opened there: never looked for as a folder.
        if LogSource.isStoreAddress(path) {
            throw LogSourceError(
                path: path, found: "the address of a log in another store",
                expected: "This reads a log folder or a JSON Lines file")
        }
        guard LogIO.exists(path) else { throw LogError.notFound(path: path) }
        if let head = try Head.read(layout) {
            if head.segment > 0 {
                // Cheap to see at once: the committed end is in a file that is there and long enough.
                let file = layout.segmentPath(head.segment)
                guard LogIO.exists(file) else {
                    throw LogError.damaged(path: file, offset: 0, reason: "the segment the head names is missing")
                }
                let fd = try LogIO.open(file, flags: O_RDONLY_)
                defer { LogIO.close(fd) }
                let size = try LogIO.size(fd, path: file)
                guard size >= head.offset else {
                    throw LogError.damaged(
                        path: file, offset: size,
                        reason: "the file ends \(head.offset - size) bytes before the committed end")
                }
            }
            return EventLog(path: path, layout: layout, head: head, recovery: nil)
        }
        let segments = (try? layout.segmentNumbers()) ?? []
        guard !segments.isEmpty else { throw LogError.notALog(path: path) }
        // Segments without a head: a first append that has not committed (in progress, or cut short by a crash),
        // which is an empty log; or a head that was lost, which is damage.
        try Recovery.checkMissingHead(layout)
        return EventLog(path: path, layout: layout, head: .empty, recovery: nil)
    }

    /// The version of the stored form of events that this build writes, in the header of every segment file.
    public static let formatVersion: UInt32 = 1

    /// Whether anything is at `path` (a log, or something that is not one).
    public static func exists(_ path: String) -> Bool { LogIO.exists(path) }

    /// The position of the last committed event (0 for an empty log).
    public var lastPosition: UInt64 { head.position }
    /// The chain hash of the last batch, in hexadecimal: quote it to fix the log's state as of now.
    public var headHash: String { head.chainHash.hex }
    public var batchCount: UInt64 { head.batches }
    /// The point just after the last committed event.
    public var end: LogCursor { LogCursor(segment: head.segment, offset: head.offset, position: head.position) }

    /// Calls `body` with the decoded items of every committed event after `cursor` (from the start when `nil`), in
    /// position order, a chunk at a time (in order), lent in place: a fold that looks something up for each item
    /// can look up a whole chunk's at once, letting the processor wait for several memory reads together. The one
    /// at a time and whole-event replays (`EventStoreReader`) read through it. Throws `LogError.damaged` on any
    /// record that fails its checksum or cannot be decoded: damage is never skipped. Returns the cursor after the
    /// last event.
    ///
    /// Records are read, checked and decoded on a second thread (`readDecodedChunks`) while `body` folds the items
    /// before them: decoding costs about as much as a projection's fold, so a replay runs close to twice as fast
    /// on two cores. `decode` turns each committed event record (its position, version and stored event, in the
    /// form `Event.write(binary:)` gives) into what `body` takes, on the second thread: a projection that needs a
    /// few numbers of each event can read them in place, without making the event's strings. Whatever `decode`
    /// throws is reported as damage at that record.
    ///
    /// Inlinable, so that it is specialized for `Item` where it is called: each item passes through it by value.
    @inlinable @discardableResult
    public func replay<Item: Sendable>(
        after cursor: LogCursor? = nil, decoding decode: @escaping @Sendable (StoredEventBytes) throws -> Item,
        chunks body: (UnsafeBufferPointer<Item>) throws -> Void
    ) throws -> LogCursor {
        try readDecodedChunks(
            produce: { chunk in
                try scanRecords(after: cursor) { framed, _, path, offset in
                    guard framed.kind == .event else { return }
                    let item: Item
                    do {
                        item = try decode(try StoredEventBytes(framed.body))
                    } catch {
                        throw LogError.damaged(path: path, offset: offset, reason: "\(error)")
                    }
                    try chunk.append(item)
                }
            }, chunks: body)
        return end
    }

    /// Calls `body` with each stored event after `cursor`, in position order, on this thread, until `body` throws:
    /// for a read of a few thousand events, which `replay`'s second thread and its chunks cost more than they save
    /// (the ids of the events a report cites, `EventIDIndex`). Each record is checked as `replay` checks it; an
    /// event that cannot be read is `LogError.damaged`. Read to the log's end, it checks the end as `replay` does.
    public func forEachStoredEvent(after cursor: LogCursor?, _ body: (StoredEventBytes) throws -> Void) throws {
        try forEachLocatedEvent(after: cursor) { stored, _, _ in try body(stored) }
    }

    /// `forEachStoredEvent(after:_:)`, with the segment and offset of each event's record (`EventLocations`).
    func forEachLocatedEvent(
        after cursor: LogCursor?, _ body: (StoredEventBytes, _ segment: Int, _ offset: Int) throws -> Void
    ) throws {
        try scanRecords(after: cursor) { framed, segment, path, offset in
            guard framed.kind == .event else { return }
            let stored: StoredEventBytes
            do {
                stored = try StoredEventBytes(framed.body)
            } catch {
                throw LogError.damaged(path: path, offset: offset, reason: "\(error)")
            }
            try body(stored, segment, offset)
        }
    }

    /// Calls `body` with every committed record after `cursor`, checking as it goes what costs an integer
    /// comparison a record (`RecordOrder`): positions without gaps, each batch closed by its commit, each commit
    /// following on from the one before, and, at the end, that the last commit is the one the head names (its
    /// position, chain hash and end). Throws `LogError.damaged` at the first record that breaks any of these.
    @usableFromInline
    func scanRecords(after cursor: LogCursor?, _ body: (Record.Framed, Int, String, Int) throws -> Void) throws {
        var order = RecordOrder(after: cursor?.position ?? 0)
        guard head.segment > 0 else {
            if head.position != 0 || head.batches != 0 {
                throw LogError.damaged(path: layout.headPath, offset: 0, reason: "the head names no segment")
            }
            return
        }
        var isHeadCommitRead = false
        let first = cursor.map { max($0.segment, 1) } ?? 1
        if first <= head.segment {
            for segment in first...head.segment {
                let path = layout.segmentPath(segment)
                guard LogIO.exists(path) else {
                    throw LogError.damaged(path: path, offset: 0, reason: "a committed segment file is missing")
                }
                let fd = try LogIO.open(path, flags: O_RDONLY_)
                defer { LogIO.close(fd) }
                let number = try SegmentScanner.readHeader(fd: fd, path: path)
                guard number == segment else {
                    throw LogError.damaged(path: path, offset: 12, reason: "the header names segment \(number)")
                }
                let start =
                    (cursor != nil && segment == cursor!.segment && cursor!.offset > 0)
                    ? cursor!.offset : LogLayout.headerSize
                let limit = segment == head.segment ? head.offset : nil
                let end = try SegmentScanner(path: path).scan(fd: fd, from: start, to: limit) { framed, offset in
                    if let problem = order.take(framed) {
                        throw LogError.damaged(path: path, offset: offset, reason: problem)
                    }
                    try body(framed, segment, path, offset)
                    if framed.kind == .commit && limit == offset + framed.size {
                        // The head's commit: the chain hash is compared, not recomputed.
                        guard Array(framed.body[20..<52]) == head.chainHash else {
                            throw LogError.damaged(
                                path: layout.headPath, offset: 0,
                                reason: "the head's chain hash is not the one its last commit record holds")
                        }
                        isHeadCommitRead = true
                    }
                    return true
                }
                switch end {
                case .complete(let offset):
                    if let limit, offset != limit {
                        throw LogError.damaged(
                            path: path, offset: offset, reason: "the file ends before the committed end")
                    }
                    if order.openEvents > 0 {
                        throw LogError.damaged(
                            path: path, offset: offset,
                            reason: "\(order.openEvents) event(s) "
                                + (limit == nil ? "at the end of the segment" : "before the committed end")
                                + " are closed by no commit record")
                    }
                case .incomplete(let offset):
                    throw LogError.damaged(path: path, offset: offset, reason: "a committed record is cut short")
                case .damaged(let offset, let reason):
                    throw LogError.damaged(path: path, offset: offset, reason: reason)
                }
            }
        }
        guard order.lastCommitted == head.position else {
            throw LogError.damaged(
                path: layout.headPath, offset: 0,
                reason: "the head says the last position is \(head.position), but the last commit record closes "
                    + "position \(order.lastCommitted)")
        }
        if cursor == nil && order.commits != head.batches {
            throw LogError.damaged(
                path: layout.headPath, offset: 0,
                reason: "the head counts \(head.batches) batches, but the log holds \(order.commits)")
        }
        if !isHeadCommitRead && chainHash(endingAt: end) != head.chainHash {
            throw LogError.damaged(
                path: layout.headPath, offset: 0,
                reason: "the head does not end at a commit record with its position and chain hash")
        }
    }
}

/// A point in the log between two batches: where a replay stopped, and where a later one can resume.
public struct LogCursor: Hashable, Sendable, Codable {
    public var segment: Int
    public var offset: Int
    /// The position of the last event before the cursor.
    public var position: UInt64

    public init(segment: Int, offset: Int, position: UInt64) {
        self.segment = segment
        self.offset = offset
        self.position = position
    }
}
