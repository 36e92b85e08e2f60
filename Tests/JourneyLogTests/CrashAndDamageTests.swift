import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@Suite("Crashes, torn tails and damage")
struct CrashAndDamageTests {
    /// A log of two batches: returns the segment's bytes, the head after the first batch, and the segment's length
    /// after the first batch.
    func twoBatches(_ log: ScratchLog) throws -> (segment: Data, firstHead: Data, firstLength: Int) {
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(3, prefix: "a"))
        let firstHead = try Data(contentsOf: URL(fileURLWithPath: log.path + "/head"))
        let firstLength = try Data(contentsOf: URL(fileURLWithPath: log.segmentPath)).count
        try writer.append(simpleEvents(3, prefix: "b"))
        writer.close()
        return (try Data(contentsOf: URL(fileURLWithPath: log.segmentPath)), firstHead, firstLength)
    }

    @Test("A crash at every byte of the last batch: the log opens, keeps the first batch, and verifies")
    func tornTailAtEveryOffset() throws {
        let log = ScratchLog()
        let (segment, firstHead, firstLength) = try twoBatches(log)
        let first = simpleEvents(3, prefix: "a")
        for cut in firstLength..<segment.count {
            // The state a crash leaves: the head not yet moved, the second batch written up to `cut`.
            try segment.prefix(cut).write(to: URL(fileURLWithPath: log.segmentPath))
            try firstHead.write(to: URL(fileURLWithPath: log.path + "/head"))
            // Readers read up to the head, and repair nothing; the next writer does.
            #expect(try log.events().map(\.event) == first, "cut at \(cut)")
            #expect(try EventLog.verify(log.path).isIntact, "cut at \(cut)")
            let writer = try LogWriter.open(log.path)
            // A cut exactly at the end of the first batch leaves nothing to repair.
            #expect((writer.recovery?.removedBytes ?? 0) == cut - firstLength, "cut at \(cut)")
            writer.close()
            #expect(try log.events().map(\.event) == first, "cut at \(cut)")
            #expect(try EventLog.verify(log.path).isIntact, "cut at \(cut)")
        }
        // Written in full but not acknowledged (the head not moved): the complete batch is kept.
        try segment.write(to: URL(fileURLWithPath: log.segmentPath))
        try firstHead.write(to: URL(fileURLWithPath: log.path + "/head"))
        #expect(try log.events().count == 3)
        #expect(try LogWriter.open(log.path).recovery?.keptBatches == 1)
        #expect(try log.events().count == 6)
    }

    @Test func anAcknowledgedBatchCutShortIsDamageNotATornTail() throws {
        let log = ScratchLog()
        let (segment, _, _) = try twoBatches(log)
        try segment.prefix(segment.count - 1).write(to: URL(fileURLWithPath: log.segmentPath))
        #expect(throws: LogError.self) { try EventLog.open(log.path) }
        #expect(try !EventLog.verify(log.path).isIntact)
    }

    @Test("Verify catches a flipped bit in any stored byte")
    func flippedBytes() throws {
        let log = ScratchLog()
        let (segment, _, _) = try twoBatches(log)
        for i in 0..<segment.count {
            var damaged = segment
            damaged[i] ^= 0x10
            try damaged.write(to: URL(fileURLWithPath: log.segmentPath))
            #expect(try !EventLog.verify(log.path).isIntact, "byte \(i)")
        }
        try segment.write(to: URL(fileURLWithPath: log.segmentPath))
        #expect(try EventLog.verify(log.path).isIntact)
    }

    @Test func replayStopsAtDamageRatherThanSkippingIt() throws {
        let log = ScratchLog()
        let (segment, _, _) = try twoBatches(log)
        var damaged = segment
        damaged[40] ^= 0xFF
        try damaged.write(to: URL(fileURLWithPath: log.segmentPath))
        #expect(throws: LogError.self) { try log.events() }
    }

    /// The byte ranges of the records of a segment.
    func records(_ segment: Data) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var at = 16
        while at + 4 <= segment.count {
            let length =
                Int(segment[at]) | Int(segment[at + 1]) << 8 | Int(segment[at + 2]) << 16 | Int(segment[at + 3]) << 24
            ranges.append(at..<(at + 4 + length + 4))
            at += 4 + length + 4
        }
        return ranges
    }

    @Test func verifyCatchesADeletedRecord() throws {
        let log = ScratchLog()
        let (segment, _, _) = try twoBatches(log)
        let second = records(segment)[1]
        var damaged = segment
        damaged.removeSubrange(second)
        try damaged.write(to: URL(fileURLWithPath: log.segmentPath))
        let report = try EventLog.verify(log.path)
        #expect(!report.isIntact)
        #expect(report.damage.contains { $0.reason.contains("position 3 where 2 was expected") })
        // The events were of children C0, C1, C2, C0, C1, C2: C1's first is gone, so its second is its first left.
        #expect(
            report.damage.contains {
                $0.reason == "the event at position 5 is version 2 of its child's stream where 1 was expected"
            })
    }

    @Test func verifyCatchesReorderedRecords() throws {
        let log = ScratchLog()
        let (segment, _, _) = try twoBatches(log)
        let r = records(segment)
        var damaged = segment.prefix(r[0].lowerBound)
        damaged += segment[r[1]] + segment[r[0]] + segment[r[1].upperBound...]
        try damaged.write(to: URL(fileURLWithPath: log.segmentPath))
        #expect(try !EventLog.verify(log.path).isIntact)
    }

    @Test func verifyCatchesAnEditedEventWithARecomputedChecksum() throws {
        // Someone who edits an event and fixes its CRC still breaks the hash chain.
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        var events = simpleEvents(2)
        events[1].occurred = d("2024-04-02")
        try writer.append(events)
        writer.close()
        var segment = try Data(contentsOf: URL(fileURLWithPath: log.segmentPath))
        let r = records(segment)[1]
        // Find the occurred day number (Int32 LE) of 2024-04-02 in the record and move it a day on.
        let day = d("2024-04-02").dayNumber
        let needle = withUnsafeBytes(of: day.littleEndian) { Data($0) }
        let at = try #require(segment[r].range(of: needle))
        segment[at.lowerBound] &+= 1
        let crc = crc32c(segment[r.lowerBound..<(r.upperBound - 4)])
        withUnsafeBytes(of: crc.littleEndian) { segment.replaceSubrange((r.upperBound - 4)..<r.upperBound, with: $0) }
        try segment.write(to: URL(fileURLWithPath: log.segmentPath))
        let report = try EventLog.verify(log.path)
        #expect(report.damage.contains { $0.reason.contains("hash does not match") })
    }

    /// Two events given the id of an earlier one (each record's bytes edited and its checksum made good again, as
    /// someone editing the file would): verify names each, with the position of the event before it of that id, in
    /// log order. The ids are the same length, so every record stays whole.
    @Test func verifyFindsEventsWithTheSameId() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(6, prefix: "k"))
        writer.close()
        var segment = try Data(contentsOf: URL(fileURLWithPath: log.segmentPath))
        let ranges = records(segment)
        // Records 0…5 are the events at positions 1…6 (then the commit): k-5 and k-6 become k-2.
        for (index, id) in [(4, "k-5"), (5, "k-6")] {
            let r = ranges[index]
            let at = try #require(segment[r].range(of: Data(id.utf8)))
            segment.replaceSubrange(at, with: Data("k-2".utf8))
            let crc = crc32c(segment[r.lowerBound..<(r.upperBound - 4)])
            withUnsafeBytes(of: crc.littleEndian) {
                segment.replaceSubrange((r.upperBound - 4)..<r.upperBound, with: $0)
            }
        }
        try segment.write(to: URL(fileURLWithPath: log.segmentPath))
        let report = try EventLog.verify(log.path)
        #expect(
            report.damage.filter { $0.reason.contains("same id") }.map(\.reason) == [
                "the event at position 5 has the same id as the one at position 2",
                "the event at position 6 has the same id as the one at position 5",
            ])
        #expect(report.damage.contains { $0.reason.contains("hash does not match") })
    }

    @Test("kill -9 in the middle of an append leaves a log that opens and verifies")
    func killDuringAppend() throws {
        let binary = try #require(journeyBinary(), "build the journey executable first (swift build)")
        let log = ScratchLog()
        let input = log.path + "-input.jsonl"
        defer { try? FileManager.default.removeItem(atPath: input) }
        try simpleEvents(150_000, children: 5000).map { $0.canonicalJSONString + "\n" }.joined()
            .write(toFile: input, atomically: false, encoding: .utf8)
        try LogWriter.open(log.path).append(simpleEvents(10, prefix: "before"))
        for delay in [0.05, 0.2, 0.5, 1.0] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["append", input, "--log", log.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let count = try log.events().count
            // All or nothing: the ten events before, plus either none or all of the batch.
            #expect(count == 10 || count == 150_010, "after \(delay)s")
            #expect(try EventLog.verify(log.path).isIntact, "after \(delay)s")
            if count == 150_010 { break }
        }
        #expect(try LogWriter.open(log.path).append(simpleEvents(1, prefix: "after")).appended == 1)
    }

    @Test func aSecondWriterProcessIsRefused() throws {
        let binary = try #require(journeyBinary(), "build the journey executable first (swift build)")
        let log = ScratchLog()
        let input = log.path + "-one.jsonl"
        defer { try? FileManager.default.removeItem(atPath: input) }
        try simpleEvents(1)[0].canonicalJSONString.write(toFile: input, atomically: false, encoding: .utf8)
        let holder = try LogWriter.open(log.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["append", input, "--log", log.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(message.contains("another process is appending"))
        holder.close()
    }
}

/// The built `journey` executable beside the test runner, or `JOURNEY_BINARY`.
func journeyBinary() -> String? {
    if let path = ProcessInfo.processInfo.environment["JOURNEY_BINARY"] { return path }
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for dir in [runner, runner.deletingLastPathComponent()] {
        let candidate = dir.appendingPathComponent("journey").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// CRC-32C, written out again here so that the test does not trust the code it tests.
func crc32c(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    }
    return ~crc
}
