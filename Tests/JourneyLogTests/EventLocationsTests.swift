import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyLog

/// Events read by position through the index of event locations are those a read of the whole log gives at those
/// positions, whether the index is new, saved, behind the log or wrong; a wrong one is never believed.
struct EventLocationsTests {
    /// A log of 1,500 events in batches of 1 to 100, a segment started after each batch that ends past 4 KB (about
    /// 40 events), so that the walks from the index's records cross batch ends and segment ends.
    static func log(_ scratch: ScratchLog, events: Int = 1_500, seed: UInt64 = 5) throws -> EventLog {
        let writer = try LogWriter.open(scratch.path)
        defer { writer.close() }
        writer.maximumSegmentSize = 4_096
        var random = SeededRandom(state: seed)
        var written = 0
        while written < events {
            let n = min(events - written, 1 + Int(random.next() % 100))
            try writer.append(simpleEvents(n, prefix: "e\(written)", children: 7))
            written += n
        }
        return try EventLog.open(scratch.path)
    }

    /// Every event of the log by position, read whole.
    static func everything(_ log: EventLog) throws -> [UInt64: StoredEvent] {
        var all: [UInt64: StoredEvent] = [:]
        try log.forEachStoredEvent(after: nil) { all[$0.position] = try Record.decodeEvent($0) }
        return all
    }

    static func located(_ log: EventLog, _ positions: Set<UInt64>, saving: Bool = true) throws -> [UInt64: StoredEvent]?
    {
        try log.storedEvents(at: positions, savingIndex: saving) { try Record.decodeEvent($0) }
    }

    /// Sets of positions: single events at the index's records and either side of them, runs, scattered ones, the
    /// log's first and last, every one, and some the log does not hold.
    static func positionSets(upTo last: UInt64, seed: UInt64) -> [Set<UInt64>] {
        var random = SeededRandom(state: seed)
        let scattered = Set((0..<60).map { _ in 1 + random.next() % last })
        return [
            [1], [last], [128, 129, 130], [127, 256, 257, 1_000], Set(300...700), scattered, Set(1...last),
            [0, last + 1, last + 500, 64],
        ]
    }

    @Test func eventsReadByPositionAreThoseOfTheWholeLog() throws {
        let scratch = ScratchLog()
        let log = try Self.log(scratch)
        let segments = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasSuffix(".log") }
        #expect(segments.count > 10)
        let all = try Self.everything(log)
        for (i, positions) in Self.positionSets(upTo: log.lastPosition, seed: 1).enumerated() {
            let expected = all.filter { positions.contains($0.key) }
            // The first read builds the index; the rest read it from the cache folder.
            #expect(try Self.located(log, positions) == expected, "set \(i)")
        }
        let saved = try #require(EventLocations.saved(in: log))
        #expect(saved.end == log.end)
        #expect(saved.offsets.count == (1_500 + 127) / 128)
        // Without an index, and not building one: read from the log's start.
        let other = ScratchLog()
        let plain = try Self.log(other)
        let plainAll = try Self.everything(plain)
        #expect(try Self.located(plain, [3, 1_499], saving: false) == plainAll.filter { [3, 1_499].contains($0.key) })
        #expect(EventLocations.saved(in: plain) == nil)
    }

    /// Events appended after the index: a few are read from its end, and the index stays as it was; many make it
    /// extended.
    @Test func eventsAfterTheIndexAreReadFromItsEnd() throws {
        let scratch = ScratchLog()
        var log = try Self.log(scratch)
        _ = try Self.located(log, [5])
        let file = scratch.path + "/cache/" + EventLocations.fileName
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let writer = try LogWriter.open(scratch.path)
        writer.maximumSegmentSize = 4_096
        try writer.append(simpleEvents(250, prefix: "late", children: 7))
        writer.close()
        log = try EventLog.open(scratch.path)
        let all = try Self.everything(log)
        for positions in Self.positionSets(upTo: log.lastPosition, seed: 2) + [[1_501], [1_499, 1_500, 1_501, 1_750]] {
            #expect(try Self.located(log, positions) == all.filter { positions.contains($0.key) })
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "250 events do not call for a new index")
        #expect(EventLocations.saved(in: log)?.end.position == 1_500)
    }

    /// Made ready ahead of any read (as a server does once the log is folded): built, then left alone while fewer than
    /// 65,536 events follow it, and the reads after it use it as it is.
    @Test func theIndexIsMadeReadyAheadOfTheFirstRead() throws {
        let scratch = ScratchLog()
        var log = try Self.log(scratch)
        #expect(EventLocations.saved(in: log) == nil)
        #expect(try log.updateEventLocations())
        let saved = try #require(EventLocations.saved(in: log))
        #expect(saved.end == log.end)
        #expect(try log.updateEventLocations() == false)
        let writer = try LogWriter.open(scratch.path)
        try writer.append(simpleEvents(10, prefix: "late", children: 7))
        writer.close()
        log = try EventLog.open(scratch.path)
        #expect(try log.updateEventLocations() == false, "10 events do not call for a new index")
        let all = try Self.everything(log)
        #expect(try Self.located(log, [2, 1_499, 1_505]) == all.filter { [2, 1_499, 1_505].contains($0.key) })
        #expect(EventLocations.saved(in: log)?.offsets == saved.offsets)
        #expect(EventLocations.saved(in: log)?.end == saved.end)
    }

    /// An index that says the wrong places (another log's, or its offsets moved) gives nothing rather than wrong
    /// events; one whose bytes changed is not read, and is built again.
    @Test func aWrongIndexIsNeverBelieved() throws {
        let scratch = ScratchLog()
        let log = try Self.log(scratch)
        let all = try Self.everything(log)
        let positions: Set<UInt64> = [2, 200, 201, 900, 1_400]
        _ = try Self.located(log, [1])
        let good = try #require(EventLocations.saved(in: log))
        var index = good
        let directory = scratch.path + "/cache"
        // Each place one record later: the walks meet the wrong positions.
        index.offsets = try zip(good.offsets, good.segments).map { offset, segment in
            offset + (try Self.recordSize(at: offset, segment: segment, in: scratch.path))
        }
        #expect(index.offsets != good.offsets)
        try index.write(in: directory, chainHash: log.headChainHash)
        #expect(try Self.located(log, positions) == nil)
        // Places in other segments.
        index = good
        index.segments = good.segments.map { $0 + 1 }
        try index.write(in: directory, chainHash: log.headChainHash)
        #expect(try Self.located(log, positions) == nil)
        // A byte of the file changed: its checksum fails, so it is built again and the events read.
        try good.write(in: directory, chainHash: log.headChainHash)
        let file = directory + "/" + EventLocations.fileName
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[bytes.count - 20] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: file))
        #expect(EventLocations.saved(in: log) == nil)
        #expect(try Self.located(log, positions) == all.filter { positions.contains($0.key) })
        #expect(EventLocations.saved(in: log)?.offsets == good.offsets)
    }

    /// A `decode` that throws gives nothing, for an event read through the index and for one read after it: the
    /// caller reads the whole log, which reports what it found.
    @Test func anEventDecodeRefusesGivesNothing() throws {
        struct Refused: Error {}
        let scratch = ScratchLog()
        _ = try Self.located(Self.log(scratch), [1])
        let writer = try LogWriter.open(scratch.path)
        try writer.append(simpleEvents(10, prefix: "late", children: 7))
        writer.close()
        let log = try EventLog.open(scratch.path)
        #expect(EventLocations.saved(in: log)?.end.position == 1_500)
        for refused: UInt64 in [700, 1_505] {
            let read = try log.storedEvents(at: [3, refused, 1_510]) { stored -> UInt64? in
                if stored.position == refused { throw Refused() }
                return stored.position
            }
            #expect(read == nil, "refused at \(refused)")
        }
        #expect(try log.storedEvents(at: [3, 700, 1_505]) { $0.position } == [3: 3, 700: 700, 1_505: 1_505])
    }

    /// The size of the record at `offset` in segment `segment` of the log at `path`.
    static func recordSize(at offset: Int, segment: Int, in path: String) throws -> Int {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: LogLayout(path: path).segmentPath(segment)))
        return bytes.withUnsafeBytes { raw in
            guard case .record(let framed) = Record.read(UnsafeRawBufferPointer(rebasing: raw[offset...])) else {
                return 0
            }
            return framed.size
        }
    }
}
