import Foundation
import JourneyCore
import JourneyLog
import PostgresNIO

/// Appends to a log kept in PostgreSQL: the PostgreSQL store's `EventStoreWriter`, as `LogWriter` is the file
/// log's, with the same rules, the same report and the same problems (`BatchPlan`, `BatchRules`).
///
/// Each append is one transaction. It first takes an advisory lock on the log, so that writers, in this process
/// or any other, take turns (the file log's writer lock does the same); then it reads the head, checks
/// `--expect-version`, looks up the ids and child versions the batch needs, plans the batch, and writes the batch
/// row and the event rows. Any problem, any failure and any lost connection rolls the whole transaction back:
/// nothing of a batch is stored unless all of it is. The unique indexes (id; child and version) would refuse a
/// duplicate id or version even if two writers did not take turns.
///
/// The batch's chain hash is the file log's: SHA-256 of the previous batch's hash, every event record's bytes
/// (the same bytes the file log writes, stored in `events.record`) and the commit's fields, so that a PostgreSQL
/// log and a file log holding the same batches have the same head hash.
public final class PostgresLogWriter: EventStoreWriter {
    let session: PostgresSession
    public var location: PostgresLocation { session.location }
    public private(set) var lastPosition: UInt64 = 0
    private var chainHash = Commit.genesisHash
    private var isStopped = false

    /// Event rows sent in one statement.
    static let rowsPerInsert = 5_000

    /// Connects to a log that has been set up (`PostgresStore.setUp`).
    public static func open(
        _ location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PostgresLogWriter {
        try PostgresSession.openLog(location, environment: environment) { session in
            let writer = PostgresLogWriter(session: session)
            let head = try PostgresHead.read(session)
            writer.lastPosition = head.lastPosition
            writer.chainHash = head.chainHash
            return writer
        }
    }

    private init(session: PostgresSession) { self.session = session }

    /// Closes the connection.
    public func close() { session.close() }

    public var headHash: String { chainHash.hex }

    /// The version of a child's stream now (another writer may have appended since this one last did).
    public func version(of child: ChildID) throws -> UInt32 {
        try PostgresHead.version(of: child, through: UInt64(Int64.max), session)
    }

    @discardableResult
    public func append(_ events: [Event], options: AppendOptions = AppendOptions()) throws -> AppendReport {
        try append(lines: events.enumerated().map { ($0.offset + 1, .success($0.element)) }, options: options)
    }

    /// Reads the whole input, each line parsed as the file writer parses it (`ParsedLines`), then appends it as
    /// one batch. A line that is not an event is one of the batch's problems.
    @discardableResult
    public func appendJSONLines(
        from input: LineReader, options: AppendOptions = AppendOptions(), progress: ((Int) -> Void)? = nil
    ) throws -> AppendReport {
        var lines: [(line: Int, event: Result<Event, InvalidEvent>)] = []
        let parsed = ParsedLines(input)
        defer { parsed.finish() }
        while let chunk = parsed.next() {
            lines.append(contentsOf: chunk.lines)
            if let bytes = chunk.bytesRead { progress?(bytes) }
            if let failure = chunk.failure { throw failure }
        }
        return try append(lines: lines, options: options)
    }

    /// Appends the lines as one batch, all or nothing.
    func append(lines: [(line: Int, event: Result<Event, InvalidEvent>)], options: AppendOptions) throws
        -> AppendReport
    {
        guard !isStopped else { throw PostgresStoreError.writerStopped }
        let s = location.schema
        let stamp = options.stamp ?? Timestamp(nanoseconds: System.now() / 1_000_000 * 1_000_000, fractionDigits: 3)
        var committed: (position: UInt64, hash: [UInt8])?
        let report: AppendReport
        do {
            report = try session.transaction {
                try session.query("SELECT pg_advisory_xact_lock(\(PostgresStore.lockKey), hashtext(\(s)))")
                let head = try PostgresHead.read(session)
                try BatchRules.checkExpectedEnd(options.expectedEnd, actual: head.lastPosition)
                try BatchRules.checkExpectedVersions(options.expectedVersions) {
                    try PostgresHead.version(of: $0, through: head.lastPosition, session)
                }
                let needed = BatchPlan.lookups(for: lines)
                let plan = BatchPlan(
                    lines: lines, stamp: stamp, problemLimit: options.problemLimit, after: head.lastPosition,
                    stored: try storedEvents(needed.ids), versions: try versions(of: needed.children))
                guard plan.problems.isEmpty else {
                    throw LogError.rejected(plan.problems, truncated: plan.isTruncated)
                }
                var report = plan.report
                guard !plan.events.isEmpty else { return report }
                let committedAt = options.committedAt?.nanoseconds ?? System.now()
                let (bytes, ranges, commit) = plan.records(
                    after: head.lastPosition, previousHash: head.chainHash, committedAt: committedAt)
                let batch = Int64(head.batches + 1)
                try session.query(
                    """
                    INSERT INTO \(unescaped: s).batches (batch, first_position, count, committed_at, chain_hash)
                    VALUES (\(batch), \(Int64(commit.firstPosition)), \(Int32(commit.count)), \(commit.committedAt),
                        \(ByteBuffer(bytes: commit.chainHash)))
                    """)
                try insertEvents(plan.events, bytes: bytes, ranges: ranges, first: commit.firstPosition, batch: batch)
                report.appended = plan.events.count
                report.positions = commit.firstPosition...commit.lastPosition
                committed = (commit.lastPosition, commit.chainHash)
                return report
            }
        } catch let error as PostgresStoreError {
            // A failure while committing leaves it unknown whether the batch was stored: stop, as the file
            // writer stops when it cannot tell whether its batch reached the disk.
            if case .connectionLost = error { isStopped = true }
            throw error
        }
        if let committed { (lastPosition, chainHash) = committed }
        return report
    }

    /// The stored events among `ids`, by id.
    private func storedEvents(_ ids: Set<EventID>) throws -> [EventID: StoredEvent] {
        let s = location.schema
        var found: [EventID: StoredEvent] = [:]
        try session.lookUp(
            ids.map(\.rawValue),
            { keys in "SELECT position, record FROM \(unescaped: s).events WHERE id = ANY(\(keys))" }
        ) { row in
            let (position, record) = try row.decode((Int64, ByteBuffer).self)
            let stored = try PostgresRecords.decodeEvent(record, position: UInt64(position), schema: s) {
                try Record.decodeEvent($0)
            }
            found[stored.event.id] = stored
        }
        return found
    }

    /// The current version of each of `children` that has events.
    private func versions(of children: Set<ChildID>) throws -> [ChildID: UInt32] {
        let s = location.schema
        var found: [ChildID: UInt32] = [:]
        try session.lookUp(
            children.map(\.rawValue),
            { keys in
                "SELECT child, max(version) FROM \(unescaped: s).events WHERE child = ANY(\(keys)) GROUP BY child"
            }
        ) { row in
            let (child, version) = try row.decode((String, Int32).self)
            found[ChildID(child)] = UInt32(version)
        }
        return found
    }

    /// Inserts the event rows, a few thousand a statement, each column sent as one array parameter.
    private func insertEvents(
        _ events: [(event: Event, version: UInt32)], bytes: [UInt8], ranges: [Range<Int>], first: UInt64,
        batch: Int64
    ) throws {
        let s = location.schema
        for start in stride(from: 0, to: events.count, by: Self.rowsPerInsert) {
            let slice = start..<min(start + Self.rowsPerInsert, events.count)
            var positions: [Int64] = []
            var children: [String] = []
            var versions: [Int32] = []
            var ids: [String] = []
            var recorded: [Int64] = []
            var records: [ByteBuffer] = []
            for i in slice {
                let (event, version) = events[i]
                positions.append(Int64(first) + Int64(i))
                children.append(event.child.rawValue)
                versions.append(Int32(version))
                ids.append(event.id.rawValue)
                recorded.append(event.recorded?.nanoseconds ?? 0)
                records.append(ByteBuffer(bytes: bytes[ranges[i]]))
            }
            try session.query(
                """
                INSERT INTO \(unescaped: s).events (position, batch, child, version, id, recorded, record)
                SELECT position, \(batch), child, version, id, recorded, record
                FROM unnest(\(positions)::bigint[], \(children)::text[], \(versions)::integer[], \(ids)::text[],
                    \(recorded)::bigint[], \(records)::bytea[])
                    AS r (position, child, version, id, recorded, record)
                """)
        }
    }
}
