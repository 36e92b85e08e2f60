import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import PostgresNIO
import Testing

@testable import JourneyPostgres

/// The store conformance tests (`StoreConformance`) on PostgreSQL, and what only a database store has to show: the
/// trigger that refuses changes, and the same hashes and events as the file log for the same batches.
///
/// They need a server: `JOURNEY_TEST_POSTGRES=postgres://USER@HOST:PORT/DB` (`Scripts/postgres.sh start DIR` prints
/// one). Without it they are skipped, and the test run says so.
@Suite(
    "Store conformance: PostgreSQL",
    .enabled(if: PostgresTestStore.url != nil, "JOURNEY_TEST_POSTGRES is not set: no PostgreSQL to test against"),
    .serialized)
struct PostgresStoreConformanceTests {
    @Test func appendIsAllOrNothing() throws { try StoreConformance.appendIsAllOrNothing(PostgresTestStore()) }
    @Test func problemsStopAtTheLimit() throws { try StoreConformance.problemsStopAtTheLimit(PostgresTestStore()) }
    @Test func sameInputTwiceAppendsOnce() throws {
        try StoreConformance.sameInputTwiceAppendsOnce(PostgresTestStore())
    }
    @Test func expectVersionConflictIsRefused() throws {
        try StoreConformance.expectVersionConflictIsRefused(PostgresTestStore())
    }
    @Test func expectedEndConflictIsRefused() throws {
        try StoreConformance.expectedEndConflictIsRefused(PostgresTestStore())
    }
    @Test func replayGivesEventsInOrder() throws {
        try StoreConformance.replayGivesEventsInOrder(PostgresTestStore())
    }
    @Test func headHashFollowsTheDefinition() throws {
        try StoreConformance.headHashFollowsTheDefinition(PostgresTestStore())
    }
    @Test func asKnownAtGoesByRecorded() throws { try StoreConformance.asKnownAtGoesByRecorded(PostgresTestStore()) }

    /// The same batches, with the same commit times, give the same events, the same head hash and the same
    /// verification in both stores.
    @Test func sameBatchesSameHashAsTheFileLog() throws {
        let file = FileTestStore()
        let database = try PostgresTestStore()
        // 10,000 events in three batches (more than two pages of a replay, 4,096 rows each), with corrections
        // and retractions among them (`randomLog`).
        let events = randomLog(seed: 7, events: 10_000, children: 40)
        let batches = [events[0..<3_000], events[3_000..<3_001], events[3_001...]]
        for store in [file as any TestStore, database as any TestStore] {
            try appendBatches(batches, to: store)
        }
        let fileLog = try file.reader()
        let databaseLog = try database.reader()
        #expect(databaseLog.lastPosition == 10_000)
        #expect(databaseLog.batchCount == 3)
        #expect(databaseLog.headHash == fileLog.headHash)
        #expect(try StoreConformance.events(databaseLog) == StoreConformance.events(fileLog))
        let fileReport = try fileLog.verify()
        let databaseReport = try databaseLog.verify()
        #expect(fileReport.isIntact)
        #expect(databaseReport.isIntact)
        #expect(databaseReport.headHash == fileReport.headHash)
        #expect(databaseReport.events == 10_000)
        #expect(databaseReport.batches == 3)
    }

    private func appendBatches(_ batches: [ArraySlice<Event>], to store: some TestStore) throws {
        let writer = try store.writer()
        defer { writer.close() }
        for (i, batch) in batches.enumerated() {
            // Commit times a minute apart from 2024-06-01T00:00:00Z (1_717_200_000 s after 1970).
            let at = Timestamp(nanoseconds: (1_717_200_000 + 60 * Int64(i)) * 1_000_000_000)
            try writer.append(Array(batch), options: AppendOptions(committedAt: at))
        }
    }

    /// Rows cannot be changed or removed, by anyone: the trigger refuses UPDATE, DELETE and TRUNCATE on both
    /// tables, and the log is as it was.
    @Test func triggerRefusesChanges() throws {
        let store = try PostgresTestStore()
        let writer = try store.writer()
        try writer.append(StoreConformance.firstBatch, options: AppendOptions())
        writer.close()
        let hash = try store.reader().headHash
        let s = store.location.schema
        for statement in [
            "UPDATE \(s).events SET child = 'C9' WHERE position = 1",
            "DELETE FROM \(s).events WHERE position = 3",
            "TRUNCATE \(s).events CASCADE",
            "UPDATE \(s).batches SET committed_at = 0",
            "DELETE FROM \(s).batches",
            "TRUNCATE \(s).batches CASCADE",
        ] {
            // SQLSTATE 42501 (insufficient_privilege), raised by the trigger.
            #expect(throws: PostgresStoreError.self) { try PostgresTestSQL.run(store.location, statement) }
            do {
                try PostgresTestSQL.run(store.location, statement)
            } catch let PostgresStoreError.server(_, state, message) {
                #expect(state == "42501")
                #expect(message.hasPrefix("the journey log is append-only"))
            }
        }
        let reader = try store.reader()
        #expect(reader.headHash == hash)
        #expect(try StoreConformance.events(reader).map(\.event.id) == ["e1", "e2", "e3"])
    }

    /// With the trigger set aside (as only the tables' owner can), a changed byte is found by verify and by a
    /// replay, at its position.
    @Test func verifyFindsAChangedRecord() throws {
        let store = try PostgresTestStore()
        let writer = try store.writer()
        try writer.append(StoreConformance.firstBatch, options: AppendOptions())
        writer.close()
        let s = store.location.schema
        try PostgresTestSQL.run(
            store.location,
            "ALTER TABLE \(s).events DISABLE TRIGGER events_append_only",
            // The last byte of the checksum flipped in the record at position 2.
            "UPDATE \(s).events SET record = overlay(record placing decode(lpad(to_hex(255 # get_byte(record, "
                + "length(record) - 1)), 2, '0'), 'hex') from length(record)) WHERE position = 2",
            "ALTER TABLE \(s).events ENABLE TRIGGER events_append_only")
        let reader = try store.reader()
        let report = try reader.verify()
        #expect(!report.isIntact)
        #expect(report.damage.first?.file == "\(s).events")
        #expect(report.damage.first?.offset == 2)
        #expect(report.damage.first?.reason == "the record's checksum does not match its bytes")
        #expect(
            throws: PostgresStoreError.damaged(
                schema: s, position: 2, reason: "the record's checksum does not match its bytes")
        ) {
            try StoreConformance.events(reader)
        }
    }

    /// Setting up again changes nothing; a log is found at version 1.
    @Test func setUpIsIdempotent() throws {
        let store = try PostgresTestStore()
        let again = try PostgresStore.setUp(store.location)
        #expect(again.from == 1)
        #expect(again.to == 1)
    }

    /// Two writers appending at once take turns: every batch whole, positions without gaps, the chain intact.
    @Test func writersTakeTurns() throws {
        let store = try PostgresTestStore()
        let location = store.location
        // Two threads, each appending 20 batches of 50 events of its own children: 2,000 events in 40 batches.
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let writer = try PostgresLogWriter.open(location)
                defer { writer.close() }
                for batch in 0..<20 {
                    let events = (0..<50).map { i in
                        StoreConformance.event(
                            "w\(worker)-b\(batch)-\(i)", "W\(worker)C\(i % 5)", StoreConformance.referral("R\(i)"))
                    }
                    try writer.append(events, options: AppendOptions())
                }
            } catch {
                Issue.record("writer \(worker) failed: \(error)")
            }
        }
        let reader = try store.reader()
        #expect(reader.lastPosition == 2_000)
        #expect(reader.batchCount == 40)
        let report = try reader.verify()
        #expect(report.isIntact)
        #expect(report.events == 2_000)
        // Each child has 10 events a batch (50 ÷ 5) × 20 batches = 200 versions.
        #expect(try reader.version(of: "W0C0") == 200)
    }
}

/// Statements for tests to send as they are: the tables' owner at work.
enum PostgresTestSQL {
    static func run(_ location: PostgresLocation, _ statements: String...) throws {
        let session = try PostgresSession.connect(location, environment: ProcessInfo.processInfo.environment)
        defer { session.close() }
        for statement in statements { try session.query(PostgresQuery(unsafeSQL: statement)) }
    }
}
