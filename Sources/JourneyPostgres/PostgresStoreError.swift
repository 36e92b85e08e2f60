/// What went wrong with a log kept in PostgreSQL. Messages name the server, the database and the schema, and
/// positions in the log; never a password, never the contents of events, and never the values a statement was
/// given (SQL is sent with bound parameters, and PostgreSQL's own detail lines, which can quote them, are left out).
///
/// A rejected batch or an `--expect-version` conflict is a `LogError` (`.rejected`, `.versionMismatch`), the same as
/// the file log throws, so a caller handles both stores alike.
public enum PostgresStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URL is not `postgres://USER@HOST:PORT/DB`; says why, without repeating it.
    case badURL(String)
    /// The URL holds a password, which belongs elsewhere.
    case passwordInURL
    /// The schema name is not a plain lower-case SQL name.
    case badSchemaName
    /// The password file can be read by others than its owner.
    case passwordFileOpen(path: String)
    case passwordFileUnreadable(path: String)
    /// The server could not be reached, or refused the connection; nothing was read or written.
    case cannotConnect(location: String, reason: String)
    /// The server asked for a password and none was given.
    case passwordNeeded(location: String)
    /// A statement failed on the server (its SQLSTATE and message); the transaction was rolled back.
    case server(location: String, sqlState: String, message: String)
    /// The connection failed during a statement; an append in progress was not acknowledged.
    case connectionLost(location: String, reason: String)
    /// The database holds no log in this schema (`PostgresStore.setUp` makes one).
    case noLog(location: String, schema: String)
    /// The schema's tables are of a version this build does not know.
    case newerSchema(location: String, schema: String, version: Int, known: Int)
    /// The stored rows are not what was written: reported by `verify`, thrown by a replay, never skipped.
    case damaged(schema: String, position: UInt64, reason: String)
    /// This writer failed while committing; whether the batch was committed is not known until the log is read.
    case writerStopped

    public var description: String {
        switch self {
        case .badURL(let why):
            return "the PostgreSQL URL is not postgres://USER@HOST:PORT/DB: \(why)"
        case .passwordInURL:
            return "the PostgreSQL URL holds a password, which is not read from there: give the URL as "
                + "postgres://USER@HOST:PORT/DB and the password in the environment variable PGPASSWORD or in a "
                + "password file (PGPASSFILE, else ~/.pgpass, with lines host:port:database:user:password)"
        case .badSchemaName:
            return "the schema name must be lower-case letters, digits and _, not starting with a digit, "
                + "at most 63 characters"
        case .passwordFileOpen(let path):
            return "the password file \(path) can be read by others: make it the owner's only (chmod 600)"
        case .passwordFileUnreadable(let path):
            return "the password file \(path) cannot be read as UTF-8 text"
        case .cannotConnect(let location, let reason):
            return "could not connect to PostgreSQL at \(location): \(reason); nothing was read or written"
        case .passwordNeeded(let location):
            return "PostgreSQL at \(location) asks for a password, and none was given: set PGPASSWORD or add a line "
                + "to the password file (PGPASSFILE, else ~/.pgpass)"
        case .server(let location, let state, let message):
            return "PostgreSQL at \(location) refused a statement (SQLSTATE \(state)): \(message)"
        case .connectionLost(let location, let reason):
            return "the connection to PostgreSQL at \(location) failed: \(reason)"
        case .noLog(let location, let schema):
            return "PostgreSQL at \(location) holds no journey log in schema \(schema): set it up first"
        case .newerSchema(let location, let schema, let version, let known):
            return "the journey log in schema \(schema) at \(location) is of schema version \(version), newer than "
                + "this build knows (\(known)): use a newer build"
        case .damaged(let schema, let position, let reason):
            return "the log is damaged: \(schema).events at position \(position): \(reason)"
        case .writerStopped:
            return "this PostgreSQL log writer stopped after a failure while committing; open the log again"
        }
    }
}
