import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// The index of event ids kept in a log's cache folder is derived state: damaged, it is rebuilt, never believed.
@Suite("The cached index of event ids")
struct EventIDIndexTests {
    @Test func aDamagedIndexIsRebuiltAndTheIdsCitedAreTheLogs() throws {
        let path = temporaryDirectory("journey-ids")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let builder = Self.referrals(20, children: 4)
        let writer = try LogWriter.open(path)
        try writer.append(builder.events)
        writer.close()
        let positions = Set<UInt64>(1...20)
        let expected = Dictionary(uniqueKeysWithValues: builder.events.enumerated().map { (UInt64($0 + 1), $1.id) })
        #expect(try EventIDLookup.ids(at: positions, inLogAt: path) == expected)
        let file = path + "/cache/" + EventIDIndex.fileName
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        for i in 0..<good.count {
            var damaged = good
            damaged[i] ^= 0x04
            try damaged.write(to: URL(fileURLWithPath: file))
            #expect(try EventIDLookup.ids(at: positions, inLogAt: path) == expected, "byte \(i) flipped")
        }
    }

    /// An index opened from the file (only the blocks a lookup wants read) and followed by the events appended since
    /// names every event, old and new; written again, it is the same file an index built afresh from the whole log is.
    @Test func anIndexFollowedByTheEventsSinceNamesOldAndNewEventsAndSavesAsIfBuiltAfresh() throws {
        let path = temporaryDirectory("journey-ids-append")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let builder = Self.referrals(12, children: 3)
        // Saved with the first 5 events' ids; then 7 more are appended and looked up through the saved index.
        let writer = try Self.writer(indexing: 5, of: builder, at: path)
        try writer.append(Array(builder.events[5...]))
        writer.close()
        let expected = Dictionary(uniqueKeysWithValues: builder.events.enumerated().map { (UInt64($0 + 1), $1.id) })
        // Positions 1 to 5 come from the saved file, 6 to 12 from the log after it; 13 is past the log. Seven events
        // are too few to write the index again.
        #expect(try EventIDLookup.ids(at: Set(1...13), inLogAt: path) == expected)
        #expect(try EventIDIndex.saved(in: EventLog.open(path))?.count == 5)
        // Written again (here at any tail), the saved ids and the log's after them.
        let log = try EventLog.open(path)
        #expect(try EventIDIndex.ids(at: Set(1...12), in: log, save: true, isWorthSaving: { _, _ in true }) == expected)
        let file = path + "/cache/" + EventIDIndex.fileName
        let updated = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(try EventIDIndex.saved(in: EventLog.open(path))?.count == 12)
        #expect(try EventIDLookup.ids(at: Set(1...12), inLogAt: path) == expected)
        try FileManager.default.removeItem(atPath: file)
        #expect(try EventIDLookup.ids(at: Set(1...12), inLogAt: path) == expected)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == updated)
    }

    /// Told where later batches end (where saved results were made), a lookup reads each position wanted past the
    /// index from the latest of those ends before it, or from the index's end, and stops at the last it wants there:
    /// the ids are the log's either way. A read begun at a later batch when an earlier position is wanted would miss
    /// that id; a byte changed in a batch that no read needs is never met.
    @Test func idsAfterTheIndexAreReadFromTheLatestBatchEndBeforeThem() throws {
        let path = temporaryDirectory("journey-ids-resume")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let builder = Self.referrals(20, children: 3)
        // The index saved with the first 5 events; then batches of 5, the ends of the second and third known.
        let writer = try Self.writer(indexing: 5, of: builder, at: path)
        let indexEnd = try EventLog.open(path).end
        try writer.append(Array(builder.events[5..<10]))
        let second = try EventLog.open(path).end
        try writer.append(Array(builder.events[10..<15]))
        let third = try EventLog.open(path).end
        try writer.append(Array(builder.events[15...]))
        writer.close()
        #expect([indexEnd.position, second.position, third.position] == [5, 10, 15])
        func ids(_ positions: Set<UInt64>) -> [UInt64: EventID] {
            Dictionary(uniqueKeysWithValues: positions.map { ($0, builder.events[Int($0) - 1].id) })
        }
        func lookUp(_ positions: Set<UInt64>, _ ends: [LogCursor]) throws -> [UInt64: EventID] {
            try EventIDLookup.ids(at: positions, inFolder: EventLog.open(path), resumingAt: ends)
        }
        #expect(try lookUp([2, 7, 12, 17, 20], [third, second]) == ids([2, 7, 12, 17, 20]))
        #expect(try lookUp(Set(1...20), [second, third]) == ids(Set(1...20)))
        // An end at a position wanted: that position is read from the end before it.
        #expect(try lookUp([10, 15], [second, third]) == ids([10, 15]))

        // A byte changed in the second batch (positions 6 to 10): found by any read through it, and by none that
        // begins after it.
        let segment = path + "/segment-000001.log"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: segment))
        bytes[(indexEnd.offset + second.offset) / 2] ^= 0x5A
        try bytes.write(to: URL(fileURLWithPath: segment))
        #expect(try lookUp([2, 11, 13, 16, 20], [second, third]) == ids([2, 11, 13, 16, 20]))
        #expect(throws: (any Error).self) { try lookUp([10], [second, third]) }
        #expect(throws: (any Error).self) { try lookUp([13], []) }
        // The index is not written again by any (fifteen events are too few).
        #expect(try EventIDIndex.saved(in: EventLog.open(path))?.count == 5)
    }

    /// The checkpoint's rule: 100,000 events, or 2% of those saved when that is more (2% of 10,000,000 is 200,000).
    @Test func theIndexIsWrittenAgainAfter100000EventsOrTwoPercent() {
        #expect(!EventIDIndex.isWorthSaving(tail: 99_999, of: 12))
        #expect(EventIDIndex.isWorthSaving(tail: 100_000, of: 12))
        #expect(!EventIDIndex.isWorthSaving(tail: 199_999, of: 10_000_000))
        #expect(EventIDIndex.isWorthSaving(tail: 200_000, of: 10_000_000))
    }

    /// Many ids, looked up in part: each position's id, from spans of blocks read in order and far apart.
    @Test func idsLookedUpInPartAreThoseOfTheirPositions() throws {
        let path = temporaryDirectory("journey-ids-part")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Ids of different lengths (R0 to R2999), so that offsets are not a stride: 3,000 ids and their offsets fill
        // several 4 KiB blocks and more than one 64 KiB span.
        let builder = try Self.indexedLog(referrals: 3_000, children: 50, at: path)
        let wanted: Set<UInt64> = [1, 2, 511, 512, 513, 1_024, 2_047, 2_999, 3_000, 3_001]
        let expected = Dictionary(
            uniqueKeysWithValues: wanted.filter { $0 <= 3_000 }.map { ($0, builder.events[Int($0) - 1].id) })
        #expect(try EventIDLookup.ids(at: wanted, inLogAt: path) == expected)
        let all = Dictionary(uniqueKeysWithValues: builder.events.enumerated().map { (UInt64($0 + 1), $1.id) })
        #expect(try EventIDLookup.ids(at: Set(1...3_000), inLogAt: path) == all)
    }

    /// A log at `path` of `count` referrals (ids R0, R1…) shared among `children` children, with its index of event
    /// ids saved by a first lookup.
    /// `count` referrals, R0, R1, …, shared out between `children` children in turn.
    static func referrals(_ count: Int, children: Int) -> EventBuilder {
        var builder = EventBuilder()
        for i in 0..<count { _ = builder.referral("C\(i % children)", "2024-04-0\(1 + i % 9)", "R\(i)") }
        return builder
    }

    static func indexedLog(referrals count: Int, children: Int, at path: String) throws -> EventBuilder {
        let builder = referrals(count, children: children)
        try writer(indexing: count, of: builder, at: path).close()
        return builder
    }

    /// A log at `path` of the first `count` of `builder`'s events (one batch), its index of event ids saved by a
    /// first lookup; the writer is left open for more.
    static func writer(indexing count: Int, of builder: EventBuilder, at path: String) throws -> LogWriter {
        let writer = try LogWriter.open(path)
        try writer.append(Array(builder.events[..<count]))
        #expect(try EventIDLookup.ids(at: [1], inLogAt: path) == [1: builder.events[0].id])
        return writer
    }

    /// The ids read from the log are kept in pieces: written out, pieces of any size give the bytes of the index built
    /// in one.
    @Test func theIdsPiecesGiveTheSameFileWhateverTheirSize() throws {
        let path = temporaryDirectory("journey-ids-pieces")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let builder = try Self.indexedLog(referrals: 300, children: 20, at: path)
        let log = try EventLog.open(path)
        let end = try #require(EventIDIndex.saved(in: log)?.reader.end)
        let built = try Data(contentsOf: URL(fileURLWithPath: path + "/cache/" + EventIDIndex.fileName))
        // Pieces of 7 bytes: most ids ("R0" to "R299") end a piece or start one.
        var added = EventIDIndex.Added(pieceSize: 7)
        for e in builder.events { try added.append(e.id) }
        #expect(added.pieces.count > 100)
        let directory = temporaryDirectory("journey-ids-pieces-out")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try EventIDIndex.write(
            nil, then: added, end: end, chainHash: log.headChainHash, to: EventIDIndex.file(in: directory))
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + EventIDIndex.fileName)) == built)
    }
}
