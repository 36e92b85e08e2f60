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
