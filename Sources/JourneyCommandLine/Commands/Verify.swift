import ArgumentParser
import JourneyLog

extension Journey {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check every stored byte of the log; exit 1 if anything is damaged.",
            discussion: """
                Checks each record's checksum, that positions run 1, 2, 3… with no gap, that each child's versions \
                run on, that no event id appears twice, that each batch's SHA-256 chain hash matches its bytes and \
                every batch before it, and that the head agrees with the last batch. Any edit, deletion or \
                reordering of stored bytes is reported with the file and byte offset; nothing is repaired.

                It also fails wherever another command would: a head file missing while segments hold batches, \
                and anything past the committed end that is not an append cut short (which the next append would \
                refuse to repair). A torn append is noted, not damage: the next append removes or keeps it. Other \
                commands check less on each read (see the README, "Check and inspect the log"); verify is the \
                check of the whole log.

                The fingerprint printed at the end (the hash of the last batch, which covers every batch before \
                it) fixes the log's content as of now: record it elsewhere, and a later verify that prints the same \
                fingerprint proves nothing before it has changed.

                --log takes a log folder, a JSON Lines file of events (whatever its name), or - for standard input. \
                A file is checked as appending it to a new log would check it: every line parses and is a valid \
                event, no id is used again for another event, and each correction or retraction names an event in \
                the file (of the same child and type, for a correction). The first problems are listed with their \
                line and field; the file's SHA-256 is printed in place of the fingerprint.

                Examples:
                  journey verify --log event-logs/main
                  journey verify --log received.json
                """
        )

        @OptionGroup var log: ReplayedLogOptions

        func run() throws {
            try reportingErrors {
                let source = try log.source()
                if source.isJSONLines {
                    try Self.verify(source)
                    return
                }
                let report = try LogStores.reading(source) { try $0.verify() } ?? EventLog.verify(log.path)
                for d in report.damage { Terminal.print("damaged: \(d)") }
                if report.uncommittedBytes > 0 {
                    Terminal.print(
                        "note: \(report.uncommittedBytes) bytes past the committed end (an append in progress, or left "
                            + "by a crash: the next append removes it, or keeps it if it is a whole batch)")
                }
                // The head hash is the same for the same batches in any store; segment files are the folder's.
                let summary =
                    source.isStore
                    ? "\(report.events) events in \(report.batches) batches; head hash \(report.headHash)"
                    : "\(report.events) events in \(report.batches) batches, \(report.segments) segment file(s), "
                        + "\(report.bytes) bytes; head hash \(report.headHash)"
                if report.isIntact {
                    Terminal.print("ok: " + summary)
                } else {
                    Terminal.print("DAMAGED (\(report.damage.count) problem(s)): " + summary)
                    throw ExitWithMessage(code: 1)
                }
            }
        }

        /// Checks a JSON Lines file or standard input; exit 1 when any line is not what a new log would take.
        static func verify(_ source: LogSource) throws {
            let report = try JSONLinesEvents.verify(source, limit: 20)
            for p in report.problems { Terminal.print("invalid: \(p)") }
            if report.isTruncated { Terminal.print("… and more; only the first \(report.problems.count) are shown") }
            let summary = "\(report.events) events in \(report.lines) lines; SHA-256 \(report.sha256)"
            if report.isValid {
                Terminal.print("ok: " + summary)
            } else {
                Terminal.print(
                    "INVALID (\(report.problems.count)\(report.isTruncated ? "+" : "") problem(s)): " + summary)
                throw ExitWithMessage(code: 1)
            }
        }
    }
}
