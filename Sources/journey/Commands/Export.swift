import ArgumentParser
import JourneyCore
import JourneyLog

extension Journey {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the log's events as JSON Lines to standard output.",
            discussion: """
                Events come out in log order, in canonical form (fields in the format's order, no spaces), so the \
                same log always exports the same bytes, and exporting what was appended gives the same events. \
                Corrections and retractions are exported as the events they are: the log is never rewritten.

                --log takes a log folder, a JSON Lines file of events (whatever its name), or - for standard input. \
                A file's events come out as read, in its line order, in canonical form; a line that is not a valid \
                event stops the export there with its line and field, and exit 1.

                --as-known-at keeps only events recorded at or before that time: the log as it stood then. A date \
                alone means the end of that day (UTC).

                Examples:
                  journey export --log event-logs/main > all.jsonl
                  journey export --child C100 --as-known-at 2024-06-30
                  journey export --log received.json > canonical.jsonl
                """
        )

        @OptionGroup var log: ReplayedLogOptions

        @OptionGroup var progressOptions: ProgressOptions

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Option(help: ArgumentHelp("Only this child's events.", valueName: "id"))
        var child: String?

        func validate() throws {
            if let child, let problem = ChildID.problem(with: child) {
                throw ValidationError("--child \(problem)")
            }
        }

        func run() throws {
            try reportingErrors {
                let source = try log.source()
                let childID = child.map { ChildID($0) }
                let cutoff = asKnownAt.timestamp
                let out = StandardOutput()
                let progress = Terminal.Progress(progressOptions)
                defer { progress.finish() }
                func write(_ e: Event) {
                    if let childID, e.child != childID { return }
                    if let cutoff, let r = e.recorded, r > cutoff { return }
                    out.write(e.canonicalJSON())
                    out.write([0x0A])
                }
                if source.isJSONLines {
                    // Streamed, as a log is: a bad line stops the export there, as damage in a log does.
                    let size = regularFileSize(source.path)
                    progress.update("exporting", done: 0, total: size, unit: .bytes)
                    let report = { (bytes: Int) in
                        progress.update("exporting", done: Int64(bytes), total: size, unit: .bytes)
                    }
                    try JSONLinesEvents.read(source, progress: report) { line, parsed in
                        switch parsed {
                        case .success(let event): write(event)
                        case .failure(let invalid):
                            out.flush()
                            let problems = invalid.problems.map { LineProblem(line: line, problem: $0) }
                            throw UnreadableEvents(file: source.path, problems: problems)
                        }
                    }
                } else {
                    let eventLog = try EventLog.open(log.path)
                    if let recovery = eventLog.recovery { Terminal.error("journey: \(recovery)") }
                    let total = Int64(eventLog.lastPosition)
                    progress.update("exporting", done: 0, total: total, unit: .items("events"))
                    try eventLog.replay { stored in
                        write(stored.event)
                        if stored.position & 0xFFFF == 0 {
                            progress.update(
                                "exporting", done: Int64(stored.position), total: total, unit: .items("events"))
                        }
                    }
                    progress.update("exporting", done: total, total: total, unit: .items("events"))
                }
                out.flush()
            }
        }
    }
}
