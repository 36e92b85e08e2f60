import ArgumentParser
import JourneyCore
import JourneyLog

extension Journey {
    struct Append: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "append",
            abstract: "Append events from a JSON Lines file to the log, all or nothing.",
            discussion: """
                Each line is one event in the interchange format. The whole file is one batch: if any line is \
                rejected (not JSON, a missing or unknown field, a bad date or code, a correction naming an event \
                that does not exist, an id reused with other content), nothing is appended, every problem is \
                listed with its line and field, and the log is left byte for byte as it was.

                An event already in the log with the same id and content is skipped, so appending the same file \
                twice is safe. Events without "recorded" are stamped with the time of append. The append is \
                acknowledged only once it is on disk. A new log is created only when there is something to append; \
                standard input (-) is read to its end before the log is locked.

                Before building on the log, append checks its tail against the head: positions, each batch closed by \
                its commit, and the last batch's chain hash. It refuses a damaged tail (run journey verify).

                Examples:
                  journey append referrals.jsonl --log event-logs/main
                  cat today.jsonl | journey append - --log event-logs/main --wait
                  journey append fix.jsonl --expect-version C100=12
                """
        )

        @Argument(help: ArgumentHelp("A JSON Lines file of events, or - for standard input.", valueName: "file"))
        var file: String

        @OptionGroup var log: LogOptions

        @OptionGroup var progressOptions: ProgressOptions

        @Flag(help: "If another process is appending, wait for it rather than failing.")
        var wait = false

        @Option(
            name: .customLong("expect-version"),
            help: ArgumentHelp(
                "Append only if the child has exactly this many events in the log now (nobody else appended to them "
                    + "meanwhile). Repeatable.",
                valueName: "child=n"))
        var expectVersion: [String] = []

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("List at most this many problems of a rejected file.", valueName: "n"))
        var maxProblems = 100

        func validate() throws {
            for item in expectVersion {
                let parts = item.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, ChildID.problem(with: String(parts[0])) == nil, UInt32(parts[1]) != nil
                else {
                    throw ValidationError("--expect-version takes CHILD=N, for example C100=12")
                }
            }
            guard maxProblems > 0 else { throw ValidationError("--max-problems must be 1 or more") }
        }

        func run() throws {
            try reportingErrors {
                var expected: [ChildID: UInt32] = [:]
                for item in expectVersion {
                    let parts = item.split(separator: "=", maxSplits: 1)
                    expected[ChildID(String(parts[0]))] = UInt32(parts[1])!
                }
                let options = AppendOptions(expectedVersions: expected, problemLimit: maxProblems)
                if LogSource.isStoreAddress(log.path) {
                    let store = try LogStores.store(for: log.path)
                    let input = try file == "-" ? LineReader.spooledStandardInput() : LineReader(path: file)
                    defer { input.close() }
                    let report = try store.appending(log.path) { writer in
                        try writer.appendJSONLines(from: input, options: options, progress: nil)
                    }
                    Self.printReport(report)
                    return
                }
                // The input first, before the log is created or locked: a missing file creates nothing, and standard
                // input is read to its end before the lock is taken, so a stalled producer holds up no other writer.
                let folder = try log.folderToAppendTo()
                let input = try file == "-" ? LineReader.spooledStandardInput() : LineReader(path: file)
                defer { input.close() }
                if !EventLog.exists(folder), try !input.hasContent() {
                    Terminal.print("appended 0 events (nothing to append; no log created)")
                    return
                }
                let writer = try LogWriter.open(folder, wait: wait)
                if let recovery = writer.recovery { Terminal.error("journey: \(recovery)") }
                let progress = Terminal.Progress(progressOptions)
                let size = regularFileSize(file)
                let report = try writer.appendJSONLines(
                    from: input, options: options,
                    progress: { bytes in
                        progress.update("reading \(file)", done: Int64(bytes), total: size, unit: .bytes)
                    })
                progress.finish()
                Self.printReport(report)
            }
        }

        /// What an append did, in one line.
        static func printReport(_ report: AppendReport) {
            var parts = ["appended \(report.appended) event\(report.appended == 1 ? "" : "s")"]
            if let p = report.positions { parts[0] += " (positions \(p.lowerBound)…\(p.upperBound))" }
            if report.duplicates > 0 {
                parts.append("\(report.duplicates) already in the log with the same content, skipped")
            }
            if report.stamped > 0 { parts.append("\(report.stamped) stamped with the time of append") }
            Terminal.print(parts.joined(separator: "; "))
        }
    }
}
