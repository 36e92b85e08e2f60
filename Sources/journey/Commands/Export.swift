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

                --as-known-at keeps only events recorded at or before that time: the log as it stood then. A date \
                alone means the end of that day (UTC).

                Examples:
                  journey export --log event-logs/main > all.jsonl
                  journey export --child C100 --as-known-at 2024-06-30
                """
        )

        @OptionGroup var log: LogOptions

        @Option(
            help: ArgumentHelp("Only events recorded at or before this time (RFC 3339, or a date).", valueName: "time"),
            transform: AsKnownAt.parse)
        var asKnownAt: AsKnownAt?

        @Option(help: ArgumentHelp("Only this child's events.", valueName: "id"))
        var child: String?

        func validate() throws {
            if let child, let problem = ChildID.problem(with: child) {
                throw ValidationError("--child \(problem)")
            }
        }

        func run() throws {
            try reportingErrors {
                let eventLog = try EventLog.open(log.path)
                if let recovery = eventLog.recovery { Terminal.error("journey: \(recovery)") }
                let childID = child.map { ChildID($0) }
                let cutoff = asKnownAt?.timestamp
                let out = StandardOutput()
                try eventLog.replay { stored in
                    let e = stored.event
                    if let childID, e.child != childID { return }
                    if let cutoff, let r = e.recorded, r > cutoff { return }
                    out.write(e.canonicalJSON())
                    out.write([0x0A])
                }
                out.flush()
            }
        }
    }
}
