import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyLog

/// Readers check on every read what costs an integer comparison a record (gapless positions, each batch closed by
/// its commit, commits following on from the one before, the head agreeing with the last commit); `append` also
/// re-hashes the batch it builds on. Re-hashing the whole chain stays `verify`'s job.
@Suite("What readers and append check of the log")
struct ReaderChecksTests {
    /// A log of two batches of three events (`a-…`, then `b-…`), in one segment, or in two when `split`.
    static func twoBatches(split: Bool = false) throws -> ScratchLog {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        if split { writer.maximumSegmentSize = 64 }
        try writer.append(simpleEvents(3, prefix: "a"))
        try writer.append(simpleEvents(3, prefix: "b"))
        writer.close()
        return log
    }

    static func read(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
    static func write(_ data: Data, _ path: String) throws { try data.write(to: URL(fileURLWithPath: path)) }

    /// The byte ranges of the records of a segment.
    static func records(_ segment: Data) -> [Range<Int>] {
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

    /// Replaces the head file's position with `change(position)`.
    static func editHeadPosition(_ log: ScratchLog, _ change: (UInt64) -> UInt64) throws {
        let text = String(decoding: try read(log.path + "/head"), as: UTF8.self)
        let pattern = try NSRegularExpression(pattern: "\"position\":([0-9]+)")
        let match = try #require(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)))
        let digits = Range(match.range(at: 1), in: text)!
        let edited = text.replacingCharacters(in: digits, with: String(change(UInt64(text[digits])!)))
        try write(Data(edited.utf8), log.path + "/head")
    }

    /// Every way of reading the log refuses it with a `LogError.damaged`.
    static func expectReadersRefuse(_ log: ScratchLog, _ comment: Comment) {
        #expect(throws: LogError.self, comment) { try log.events() }
        #expect(throws: LogError.self, comment) { try LogStatistics(log: EventLog.open(log.path)) }
    }

    @Test func swappedRecordsWithinABatchAreRefused() throws {
        let log = try Self.twoBatches()
        let segment = try Self.read(log.segmentPath)
        let r = Self.records(segment)
        var damaged = segment.prefix(r[0].lowerBound)
        damaged += segment[r[1]] + segment[r[0]] + segment[r[1].upperBound...]
        try Self.write(damaged, log.segmentPath)
        Self.expectReadersRefuse(log, "swapped records")
    }

    @Test func swappedBatchesAreRefused() throws {
        let log = try Self.twoBatches()
        let segment = try Self.read(log.segmentPath)
        let r = Self.records(segment)
        // Records 0–3 are the first batch (three events and its commit), 4–7 the second.
        var damaged = segment.prefix(16)
        damaged += segment[r[4].lowerBound..<r[7].upperBound] + segment[r[0].lowerBound..<r[3].upperBound]
        try Self.write(damaged, log.segmentPath)
        Self.expectReadersRefuse(log, "swapped batches")
    }

    @Test func aSegmentEndingWithoutItsCommitIsRefused() throws {
        let log = try Self.twoBatches(split: true)
        let first = try Self.read(log.segmentPath)
        let commit = try #require(Self.records(first).last)
        try Self.write(first.prefix(commit.lowerBound), log.segmentPath)
        Self.expectReadersRefuse(log, "no commit at the end of segment 1")
        #expect(throws: LogError.self) { try LogWriter.open(log.path).append(simpleEvents(1, prefix: "c")) }
    }

    @Test func aCommitThatDoesNotCloseItsBatchIsRefused() throws {
        // The commit of the first batch claims four events: its checksum is made good again.
        let log = try Self.twoBatches()
        var segment = try Self.read(log.segmentPath)
        let commit = Self.records(segment)[3]
        segment[commit.lowerBound + 5 + 8] = 4
        let crc = crc32c(segment[commit.lowerBound..<(commit.upperBound - 4)])
        withUnsafeBytes(of: crc.littleEndian) {
            segment.replaceSubrange((commit.upperBound - 4)..<commit.upperBound, with: $0)
        }
        try Self.write(segment, log.segmentPath)
        Self.expectReadersRefuse(log, "a commit counting four events after three")
    }

    @Test(arguments: [-1, 1])
    func aHeadWhosePositionIsOffByOneIsRefusedAndNotBuiltOn(_ delta: Int) throws {
        let log = try Self.twoBatches()
        try Self.editHeadPosition(log) { UInt64(Int($0) + delta) }
        Self.expectReadersRefuse(log, "head position off by \(delta)")
        let before = try log.snapshot()
        #expect(throws: LogError.self) { try LogWriter.open(log.path).append(simpleEvents(1, prefix: "c")) }
        #expect(try log.snapshot() == before, "nothing written after a head off by \(delta)")
    }

    @Test func aHeadOffByOneIsRefusedEvenWhenTheWriterSavedItsIndexAtTheHead() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(3, prefix: "a"))
        writer.saveIndexIfWorthIt(always: true)
        writer.close()
        try Self.editHeadPosition(log) { $0 + 1 }
        #expect(throws: LogError.self) { try LogWriter.open(log.path).append(simpleEvents(1, prefix: "c")) }
        let segment = try Self.read(log.segmentPath)
        #expect(Self.records(segment).count == 4, "no batch written after a bad head")
    }

    /// Moves the occurred date of the last event of the log on by a day and makes its record checksum good again.
    static func editLastEvent(_ log: ScratchLog) throws {
        var segment = try read(log.segmentPath)
        let r = records(segment)
        let last = r[r.count - 2]
        let day = d("2024-04-03").dayNumber  // b-3 occurred on the third day of the log
        let needle = withUnsafeBytes(of: day.littleEndian) { Data($0) }
        let at = try #require(segment[last].range(of: needle))
        segment[at.lowerBound] &+= 1
        let crc = crc32c(segment[last.lowerBound..<(last.upperBound - 4)])
        withUnsafeBytes(of: crc.littleEndian) {
            segment.replaceSubrange((last.upperBound - 4)..<last.upperBound, with: $0)
        }
        try write(segment, log.segmentPath)
    }

    @Test func appendRefusesToBuildOnAnEditedBatchWhoseChecksumWasRecomputed() throws {
        let log = try Self.twoBatches()
        try Self.editLastEvent(log)
        let before = try log.snapshot()
        #expect(throws: LogError.self) { try LogWriter.open(log.path).append(simpleEvents(1, prefix: "c")) }
        #expect(try log.snapshot() == before)
    }

    @Test func appendRefusesAnEditedLastBatchAlsoWhenItsSavedIndexCoversIt() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(3, prefix: "a"))
        try writer.append(simpleEvents(3, prefix: "b"))
        writer.saveIndexIfWorthIt(always: true)
        writer.close()
        try Self.editLastEvent(log)
        #expect(throws: LogError.self) { try LogWriter.open(log.path).append(simpleEvents(1, prefix: "c")) }
    }

    @Test func anIntactLogStillReadsAndAppendsFromEveryStart() throws {
        let log = try Self.twoBatches(split: true)
        #expect(try log.events().map(\.position) == [1, 2, 3, 4, 5, 6])
        let opened = try EventLog.open(log.path)
        let middle = LogCursor(segment: 1, offset: Int(try Self.read(log.segmentPath).count), position: 3)
        var after: [UInt64] = []
        try opened.replay(after: middle) { after.append($0.position) }
        #expect(after == [4, 5, 6])
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(2, prefix: "c"))
        writer.saveIndexIfWorthIt(always: true)
        writer.close()
        #expect(try LogWriter.open(log.path).append(simpleEvents(1, prefix: "d")).positions == 9...9)
        #expect(try EventLog.verify(log.path).isIntact)
    }
}
