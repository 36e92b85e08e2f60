import ArgumentParser
import JourneyCore
import JourneyLog

extension Journey {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarise the log: events by type, children, dates, last position.",
            discussion: """
                Example:
                  journey stats --log event-logs/main
                """
        )

        @OptionGroup var log: LogOptions

        func run() throws {
            try reportingErrors {
                let eventLog = try EventLog.open(log.path)
                if let recovery = eventLog.recovery { Terminal.error("journey: \(recovery)") }
                let s = try LogStatistics(log: eventLog)
                print("log           \(log.path)")
                print("events        \(s.events) in \(s.batches) batches (last position \(s.lastPosition))")
                print("children      \(s.children)")
                if let o = s.occurred { print("occurred      \(o.lowerBound) to \(o.upperBound)") }
                if let r = s.recorded { print("recorded      \(r.lowerBound) to \(r.upperBound)") }
                print("corrections   \(s.corrections)")
                print("on disk       \(s.bytesOnDisk) bytes in \(s.segments) segment file(s)")
                print("head hash     \(s.headHash)")
                if !s.eventsByType.isEmpty {
                    print("")
                    print("events by type")
                    let width = s.eventsByType.keys.map(\.name.count).max()!
                    for type in EventType.allCases {
                        guard let n = s.eventsByType[type] else { continue }
                        print("  " + type.name + String(repeating: " ", count: width - type.name.count + 2) + "\(n)")
                    }
                }
            }
        }
    }
}
