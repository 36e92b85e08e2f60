import ArgumentParser
import JourneyCore
import JourneyLog

extension Journey {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Summarise the log: events by type, children, dates, last position.",
            discussion: """
                --log takes a log folder, a JSON Lines file of events (whatever its name), or - for standard input. \
                For a log folder, the summary ends with the log's fingerprint, the hash verify prints: it covers \
                every event stored and changes if anything stored changes. For a JSON Lines file, the file's \
                SHA-256 stands in its place.

                Saved results: for a log folder, the counts and the children met are kept in \
                cache/log-statistics.summary, so that a run after an append reads only the events since (a day's, \
                not the millions before it), with the same summary. Damage to the records before then goes \
                unnoticed here, as it does for a replay from the checkpoint: journey verify checks every stored \
                byte. --no-cache reads every event, and neither reads nor saves the summary.

                Examples:
                  journey stats --log event-logs/main
                  journey stats --log council.jsonl
                """
        )

        @OptionGroup var log: ReplayedLogOptions

        @Flag(
            help: ArgumentHelp(
                "Read every event of the log folder, ignoring and not saving the summary its cache folder holds."))
        var noCache = false

        func run() throws {
            try reportingErrors {
                let source = try log.source()
                let s: LogStatistics
                if source.isJSONLines {
                    s = try LogStatistics(jsonLines: source)
                } else if let inStore = try LogStores.reading(source, { try LogStatistics(store: $0) }) {
                    s = inStore
                } else {
                    let eventLog = try EventLog.open(log.path)
                    if let recovery = eventLog.recovery { Terminal.error("journey: \(recovery)") }
                    s = try LogStatistics(log: eventLog, useCache: !noCache)
                }
                Terminal.print(
                    "log           \(source == .standardInput ? "standard input" : LogStores.withoutCredentials(log.path))"
                )
                if source.isJSONLines {
                    Terminal.print("events        \(s.events) in \(s.lines) lines of JSON Lines")
                } else {
                    Terminal.print(
                        "events        \(s.events) in \(s.batches) batches (last position \(s.lastPosition))")
                }
                Terminal.print("children      \(s.children)")
                if let o = s.occurred { Terminal.print("occurred      \(o.lowerBound) to \(o.upperBound)") }
                if let r = s.recorded { Terminal.print("recorded      \(r.lowerBound) to \(r.upperBound)") }
                Terminal.print("corrections   \(s.corrections)")
                if let sha256 = s.sha256 {
                    Terminal.print("size          \(s.bytesOnDisk) bytes")
                    Terminal.print("SHA-256       \(sha256)")
                } else {
                    if case .directory = source {
                        Terminal.print("on disk       \(s.bytesOnDisk) bytes in \(s.segments) segment file(s)")
                    }
                    Terminal.print("head hash     \(s.headHash)")
                }
                if !s.eventsByType.isEmpty {
                    Terminal.print("")
                    Terminal.print("events by type")
                    let width = s.eventsByType.keys.map(\.name.count).max()!
                    for type in EventType.allCases {
                        guard let n = s.eventsByType[type] else { continue }
                        Terminal.print(
                            "  " + type.name + String(repeating: " ", count: width - type.name.count + 2) + "\(n)")
                    }
                }
            }
        }
    }
}
