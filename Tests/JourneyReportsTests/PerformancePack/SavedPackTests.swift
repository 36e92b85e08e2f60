import Foundation
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// The pack a run makes from what a run before it saved, with only the records changed since built again, is the pack
/// a full replay and evaluation makes, byte for byte: for a month that has ended, after appends recorded after its end
/// (new events, corrections, retractions, merges), its findings' counts kept; for the month under way, after appends
/// recorded by its end, its findings brought up to date as known now; and an append that mixes the two is a full run.
@Suite("The pack from saved results")
struct SavedPackTests {
    /// December 2024's pack: its findings are as known at the end of 31 December.
    static let monthEnd = d("2024-12-31")
    static let cutoff = Timestamp(endOf: monthEnd)!.nanoseconds
    static let provenance = Provenance(
        log: "log", source: .log(lastPosition: 0, headHash: ""), madeAt: Timestamp("2025-07-01T09:00:00Z")!)

    /// A council of 300 children over three years with 5% defects, without its corrections and retractions (which
    /// name events of their own time), in time order.
    static let council: [Event] = {
        try! SyntheticCouncil(
            SynthParameters(children: 300, from: d("2022-04-01"), to: d("2025-03-31"), seed: 41, defectRate: 0.05)
        ).events().filter { $0.corrects == nil && $0.type != .eventRetracted }
    }()

    /// Recorded by the end of the month (or at no time: none of the council's events), and after it.
    static let knownByMonthEnd = council.filter { $0.recorded.map { $0.nanoseconds <= cutoff } ?? true }
    static let recordedLater = council.filter { $0.recorded.map { $0.nanoseconds > cutoff } ?? false }

    func full(_ path: String) throws -> PerformancePack {
        try JourneyState(replaying: EventLog.open(path)).performancePack(
            monthEnd: Self.monthEnd, provenance: Self.provenance)
    }

    func saved(_ path: String) throws -> (PerformancePack, SavedEvaluation) {
        try SavedPack.pack(
            EventLog.open(path), monthEnd: Self.monthEnd, calendar: .englandAndWales, targets: .england,
            provenance: Self.provenance, minimumDenominator: nil, useCache: true)
    }

    /// `saved(path)`'s pack is `full(path)`'s, every byte of its page, and its evaluation is what `expected` says.
    func expectSavedIsFull(
        _ path: String, updated: Bool, _ comment: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let (pack, evaluation) = try saved(path)
        let full = try full(path)
        #expect(pack.html == full.html, "\(comment)", sourceLocation: sourceLocation)
        #expect(pack.quality == full.quality, "\(comment)", sourceLocation: sourceLocation)
        if case .updated = evaluation {
            #expect(updated, "\(comment): from the saved results", sourceLocation: sourceLocation)
        } else {
            #expect(!updated, "\(comment): evaluated in full", sourceLocation: sourceLocation)
        }
    }

    /// `events` in a new log whose pack a full run has saved. The caller closes the writer.
    func logWithSavedPack(_ events: [Event]) throws -> (path: String, writer: LogWriter) {
        let path = temporaryDirectory("journey-saved-pack")
        let writer = try LogWriter.open(path)
        try writer.append(events)
        try expectSavedIsFull(path, updated: false, "the first run")
        #expect(FileManager.default.fileExists(atPath: path + "/cache/" + SavedPack.fileName))
        return (path, writer)
    }

    /// A referral of the council's first child on 2 December 2024, recorded at `recorded`.
    static func referral(_ id: String, recorded: Timestamp?) -> Event {
        Event(
            id: EventID(id), child: knownByMonthEnd[0].child, occurred: d("2024-12-02"), recorded: recorded,
            body: .referralReceived(
                ReferralReceived(referral: ReferralID("late-\(id)"), source: ReferralSource("6")!)))
    }

    @Test func appendsRecordedAfterTheMonthEndAreUpdatesEqualToAFullEvaluation() throws {
        let (path, writer) = try logWithSavedPack(Self.knownByMonthEnd)
        defer { writer.close() }
        // January to March 2025.
        #expect(Self.recordedLater.count > 500)
        var appended = 0
        for size in [1, 50, Self.recordedLater.count - 51] {
            try writer.append(Array(Self.recordedLater[appended..<(appended + size)]))
            appended += size
            try expectSavedIsFull(path, updated: true, "after \(appended) events recorded later")
            // Asked again with nothing appended: from the saved results alone.
            #expect(try saved(path).1 == .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
        }
        // Corrections, retractions and merges of old events, recorded in June 2025.
        for change in oldRecordChanges(after: Self.council, within: 400) {
            try writer.append([change])
            try expectSavedIsFull(path, updated: true, "after \(change.id)")
        }
    }

    @Test func theMonthUnderWayIsUpdatedAsKnownNow() throws {
        // Every event recorded by the month's end: appends recorded by then are updates too, the findings the
        // checks' as known now, from their own saved results.
        let split = Self.knownByMonthEnd.count * 9 / 10
        let (path, writer) = try logWithSavedPack(Array(Self.knownByMonthEnd[..<split]))
        defer { writer.close() }
        var appended = split
        for size in [1, 50, Self.knownByMonthEnd.count - split - 51] {
            try writer.append(Array(Self.knownByMonthEnd[appended..<(appended + size)]))
            appended += size
            try expectSavedIsFull(path, updated: true, "after \(appended) events recorded by the month's end")
        }
        #expect(FileManager.default.fileExists(atPath: path + "/cache/" + SavedPack.checksFileName))
        // Events recorded after the end: the month has ended, its findings' counts kept.
        try writer.append(Array(Self.recordedLater.prefix(100)))
        try expectSavedIsFull(path, updated: true, "after events recorded after the month's end")
        // One recorded by the end again, in a log that now holds later ones: a full run.
        try writer.append([Self.referral("e1", recorded: Timestamp("2024-12-31T23:59:59Z")!)])
        try expectSavedIsFull(path, updated: false, "after a late entry")
    }

    @Test func anAppendKnownByTheEndOfAMonthThatHasEndedIsAFullEvaluation() throws {
        // The month has ended: the log holds events recorded after it.
        let (path, writer) = try logWithSavedPack(Self.knownByMonthEnd + Self.recordedLater.prefix(10))
        defer { writer.close() }
        // Recorded on the month's last day, appended after it: the record as known then has it.
        try writer.append([Self.referral("e1", recorded: Timestamp("2024-12-31T23:59:59Z")!)])
        try expectSavedIsFull(path, updated: false, "after an event recorded on the last day")
        // A second later: not known at the month's end.
        try writer.append([Self.referral("e2", recorded: Timestamp("2025-01-01T00:00:00Z")!)])
        try expectSavedIsFull(path, updated: true, "after an event recorded the next day")
        // Given no time of recording, it is stamped with the time of its append (today), after the month's end.
        try writer.append([Self.referral("e3", recorded: nil)])
        try expectSavedIsFull(path, updated: true, "after an event stamped when appended")
    }

    /// The folds saved are those of the pack's two sets (`PerformancePack.metricSets`): the trends' 24 periods of the
    /// measures they draw alone, not of every metric the pack shows.
    @Test func theTrendsAreSavedForTheirOwnMeasures() throws {
        let (path, writer) = try logWithSavedPack(Self.knownByMonthEnd)
        defer { writer.close() }
        let log = try EventLog.open(path)
        let saved = try #require(SavedResults.saved(log, name: SavedPack.fileName, prefix: SavedPack.prefix))
        let folds = try #require(SavedMetrics.split(saved.contents)).folds
        let sets = PerformancePack.metricSets(
            end: Self.monthEnd, calendar: .englandAndWales,
            minimumDenominator: Targets.england.minimumDenominator ?? MetricContext.defaultMinimumDenominator)
        #expect(LiveMetrics.answer(folds, sets: sets))
        let everyPeriod = sets.flatMap(\.contexts)
        #expect(!LiveMetrics.answer(folds, sets: [(everyPeriod, PerformancePack.shownIDs)]))
    }

    @Test func whatIsSavedBesideTheFoldsReadsBackAsWritten() throws {
        let path = temporaryDirectory("journey-saved-pack")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(Self.knownByMonthEnd)
        let quality = try full(path).quality
        #expect(!quality.rows.isEmpty && quality.teams.count > 1)
        for isMonthUnderWay in [false, true] {
            let findings = SavedPack.Findings(isMonthUnderWay: isMonthUnderWay, quality: quality)
            #expect(SavedPack.Findings(bytes: findings.bytes) == findings)
            // Cut short, or with more after it: not read.
            #expect(SavedPack.Findings(bytes: Array(findings.bytes.dropLast())) == nil)
            #expect(SavedPack.Findings(bytes: findings.bytes + [0]) == nil)
        }
    }
}
