import Foundation
import PostgresNIO

/// The tables that hold a log in PostgreSQL, and setting them up (docs/postgres.md).
///
/// A schema (`journey` unless told otherwise) holds:
/// - `batches`: one row a committed batch: its number, first position, count, commit time (nanoseconds since
///   1970 UTC) and chain hash, the fields of the file log's commit record;
/// - `events`: one row an event: its position, batch, child, version (unique per child), id (unique), `recorded`
///   (nanoseconds since 1970 UTC, for "as known at"), and the event record's bytes exactly as the file log writes
///   them (framing, checksum and all), so that the same bytes give the same chain hash;
/// - `schema_version`: the version of these tables, for later migrations.
///
/// A trigger refuses UPDATE, DELETE and TRUNCATE on `batches` and `events`: nothing stored is changed or removed,
/// whoever asks (docs/events.md, *Corrections, retractions and merges*).
///
/// Beside the log, outside the trigger, `checkpoint_parts` keeps the checkpoint of the folded state
/// (`PostgresDerivedFile`): derived and disposable, replaced whole when a newer one is worth writing, so not part
/// of the log nor of its version.
public enum PostgresStore {
    /// The version of the tables this build makes and reads.
    public static let schemaVersion = 1

    /// Creates the schema and its tables if they are not there, or brings older ones up to this build's version;
    /// nothing is done to tables already at this version, but for the checkpoint's table, created if missing. Safe to run again, and by two processes at once (they
    /// take turns). Returns the version found before (0 when there was no log) and the version now.
    @discardableResult
    public static func setUp(
        _ location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (from: Int, to: Int) {
        let session = try PostgresSession.connect(location, environment: environment)
        defer { session.close() }
        return try session.transaction {
            // Two set-ups at once take turns: the second finds the first's tables.
            try session.query("SELECT pg_advisory_xact_lock(\(lockKey), hashtext(\(location.schema)))")
            let s = location.schema
            try session.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(s)"))
            try session.query(
                PostgresQuery(unsafeSQL: "CREATE TABLE IF NOT EXISTS \(s).schema_version (version integer NOT NULL)"))
            let found = try installedVersion(session)
            guard found <= schemaVersion else {
                throw PostgresStoreError.newerSchema(
                    location: "\(location)", schema: s, version: found, known: schemaVersion)
            }
            if found < 1 {
                for statement in version1(s) { try session.query(PostgresQuery(unsafeSQL: statement)) }
            }
            if found < schemaVersion {
                try session.query(
                    "INSERT INTO \(unescaped: s).schema_version (version) VALUES (\(Int32(schemaVersion)))")
            }
            if try !hasCheckpointTable(session) {
                for statement in checkpointTable(s) { try session.query(PostgresQuery(unsafeSQL: statement)) }
            }
            return (found, schemaVersion)
        }
    }

    /// The first argument of the advisory locks that serialise appends and set-ups (the second is the schema's
    /// hash, so that logs in different schemas do not wait for each other): "JOUR" in ASCII.
    static let lockKey: Int32 = 0x4A4F_5552

    /// The first argument of the advisory lock that serialises checkpoint writes, apart from appends: "JOUC".
    static let checkpointLockKey: Int32 = 0x4A4F_5543

    /// Whether the log's schema has the checkpoint's table (a log set up before it has none until its first
    /// checkpoint is written).
    static func hasCheckpointTable(_ session: PostgresSession) throws -> Bool {
        let rows = try session.query(
            "SELECT to_regclass(\(session.location.schema + ".checkpoint_parts")) IS NOT NULL")
        for row in rows { return try row.decode(Bool.self) }
        return false
    }

    /// The checkpoint's table: a derived file's bytes (`name`, the checkpoint's `journey-state.checkpoint`) in
    /// numbered parts of a few megabytes. No trigger: it is replaced whole, in one transaction, when a newer
    /// checkpoint is written. Stored uncompressed (`EXTERNAL`): most of it is the atoms, and compressing 600 MB at
    /// every write, and decompressing it at every read, would cost more than it saves.
    static func checkpointTable(_ s: String) -> [String] {
        [
            """
            CREATE TABLE \(s).checkpoint_parts (
                name text NOT NULL,
                part integer NOT NULL CHECK (part >= 0),
                bytes bytea NOT NULL,
                PRIMARY KEY (name, part)
            )
            """,
            "ALTER TABLE \(s).checkpoint_parts ALTER COLUMN bytes SET STORAGE EXTERNAL",
        ]
    }

    /// The version of the tables; 0 when there is no `schema_version` row.
    static func installedVersion(_ session: PostgresSession) throws -> Int {
        let rows = try session.query(
            PostgresQuery(unsafeSQL: "SELECT coalesce(max(version), 0) FROM \(session.location.schema).schema_version"))
        for row in rows { return Int(try row.decode(Int32.self)) }
        return 0
    }

    /// Checks that the location holds a log of a version this build reads.
    static func checkLog(_ session: PostgresSession) throws {
        let location = session.location
        let exists = try session.query(
            "SELECT to_regclass(\(location.schema + ".schema_version")) IS NOT NULL")
        var found = false
        for row in exists { found = try row.decode(Bool.self) }
        guard found else { throw PostgresStoreError.noLog(location: "\(location)", schema: location.schema) }
        let version = try installedVersion(session)
        guard version >= 1 else { throw PostgresStoreError.noLog(location: "\(location)", schema: location.schema) }
        guard version <= schemaVersion else {
            throw PostgresStoreError.newerSchema(
                location: "\(location)", schema: location.schema, version: version, known: schemaVersion)
        }
    }

    /// The statements of version 1. The schema name is the one thing written into them: it is checked to be a
    /// plain lower-case name (`PostgresLocation.isPlainName`); every value is a bound parameter.
    static func version1(_ s: String) -> [String] {
        [
            """
            CREATE TABLE \(s).batches (
                batch bigint PRIMARY KEY CHECK (batch > 0),
                first_position bigint NOT NULL UNIQUE CHECK (first_position > 0),
                count integer NOT NULL CHECK (count > 0),
                committed_at bigint NOT NULL,
                chain_hash bytea NOT NULL CHECK (octet_length(chain_hash) = 32)
            )
            """,
            """
            CREATE TABLE \(s).events (
                position bigint PRIMARY KEY CHECK (position > 0),
                batch bigint NOT NULL REFERENCES \(s).batches (batch),
                child text NOT NULL,
                version integer NOT NULL CHECK (version > 0),
                id text NOT NULL UNIQUE,
                recorded bigint NOT NULL,
                record bytea NOT NULL,
                UNIQUE (child, version)
            )
            """,
            "CREATE INDEX events_recorded ON \(s).events (recorded)",
            """
            CREATE FUNCTION \(s).refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the journey log is append-only: % on %.% is refused',
                    TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """,
            """
            CREATE TRIGGER batches_append_only BEFORE UPDATE OR DELETE ON \(s).batches
                FOR EACH ROW EXECUTE FUNCTION \(s).refuse_change()
            """,
            """
            CREATE TRIGGER batches_no_truncate BEFORE TRUNCATE ON \(s).batches
                FOR EACH STATEMENT EXECUTE FUNCTION \(s).refuse_change()
            """,
            """
            CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON \(s).events
                FOR EACH ROW EXECUTE FUNCTION \(s).refuse_change()
            """,
            """
            CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON \(s).events
                FOR EACH STATEMENT EXECUTE FUNCTION \(s).refuse_change()
            """,
        ]
    }
}
