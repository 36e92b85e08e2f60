import JourneyCore

/// What a reader of a log needs, whichever store keeps it: the log directory (`EventLog`) or another store
/// (PostgreSQL, in the JourneyPostgres module). A command or a service written against this protocol takes either.
///
/// A reader sees the log as it was when it was opened: its end, head hash and batch count are fixed then, and a
/// replay stops there, so it never sees half a batch, however many appends come after.
///
/// "As known at" a time is not the store's concern: every event keeps its `recorded` time, and the projections
/// leave out those recorded after the time asked for (docs/events.md, *As known at*), so a replay of either store
/// gives the same figures as known at any time.
///
/// Code that replays should be generic over the store (`some EventStoreReader`) rather than take `any
/// EventStoreReader`: the replay methods are generic over the decoded item, and a generic caller is specialized
/// for each store, so the file log's replay stays the inlinable, unboxed loop it is (no existential per event).
public protocol EventStoreReader: Sendable {
    /// A point in the log between two batches, where a replay stopped and a later one can resume.
    associatedtype Cursor: Hashable, Sendable

    /// The position of the last committed event (0 for an empty log).
    var lastPosition: UInt64 { get }
    /// The chain hash of the last batch, in hexadecimal (64 zeros for an empty log).
    var headHash: String { get }
    /// How many batches have been committed.
    var batchCount: UInt64 { get }
    /// The point just after the last committed event.
    var end: Cursor { get }

    /// Calls `body` with the committed events after `cursor` (from the start when `nil`), in position order, a
    /// chunk at a time: `decode` turns each event record (its position, version and the event in its stored
    /// form) into what `body` takes, ahead of `body`, on another thread. Damage is thrown, never skipped: a
    /// record that fails its checksum or does not decode, or a gap in the positions. Returns the cursor after
    /// the last event.
    @discardableResult
    func replay<Item: Sendable>(
        after cursor: Cursor?, decoding decode: @escaping @Sendable (StoredEventBytes) throws -> Item,
        chunks body: (UnsafeBufferPointer<Item>) throws -> Void
    ) throws -> Cursor

    /// Checks every stored event against its checksum and its batch's chain hash, and the chain from the first
    /// batch to the head: the same checks, and the same head hash, whichever store holds the same batches.
    func verify() throws -> VerificationReport

    /// Every committed batch, in order: where it ends and when it was committed. With the events, what a copy needs
    /// to build the same batches, and so the same chain of hashes, in another store (`LogCopy`).
    func commits() throws -> [CommitMark]
}

/// Where a committed batch ends, and the commit time its chain hash covers.
public struct CommitMark: Hashable, Sendable {
    public var lastPosition: UInt64
    public var committedAt: Timestamp

    public init(lastPosition: UInt64, committedAt: Timestamp) {
        self.lastPosition = lastPosition
        self.committedAt = committedAt
    }
}

extension EventStoreReader {
    /// `replay(after:decoding:chunks:)`, one item at a time.
    @inlinable @discardableResult
    public func replay<Item: Sendable>(
        after cursor: Cursor? = nil, decoding decode: @escaping @Sendable (StoredEventBytes) throws -> Item,
        _ body: (Item) throws -> Void
    ) throws -> Cursor {
        try replay(after: cursor, decoding: decode) { (items: UnsafeBufferPointer<Item>) in
            for i in items.indices { try body(items[i]) }
        }
    }

    /// Every committed event after `cursor`, whole.
    @inlinable @discardableResult
    public func replay(after cursor: Cursor? = nil, _ body: (StoredEvent) throws -> Void) throws -> Cursor {
        try replay(after: cursor, decoding: { try Record.decodeEvent($0) }, body)
    }
}

/// What a writer of a log needs, whichever store keeps it. An append is one batch, all or nothing: if any line
/// breaks a rule nothing is appended and `LogError.rejected` lists every problem with its line, field and rule
/// (`BatchRules`); an id already stored with the same content is a duplicate, not an error; `--expect-version`
/// (`AppendOptions.expectedVersions`) is refused with `LogError.versionMismatch`. Each batch is chained to the one
/// before by the same SHA-256 over the same record bytes, so the same batches give the same head hash in any store.
public protocol EventStoreWriter: AnyObject {
    /// The position of the last committed event.
    var lastPosition: UInt64 { get }
    /// The chain hash of the last batch, in hexadecimal.
    var headHash: String { get }
    /// The version of a child's stream: how many events the log holds for it.
    func version(of child: ChildID) throws -> UInt32
    /// Appends a list of events as one batch (line numbers count from 1 in list order).
    @discardableResult
    func append(_ events: [Event], options: AppendOptions) throws -> AppendReport
    /// Appends a JSON Lines input as one batch: a line that is not an event is a problem of the batch, with its
    /// line number, as any other.
    @discardableResult
    func appendJSONLines(from input: LineReader, options: AppendOptions, progress: ((Int) -> Void)?) throws
        -> AppendReport
    /// Lets the log go: the file log's writer lock, the database's connection. Nothing more can be appended.
    func close()
}

extension EventLog: EventStoreReader {
    /// `EventLog.verify(_:)` of this log's directory.
    public func verify() throws -> VerificationReport { try EventLog.verify(path) }

    /// The commit records, read from the segments up to the head.
    public func commits() throws -> [CommitMark] {
        var marks: [CommitMark] = []
        try scanRecords(after: nil) { framed, _, path, offset in
            guard framed.kind == .commit else { return }
            do {
                let commit = try Commit.decode(framed.body)
                marks.append(
                    CommitMark(
                        lastPosition: commit.lastPosition, committedAt: Timestamp(nanoseconds: commit.committedAt)))
            } catch {
                throw LogError.damaged(path: path, offset: offset, reason: "\(error)")
            }
        }
        return marks
    }
}

extension LogWriter: EventStoreWriter {}
