import Foundation
import JourneyCore
import JourneyLog
import JourneyPostgres
import JourneyProjections

/// A log kept in PostgreSQL, served (`journey-serve --log postgres://USER@HOST:PORT/DB`; docs/postgres.md).
///
/// Two connections are held, not one a request: one reads the head before each answer (one statement) and the
/// events after the last fold, a chronology's events by child and the ids findings cite; the other is the writer of
/// `POST /v1/events` (this server's appends come one at a time; the store's advisory lock makes other processes'
/// writers take turns with it). Another process's append moves the head, and the next answer folds it in.
///
/// When the database cannot be reached, or a connection is lost, the request fails with `LogUnavailable` (503)
/// and the connection is let go; the next request connects again. A read on a connection the server closed while it
/// was idle is tried once more on a new one. An append is never tried again by the server: it is one transaction,
/// so a lost connection leaves either the whole batch or none of it, and the client posts it again (the events
/// already stored are duplicates, not errors).
public final class PostgresServedLog: ServedLog, @unchecked Sendable {
    public let location: PostgresLocation
    let environment: [String: String]

    // Both touched only with `lock` held.
    private let lock = NSLock()
    private var reading: PostgresLogConnection?
    private var writer: PostgresLogWriter?

    /// Takes the address; connects at the first use (`Service.warmUp`), so that an error is the caller's to report.
    public init(address: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        location = try PostgresLocation(url: address)
        self.environment = environment
    }

    deinit {
        reading?.close()
        writer?.close()
    }

    public var name: String { "\(location)" }

    /// `nil` while the schema holds no log yet (the first append sets it up), as a folder not made yet.
    public func current() throws -> PostgresEventLog? {
        do {
            return try read { try $0.current() }
        } catch PostgresStoreError.noLog {
            return nil
        }
    }

    /// A lost connection, found while reading a reader `current()` gave, lets the reading connection go (the next
    /// request connects again) and is `LogUnavailable`.
    public func settle(_ error: any Error) -> any Error {
        guard let error = error as? PostgresStoreError, error.isUnavailable else { return error }
        let lost = lock.withLock { () -> PostgresLogConnection? in
            defer { reading = nil }
            return reading
        }
        lost?.close()
        return LogUnavailable(reason: error.description)
    }

    /// The whole log folded: from the checkpoint the database keeps (`checkpoint_parts`, shared with the commands),
    /// then the events after it, saving a new checkpoint when the tail folded onto it is worth it.
    public func replay(_ reader: PostgresEventLog) throws -> JourneyState {
        try Checkpoint.replay(reader, roomForAppends: true).0
    }

    public func append(_ input: LineReader, options: AppendOptions) throws -> AppendReport {
        let writer = try lock.withLock { () throws -> PostgresLogWriter in
            if let writer = self.writer {
                // A connection the server closed while idle is found here, before anything is sent.
                do {
                    try writer.checkConnection()
                    return writer
                } catch let error as PostgresStoreError where error.isUnavailable {
                    writer.close()
                    self.writer = nil
                }
            }
            let opened = try Self.unavailable { try Self.openWriter(location, environment: environment) }
            self.writer = opened
            return opened
        }
        do {
            return try writer.appendJSONLines(from: input, options: options, progress: nil)
        } catch let error as PostgresStoreError where error.isUnavailable {
            lock.withLock {
                if self.writer === writer { self.writer = nil }
            }
            writer.close()
            throw LogUnavailable(reason: error.description, duringAppend: true)
        }
    }

    /// Every event of `children` (the database finds them by child), `positions` or not.
    public func events(of children: Set<ChildID>, at positions: Set<UInt64>, through position: UInt64) throws
        -> [UInt64: Event]
    {
        try read { try $0.events(of: children, through: position) }
    }

    public func eventIDs(at positions: Set<UInt64>) throws -> [UInt64: EventID] {
        guard !positions.isEmpty else { return [:] }
        return try read { try $0.ids(at: positions) }
    }

    /// Runs `body` on the reading connection, connecting first when there is none. A connection found lost is let
    /// go and `body` tried once more on a new one (a read changes nothing); a second failure is `LogUnavailable`.
    private func read<T>(_ body: (PostgresLogConnection) throws -> T) throws -> T {
        var tries = 0
        while true {
            let connection = try lock.withLock { () throws -> PostgresLogConnection in
                if let reading { return reading }
                let opened = try Self.unavailable { try PostgresLogConnection.open(location, environment: environment) }
                reading = opened
                return opened
            }
            do {
                return try body(connection)
            } catch let error as PostgresStoreError where error.isUnavailable {
                lock.withLock {
                    if reading === connection { reading = nil }
                }
                connection.close()
                tries += 1
                if tries == 2 { throw LogUnavailable(reason: error.description) }
            }
        }
    }

    /// A writer on a log that has been set up; a database with no log yet gets one, as `journey append` makes one.
    static func openWriter(_ location: PostgresLocation, environment: [String: String]) throws -> PostgresLogWriter {
        do {
            return try PostgresLogWriter.open(location, environment: environment)
        } catch PostgresStoreError.noLog {
            _ = try PostgresStore.setUp(location, environment: environment)
            return try PostgresLogWriter.open(location, environment: environment)
        }
    }

    /// `body`, with the errors that say the database cannot be reached made `LogUnavailable`.
    static func unavailable<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresStoreError where error.isUnavailable {
            throw LogUnavailable(reason: error.description)
        }
    }
}
