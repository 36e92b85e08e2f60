import Foundation
import JourneyCore
import JourneyLog
import PostgresNIO

/// One connection to a log kept in PostgreSQL, held open by a reader that lives long (the shared service): the head
/// is read again whenever asked, in one statement (`PostgresHead.read`), and the log read as it stood then, on the
/// same connection. A chronology's events are read by child and the ids of cited events by position, each one
/// statement on the indexes the schema has (`UNIQUE (child, version)` begins with the child; `position` is the
/// primary key), never a read of the whole log.
///
/// Statements from several threads are queued on the connection, in order. When the connection is lost the
/// statements throw (`PostgresStoreError.isUnavailable`); the holder closes this one and opens another.
public final class PostgresLogConnection: Sendable {
    let session: PostgresSession
    public var location: PostgresLocation { session.location }

    private init(session: PostgresSession) { self.session = session }

    /// Connects to a log that has been set up (`PostgresStore.setUp`); throws `PostgresStoreError.noLog` when the
    /// location holds none.
    public static func open(
        _ location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PostgresLogConnection {
        try PostgresSession.openLog(location, environment: environment) { PostgresLogConnection(session: $0) }
    }

    /// Closes the connection; the readers `current()` gave stop working.
    public func close() { session.close() }

    /// The log as it stands now: a reader that replays up to the head just read, on this connection. Do not close
    /// it (that would close this connection): close the connection when done.
    public func current() throws -> PostgresEventLog {
        let head = try PostgresHead.read(session)
        return PostgresEventLog(
            session: session, lastPosition: head.lastPosition, batchCount: head.batches, chainHash: head.chainHash)
    }

    /// The events of `children` at positions up to `position`, by position: what a chronology shows, read by
    /// child, as `ChildEvents.read` reads them from a whole replay.
    public func events(of children: Set<ChildID>, through position: UInt64) throws -> [UInt64: Event] {
        let s = location.schema
        var found: [UInt64: Event] = [:]
        try session.lookUp(
            children.map(\.rawValue).sorted(),
            { keys in
                """
                SELECT position, record FROM \(unescaped: s).events
                WHERE child = ANY(\(keys)) AND position <= \(Int64(clamping: position))
                """
            }
        ) { row in
            let (at, record) = try row.decode((Int64, ByteBuffer).self)
            let stored = try PostgresRecords.decodeEvent(record, position: UInt64(at), schema: s) {
                try Record.decodeEvent($0)
            }
            found[stored.position] = stored.event
        }
        return found
    }

    /// The ids of the events at `positions` (those the log holds), as `EventIDLookup` gives them for a folder.
    public func ids(at positions: Set<UInt64>) throws -> [UInt64: EventID] {
        let s = location.schema
        var found: [UInt64: EventID] = [:]
        found.reserveCapacity(positions.count)
        try session.lookUp(
            positions.sorted().map { Int64(clamping: $0) },
            { keys in "SELECT position, id FROM \(unescaped: s).events WHERE position = ANY(\(keys))" }
        ) { row in
            let (at, id) = try row.decode((Int64, String).self)
            found[UInt64(at)] = EventID(id)
        }
        return found
    }
}

extension PostgresStoreError {
    /// Whether the error says the database could not be reached, or the connection was lost (rather than that the
    /// log or a statement is wrong): what a long-running reader or writer waits out and reconnects after. SQLSTATE
    /// classes 08 (connection exception) and 57P (the server shutting down or starting), and 53300 (too many
    /// connections).
    public var isUnavailable: Bool {
        switch self {
        case .cannotConnect, .connectionLost, .writerStopped: true
        case .server(_, let state, _): state.hasPrefix("08") || state.hasPrefix("57P") || state == "53300"
        default: false
        }
    }
}

extension PostgresLogWriter {
    /// Sends an empty statement, to find out before an append whether the connection still stands (the server may
    /// have closed it while it was idle): a lost connection throws here, before anything of a batch is sent.
    public func checkConnection() throws {
        try session.query("SELECT 1")
    }
}
