import ArgumentParser
import JourneyCore

extension JourneyBench {
    /// The log's throughput: bulk append, replay and export of generated events.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure bulk append, replay and export of N generated events.",
            discussion: """
                Generates N valid events as JSON Lines (ten per child, interleaved), then runs each phase in a \
                process of its own, REPEATS times, and prints the medians:

                  append   LogWriter.appendJSONLines: parse, validate, encode, checksum, write; one batch, fsynced
                  replay   EventLog.replay: read, check every record's checksum, decode every event
                  export   replay, then canonical JSON of every event to a file (as `journey export`)

                Peak memory is each phase's own (ru_maxrss of its process). The log is read from the page cache,
                as it is just after it was written.

                Examples:
                  journey-bench log --events 1000000
                  journey-bench log --events 10000000 --dir /tmp/bench --repeats 3
                """
        )

        @Option(help: ArgumentHelp("How many events to generate and append.", valueName: "n"))
        var events: Int

        @Option(
            help: ArgumentHelp(
                "A working directory; the generated input is kept there and reused (default: a new temporary one, "
                    + "removed afterwards).", valueName: "dir"))
        var dir: String?

        @Option(help: ArgumentHelp("How many times to run each phase; the median is reported.", valueName: "n"))
        var repeats = 3

        @Flag(help: "Leave out the export phase.")
        var skipExport = false

        func validate() throws {
            guard events > 0 else { throw ValidationError("--events must be 1 or more") }
            guard repeats > 0 else { throw ValidationError("--repeats must be 1 or more") }
        }

        func run() throws {
            let work = try dir ?? Files.temporaryDirectory(prefix: "journey-bench")
            if dir != nil { try Files.makeDirectory(work) }
            defer { if dir == nil { try? Files.remove(work) } }
            let input = work + "/events-\(events).jsonl"
            let logPath = work + "/log"
            let exportPath = work + "/export.jsonl"
            let command = CommandLine.arguments.joined(separator: " ")
            print("$ \(command)")

            if !Files.exists(input) {
                let (_, seconds) = try Clock.measure { try EventGenerator.write(count: events, to: input) }
                print("generated \(Format.grouped(Double(events))) events in \(Format.fixed(seconds, 1)) s: \(input)")
            }
            let inputBytes = Files.size(input)

            let program = try Subprocess.currentExecutable()
            var rows: [String: [(PhaseResult, PhaseRun)]] = [:]
            var bytesOnDisk: [Double] = []
            for run in 1...repeats {
                try Files.remove(logPath)
                var phases: [(String, [String])] = [
                    ("append", ["phase", "append", "--input", input, "--log", logPath]),
                    ("replay", ["phase", "replay", "--log", logPath]),
                ]
                if !skipExport {
                    phases.append(("export", ["phase", "export", "--log", logPath, "--output", exportPath]))
                }
                for (name, arguments) in phases {
                    let measured = try Subprocess.run([program] + arguments)
                    let result = try PhaseResult(parsing: measured.output)
                    guard result.events == events else {
                        throw BenchmarkError("\(name) handled \(result.events) events, not \(events)")
                    }
                    rows[name, default: []].append((result, measured))
                    Terminal.progress(
                        "run \(run) \(name): \(Format.grouped(Double(events) / result.seconds)) events/s, "
                            + Format.megabytes(kilobytes: measured.peakKilobytes))
                    if name == "append" { bytesOnDisk.append(Double(try Files.bytesOnDisk(log: logPath))) }
                }
                try Files.remove(exportPath)
            }
            try Files.remove(logPath)
            if dir != nil && !Files.exists(input) { try Files.remove(work) }

            print()
            // Events per CPU-second as well as per second: on a shared machine the wall clock also counts the
            // time other processes had the cores; the CPU time is this phase's own (both threads of an append).
            print(
                Format.padded("phase", 8) + Format.padded("events/s", 13, right: true)
                    + Format.padded("seconds", 10, right: true) + Format.padded("CPU s", 9, right: true)
                    + Format.padded("events/CPU s", 14, right: true) + Format.padded("peak RSS", 13, right: true)
                    + "   target")
            let targets = ["append": "≥ 500,000/s", "replay": "≥ 3,000,000/s", "export": ""]
            for name in ["append", "replay", "export"] {
                guard let runs = rows[name] else { continue }
                let seconds = median(runs.map(\.0.seconds))
                let cpu = median(runs.map(\.1.cpuSeconds))
                let peak = Int(median(runs.map { Double($0.1.peakKilobytes) }))
                print(
                    Format.padded(name, 8) + Format.padded(Format.grouped(Double(events) / seconds), 13, right: true)
                        + Format.padded(Format.fixed(seconds, 3), 10, right: true)
                        + Format.padded(Format.fixed(cpu, 2), 9, right: true)
                        + Format.padded(Format.grouped(Double(events) / cpu), 14, right: true)
                        + Format.padded(Format.megabytes(kilobytes: peak), 13, right: true) + "   " + targets[name]!)
            }
            let onDisk = median(bytesOnDisk)
            print(
                "on disk: \(Format.fixed(onDisk / Double(events), 1)) bytes/event "
                    + "(\(Format.grouped(onDisk)) bytes; JSON Lines input: "
                    + "\(Format.fixed(Double(inputBytes) / Double(events), 1)) bytes/event)")
            print("medians of \(repeats) run\(repeats == 1 ? "" : "s") of each phase, each in its own process")
        }
    }
}
