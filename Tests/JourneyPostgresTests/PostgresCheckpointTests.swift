import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import PostgresNIO
import Testing

@testable import JourneyPostgres
@testable import JourneyProjections

/// The checkpoint of a log kept in PostgreSQL (`checkpoint_parts`, `PostgresDerivedFile`): used and rewritten as the
/// log folder's is (`CheckpointTests`), the same bytes, and never trusted when it does not fit the log.
///
/// They need a server: `JOURNEY_TEST_POSTGRES=postgres://USER@HOST:PORT/DB`. Each test uses schemas of its own.
@Suite(
    "Checkpoints of a PostgreSQL log",
    .enabled(if: PostgresTestStore.url != nil, "JOURNEY_TEST_POSTGRES is not set: no PostgreSQL to test against"),
    .serialized)
struct PostgresCheckpointTests {
    /// The sample log (event-logs/sample.jsonl), one event a non-blank line.
    static let samplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("event-logs/sample.jsonl").path

    /// Every figure for a few periods and times, as text: what must not differ (as `CheckpointTests`).
    func figures(_ state: JourneyState) -> String {
        let contexts = ["2022-12-31", "2023-09-30", "2025-06-30"].map {
            MetricContext(period: .rollingYear(to: d($0)), dimensions: [.team, .ageBand])
        }
        return [nil, "2023-06-01", "2024-06-01"].map { known in
            state.metrics(contexts, asKnownAt: known.map { t($0) }).map(\.json.compactText).joined()
        }.joined(separator: "\n")
    }

    /// Appends the sample's lines as one batch committed at `at`.
    func appendSample(to writer: some EventStoreWriter, at: Timestamp) throws {
        let input = try LineReader(path: Self.samplePath)
        defer { input.close() }
        try writer.appendJSONLines(from: input, options: AppendOptions(committedAt: at), progress: nil)
    }

    /// The checkpoint's bytes as stored: its parts in order, joined.
    func storedCheckpoint(_ location: PostgresLocation) throws -> [UInt8] {
        let session = try PostgresSession.connect(location, environment: ProcessInfo.processInfo.environment)
        defer { session.close() }
        var bytes: [UInt8] = []
        for row in try session.query(
            PostgresQuery(
                unsafeSQL: "SELECT bytes FROM \(location.schema).checkpoint_parts ORDER BY part"))
        {
            bytes += try row.decode(ByteBuffer.self).readableBytesView
        }
        return bytes
    }

    /// The sample in PostgreSQL: the first replay folds every event and saves a checkpoint; the second resumes from
    /// it, folds nothing, and gives the figures of a full replay. The checkpoint holds the bytes the log folder's
    /// holds for the same events: the same prefix and contents, the header's position and chain hash, and 0 for the
    /// folder's segment and offset.
    @Test func aSecondReplayResumesFromTheCheckpoint() throws {
        let store = try PostgresTestStore()
        let folder = FileTestStore()
        // One batch each, committed at the same time: the same chain hash (docs/postgres.md).
        let at = Timestamp(nanoseconds: 1_717_200_000 * 1_000_000_000)
        for writer in [try store.writer() as any EventStoreWriter, try folder.writer()] {
            try appendSample(to: writer, at: at)
            writer.close()
        }
        // The sample has one event a non-blank line.
        let lines = try String(contentsOfFile: Self.samplePath, encoding: .utf8).split(separator: "\n").count
        let log = try store.reader()
        defer { log.close() }
        #expect(log.lastPosition == UInt64(lines))

        let (first, firstOutcome) = try Checkpoint.replay(log)
        #expect(firstOutcome.resumedFrom == nil && firstOutcome.saved)
        #expect(firstOutcome.eventsFolded == UInt64(lines))
        let again = try store.reader()
        defer { again.close() }
        let (resumed, outcome) = try Checkpoint.replay(again)
        #expect(outcome.resumedFrom == UInt64(lines) && outcome.eventsFolded == 0 && !outcome.saved)
        #expect(resumed.eventCount == UInt64(lines))
        let full = try JourneyState(replaying: again)
        #expect(figures(resumed) == figures(full) && figures(first) == figures(full))
        #expect(figures(full).contains("\"numerator\":"))

        // The folder's checkpoint of the same events.
        #expect(try Checkpoint.replay(folder.reader()).1.saved)
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.path + "/cache/journey-state.checkpoint")))
        let stored = try storedCheckpoint(store.location)
        let prefix = Checkpoint.prefix.count
        let header = prefix + 3 * 8 + 32
        #expect(stored.count == file.count)
        #expect(stored[..<prefix] == file[..<prefix])
        // segment 0, offset 0, then the position: `lines` as u64, little-endian.
        var position: [UInt8] = []
        withUnsafeBytes(of: UInt64(lines).littleEndian) { position += $0 }
        #expect(Array(stored[prefix..<(prefix + 24)]) == [UInt8](repeating: 0, count: 16) + position)
        #expect(stored[(prefix + 16)..<header] == file[(prefix + 16)..<header])
        #expect(stored[header..<(stored.count - 4)] == file[header..<(file.count - 4)])
    }

    /// A log of `count` random events in PostgreSQL, appended in batches ending at `ends`.
    func randomStore(seed: UInt64, events count: Int, batchesEndingAt ends: [Int]) throws -> PostgresTestStore {
        let store = try PostgresTestStore()
        let events = randomLog(seed: seed, events: count, children: 200)
        let writer = try store.writer()
        defer { writer.close() }
        var start = 0
        for end in ends {
            try writer.append(Array(events[start..<end]), options: AppendOptions())
            start = end
        }
        return store
    }

    /// After an append, the events after the checkpoint are folded onto it (a short tail: the checkpoint is kept as
    /// it is, `Checkpoint.isWorthSaving`), with the figures of a full replay.
    @Test func afterAnAppendTheTailIsFolded() throws {
        let store = try randomStore(seed: 11, events: 300, batchesEndingAt: [200])
        #expect(try Checkpoint.replay(store.reader()).1.saved)
        let writer = try store.writer()
        try writer.append(Array(randomLog(seed: 11, events: 300, children: 200)[200...]), options: AppendOptions())
        writer.close()
        for _ in 0..<2 {
            let log = try store.reader()
            defer { log.close() }
            let (state, outcome) = try Checkpoint.replay(log)
            // 300 events, the checkpoint made after the first 200: 100 folded, fewer than 100,000 so not saved.
            #expect(outcome.resumedFrom == 200 && outcome.eventsFolded == 100 && !outcome.saved)
            #expect(figures(state) == figures(try JourneyState(replaying: log)))
        }
    }

    /// Another log's checkpoint, at the same position but with another chain hash in its header, is not used: the
    /// log is replayed from the start and the checkpoint replaced by its own.
    @Test func aCheckpointWhoseChainHashDoesNotMatchIsNotUsed() throws {
        let a = try randomStore(seed: 1, events: 120, batchesEndingAt: [120])
        let b = try randomStore(seed: 2, events: 120, batchesEndingAt: [120])
        _ = try Checkpoint.replay(a.reader())
        try PostgresTestSQL.run(
            b.location,
            "INSERT INTO \(b.location.schema).checkpoint_parts SELECT * FROM \(a.location.schema).checkpoint_parts")
        let log = try b.reader()
        defer { log.close() }
        let (state, outcome) = try Checkpoint.replay(log)
        #expect(outcome.resumedFrom == nil && outcome.eventsFolded == 120 && outcome.saved)
        #expect(figures(state) == figures(try JourneyState(replaying: log)))
        #expect(try Checkpoint.replay(log).1.resumedFrom == 120)
    }

    /// A checkpoint of several parts (100,000 events: more than the 4 MiB of a part, at about 60 bytes an event) is
    /// read across them; a byte flipped in any part, or a part missing, and it is ignored and then replaced.
    @Test func aDamagedCheckpointIsNotUsed() throws {
        let store = try PostgresTestStore()
        // 100,000 referrals of 2,000 children, over 1,000 days, in two batches.
        let events = (0..<100_000).map { i in
            let day = d("2022-01-01").adding(days: i % 1_000)
            return Event(
                id: EventID("m\(i)"), child: ChildID("C\(i % 2_000)"), occurred: day,
                recorded: Timestamp(startOf: day)!,
                body: .referralReceived(ReferralReceived(referral: ReferralID("R\(i)"), source: ReferralSource("6")!)))
        }
        let writer = try store.writer()
        try writer.append(Array(events[..<60_000]), options: AppendOptions())
        try writer.append(Array(events[60_000...]), options: AppendOptions())
        writer.close()
        let log = try store.reader()
        defer { log.close() }
        let (full, saving) = try Checkpoint.replay(log)
        #expect(saving.resumedFrom == nil && saving.saved)
        let expected = figures(full)
        let s = store.location.schema
        let parts = try storedParts(store.location)
        #expect(parts >= 2)
        let (good, goodOutcome) = try Checkpoint.replay(log, save: false)
        #expect(goodOutcome.resumedFrom == 100_000)
        #expect(figures(good) == expected)

        // A bit flipped in the first part (in the counts after the 73-byte header: 17 of prefix, 24 of end, 32 of
        // chain hash), then in the last (its last atom's child number, 4 bytes before the checksum): each time not
        // used, the log replayed with the figures of a full replay, and the checkpoint replaced by a good one.
        for (part, at) in [(0, "80"), (parts - 1, "octet_length(bytes) - 6")] {
            try PostgresTestSQL.run(
                store.location,
                """
                UPDATE \(s).checkpoint_parts SET bytes = set_byte(bytes, \(at), get_byte(bytes, \(at)) # 16)
                WHERE part = \(part)
                """)
            let (state, outcome) = try Checkpoint.replay(log)
            #expect(outcome.resumedFrom == nil && outcome.saved, "part \(part)")
            if part == 0 { #expect(figures(state) == expected) }
            #expect(try Checkpoint.replay(log, save: false).1.resumedFrom == 100_000)
        }
        // A part missing.
        try PostgresTestSQL.run(store.location, "DELETE FROM \(s).checkpoint_parts WHERE part = 1")
        #expect(try Checkpoint.replay(log, save: false).1.resumedFrom == nil)
    }

    func storedParts(_ location: PostgresLocation) throws -> Int {
        let session = try PostgresSession.connect(location, environment: ProcessInfo.processInfo.environment)
        defer { session.close() }
        for row in try session.query(
            PostgresQuery(unsafeSQL: "SELECT count(*)::integer FROM \(location.schema).checkpoint_parts"))
        {
            return Int(try row.decode(Int32.self))
        }
        return 0
    }

    /// A log set up before the checkpoint's table: a reader finds no checkpoint (not an error), and the first
    /// checkpoint written creates the table.
    @Test func aLogWithoutTheTableGetsItOnTheFirstWrite() throws {
        let store = try randomStore(seed: 3, events: 80, batchesEndingAt: [80])
        try PostgresTestSQL.run(store.location, "DROP TABLE \(store.location.schema).checkpoint_parts")
        let log = try store.reader()
        defer { log.close() }
        let (state, outcome) = try Checkpoint.replay(log, save: false)
        #expect(outcome.resumedFrom == nil && outcome.eventsFolded == 80 && !outcome.saved)
        #expect(try Checkpoint.replay(log).1.saved)
        let (resumed, again) = try Checkpoint.replay(log)
        #expect(again.resumedFrom == 80 && again.eventsFolded == 0)
        #expect(figures(resumed) == figures(state))
    }
}
