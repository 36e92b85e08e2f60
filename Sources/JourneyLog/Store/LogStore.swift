/// A store of logs other than the log folder, named by addresses with a scheme (`postgres://USER@HOST:PORT/DB`):
/// a program that links one offers it to the commands (the command line's `LogStores`). The service's executable,
/// journey-serve, offers PostgreSQL; the `journey` executable offers none, so that the quick start builds without a
/// database client.
public protocol LogStore: Sendable {
    /// The address schemes it opens, in lower case (`postgres`, `postgresql`).
    var schemes: [String] { get }
    /// Opens the log at `address` for reading (what was committed when it was opened), hands it to `body`, and
    /// closes it after.
    func reading<Result>(_ address: String, _ body: (any EventStoreReader) throws -> Result) throws -> Result
    /// Opens the log at `address` for appending (created when new), hands the writer to `body`, and closes it after.
    func appending<Result>(_ address: String, _ body: (any EventStoreWriter) throws -> Result) throws -> Result
}
