import Foundation
import JourneyChecks
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneyReports

/// The log the service serves, whichever store keeps it: a log folder (`FolderLog`) or a log in PostgreSQL
/// (`PostgresServedLog`). What the live figures (`LiveLog`) and the routes need of it, and nothing more.
///
/// The live figures are generic over it, so that the folder's fold is the same specialised loop it always was.
public protocol ServedLog: Sendable {
    /// A reader of the log as it stood when it was read (`current()`).
    associatedtype Reader: EventStoreReader

    /// What the server's log names the log by: the folder's path, or the address (never a password).
    var name: String { get }

    /// The log as it stands now, or `nil` while there is none yet. Read before every answer, so cheap: a few system
    /// calls for a folder, one statement for PostgreSQL.
    func current() throws -> Reader?

    /// The first fold: the whole log as `reader` holds it, into a new state. One function, so that how the whole
    /// log is folded (from a checkpoint, or a replay from the start) is decided in one place per store.
    func replay(_ reader: Reader) throws -> JourneyState

    /// Appends a JSON Lines batch, all or nothing, as `journey append` does. One at a time from this server (the
    /// caller queues them); other processes' writers take turns through the store's own lock.
    func append(_ input: LineReader, options: AppendOptions) throws -> AppendReport

    /// The events of `children` by position, up to `position`, for a chronology (`ChildEvents`): those at `positions`
    /// at least (the positions the chronology reads, `ChildEvents.positions(readFor:)`).
    func events(of children: Set<ChildID>, at positions: Set<UInt64>, through position: UInt64) throws -> [UInt64:
        Event]

    /// The ids of the events at `positions`, for findings to cite (`EventIDLookup`).
    func eventIDs(at positions: Set<UInt64>) throws -> [UInt64: EventID]

    /// Makes ready, once the log is folded, what `events(of:at:through:)` reads the log through, so that the first
    /// chronology does not wait for it. Nothing by default.
    func prepareReads() throws

    /// What to throw for an error met while reading a reader `current()` gave (a fold): a lost connection is let go
    /// and becomes `LogUnavailable`; anything else is thrown as it is.
    func settle(_ error: any Error) -> any Error
}

extension ServedLog {
    public func settle(_ error: any Error) -> any Error { error }

    public func prepareReads() throws {}
}

/// The log kept in a folder: read, folded and appended to as the service always has, the head read by opening the
/// log (`EventLog.open`, a few system calls) before each answer, the first fold from the checkpoint in its cache
/// folder, and a writer opened for each append so that `journey append` on the command line takes its turn too
/// (waiting for the lock, as `--wait`).
public struct FolderLog: ServedLog {
    public let path: String

    public init(path: String) { self.path = path }

    public var name: String { path }

    public func current() throws -> EventLog? {
        guard EventLog.exists(path) else { return nil }
        return try EventLog.open(path)
    }

    /// From the checkpoint in the log's cache folder, if there is a good one, as the command line replays.
    public func replay(_ reader: EventLog) throws -> JourneyState {
        try Checkpoint.replay(reader, roomForAppends: true).0
    }

    public func append(_ input: LineReader, options: AppendOptions) throws -> AppendReport {
        if !EventLog.exists(path), try !input.hasContent() { return AppendReport() }
        let writer = try LogWriter.open(path, wait: true)
        defer { writer.close() }
        return try writer.appendJSONLines(from: input, options: options)
    }

    /// The events at `positions` alone, read where they lie (`ChildEvents.read(_:children:at:)`); those after
    /// `position` (appended since the answer's view was taken) are left out.
    public func events(of children: Set<ChildID>, at positions: Set<UInt64>, through position: UInt64) throws
        -> [UInt64: Event]
    {
        try ChildEvents.read(path, children: children, at: positions.filter { $0 <= position })
    }

    /// The index of event locations in the log's cache folder, built or extended (`EventLog.updateEventLocations`):
    /// a pass over the whole log, 0.4 s for 10M events in the page cache and as long as reading it from the disk
    /// otherwise, that the first chronology would wait for.
    public func prepareReads() throws {
        try current()?.updateEventLocations()
    }

    /// From the index of ids in the log's cache folder (`EventIDIndex`), as `journey check` looks them up.
    public func eventIDs(at positions: Set<UInt64>) throws -> [UInt64: EventID] {
        try EventIDLookup.ids(at: positions, inLogAt: path)
    }
}

/// The served log's store cannot be reached (the database is down, or the connection was lost): answered 503, and
/// the next request tries again. Says nothing of the log's contents; `reason` (for the server's log) names the
/// address, never a password.
public struct LogUnavailable: Error, Sendable, CustomStringConvertible {
    public var reason: String
    /// Whether an append was under way when the connection was lost: whether its batch was stored is not known.
    public var duringAppend: Bool

    public init(reason: String, duringAppend: Bool = false) {
        self.reason = reason
        self.duringAppend = duringAppend
    }

    public var description: String { reason }
}
