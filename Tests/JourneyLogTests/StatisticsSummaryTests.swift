import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyLog

/// `journey stats` from the summary in the log's cache folder, with only the events after it read, gives what a
/// replay of every event gives, after every append; a summary that does not fit the log is never believed.
struct StatisticsSummaryTests {
    /// Batch `batch` of a log: `n` events of children `C0`… (new ones in each batch, and old ones), some dated and
    /// recorded before every earlier batch and some after, recorded in other offsets and with fractions of a
    /// second, every seventh a correction of the event before it, every fifth a contact.
    static func batch(_ batch: Int, _ n: Int) -> [Event] {
        var events: [Event] = []
        for i in 0..<n {
            if i % 7 == 6 {
                // A correction: the event before, a day later, under an id of its own.
                var correction = events[i - 1]
                correction.id = EventID("b\(batch)-\(i)")
                correction.corrects = events[i - 1].id
                correction.occurred = correction.occurred.adding(days: 1)
                events.append(correction)
                continue
            }
            let child = ChildID("C\((batch * 37 + i * 11) % (40 + 15 * batch))")
            let shift = (batch % 2 == 0 ? 1 : -1) * (batch * 20 + i % 9)
            let recorded = ["2024-06-01T10:00:00Z", "2024-06-01T10:00:00.250+01:00", "2024-06-02T08:30:05.1-05:00"][
                i % 3]
            let written = Timestamp(recorded)!
            let body: EventBody =
                i % 5 == 0
                ? .contactReceived(ContactReceived(contact: ContactID("K\(batch)-\(i)"), source: ReferralSource("6")!))
                : .referralReceived(
                    ReferralReceived(referral: ReferralID("R\(batch)-\(i)"), source: ReferralSource("6")!))
            events.append(
                Event(
                    id: EventID("b\(batch)-\(i)"), child: child, occurred: d("2024-04-01").adding(days: shift),
                    recorded: Timestamp(
                        nanoseconds: written.nanoseconds + Int64(shift) * 86_400_000_000_000,
                        offsetMinutes: written.offsetMinutes, fractionDigits: written.fractionDigits),
                    body: body))
        }
        return events
    }

    @Test func eachRunAfterAnAppendGivesTheStatisticsOfAReplay() throws {
        let scratch = ScratchLog()
        let writer = try LogWriter.open(scratch.path)
        defer { writer.close() }
        for (batch, size) in [120, 1, 40, 300, 2].enumerated() {
            try writer.append(Self.batch(batch, size))
            let log = try EventLog.open(scratch.path)
            let saved = try LogStatistics(log: log, useCache: true)
            #expect(saved == (try LogStatistics(log: log)), "after batch \(batch)")
            // Saved at the log's end, and read back alone when nothing is appended.
            #expect(StatisticsSummary.saved(in: log)?.end == log.end)
            #expect(try LogStatistics(log: log, useCache: true) == saved)
        }
        let log = try EventLog.open(scratch.path)
        let statistics = try LogStatistics(log: log)
        #expect(statistics.events == 463 && statistics.corrections > 50 && statistics.eventsByType.count == 2)
        #expect(statistics.children == (try Set(scratch.events().map(\.event.child)).count))
    }

    @Test func withNothingAppendedTheEventsAreNotReadAgain() throws {
        let scratch = ScratchLog()
        let writer = try LogWriter.open(scratch.path)
        try writer.append(Self.batch(0, 200))
        writer.close()
        let before = try LogStatistics(log: EventLog.open(scratch.path), useCache: true)
        // A byte of an event record changed: a replay finds it, the summary's run reads no record before its end.
        let handle = try #require(FileHandle(forUpdatingAtPath: scratch.segmentPath))
        try handle.seek(toOffset: 2_000)
        let byte = try #require(try handle.read(upToCount: 1)).first!
        try handle.seek(toOffset: 2_000)
        try handle.write(contentsOf: [byte ^ 0x20])
        try handle.close()
        let log = try EventLog.open(scratch.path)
        #expect(try LogStatistics(log: log, useCache: true) == before)
        #expect(throws: LogError.self) { try LogStatistics(log: log, useCache: false) }
    }

    @Test func aSummaryThatDoesNotFitTheLogIsNotUsed() throws {
        let scratch = ScratchLog()
        var writer = try LogWriter.open(scratch.path)
        try writer.append(Self.batch(0, 50))
        writer.close()
        _ = try LogStatistics(log: EventLog.open(scratch.path), useCache: true)
        let summary = scratch.path + "/cache/" + StatisticsSummary.fileName
        let kept = try Data(contentsOf: URL(fileURLWithPath: summary))

        // Another log of as many events in its place, the old summary put back: its chain hash is not this log's.
        try FileManager.default.removeItem(atPath: scratch.path)
        writer = try LogWriter.open(scratch.path)
        try writer.append(Self.batch(3, 50))
        writer.close()
        try FileManager.default.createDirectory(atPath: scratch.path + "/cache", withIntermediateDirectories: true)
        try kept.write(to: URL(fileURLWithPath: summary))
        var log = try EventLog.open(scratch.path)
        #expect(StatisticsSummary.saved(in: log) == nil)
        #expect(try LogStatistics(log: log, useCache: true) == (try LogStatistics(log: log)))

        // The summary made again, then a byte of its children changed: its checksum fails.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: summary))
        bytes[bytes.count - 8] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: summary))
        log = try EventLog.open(scratch.path)
        #expect(StatisticsSummary.saved(in: log) == nil)
        #expect(try LogStatistics(log: log, useCache: true) == (try LogStatistics(log: log)))
    }

    @Test func theChildrenAreKeptInOrderAndReadBackAsWritten() throws {
        var set = ChildSet()
        set.insert(["C10", "C2", "A", "C1"].reduce(into: Set<ChildID>()) { $0.insert(ChildID($1)) })
        set.insert([ChildID("B"), ChildID("C100"), ChildID("Z9")])
        #expect(set.count == 7)
        for id in ["A", "B", "C1", "C10", "C100", "C2", "Z9"] { #expect(set.contains(ChildID(id))) }
        for id in ["", "C", "C3", "C1000", "ZZ"] { #expect(!set.contains(ChildID(id))) }
        var w = BinaryWriter()
        set.write(to: &w)
        let read = try w.bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            return try ChildSet(reading: &r)
        }
        #expect(read.count == 7 && read.contains(ChildID("C100")) && !read.contains(ChildID("C3")))
        // Out of order: not a set this wrote.
        var wrong = BinaryWriter()
        wrong.varint(2)
        wrong.string("B")
        wrong.string("A")
        #expect(throws: BinaryReader.Damage.self) {
            try wrong.bytes.withUnsafeBytes { raw in
                var r = BinaryReader(raw)
                _ = try ChildSet(reading: &r)
            }
        }
    }
}
