import Foundation
import JourneyCore
import JourneyLog
import PostgresNIO

/// A log kept in PostgreSQL, opened for reading: the PostgreSQL store's `EventStoreReader`, as `EventLog` is the
/// file log's. It sees the batches committed when it was opened, and never half a batch: a batch's rows become
/// visible together when its transaction commits, and a replay stops at the position the log had at opening.
///
/// A replay reads the rows a page at a time, by position (the primary key), fetching the next page while the one
/// before is decoded, and hands the decoded events over a chunk at a time as the file log does: memory holds a
/// few pages, however long the log.
public struct PostgresEventLog: EventStoreReader, Sendable {
    public typealias Cursor = UInt64

    let session: PostgresSession
    public var location: PostgresLocation { session.location }
    public let lastPosition: UInt64
    public let batchCount: UInt64
    let chainHash: [UInt8]

    /// Rows asked for at once by a replay.
    static let pageSize: UInt64 = 4_096

    /// Connects and reads the head: the last batch committed. Throws `PostgresStoreError.noLog` when the
    /// location holds no log (`PostgresStore.setUp` makes one).
    public static func open(
        _ location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PostgresEventLog {
        try PostgresSession.openLog(location, environment: environment) { session in
            let head = try PostgresHead.read(session)
            return PostgresEventLog(
                session: session, lastPosition: head.lastPosition, batchCount: head.batches,
                chainHash: head.chainHash)
        }
    }

    /// Closes the connection.
    public func close() { session.close() }

    public var headHash: String { chainHash.hex }
    /// The position of the last event: a later replay resumes after it.
    public var end: UInt64 { lastPosition }

    @discardableResult
    public func replay<Item: Sendable>(
        after cursor: UInt64? = nil, decoding decode: @escaping @Sendable (StoredEventBytes) throws -> Item,
        chunks body: (UnsafeBufferPointer<Item>) throws -> Void
    ) throws -> UInt64 {
        let start = cursor ?? 0
        let end = lastPosition
        let session = self.session
        let schema = location.schema
        guard start < end else { return end }
        try readDecodedChunks(
            produce: { chunk in
                try PostgresPages(session: session, after: start, through: end).forEachRow { position, record in
                    try chunk.append(
                        try PostgresRecords.decodeEvent(record, position: position, schema: schema, decode))
                }
            }, chunks: body)
        return end
    }

    /// The version of a child's stream as of the log's opening: how many of its events it holds.
    public func version(of child: ChildID) throws -> UInt32 {
        try PostgresHead.version(of: child, through: lastPosition, session)
    }
}

/// The last committed batch, read in one statement.
struct PostgresHead {
    var lastPosition: UInt64 = 0
    var batches: UInt64 = 0
    var chainHash = [UInt8](repeating: 0, count: 32)

    static func read(_ session: PostgresSession) throws -> PostgresHead {
        let s = session.location.schema
        let rows = try session.query(
            """
            SELECT batch, first_position + count - 1, chain_hash FROM \(unescaped: s).batches
            ORDER BY batch DESC LIMIT 1
            """)
        var head = PostgresHead()
        for row in rows {
            let (batch, last, hash) = try row.decode((Int64, Int64, ByteBuffer).self)
            head = PostgresHead(
                lastPosition: UInt64(last), batches: UInt64(batch), chainHash: Array(hash.readableBytesView))
        }
        return head
    }

    static func version(of child: ChildID, through position: UInt64, _ session: PostgresSession) throws -> UInt32 {
        let s = session.location.schema
        let rows = try session.query(
            """
            SELECT coalesce(max(version), 0) FROM \(unescaped: s).events
            WHERE child = \(child.rawValue) AND position <= \(Int64(position))
            """)
        for row in rows { return UInt32(try row.decode(Int32.self)) }
        return 0
    }
}

/// Reads events by position, a page at a time, asking for the next page before the caller works through the one
/// it has. Positions run without gaps, so each page is a range of them, and a missing row is damage.
struct PostgresPages {
    let session: PostgresSession
    let after: UInt64
    let through: UInt64
    var pageSize = PostgresEventLog.pageSize

    func forEachRow(_ body: (UInt64, ByteBuffer) throws -> Void) throws {
        let s = session.location.schema
        func fetch(_ from: UInt64) -> EventLoopFuture<PostgresQueryResult> {
            session.start(
                """
                SELECT position, record FROM \(unescaped: s).events
                WHERE position > \(Int64(from)) AND position <= \(Int64(min(from + pageSize, through)))
                ORDER BY position
                """)
        }
        var from = after
        var next: EventLoopFuture<PostgresQueryResult>? = fetch(from)
        while let page = next {
            let rows = try session.wait(page)
            let to = min(from + pageSize, through)
            next = to < through ? fetch(to) : nil
            var expected = from + 1
            for row in rows {
                let (position, record) = try row.decode((Int64, ByteBuffer).self)
                guard UInt64(position) == expected else {
                    if let next { _ = try? session.wait(next) }
                    throw PostgresStoreError.damaged(
                        schema: s, position: expected, reason: "the event at this position is missing")
                }
                try body(expected, record)
                expected += 1
            }
            guard expected == to + 1 else {
                if let next { _ = try? session.wait(next) }
                throw PostgresStoreError.damaged(
                    schema: s, position: expected, reason: "the event at this position is missing")
            }
            from = to
        }
    }
}

/// The stored record bytes of a row, read as the file log reads a record.
enum PostgresRecords {
    /// Checks the record's framing and checksum, that it is one event record and that it holds the row's
    /// position, and hands its body to `decode`. Anything wrong is damage at that position.
    static func decodeEvent<Item>(
        _ record: ByteBuffer, position: UInt64, schema: String, _ decode: (StoredEventBytes) throws -> Item
    ) throws -> Item {
        try record.withUnsafeReadableBytes { raw in
            let body = try eventBody(raw, position: position, schema: schema)
            do {
                return try decode(try StoredEventBytes(body))
            } catch {
                throw PostgresStoreError.damaged(schema: schema, position: position, reason: "\(error)")
            }
        }
    }

    static func eventBody(_ raw: UnsafeRawBufferPointer, position: UInt64, schema: String) throws
        -> UnsafeRawBufferPointer
    {
        switch Record.read(raw) {
        case .record(let framed):
            guard framed.kind == .event, framed.size == raw.count else {
                throw PostgresStoreError.damaged(
                    schema: schema, position: position, reason: "the stored bytes are not one event record")
            }
            let stored = try? StoredEventBytes(framed.body)
            guard stored?.position == position else {
                throw PostgresStoreError.damaged(
                    schema: schema, position: position, reason: "the record holds another position")
            }
            return framed.body
        case .incomplete:
            throw PostgresStoreError.damaged(schema: schema, position: position, reason: "the record is cut short")
        case .damaged(let reason):
            throw PostgresStoreError.damaged(schema: schema, position: position, reason: reason)
        }
    }
}
