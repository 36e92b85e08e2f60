import Foundation
import PostgresNIO

/// One connection to PostgreSQL, on an event loop of its own, used synchronously.
///
/// The replay engine and the writer are synchronous; PostgresNIO is not. Each statement is sent on the
/// connection's own event loop thread and the calling thread waits for its whole result (`EventLoopFuture.wait`).
/// The work is done on that thread, never on Swift's cooperative pool, so waiting from a task cannot starve the
/// pool of the thread the answer needs. A replay asks for its next page before it decodes the one it has, so the
/// network and the decoding overlap.
final class PostgresSession: @unchecked Sendable {
    let location: PostgresLocation
    private let group: MultiThreadedEventLoopGroup
    private let connection: PostgresConnection
    private let logger: Logger
    // `isClosed` is touched only with `lock` held.
    private let lock = NSLock()
    private var isClosed = false

    private init(
        location: PostgresLocation, group: MultiThreadedEventLoopGroup, connection: PostgresConnection,
        logger: Logger
    ) {
        self.location = location
        self.group = group
        self.connection = connection
        self.logger = logger
    }

    /// Connects, with the password from the environment or the password file (`PostgresLocation.password`).
    static func connect(_ location: PostgresLocation, environment: [String: String]) throws -> PostgresSession {
        let password = try location.password(environment: environment)
        var logger = Logger(label: "journey.postgres")
        logger.logLevel = .critical
        let tls: PostgresConnection.Configuration.TLS
        if location.requiresTLS {
            do {
                tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            } catch {
                throw PostgresStoreError.cannotConnect(location: "\(location)", reason: "TLS could not be set up")
            }
        } else {
            tls = .disable
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: password,
            database: location.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let connection = try PostgresConnection.connect(
                on: group.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
            return PostgresSession(location: location, group: group, connection: connection, logger: logger)
        } catch {
            try? group.syncShutdownGracefully()
            throw Self.connectionError(error, location: location)
        }
    }

    deinit { close() }

    /// Closes the connection and stops its thread. Call it when done; it is also done when the session is freed.
    func close() {
        lock.lock()
        let wasClosed = isClosed
        isClosed = true
        lock.unlock()
        guard !wasClosed else { return }
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Sends a statement, and waits for all its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try wait(start(query))
    }

    /// Connects to a log that has been set up (`PostgresStore.setUp`) and makes what reads or writes it with
    /// `make`: throws `PostgresStoreError.noLog` when the location holds none, and closes the connection when
    /// anything fails, so that no opener leaves one open.
    static func openLog<Opened>(
        _ location: PostgresLocation, environment: [String: String], _ make: (PostgresSession) throws -> Opened
    ) throws -> Opened {
        let session = try PostgresSession.connect(location, environment: environment)
        do {
            try PostgresStore.checkLog(session)
            return try make(session)
        } catch {
            session.close()
            throw error
        }
    }

    /// Keys (ids, children, positions) sent in one lookup statement: a longer list is sent in several, so that no
    /// statement's array parameter grows with the number asked for.
    static let keysPerLookup = 10_000

    /// Sends `statement` for each run of at most `keysPerLookup` of `keys`, in order, and hands every row to `row`:
    /// a lookup by a list of keys of any length.
    func lookUp<Key>(
        _ keys: [Key], _ statement: ([Key]) -> PostgresQuery, row: (PostgresRow) throws -> Void
    ) throws {
        for start in stride(from: 0, to: keys.count, by: Self.keysPerLookup) {
            for r in try query(statement(Array(keys[start..<min(start + Self.keysPerLookup, keys.count)]))) {
                try row(r)
            }
        }
    }

    /// Sends a statement without waiting: `wait` collects its rows. A connection the server has closed (a restart,
    /// `pg_terminate_backend`) fails the statement at once: PostgresNIO drops a statement written to a closed
    /// connection without answering it, and the wait would never end.
    func start(_ query: PostgresQuery) -> EventLoopFuture<PostgresQueryResult> {
        guard !connection.isClosed else { return connection.eventLoop.makeFailedFuture(ConnectionClosed()) }
        return connection.query(query, logger: logger)
    }

    /// The connection was closed before the statement could be sent.
    struct ConnectionClosed: Error, CustomStringConvertible {
        var description: String { "the connection was closed" }
    }

    func wait(_ future: EventLoopFuture<PostgresQueryResult>) throws -> PostgresQueryResult {
        do {
            return try future.wait()
        } catch {
            throw Self.statementError(error, location: location)
        }
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try query("BEGIN")
        let result: T
        do {
            result = try body()
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
        try query("COMMIT")
        return result
    }

    /// A connection error in words, without the password or anything from the server beyond its SQLSTATE message.
    static func connectionError(_ error: any Error, location: PostgresLocation) -> PostgresStoreError {
        guard let psql = error as? PSQLError else {
            return .cannotConnect(location: "\(location)", reason: Self.reason(error))
        }
        if psql.code == .authMechanismRequiresPassword { return .passwordNeeded(location: "\(location)") }
        if let state = psql.serverInfo?[.sqlState] {
            return .cannotConnect(
                location: "\(location)", reason: "\(psql.serverInfo?[.message] ?? "refused") (SQLSTATE \(state))")
        }
        return .cannotConnect(location: "\(location)", reason: psql.underlying.map(Self.reason) ?? "\(psql.code)")
    }

    static func statementError(_ error: any Error, location: PostgresLocation) -> PostgresStoreError {
        guard let psql = error as? PSQLError else {
            return .connectionLost(location: "\(location)", reason: Self.reason(error))
        }
        if let state = psql.serverInfo?[.sqlState] {
            return .server(location: "\(location)", sqlState: state, message: psql.serverInfo?[.message] ?? "")
        }
        return .connectionLost(location: "\(location)", reason: psql.underlying.map(Self.reason) ?? "\(psql.code)")
    }

    /// What a system error says (a refused or timed-out connection), in one line.
    static func reason(_ error: any Error) -> String {
        let text = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "unknown error"
        return text.isEmpty ? "unknown error" : text
    }
}
