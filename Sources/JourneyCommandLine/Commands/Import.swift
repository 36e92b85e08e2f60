import ArgumentParser
import JourneyCore
import JourneyImport
import JourneyLog

extension Journey {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import statutory returns (SSDA903, CIN census) and Annex A lists into the log.",
            discussion: """
                A council's past returns are its history: importing them, year after year, starts the log with \
                what the council already knows. Each return is one batch, all or nothing. Its events are named \
                after the return (source ssda903-2024, cin-census-2024) and recorded at the return's date, so a \
                replay "as known at" a date shows what each return knew.

                Importing overlapping years gives one history: a fact two returns state is appended once, a fact a \
                later return revises gets a correcting event, and one a later return drops is retracted. Importing \
                a return again appends nothing.

                --log takes a log folder; journey-serve also takes a log in PostgreSQL \
                (postgres://USER@HOST:PORT/DATABASE, docs/postgres.md), which gets the same events and the same \
                report as a folder holding the same events. Run one import at a time there: an import compares the \
                return with the log as it was when the import began.

                Examples:
                  journey import ssda903 903-2023-24/ --log event-logs/main
                  journey import cin-census cin-2024.xml --skip-invalid --rejected bad.csv
                  journey-serve import ssda903 903-2023-24/ --log postgres://journey@db.council.internal/journey
                """,
            subcommands: [SSDA903.self, CINCensus.self, AnnexA.self]
        )
    }
}

/// The options both importers take.
struct ImportCommandOptions: ParsableArguments {
    @OptionGroup var log: LogOptions

    @OptionGroup var progressOptions: ProgressOptions

    @Option(
        help: ArgumentHelp(
            "When the return was made: the events' recorded time, a time such as 2024-06-30T17:00:00Z, or a date "
                + "(2024-06-30) for its last second, UTC.",
            valueName: "time"))
    var recorded: String?

    @Flag(help: "Import the valid rows and report the rest, rather than importing nothing when a row is invalid.")
    var skipInvalid = false

    @Option(
        help: ArgumentHelp(
            "Write the rejected rows, with their reasons, to this CSV file (it holds the rows as they were, personal "
                + "data included: keep it as safe as the return). It is created readable by its owner only (0600); an "
                + "existing file is replaced and its mode changed to 0600; a symbolic link or anything but a regular "
                + "file is refused. If it cannot be written, nothing is appended.", valueName: "file"))
    var rejected: String?

    @Flag(help: "If another process is appending, wait for it rather than failing.")
    var wait = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("List at most this many problems of a return that is not imported.", valueName: "n"))
    var maxProblems = 100

    func validate() throws {
        if let recorded, recordedTime(recorded) == nil {
            if let problem = Timestamp.rangeProblem(in: recorded) { throw ValidationError("--recorded: \(problem)") }
            throw ValidationError(
                "--recorded takes a date or a time: \(CalendarDate.argumentForm), or a time such as "
                    + "2024-04-01T09:00:00Z")
        }
        guard maxProblems > 0 else { throw ValidationError("--max-problems must be 1 or more") }
    }

    /// A timestamp, or a date meaning its last second in UTC (the convention of the returns' own dates).
    func recordedTime(_ text: String) -> Timestamp? {
        if let time = Timestamp(text) { return time }
        return CalendarDate(text).flatMap { Timestamp(lastSecondOf: $0) }
    }

    func options(year: String?) throws -> ImportOptions {
        var options = ImportOptions(skipInvalid: skipInvalid, problemLimit: maxProblems)
        if let year {
            guard let parsed = CollectionYear(year) else {
                throw ValidationError("--year takes a collection year such as 2024-25")
            }
            options.year = parsed
        }
        options.recorded = recorded.flatMap(recordedTime)
        options.rejectedFile = rejected
        return options
    }

    /// Runs an importer against the log and prints its summary; progress goes to standard error on a terminal.
    /// `yearExample` is the year the command's `--year` help shows, for the advice when the year cannot be told;
    /// `command` is the command's name (`import ssda903`), for the advice when the log is in another store.
    func run(_ importer: some Importer, yearExample: String, command: String) throws {
        try reportingErrors {
            let progress = Terminal.Progress(progressOptions)
            let report: ImportReport
            // The importer writes the rejected rows (--rejected) itself, before its batch is committed.
            do {
                let show = { (p: ImportProgress) in Self.show(p, on: progress) }
                if LogSource.isStoreAddress(log.path) {
                    // Opened for appending first (a database with no log gets one, as a new folder does), then for
                    // reading what earlier imports put there.
                    let store = try LogStores.store(for: log.path, command: command)
                    report = try store.appending(log.path) { writer in
                        try store.reading(log.path) { reader in
                            try importer.run(into: writer, reading: reader, progress: show)
                        }
                    }
                } else {
                    let writer = try LogWriter.open(log.folderToAppendTo(), wait: wait)
                    if let recovery = writer.recovery { Terminal.error("journey: \(recovery)") }
                    report = try importer.run(into: writer, progress: show)
                }
            } catch {
                progress.finish()
                throw (error as? ImportError)?.remedied(yearExample: yearExample) ?? error
            }
            progress.finish()
            Terminal.print(report.summary)
            if report.rejectedRows > 0 {
                Terminal.print(
                    "\(report.rejectedRows) row\(report.rejectedRows == 1 ? "" : "s") rejected"
                        + (rejected.map { "; their problems are written to \($0)" }
                            ?? " (pass --rejected FILE to keep them with their problems)"))
            }
        }
    }

    static func show(_ p: ImportProgress, on progress: Terminal.Progress) {
        switch p.stage {
        case .reading(let file): progress.update("reading \(file): \(p.done) record\(p.done == 1 ? "" : "s")")
        case .appending:
            progress.update("importing", done: Int64(p.done), total: p.total.map(Int64.init), unit: .items("children"))
        }
    }
}
