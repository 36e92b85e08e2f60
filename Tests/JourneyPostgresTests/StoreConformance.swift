import Crypto
import Foundation
import JourneyCore
import JourneyLog
import JourneyPostgres
import JourneyProjections
import JourneyTestSupport
import Testing

/// A fresh, empty log in one store, for one test: the file log (`FileTestStore`) or PostgreSQL
/// (`PostgresTestStore`). `StoreConformance` runs the same tests against each.
protocol TestStore {
    associatedtype Reader: EventStoreReader
    associatedtype Writer: EventStoreWriter
    func writer() throws -> Writer
    func reader() throws -> Reader
}

/// A log directory in /tmp, removed afterwards.
final class FileTestStore: TestStore {
    let path = temporaryDirectory("journey-store")
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func writer() throws -> LogWriter { try LogWriter.open(path) }
    func reader() throws -> EventLog { try EventLog.open(path) }
}

/// A log in a schema of its own in the database `JOURNEY_TEST_POSTGRES` names, dropped afterwards.
final class PostgresTestStore: TestStore {
    /// The test database's URL, when the environment gives one.
    static let url = ProcessInfo.processInfo.environment["JOURNEY_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    let location: PostgresLocation

    init() throws {
        location = try PostgresLocation(
            url: Self.url ?? "", schema: "journey_test_\(UInt64.random(in: 0...UInt64.max))")
        try PostgresStore.setUp(location)
    }

    deinit { try? PostgresTestSQL.run(location, "DROP SCHEMA \(location.schema) CASCADE") }

    func writer() throws -> PostgresLogWriter { try PostgresLogWriter.open(location) }
    func reader() throws -> PostgresEventLog { try PostgresEventLog.open(location) }
}

/// The tests every store must pass: the same inputs, the same reports, problems, events and hashes.
enum StoreConformance {
    /// Three events of two children, recorded at midday on the day they occurred (`EventBuilder`): e1 C1, e2 C2,
    /// e3 C1.
    static var firstBatch: [Event] {
        var log = EventBuilder()
        log.add("C1", "2024-04-02", referral("R1"))
        log.add("C2", "2024-04-03", referral("R2"))
        log.add("C1", "2024-04-04", referral("R3"))
        return log.events
    }

    static func referral(_ id: String) -> EventBody {
        .referralReceived(ReferralReceived(referral: ReferralID(id), source: ReferralSource("6")!))
    }

    static func event(_ id: String, _ child: String, _ body: EventBody, corrects: String? = nil) -> Event {
        Event(
            id: EventID(id), child: ChildID(child), occurred: d("2024-05-01"), recorded: t("2024-05-01"), body: body,
            corrects: corrects.map { EventID($0) })
    }

    /// Writes lines to a file and appends it as JSON Lines.
    @discardableResult
    static func appendLines(_ lines: [String], to writer: some EventStoreWriter, options: AppendOptions = .init())
        throws -> AppendReport
    {
        let path = temporaryFile("journey-lines", extension: "jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let input = try LineReader(path: path)
        defer { input.close() }
        return try writer.appendJSONLines(from: input, options: options, progress: nil)
    }

    static func events(_ reader: some EventStoreReader) throws -> [StoredEvent] {
        var out: [StoredEvent] = []
        try reader.replay { out.append($0) }
        return out
    }

    static func rejection(_ body: () throws -> Void) -> (problems: [LineProblem], truncated: Bool)? {
        do {
            try body()
        } catch LogError.rejected(let problems, let truncated) {
            return (problems, truncated)
        } catch {
            Issue.record("expected the batch to be rejected, got \(error)")
        }
        return nil
    }

    // MARK: The tests

    /// A batch with one bad line appends nothing, and names every problem by line, field and rule.
    static func appendIsAllOrNothing(_ store: some TestStore) throws {
        let writer = try store.writer()
        defer { writer.close() }
        let first = try writer.append(firstBatch, options: AppendOptions())
        // Three events into an empty log: positions 1…3.
        #expect(first == AppendReport(appended: 3, positions: 1...3))
        let hash = writer.headHash

        // Line 1 is a good new event; line 2 is not JSON; line 3 corrects an id that is nowhere; line 4 corrects
        // e2, which is C2's, from C1 (position 2: e2 was the second event appended).
        let lines = [
            event("e4", "C1", referral("R4")).canonicalJSONString,
            "{not json",
            event("e5", "C1", referral("R5"), corrects: "nowhere").canonicalJSONString,
            event("e6", "C1", referral("R6"), corrects: "e2").canonicalJSONString,
        ]
        let rejected = rejection { try appendLines(lines, to: writer) }
        // Problems in line order: line 2's from reading it, line 4's when its reference is found at once, and
        // line 3's at the end, once the whole batch has been looked through for "nowhere" (docs/events.md: a line
        // may name an event later in the batch).
        #expect(rejected?.problems.map(\.line) == [2, 4, 3])
        #expect(rejected?.problems.map(\.problem.field) == [nil, "corrects", "corrects"])
        #expect(
            rejected?.problems[1].problem.message
                == "names an event of another child or type (position 2); a correction must have the same child "
                + "and type as the event it replaces")
        #expect(
            rejected?.problems[2].problem.message == "names an event that is not in the log or in this batch")
        #expect(rejected?.truncated == false)

        // Nothing appended: the head is where it was, and a reader sees the first batch only.
        #expect(writer.lastPosition == 3)
        #expect(writer.headHash == hash)
        let reader = try store.reader()
        #expect(reader.lastPosition == 3)
        #expect(reader.batchCount == 1)
        #expect(reader.headHash == hash)
        #expect(try events(reader).map(\.event.id) == ["e1", "e2", "e3"])
        #expect(try writer.version(of: "C1") == 2)
    }

    /// The problem list stops at the limit, and says so.
    static func problemsStopAtTheLimit(_ store: some TestStore) throws {
        let writer = try store.writer()
        defer { writer.close() }
        // Five lines, none JSON, with a limit of 3: three problems listed, the list marked as cut short.
        let rejected = rejection {
            try appendLines(Array(repeating: "nope", count: 5), to: writer, options: AppendOptions(problemLimit: 3))
        }
        #expect(rejected?.problems.map(\.line) == [1, 2, 3])
        #expect(rejected?.truncated == true)
        #expect(writer.lastPosition == 0)
    }

    /// The same input twice appends it once: the second time every event is a duplicate.
    static func sameInputTwiceAppendsOnce(_ store: some TestStore) throws {
        let writer = try store.writer()
        defer { writer.close() }
        var noTime = event("e4", "C2", referral("R4"))
        noTime.recorded = nil
        let lines = firstBatch.map(\.canonicalJSONString) + [noTime.canonicalJSONString]
        let first = try appendLines(lines, to: writer, options: AppendOptions(stamp: t("2024-06-01T09:00:00Z")))
        // Four new events, one without `recorded`, which the append stamps.
        #expect(first == AppendReport(appended: 4, stamped: 1, positions: 1...4))
        let hash = writer.headHash
        let second = try appendLines(lines, to: writer)
        // All four already stored with the same content (the one without `recorded` matches its stamped copy):
        // four duplicates, nothing appended, no batch.
        #expect(second == AppendReport(appended: 0, duplicates: 4, stamped: 0, positions: nil))
        #expect(writer.headHash == hash)
        let reader = try store.reader()
        #expect(reader.lastPosition == 4)
        #expect(reader.batchCount == 1)
        #expect(try events(reader).last?.event.recorded == t("2024-06-01T09:00:00Z"))

        // The same id with other content is refused: e2 is at position 2.
        var changed = firstBatch[1]
        changed.occurred = d("2024-04-30")
        let rejected = rejection { try writer.append([changed], options: AppendOptions()) }
        #expect(rejected?.problems == [LineProblem(line: 1, problem: BatchRules.idInUse(position: 2))])
        #expect(rejected?.problems.first?.problem.field == "id")
    }

    /// `--expect-version` refuses a batch when the child has moved on, and lets it through when it has not.
    static func expectVersionConflictIsRefused(_ store: some TestStore) throws {
        let writer = try store.writer()
        defer { writer.close() }
        try writer.append(firstBatch, options: AppendOptions())
        // C1 has e1 and e3: version 2. Expecting 1 is a conflict; nothing is appended.
        #expect(throws: LogError.versionMismatch(child: "C1", expected: 1, actual: 2)) {
            try writer.append([event("e4", "C1", referral("R4"))], options: AppendOptions(expectedVersions: ["C1": 1]))
        }
        #expect(writer.lastPosition == 3)
        // Expecting 2 for C1 and 0 for C9, which has no events, is right: e4 goes in at position 4, C1's third.
        let report = try writer.append(
            [event("e4", "C1", referral("R4"))], options: AppendOptions(expectedVersions: ["C1": 2, "C9": 0]))
        #expect(report.positions == 4...4)
        #expect(try writer.version(of: "C1") == 3)
        #expect(try writer.version(of: "C9") == 0)
    }

    /// `AppendOptions.expectedEnd` (an import's "the log as I read it") refuses a batch when the log no longer ends
    /// there, whole and with the log unchanged, and lets it through when it does.
    static func expectedEndConflictIsRefused(_ store: some TestStore) throws {
        let writer = try store.writer()
        defer { writer.close() }
        // An empty log ends at 0: a batch read against it goes in (e1, e2, e3 at 1, 2, 3).
        try writer.append(firstBatch, options: AppendOptions(expectedEnd: 0))
        let head = writer.headHash
        // Read when the log ended at 2, appended when it ends at 3: refused, and nothing changes.
        #expect(throws: LogError.logMoved(expected: 2, actual: 3)) {
            try writer.append([event("e4", "C1", referral("R4"))], options: AppendOptions(expectedEnd: 2))
        }
        #expect(writer.lastPosition == 3)
        #expect(writer.headHash == head)
        // Read at 3, the end: e4 goes in at position 4.
        let report = try writer.append([event("e4", "C1", referral("R4"))], options: AppendOptions(expectedEnd: 3))
        #expect(report.positions == 4...4)
    }

    /// A replay gives every event in position order, with each child's versions, and resumes after a cursor.
    static func replayGivesEventsInOrder(_ store: some TestStore) throws {
        let writer = try store.writer()
        defer { writer.close() }
        try writer.append(firstBatch, options: AppendOptions())
        let afterFirst = try store.reader().end
        // A correction (e5 of e4) before the event it corrects, in one batch: allowed, as the reference is in the
        // batch.
        let second = [
            event("e5", "C2", referral("R4b"), corrects: "e4"), event("e4", "C2", referral("R4")),
            event("e6", "C1", referral("R6")),
        ]
        try writer.append(second, options: AppendOptions())
        let reader = try store.reader()
        let all = try events(reader)
        // Positions 1…6 in append order. Versions: C1 has e1, e3, e6 → 1, 2, 3; C2 has e2, e5, e4 → 1, 2, 3.
        #expect(all.map(\.position) == [1, 2, 3, 4, 5, 6])
        #expect(all.map(\.event.id) == ["e1", "e2", "e3", "e5", "e4", "e6"])
        #expect(all.map(\.version) == [1, 1, 2, 2, 3, 3])
        #expect(all.map(\.event) == firstBatch + second)
        // After the first batch's end: the second batch only.
        var later: [UInt64] = []
        try reader.replay(after: afterFirst, decoding: { $0.position }) { later.append($0) }
        #expect(later == [4, 5, 6])
        // The whole log's end: nothing after it.
        var none = 0
        try reader.replay(after: reader.end) { _ in none += 1 }
        #expect(none == 0)
    }

    /// A batch's chain hash is SHA-256 of the previous hash, its records' bytes and its commit fields
    /// (docs/events.md, docs/postgres.md), worked out here from that definition for a batch of one event.
    static func headHashFollowsTheDefinition(_ store: some TestStore) throws {
        let writer = try store.writer()
        defer { writer.close() }
        let e1 = firstBatch[0]
        // Committed at 2024-06-01T00:00:00Z: 19875 days after 1970-01-01 (54 years of which 13 leap, 54 × 365
        // + 13 = 19723 days to 2024-01-01, + 152 days of January to May 2024) = 1_717_200_000 s.
        let committedAt = Timestamp(nanoseconds: 1_717_200_000 * 1_000_000_000)
        #expect(committedAt == t("2024-06-01T00:00:00Z"))
        try writer.append([e1], options: AppendOptions(committedAt: committedAt))

        var record: [UInt8] = []
        Record.appendEvent(e1, position: 1, version: 1, to: &record)
        var fields: [UInt8] = []
        withUnsafeBytes(of: UInt64(1).littleEndian) { fields += $0 }  // first position
        withUnsafeBytes(of: UInt32(1).littleEndian) { fields += $0 }  // count
        withUnsafeBytes(of: Int64(1_717_200_000_000_000_000).littleEndian) { fields += $0 }  // committed at
        let expected = SHA256.hash(data: [UInt8](repeating: 0, count: 32) + record + fields)
            .map { String(format: "%02x", $0) }.joined()
        #expect(writer.headHash == expected)
        let reader = try store.reader()
        #expect(reader.headHash == expected)
        let report = try reader.verify()
        #expect(report.isIntact)
        #expect(report.headHash == expected)
        #expect(report.events == 1)
        #expect(report.batches == 1)
    }

    /// "As known at" goes by `recorded`: a retraction recorded later takes its event out only from then on.
    static func asKnownAtGoesByRecorded(_ store: some TestStore) throws {
        let writer = try store.writer()
        defer { writer.close() }
        var r1 = event("e1", "C1", referral("R1"))
        r1.recorded = t("2024-05-01T12:00:00Z")
        var retraction = event("e2", "C1", .eventRetracted(event: "e1", reason: "recorded on the wrong child"))
        retraction.recorded = t("2024-07-01T12:00:00Z")
        try writer.append([r1, retraction], options: AppendOptions())

        var state = JourneyState()
        try store.reader().replay { state.apply($0) }
        // Before e1 was recorded: no record of C1. Between the two: the referral counts. After the retraction was
        // recorded, and with no time: C1 has no referral.
        #expect(state.record(of: "C1", asKnownAt: t("2024-04-15T00:00:00Z"))?.referrals.count ?? 0 == 0)
        #expect(state.record(of: "C1", asKnownAt: t("2024-06-01T00:00:00Z"))?.referrals.count == 1)
        #expect(state.record(of: "C1", asKnownAt: t("2024-07-02T00:00:00Z"))?.referrals.count ?? 0 == 0)
        #expect(state.record(of: "C1")?.referrals.count ?? 0 == 0)
    }
}
