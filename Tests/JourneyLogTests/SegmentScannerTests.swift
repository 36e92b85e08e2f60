import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyLog

/// A segment is read a chunk at a time, each chunk mapped into memory or, where it cannot be, read into a buffer.
/// Both ways, and with chunks small enough to cut records in two, must give the same records and the same end: a
/// whole file, one cut short, one with a damaged record, and a scan that stops at a limit.
struct SegmentScannerTests {
    struct Scan: Equatable {
        var records: [[UInt8]] = []
        var offsets: [Int] = []
        var end: SegmentScanner.End
    }

    /// The default chunk, and chunks of a page and of less than a page (each holds several records of about 150
    /// bytes, and most records fall across the end of one chunk into the next), mapped and read.
    static let ways = [(8 << 20, true), (8 << 20, false), (4_096, true), (4_096, false), (1_000, true), (1_000, false)]

    static func scan(_ path: String, to limit: Int? = nil, chunk: Int, mapped: Bool) throws -> Scan {
        let fd = try LogIO.open(path, flags: O_RDONLY_)
        defer { LogIO.close(fd) }
        var scanner = SegmentScanner(path: path)
        scanner.chunkSize = chunk
        scanner.mapsChunks = mapped
        var records: [[UInt8]] = []
        var offsets: [Int] = []
        let end = try scanner.scan(fd: fd, from: LogLayout.headerSize, to: limit) { framed, offset in
            records.append(Array(framed.bytes))
            offsets.append(offset)
            return true
        }
        return Scan(records: records, offsets: offsets, end: end)
    }

    /// Every way's scan of `path`, which must all be equal; the first is returned.
    static func scanEveryWay(_ path: String, to limit: Int? = nil) throws -> Scan {
        let scans = try ways.map { try scan(path, to: limit, chunk: $0.0, mapped: $0.1) }
        for (way, scan) in zip(ways, scans) { #expect(scan == scans[0], "chunk \(way.0), mapped \(way.1)") }
        return scans[0]
    }

    /// Two batches of 300 events: 300 event records and a commit record each.
    static func twoBatches() throws -> ScratchLog {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(300, prefix: "a"))
        try writer.append(simpleEvents(300, prefix: "b"))
        writer.close()
        return log
    }

    /// The mapped way must really map (a chunk that cannot be mapped is read instead, which the scans above would
    /// not tell apart): whatever the offset, on a page boundary or not, the bytes are the file's.
    @Test func aChunkIsMappedWhereverItStarts() throws {
        let log = try Self.twoBatches()
        let segment = try ReaderChecksTests.read(log.segmentPath)
        let fd = try LogIO.open(log.segmentPath, flags: O_RDONLY_)
        defer { LogIO.close(fd) }
        for (offset, count) in [(0, 16), (16, 4_000), (4_095, 2), (4_096, 5_000), (1_234, segment.count - 1_234)] {
            let mapped = try #require(System.map(fd, offset: offset, count: count))
            defer { System.unmap(mapped) }
            #expect(Array(mapped) == Array(segment[offset..<offset + count]))
        }
    }

    @Test func aWholeFileGivesEveryRecordAndEndsAtItsEnd() throws {
        let log = try Self.twoBatches()
        let segment = try ReaderChecksTests.read(log.segmentPath)
        let scan = try Self.scanEveryWay(log.segmentPath)
        #expect(scan.records.count == 602)
        #expect(scan.offsets == ReaderChecksTests.records(segment).map(\.lowerBound))
        #expect(scan.end == .complete(offset: segment.count))
    }

    @Test func aFileCutShortEndsIncompleteAtItsLastRecord() throws {
        let log = try Self.twoBatches()
        var segment = try ReaderChecksTests.read(log.segmentPath)
        let last = ReaderChecksTests.records(segment).last!
        segment.removeLast(10)
        try ReaderChecksTests.write(segment, log.segmentPath)
        let scan = try Self.scanEveryWay(log.segmentPath)
        #expect(scan.records.count == 601)
        #expect(scan.end == .incomplete(offset: last.lowerBound))
    }

    @Test func aDamagedRecordEndsTheScanThere() throws {
        let log = try Self.twoBatches()
        var segment = try ReaderChecksTests.read(log.segmentPath)
        let hundredth = ReaderChecksTests.records(segment)[99]
        segment[hundredth.lowerBound + 20] ^= 0xFF
        try ReaderChecksTests.write(segment, log.segmentPath)
        let scan = try Self.scanEveryWay(log.segmentPath)
        #expect(scan.records.count == 99)
        guard case .damaged(let offset, _) = scan.end else {
            Issue.record("the flipped byte was not found: \(scan.end)")
            return
        }
        #expect(offset == hundredth.lowerBound)
    }

    @Test func aScanStopsAtItsLimit() throws {
        let log = try Self.twoBatches()
        let segment = try ReaderChecksTests.read(log.segmentPath)
        let fiftieth = ReaderChecksTests.records(segment)[49]
        let scan = try Self.scanEveryWay(log.segmentPath, to: fiftieth.lowerBound)
        #expect(scan.records.count == 49)
        #expect(scan.end == .complete(offset: fiftieth.lowerBound))
    }
}
