import JourneyLog

/// PostgreSQL as a `LogStore`, for a program to offer to the journey commands: `--log postgres://USER@HOST:PORT/DB`
/// (the password from PGPASSWORD or a password file, never in the address; docs/postgres.md).
public struct PostgresLogStore: LogStore {
    public init() {}

    public var schemes: [String] { ["postgres", "postgresql"] }

    public func reading<Result>(_ address: String, _ body: (any EventStoreReader) throws -> Result) throws -> Result {
        let log = try PostgresEventLog.open(PostgresLocation(url: address))
        defer { log.close() }
        return try body(log)
    }

    /// A database with no log yet gets one (the tables, their trigger): appending creates a log, as it does a folder.
    public func appending<Result>(_ address: String, _ body: (any EventStoreWriter) throws -> Result) throws -> Result {
        let location = try PostgresLocation(url: address)
        let writer: PostgresLogWriter
        do {
            writer = try PostgresLogWriter.open(location)
        } catch PostgresStoreError.noLog {
            _ = try PostgresStore.setUp(location)
            writer = try PostgresLogWriter.open(location)
        }
        defer { writer.close() }
        return try body(writer)
    }
}
