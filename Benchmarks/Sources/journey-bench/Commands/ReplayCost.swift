import ArgumentParser
import JourneyCore
import JourneyLog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension JourneyBench {
    /// Where the time of a replay goes: reading the files, walking the records, decoding the events, and what
    /// the log adds (checksums, its own framing, the callback).
    struct ReplayCost: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "replay-cost",
            abstract: "Break the time of a replay down into reading, framing, decoding and checksums.",
            discussion: """
                Each stage does everything the one before it did, and one thing more:

                  read     the segment files, in 8 MiB chunks (from the page cache)
                  frame    … and step from record to record by their lengths
                  decode   … and decode every event record (BinaryReader, Event.read(binary:))
                  replay   EventLog.replay: all of the above, with every record's CRC-32C checked

                The difference between two stages is the cost of what the later one adds: replay − decode is the \
                checksums plus the log's own framing and callback.

                Examples:
                  journey-bench replay-cost --events 1000000
                  journey-bench replay-cost --log /tmp/bench/log
                """
        )

        @Option(help: ArgumentHelp("An existing log to read.", valueName: "dir"))
        var log: String?

        @Option(help: ArgumentHelp("Or: make a log of this many generated events first.", valueName: "n"))
        var events: Int?

        @Option(help: ArgumentHelp("How many times to run each stage; the median is reported.", valueName: "n"))
        var repeats = 5

        func validate() throws {
            guard (log == nil) != (events == nil) else { throw ValidationError("give either --log or --events") }
            if let events, events <= 0 { throw ValidationError("--events must be 1 or more") }
            guard repeats > 0 else { throw ValidationError("--repeats must be 1 or more") }
        }

        func run() throws {
            print("$ " + CommandLine.arguments.joined(separator: " "))
            var temporary: String?
            defer { if let temporary { try? Files.remove(temporary) } }
            let path: String
            if let log {
                path = log
            } else {
                let work = try Files.temporaryDirectory(prefix: "journey-bench")
                temporary = work
                try EventGenerator.write(count: events!, to: work + "/events.jsonl")
                path = work + "/log"
                _ = try Phase.append(input: work + "/events.jsonl", log: path)
                try Files.remove(work + "/events.jsonl")
            }
            let segments = try Files.segments(inLog: path)

            var counts: [String: Int] = [:]
            let stages: [(String, () throws -> Int)] = [
                ("read", { try Self.walk(segments, stage: .read) }),
                ("frame", { try Self.walk(segments, stage: .frame) }),
                ("decode", { try Self.walk(segments, stage: .decode) }),
                ("replay", { try Phase.replay(log: path) }),
            ]
            var seconds: [String: Double] = [:]
            for (name, stage) in stages {
                var runs: [Double] = []
                for _ in 0..<repeats {
                    let (count, s) = try Clock.measure(stage)
                    counts[name] = count
                    runs.append(s)
                }
                seconds[name] = median(runs)
            }
            let events = counts["replay"]!
            guard counts["decode"] == events else {
                throw BenchmarkError("decode saw \(counts["decode"]!) events, replay \(events)")
            }

            func perEvent(_ s: Double) -> String { Format.fixed(s / Double(events) * 1e9, 1) + " ns" }
            print(
                Format.padded("stage", 10) + Format.padded("seconds", 10, right: true)
                    + Format.padded("per event", 12, right: true) + Format.padded("added", 12, right: true)
                    + "   what the stage adds")
            let meaning = [
                "read": "reading the files", "frame": "stepping through records",
                "decode": "decoding events (strings, codes, bodies)",
                "replay": "CRC-32C, the log's framing and callback",
            ]
            var previous = 0.0
            for (name, _) in stages {
                let s = seconds[name]!
                print(
                    Format.padded(name, 10) + Format.padded(Format.fixed(s, 3), 10, right: true)
                        + Format.padded(perEvent(s), 12, right: true)
                        + Format.padded(perEvent(s - previous), 12, right: true) + "   " + meaning[name]!)
                previous = s
            }
            print(
                "\(Format.grouped(Double(events))) events, replay at "
                    + "\(Format.grouped(Double(events) / seconds["replay"]!)) events/s; medians of \(repeats) runs")
        }

        enum Stage { case read, frame, decode }

        /// Reads every segment in chunks and does `stage`'s work on each record; returns the event records seen.
        /// The record framing is the log's (Records/Record.swift): length u32 · kind u8 · body · crc32c u32, after
        /// a 16-byte segment header; an event record's body is position u64 · version u32 · the event.
        static func walk(_ segments: [String], stage: Stage) throws -> Int {
            let chunkSize = 8 << 20
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            var events = 0
            var bytes = 0
            for path in segments {
                let fd = open(path, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { throw FileError("open", path) }
                defer { close(fd) }
                var fileOffset = 16
                var filled = 0
                while true {
                    let n = pread(fd, buffer.baseAddress! + filled, chunkSize - filled, off_t(fileOffset))
                    guard n >= 0 else { throw FileError("read", path) }
                    fileOffset += n
                    filled += n
                    bytes += n
                    var at = 0
                    if stage != .read {
                        while filled - at >= 4 {
                            let length = Int(
                                UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                            let size = 4 + length + 4
                            guard filled - at >= size else { break }
                            if buffer[at + 4] == 1 {
                                events += 1
                                if stage == .decode {
                                    let body = UnsafeRawBufferPointer(rebasing: buffer[(at + 5)..<(at + 4 + length)])
                                    var r = BinaryReader(body)
                                    _ = try r.fixed(UInt64.self)
                                    _ = try r.fixed(UInt32.self)
                                    _ = try Event.read(binary: &r)
                                }
                            }
                            at += size
                        }
                    } else {
                        at = filled
                    }
                    if n == 0 { break }
                    // Keep the part of a record that runs past this chunk for the next one.
                    let rest = filled - at
                    if rest > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + at, byteCount: rest) }
                    filled = rest
                }
            }
            return stage == .read ? bytes : events
        }
    }
}
