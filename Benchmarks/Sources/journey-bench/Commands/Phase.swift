import ArgumentParser
import JourneyCore
import JourneyLog

extension JourneyBench {
    /// One measured phase in a process of its own: `log` runs each phase this way, so that each one's peak
    /// memory is its own.
    struct Phase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one measured phase (used by `log`; prints `seconds N events N`).",
            discussion: """
                Examples:
                  journey-bench phase append --input events.jsonl --log /tmp/log
                  journey-bench phase replay --log /tmp/log
                  journey-bench phase export --log /tmp/log --output /tmp/export.jsonl
                """,
            shouldDisplay: false
        )

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case append, replay, export
        }

        @Argument(help: "The phase: append, replay or export.")
        var kind: Kind

        @Option(help: ArgumentHelp("The JSON Lines file to append.", valueName: "file"))
        var input: String?

        @Option(help: ArgumentHelp("The log directory.", valueName: "dir"))
        var log: String

        @Option(help: ArgumentHelp("Where export writes its JSON Lines.", valueName: "file"))
        var output: String?

        func validate() throws {
            if kind == .append && input == nil { throw ValidationError("append needs --input") }
            if kind == .export && output == nil { throw ValidationError("export needs --output") }
        }

        func run() throws {
            let (events, seconds) = try Clock.measure { () throws -> Int in
                switch kind {
                case .append: return try Self.append(input: input!, log: log)
                case .replay: return try Self.replay(log: log)
                case .export: return try Self.export(log: log, output: output!)
                }
            }
            print("seconds \(seconds) events \(events)")
        }

        /// `journey append`: one durable batch from a JSON Lines file.
        static func append(input: String, log: String) throws -> Int {
            let writer = try LogWriter.open(log)
            defer { writer.close() }
            let reader = try LineReader(path: input)
            defer { reader.close() }
            return try writer.appendJSONLines(from: reader).appended
        }

        /// Every event read and decoded, and nothing else done with it.
        static func replay(log: String) throws -> Int {
            var count = 0
            try EventLog.open(log).replay { _ in count += 1 }
            return count
        }

        /// `journey export`: every event as canonical JSON, to a file.
        static func export(log: String, output: String) throws -> Int {
            let file = try OutputFile(path: output)
            var count = 0
            try EventLog.open(log).replay { stored in
                try file.write(stored.event.canonicalJSON())
                try file.write(byte: 0x0A)
                count += 1
            }
            try file.close()
            return count
        }
    }
}

/// What a phase printed: `seconds S events N`.
struct PhaseResult {
    var seconds: Double
    var events: Int

    init(parsing output: String) throws {
        let words = output.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard words.count == 4, let s = Double(words[1]), let n = Int(words[3]) else {
            throw BenchmarkError("a phase printed something unexpected: \(output)")
        }
        seconds = s
        events = n
    }
}
