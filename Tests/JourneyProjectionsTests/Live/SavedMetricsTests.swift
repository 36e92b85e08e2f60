import Foundation
import JourneyCore
import JourneyLog
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// The metrics a run gives from the folds a run before it saved, with only the records changed since built again,
/// are those a full replay and evaluation gives, byte for byte: after appends of new children, of old children's
/// events, of corrections, retractions and merges; and when anything saved is damaged, gone, or for another question.
@Suite("Saved metrics")
struct SavedMetricsTests {
    static let contexts = ["2023-03-31", "2024-12-31"].map {
        MetricContext(period: .rollingYear(to: d($0)), dimensions: BreakdownDimension.allCases)
    }

    func full(_ path: String, _ contexts: [MetricContext] = contexts) throws -> [MetricsReport] {
        try JourneyState(replaying: EventLog.open(path)).metrics(contexts)
    }

    func saved(_ path: String, _ contexts: [MetricContext] = contexts, only: Set<String>? = nil) throws -> (
        [MetricsReport], SavedEvaluation
    ) {
        let (reports, evaluation) = try SavedMetrics.reports(
            EventLog.open(path), contexts: contexts, only: only, useCache: true)
        return (reports, evaluation)
    }

    /// A council of 300 children over three years with 5% defects (corrections among them), split in time order.
    static let council: [Event] = {
        try! SyntheticCouncil(
            SynthParameters(children: 300, from: d("2022-04-01"), to: d("2025-03-31"), seed: 31, defectRate: 0.05)
        ).events()
    }()

    /// Events that change no old event: no correction, no retraction.
    static func plain(_ events: some Sequence<Event>) -> [Event] {
        events.filter { $0.corrects == nil && $0.type != .eventRetracted }
    }

    @Test func appendsOfNewAndOldChildrenAreUpdatesEqualToAFullEvaluation() throws {
        let events = Self.plain(Self.council)
        let path = temporaryDirectory("journey-saved-metrics")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        let split = events.count * 9 / 10
        try writer.append(Array(events[..<split]))

        // The first run evaluates every record, and saves the folds at the checkpoint it writes.
        let (first, firstEvaluation) = try saved(path)
        #expect(firstEvaluation == .full)
        #expect(LiveMetricsTests.difference(first, try full(path)) == nil)
        #expect(FileManager.default.fileExists(atPath: path + "/cache/" + SavedMetrics.fileName))

        // Each later run builds again only the records the events since the run before change: each saves the
        // folds again at the log's end.
        var appended = split
        for size in [1, 50, events.count - split - 51] {
            try writer.append(Array(events[appended..<(appended + size)]))
            let before = appended
            appended += size
            let (reports, evaluation) = try saved(path)
            #expect(LiveMetricsTests.difference(reports, try full(path)) == nil, "after \(appended) events")
            guard case .updated(let update) = evaluation else {
                Issue.record("evaluated in full after \(appended) events")
                continue
            }
            // The events of this append are the update's, and no more records are built than have events in it
            // (the children of the events appended, and those of merged records they are in).
            #expect(update.events == size)
            let children = Set(events[before..<appended].map(\.child)).count
            #expect(update.recordsAdded >= 1 && update.recordsAdded <= children + 10)
            // Asked again with nothing appended: nothing to build.
            #expect(try saved(path).1 == .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
        }
    }

    /// The council, without its corrections and retractions, in a new log whose folds a full run has saved: where
    /// the tests of appends after the checkpoint start. The caller closes the writer.
    func councilWithSavedFolds() throws -> (events: [Event], path: String, writer: LogWriter) {
        let events = Self.plain(Self.council)
        let path = temporaryDirectory("journey-saved-metrics")
        let writer = try LogWriter.open(path)
        try writer.append(events)
        _ = try saved(path)
        return (events, path, writer)
    }

    @Test func correctionsRetractionsAndMergesOfOldEventsAreUpdates() throws {
        let (events, path, writer) = try councilWithSavedFolds()
        defer { writer.close() }
        // A correction, a retraction, a merge and their retractions, of events long before the checkpoint, one
        // append at a time: the children whose events they name are found in the checkpoint's ids, and each run
        // equals a full evaluation.
        for change in oldRecordChanges(after: events, within: 400) {
            try writer.append([change])
            let (reports, evaluation) = try saved(path)
            #expect(LiveMetricsTests.difference(reports, try full(path)) == nil, "after \(change.id)")
            guard case .updated(let update) = evaluation else {
                Issue.record("evaluated in full after \(change.id)")
                continue
            }
            // The appends name two children (and the merged record they make): never more records than that, and
            // some.
            #expect(update.recordsAdded >= 1 && update.recordsAdded <= 2, "after \(change.id)")
        }
    }

    /// Saved at the log's end after a run, the folds are brought up to date from there: an old child's event
    /// appended after the checkpoint, retracted in a later append filed under another child, is found among the
    /// atoms folded since the checkpoint (not in the checkpoint's ids), and its child's record built again, with
    /// its atoms from before the checkpoint.
    /// With nothing appended since the folds were saved, a run answers from them alone: it gives a full
    /// evaluation's reports with the checkpoint gone. After an append, without the checkpoint, the run is a full one.
    @Test func nothingAppendedAnswersFromTheSavedFoldsAlone() throws {
        let events = Self.plain(Self.council)
        let path = temporaryDirectory("journey-saved-metrics")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(Array(events.dropLast(10)))
        #expect(try saved(path).1 == .full)
        try FileManager.default.removeItem(atPath: path + "/cache/journey-state.checkpoint")
        let (reports, evaluation) = try saved(path)
        #expect(evaluation == .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
        #expect(LiveMetricsTests.difference(reports, try full(path)) == nil)
        // Another question is not answered from them.
        let other = [MetricContext(period: .rollingYear(to: d("2024-03-31")), dimensions: [])]
        #expect(try saved(path, other).1 == .full)

        try FileManager.default.removeItem(atPath: path + "/cache/journey-state.checkpoint")
        try writer.append(Array(events.suffix(10)))
        let (after, afterEvaluation) = try saved(path, other)
        #expect(afterEvaluation == .full)
        #expect(LiveMetricsTests.difference(after, try full(path, other)) == nil)
    }

    @Test func aRetractionOfAnEventAppendedAfterTheCheckpointIsAnUpdate() throws {
        let (events, path, writer) = try councilWithSavedFolds()
        defer { writer.close() }
        // A referral of the log's last child, received in the year to 31 December 2024: counted in that year's
        // referrals.
        let recorded = Timestamp(startOf: d("2025-06-01"))!
        let child = try #require(events.last?.child)
        let referral = Event(
            id: EventID("after-checkpoint-referral"), child: child, occurred: d("2024-06-03"), recorded: recorded,
            body: .referralReceived(
                ReferralReceived(referral: ReferralID("R-after-checkpoint"), source: ReferralSource("6")!)))
        try writer.append([referral])
        let (withReferral, referralEvaluation) = try saved(path)
        #expect(LiveMetricsTests.difference(withReferral, try full(path)) == nil)
        #expect(referralEvaluation == .updated(LiveUpdate(events: 1, recordsRemoved: 1, recordsAdded: 1)))
        // The referral retracted by an event filed under another child: a retraction adds nothing to its own
        // child's record, so only the referral's child's record goes and comes again (1 out, 1 in), and the
        // referral is no longer counted.
        let old = try #require(events.first { $0.child != child }?.child)
        let retraction = Event(
            id: EventID("after-checkpoint-retraction"), child: old, occurred: d("2025-06-01"), recorded: recorded,
            body: .eventRetracted(event: referral.id, reason: "entered in error"))
        try writer.append([retraction])
        let (retracted, retractedEvaluation) = try saved(path)
        #expect(LiveMetricsTests.difference(retracted, try full(path)) == nil)
        #expect(retractedEvaluation == .updated(LiveUpdate(events: 1, recordsRemoved: 1, recordsAdded: 1)))
        #expect(LiveMetricsTests.difference(retracted, withReferral) != nil, "the retracted referral is not counted")
    }

    @Test func aMergeAfterTheCheckpointIsAnUpdate() throws {
        let (events, path, writer) = try councilWithSavedFolds()
        defer { writer.close() }
        let changes = oldRecordChanges(after: events, within: 400)
        let merge = try #require(changes.first { $0.type == .childMerged })
        try writer.append([merge])
        let (reports, evaluation) = try saved(path)
        #expect(LiveMetricsTests.difference(reports, try full(path)) == nil)
        guard case .updated(let update) = evaluation else {
            Issue.record("a merge was evaluated in full")
            return
        }
        // The two children's own records go, and their merged record comes: 2 out, 1 in.
        #expect(update.recordsRemoved == 2 && update.recordsAdded == 1)
    }

    /// The rule for writing the checkpoint again (at least 100,000 events, or 2% of the log) holds for saved
    /// results too: a tail that long is a full run, which saves the checkpoint and the folds at the log's end.
    @Test func aLongTailSavesTheCheckpointAndTheFoldsAgain() throws {
        // 400 children, each with referrals and allocations over two years: 101,010 events, made quickly.
        let recorded = Timestamp(startOf: d("2025-06-01"))!
        let events = (0..<101_010).map { i in
            Event(
                id: EventID("e\(i)"), child: ChildID("C\(i % 400)"), occurred: d("2023-04-01").adding(days: i % 700),
                recorded: recorded,
                body: i % 10 == 0
                    ? .referralReceived(ReferralReceived(referral: ReferralID("R\(i)"), source: ReferralSource("6")!))
                    : .workerAllocated(team: ["North", "South"][i % 2], worker: nil))
        }
        let path = temporaryDirectory("journey-saved-metrics")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(Array(events[..<1_000]))
        #expect(try saved(path).1 == .full)
        try writer.append(Array(events[1_000..<101_000]))
        // 100,000 events after the checkpoint of 1,000: in full, and saved at 101,000.
        let (reports, evaluation) = try saved(path)
        #expect(evaluation == .full)
        #expect(LiveMetricsTests.difference(reports, try full(path)) == nil)
        #expect(CheckpointPart.open(try EventLog.open(path))?.part.file.end.position == 101_000)
        // 10 more: an update from there.
        try writer.append(Array(events[101_000...]))
        let (after, afterEvaluation) = try saved(path)
        #expect(LiveMetricsTests.difference(after, try full(path)) == nil)
        guard case .updated(let update) = afterEvaluation else {
            Issue.record("evaluated in full after 10 more events")
            return
        }
        #expect(update.events == 10)
    }

    /// A log of the council with its folds saved (every metric, `contexts`) before its last 20 events, which follow.
    func savedThenTwentyMore() throws -> String {
        let events = Self.plain(Self.council)
        let path = temporaryDirectory("journey-saved-metrics")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(Array(events.dropLast(20)))
        _ = try saved(path)
        try writer.append(Array(events.suffix(20)))
        return path
    }

    /// `only`, with the folds of every metric saved for the same periods: those folds brought up to date (and saved
    /// again), the reports cut down to the metrics named.
    @Test func someMetricsFromTheFoldsOfEveryMetric() throws {
        let path = try savedThenTwentyMore()
        let some: Set<String> = ["re-referrals", "assessment-timeliness", "placement-stability-short-term"]
        let (reports, evaluation) = try saved(path, only: some)
        guard case .updated(let update) = evaluation else {
            Issue.record("evaluated in full with the folds of every metric saved")
            return
        }
        #expect(update.events == 20)
        let expected = try JourneyState(replaying: EventLog.open(path)).metrics(Self.contexts, only: some)
        #expect(reports == expected)
        #expect(reports.allSatisfy { Set($0.metrics.map(\.id)) == some })
        // The folds of every metric were saved again at the log's end.
        #expect(try saved(path).1 == .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
    }

    @Test func anotherQuestionIsEvaluatedInFullAndReplacesTheSavedFolds() throws {
        let path = try savedThenTwentyMore()
        let other = [MetricContext(period: .rollingYear(to: d("2024-12-31")))]
        for (contexts, only) in [(other, nil), (Self.contexts, Set(["re-referrals"])), (Self.contexts, nil)] {
            let (reports, evaluation) = try saved(path, contexts, only: only)
            #expect(evaluation == .full)
            #expect(reports == (try JourneyState(replaying: EventLog.open(path)).metrics(contexts, only: only)))
        }
        // The last question asked is the one saved: asked again, it is an update.
        #expect(try saved(path).1 != .full)
    }

    @Test("Saved folds or a checkpoint damaged on disk are not used: the run evaluates in full")
    func damageIsEvaluatedInFull() throws {
        let events = Self.plain(Self.council)
        let path = temporaryDirectory("journey-saved-metrics")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(Array(events.dropLast(30)))
        _ = try saved(path)
        try writer.append(Array(events.suffix(30)))
        let expected = try full(path)
        let results = path + "/cache/" + SavedMetrics.fileName
        let checkpoint = path + "/cache/journey-state.checkpoint"
        let good = try [results, checkpoint].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        // The run before damage is an update: what follows shows the damage, not another question.
        #expect(try saved(path).1 != .full)
        // A flipped bit in the middle of the saved folds, and in the checkpoint's middle part (its children,
        // corrections and strings, which a run always reads); each file cut short.
        var cases: [(file: Int, bytes: Data)] = []
        for (i, bytes) in good.enumerated() {
            var flipped = bytes
            flipped[i == 0 ? bytes.count / 2 : 200] ^= 0x10
            cases += [(i, flipped), (i, bytes.dropLast(3))]
        }
        // Saved folds another build made: the executable's stamp after the magic and format differs.
        var otherBuild = good[0]
        otherBuild[SavedMetrics.prefix.count + 9] ^= 0x01
        cases.append((0, otherBuild))
        for (file, damaged) in cases {
            for (i, name) in [results, checkpoint].enumerated() {
                try (i == file ? damaged : good[i]).write(to: URL(fileURLWithPath: name))
            }
            let (reports, evaluation) = try saved(path)
            #expect(evaluation == .full, "\(file == 0 ? "saved folds" : "checkpoint") damaged or of another build")
            #expect(reports == expected)
        }
    }
}
