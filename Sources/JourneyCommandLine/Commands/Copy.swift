import ArgumentParser
import JourneyLog

extension Journey {
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract:
                "Copy a log into another store (a folder into PostgreSQL, or back), batch for batch, and verify it.",
            discussion: """
                Every committed batch of --from is appended to --to as the same batch, with the same commit time, \
                so the copy holds the same chain of hashes: its head hash, which journey verify prints, is the \
                original's. When the last batch is in, the copy is verified from its stored bytes and its head hash \
                compared with the original's; anything else is an error, exit 1.

                --from and --to each take a log folder or, in a program that opens another store (journey-serve), \
                its address: postgres://USER@HOST:PORT/DATABASE, the password from PGPASSWORD or a password file, \
                never in the address (docs/postgres.md). --to must be empty (a new folder, or a database whose log \
                holds no event): a copy is never merged into another log. A copy cut short (a crash, a lost \
                connection) holds whole batches only; copy again into a new, empty log.

                Examples:
                  journey-serve copy --from event-logs/main --to postgres://journey@127.0.0.1:5432/journey
                  journey-serve copy --from postgres://journey@db.council.internal/journey --to backup-2026-12-04
                  journey copy --from event-logs/main --to event-logs/second-copy
                """
        )

        @Option(help: ArgumentHelp("The log to copy: a log folder or a store's address.", valueName: "log"))
        var from: String

        @Option(help: ArgumentHelp("The empty log to copy into: a new folder or a store's address.", valueName: "log"))
        var to: String

        @OptionGroup var progressOptions: ProgressOptions

        func run() throws {
            try reportingErrors {
                let progress = Terminal.Progress(progressOptions)
                let report = try readingLog(from) { source in
                    try appendingToLog(to) { destination in
                        try LogCopy.copy(
                            from: source, to: destination, verifyCopy: { try readingLog(to) { try $0.verify() } },
                            progress: { copied in
                                progress.update(
                                    "copying", done: Int64(copied), total: Int64(source.lastPosition),
                                    unit: .items("events"))
                            })
                    }
                }
                progress.finish()
                let batches = "\(report.batches) batch\(report.batches == 1 ? "" : "es")"
                Terminal.print("copied \(report.events) events in \(batches); verified, head hash \(report.headHash)")
            }
        }
    }
}

/// Runs `body` on the log folder or the log in another store that `path` names, opened for reading.
func readingLog<Result>(_ path: String, _ body: (any EventStoreReader) throws -> Result) throws -> Result {
    let source = try LogSource(locating: path)
    if let result = try LogStores.reading(source, body) { return result }
    guard case .directory = source else {
        throw LogSourceError(
            path: path, found: "a JSON Lines file, not a log",
            expected: "Give a log folder or a store's address; append a file's events with journey append")
    }
    return try body(EventLog.open(path))
}

/// Runs `body` on the log folder (created when new) or the log in another store that `path` names, opened for
/// appending, and lets it go after.
func appendingToLog<Result>(_ path: String, _ body: (any EventStoreWriter) throws -> Result) throws -> Result {
    if LogSource.isStoreAddress(path) { return try LogStores.store(for: path).appending(path, body) }
    let writer = try LogWriter.open(folderToAppendTo(path))
    defer { writer.close() }
    return try body(writer)
}
