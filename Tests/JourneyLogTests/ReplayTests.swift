import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

/// A replay decodes on a second thread, a chunk of events at a time: what the fold sees must not change.
struct ReplayTests {
    /// More than two chunks' worth (a chunk is 4,096 events), so the hand-over between chunks is exercised.
    static let count = 10_000

    @Test func everyEventArrivesOnceInPositionOrder() throws {
        let log = ScratchLog()
        try LogWriter.open(log.path).append(simpleEvents(Self.count))
        let events = try log.events()
        #expect(events.map(\.position) == (1...UInt64(Self.count)).map { $0 })
        #expect(events.last?.event.id == EventID("x-\(Self.count)"))
    }

    @Test func replayingAfterACursorGivesOnlyTheEventsAfterIt() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(6_000))
        let cursor = try EventLog.open(log.path).end
        try writer.append(simpleEvents(5_000, prefix: "y"))
        var positions: [UInt64] = []
        try EventLog.open(log.path).replay(after: cursor) { positions.append($0.position) }
        #expect(positions == (6_001...11_000).map { $0 })
    }

    struct Stop: Error {}

    @Test func aFoldThatThrowsStopsTheReplayAndTheLogReplaysAgain() throws {
        let log = ScratchLog()
        try LogWriter.open(log.path).append(simpleEvents(Self.count))
        var seen = 0
        #expect(throws: Stop.self) {
            try EventLog.open(log.path).replay { _ in
                seen += 1
                if seen == 5_000 { throw Stop() }
            }
        }
        #expect(seen == 5_000)
        #expect(try log.events().count == Self.count)
    }

    @Test func damageInALaterChunkIsReportedAfterTheEventsBeforeIt() throws {
        let log = ScratchLog()
        try LogWriter.open(log.path).append(simpleEvents(Self.count))
        var segment = try Data(contentsOf: URL(fileURLWithPath: log.segmentPath))
        // A byte near the end of the segment: in the last records, well past the first chunk.
        segment[segment.count - 200] ^= 0xFF
        try segment.write(to: URL(fileURLWithPath: log.segmentPath))
        var seen = 0
        #expect(throws: LogError.self) { try EventLog.open(log.path).replay { _ in seen += 1 } }
        #expect(seen >= 4_096 && seen < Self.count)
    }
}

/// A log folder's replay reads and checks records on one thread and decodes them on another, in chunks of about a
/// megabyte that end where a segment file ends: across many such chunks and files, the fold sees what it would on
/// one thread.
struct SegmentReplayTests {
    /// 12 batches of 4,000 events in segments of at most 1 MB: a new file about every three batches, and chunks
    /// of records that end both at the megabyte and at the end of a file. Also returns how many events the first
    /// file holds.
    static func threeSegmentLog() throws -> (log: ScratchLog, inFirstSegment: Int) {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        writer.maximumSegmentSize = 1 << 20
        var inFirstSegment = 0
        for batch in 0..<12 {
            try writer.append(simpleEvents(4_000, prefix: "b\(batch)"))
            if try EventLog.open(log.path).end.segment == 1 { inFirstSegment += 4_000 }
        }
        return (log, inFirstSegment)
    }

    @Test func everyEventOfEverySegmentArrivesOnceInPositionOrder() throws {
        let log = try Self.threeSegmentLog().log
        let segments = try FileManager.default.contentsOfDirectory(atPath: log.path).filter {
            $0.hasPrefix("segment-")
        }
        #expect(segments.count >= 3)
        let events = try log.events()
        #expect(events.map(\.position) == (1...48_000).map { $0 })
        #expect(events[4_000].event.id == EventID("b1-1"))
        #expect(events.last?.event.id == EventID("b11-4000"))
    }

    @Test func damageInALaterSegmentNamesThatFileAfterTheEventsBefore() throws {
        let (log, inFirstSegment) = try Self.threeSegmentLog()
        let second = log.path + "/segment-000002.log"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: second))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: second))
        var seen = 0
        do {
            try EventLog.open(log.path).replay { _ in seen += 1 }
            Issue.record("the flipped byte was not reported")
        } catch let LogError.damaged(path, _, _) {
            #expect(path == second)
        }
        // Every event of the first file, and some of the second's, before the damage.
        #expect(seen > inFirstSegment && seen < 48_000)
    }

    @Test func aFoldThatStopsInALaterSegmentStopsTheReadingThreads() throws {
        let log = try Self.threeSegmentLog().log
        var seen = 0
        #expect(throws: ReplayTests.Stop.self) {
            try EventLog.open(log.path).replay { _ in
                seen += 1
                if seen == 30_000 { throw ReplayTests.Stop() }
            }
        }
        #expect(seen == 30_000)
        #expect(try log.events().count == 48_000)
    }
}
