import Foundation
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// The findings a run gives from those a run before it saved, with only the records changed since checked again,
/// are those a full replay and run gives, byte for byte, also on a later day to judge on; another question or damage
/// makes the run a full one.
@Suite("Saved checks")
struct SavedChecksTests {
    /// The command line's context: the day given, or the log's latest.
    static func context(_ day: CalendarDate?) -> CheckContext {
        CheckContext(asOf: day ?? CalendarDate(dayNumber: 0))
    }

    /// A full run's report, with its event ids read from the log itself, as `journey check --no-cache` names them.
    func full(_ path: String, only: Set<String>? = nil) throws -> CheckReport {
        let state = try JourneyState(replaying: EventLog.open(path))
        let report = state.check(Self.context(state.latestOccurred()), only: only)
        return report.resolvingEventIDs(try EventIDLookup.ids(at: report.positions, inLogAt: path, useCache: false))
    }

    /// The saved findings brought up to date, with the ids of those the update made looked up as `journey check`
    /// does (those saved carry theirs).
    func saved(_ path: String, only: Set<String>? = nil) throws -> (CheckReport, SavedEvaluation) {
        let (report, evaluation) = try SavedChecks.report(
            EventLog.open(path), only: only, useCache: true, context: Self.context)
        return (report.resolvingEventIDs(try EventIDLookup.ids(at: report.positions, inLogAt: path)), evaluation)
    }

    /// A council of 300 children over three years with 5% defects, without its corrections and retractions, in
    /// time order.
    static let council: [Event] = try! SyntheticCouncil(
        SynthParameters(children: 300, from: d("2022-04-01"), to: d("2025-03-31"), seed: 37, defectRate: 0.05)
    ).events().filter { $0.corrects == nil && $0.type != .eventRetracted }

    /// The council, with its last events moved to the day of the latest event before them: appending them does not
    /// move the day the checks are judged on.
    static func withoutLaterDays(_ events: [Event], tail: Int) -> [Event] {
        let head = events.dropLast(tail)
        let latest = head.map(\.occurred).max()!
        return head
            + events.suffix(tail).map {
                var e = $0
                e.occurred = min(e.occurred, latest)
                return e
            }
    }

    @Test func appendsOnTheSameDayAreUpdatesEqualToAFullRun() throws {
        // 1, 19 and 100 events appended, then 1 for --only.
        let events = Self.withoutLaterDays(Self.council, tail: 121)
        let path = temporaryDirectory("journey-saved-checks")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(Array(events.dropLast(121)))
        let (first, firstEvaluation) = try saved(path)
        #expect(firstEvaluation == .full)
        #expect(LiveChecksTests.difference(first, try full(path)) == nil)
        #expect(!first.findings.isEmpty, "a council with defects has findings")

        var appended = events.count - 121
        for size in [1, 19, 100] {
            try writer.append(Array(events[appended..<(appended + size)]))
            let before = appended
            appended += size
            let (report, evaluation) = try saved(path)
            #expect(LiveChecksTests.difference(report, try full(path)) == nil, "after \(appended) events")
            guard case .updated(let update) = evaluation else {
                Issue.record("checked in full after \(appended) events")
                continue
            }
            // The findings were saved again at the log's end by the run before: only this append's events, and
            // the records they change, are taken in.
            #expect(update.events == size)
            let children = Set(events[before..<appended].map(\.child)).count
            #expect(update.recordsAdded >= 1 && update.recordsAdded <= children + 10)
        }
        // --only, with the findings of every check saved: those findings brought up to date (and saved again at the
        // log's end), the report cut down to the checks named.
        // The first and last checks in report order to find anything, which are not the first and last checks run.
        let some: Set<String> = [first.findings.first!.check, first.findings.last!.check]
        #expect(some.count == 2)
        #expect(!some.contains(CheckCatalogue.ids.first!) && !some.contains(CheckCatalogue.ids.last!))
        try writer.append(Array(events[appended..<(appended + 1)]))
        let (cut, cutEvaluation) = try saved(path, only: some)
        #expect(LiveChecksTests.difference(cut, try full(path, only: some)) == nil)
        #expect(cut.checks.map(\.id) == CheckCatalogue.ids.filter(some.contains))
        #expect(Set(cut.findings.map(\.check)) == some, "findings of both checks, and of no other")
        guard case .updated(let cutUpdate) = cutEvaluation else {
            Issue.record("--only checked in full with the findings of every check saved")
            return
        }
        #expect(cutUpdate.events == 1)
        #expect(try saved(path).1 == .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
        // With the findings of some checks saved, --only is part of the question: another set is a full run, then an
        // update when asked again.
        try FileManager.default.removeItem(atPath: path + "/cache/journey-checks.results")
        #expect(try saved(path, only: some).1 == .full)
        #expect(try saved(path, only: ["recorded-late"]).1 == .full)
        let (report, evaluation) = try saved(path, only: ["recorded-late"])
        #expect(evaluation != .full)
        #expect(LiveChecksTests.difference(report, try full(path, only: ["recorded-late"])) == nil)
    }

    /// With nothing appended since the findings were saved, a run answers from them alone: it gives the full run's
    /// report with the checkpoint gone. After an append, without the checkpoint, the run is a full one.
    @Test func nothingAppendedAnswersFromTheSavedFindingsAlone() throws {
        let events = Self.council
        let path = temporaryDirectory("journey-saved-checks")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(Array(events.dropLast(10)))
        #expect(try saved(path).1 == .full)
        try FileManager.default.removeItem(atPath: path + "/cache/journey-state.checkpoint")
        let (report, evaluation) = try saved(path)
        #expect(evaluation == .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
        #expect(LiveChecksTests.difference(report, try full(path)) == nil)
        #expect(!report.findings.isEmpty)
        // A run of some of the checks is answered from them too, cut down to those checks.
        let (some, someEvaluation) = try saved(path, only: ["recorded-late"])
        #expect(someEvaluation == .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
        #expect(LiveChecksTests.difference(some, try full(path, only: ["recorded-late"])) == nil)
        // Another question (here another standard of late recording) is not answered from them.
        let other = try SavedChecks.report(EventLog.open(path), only: ["recorded-late"], useCache: true) { day in
            var context = Self.context(day)
            context.recordedLateDays = 10
            return context
        }
        #expect(other.evaluation == .full)

        try FileManager.default.removeItem(atPath: path + "/cache/journey-state.checkpoint")
        try writer.append(Array(events.suffix(10)))
        let (after, afterEvaluation) = try saved(path, only: ["recorded-late"])
        #expect(afterEvaluation == .full)
        #expect(LiveChecksTests.difference(after, try full(path, only: ["recorded-late"])) == nil)
    }

    @Test func aCorrectionAndALaterDayAreUpdates() throws {
        let events = Self.council
        let path = temporaryDirectory("journey-saved-checks")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(events)
        _ = try saved(path)
        // A correction of an old event, to an earlier day: the day stays, and only its child's record is checked
        // again (1 out, 1 in).
        let correction = oldRecordChanges(after: events, within: 400)[0]
        #expect(correction.corrects != nil)
        try writer.append([correction])
        let (corrected, correctedEvaluation) = try saved(path)
        #expect(correctedEvaluation == .updated(LiveUpdate(events: 1, recordsRemoved: 1, recordsAdded: 1)))
        #expect(LiveChecksTests.difference(corrected, try full(path)) == nil)
        // A visit a day after the latest event, 31 March 2025: the day moves into a new collection year. The records
        // whose findings read the collection year (a looked-after child's, an open assessment's) are checked again
        // with the visited one; most records' findings read nothing that changes with the year, and are kept.
        let latest = events.map(\.occurred).max()!
        #expect(latest == d("2025-03-31"))
        try writer.append([Self.visit(like: events, on: latest.adding(days: 1))])
        let (moved, movedEvaluation) = try saved(path)
        guard case .updated(let update) = movedEvaluation else {
            Issue.record("checked in full on a new collection year")
            return
        }
        #expect(update.events == 1)
        #expect(update.recordsAdded > 1 && update.recordsAdded < moved.children / 2, "\(update) of \(moved.children)")
        #expect(LiveChecksTests.difference(moved, try full(path)) == nil)
    }

    /// A copy of the last visit in `events`, with an id of its own, made on `day`.
    static func visit(like events: [Event], on day: CalendarDate) throws -> Event {
        var visit = try #require(events.last { $0.type == .visitMade })
        visit.id = EventID("visit-on-\(day)")
        visit.occurred = day
        visit.recorded = Timestamp(startOf: day.adding(days: 1))
        return visit
    }

    @Test("A later day checks again only the records whose findings change by then, and saves them judged on it")
    func aLaterDayChecksAgainTheRecordsItChanges() throws {
        // The council as it stood on 15 November 2024, then a visit on each of three later days: the Monday after,
        // a month on, and the new collection year. Each run is an update equal to a full run. It checks again the
        // visited child's record and those whose saved findings hold only until before its day, no more (read from
        // the saved findings before it), and saves the findings judged on its day at the log's end, so that a run
        // after it with nothing appended checks nothing again.
        let events = Self.council.filter { $0.occurred <= d("2024-11-15") }
        let path = temporaryDirectory("journey-saved-checks")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(events)
        let (first, firstEvaluation) = try saved(path)
        #expect(firstEvaluation == .full)
        func savedFindings() throws -> (judgedOn: CalendarDate?, batchEnds: [LogCursor], bytes: [UInt8]) {
            let contents = try #require(
                SavedResults.saved(EventLog.open(path), name: SavedChecks.fileName, prefix: SavedChecks.prefix)?
                    .contents)
            let (_, judgedOn, batchEnds, bytes) = try #require(SavedChecks.split(contents))
            return (judgedOn, batchEnds, bytes)
        }
        var remade: [Int] = []
        // Where later runs may read event ids from: the checkpoint's end (the log's, after the full run), then the
        // end of the results each run brought up to date, once each.
        var ends = [try EventLog.open(path).end]
        for day in ["2024-11-18", "2024-12-16", "2025-04-01"] {
            let (judgedOn, batchEnds, bytes) = try savedFindings()
            #expect(batchEnds == ends, "before \(day)")
            if ends.last != (try EventLog.open(path).end) { ends.append(try EventLog.open(path).end) }
            let held = try #require(
                LiveChecks.decodeHoldThroughInOrder(bytes, context: Self.context(judgedOn), only: nil)?.days)
            let visit = try Self.visit(like: events, on: d(day))
            let expected = Set(LiveChecks.changing(by: d(day), held)).union([visit.child]).count
            try writer.append([visit])
            let (report, evaluation) = try saved(path)
            #expect(LiveChecksTests.difference(report, try full(path)) == nil, "judged on \(day)")
            guard case .updated(let update) = evaluation else {
                Issue.record("checked in full on \(day)")
                continue
            }
            #expect(update == LiveUpdate(events: 1, recordsRemoved: expected, recordsAdded: expected), "\(day)")
            remade.append(update.recordsAdded)
            #expect(try savedFindings().judgedOn == d(day))
            let (again, againEvaluation) = try saved(path)
            #expect(LiveChecksTests.difference(again, report) == nil)
            #expect(againEvaluation == .updated(LiveUpdate(events: 0, recordsRemoved: 0, recordsAdded: 0)))
        }
        // Far from every record, even in a new collection year: most records' findings read nothing that changes
        // with the day.
        #expect(remade.allSatisfy { $0 >= 1 && $0 < first.children / 2 }, "\(remade) of \(first.children)")
    }

    @Test("Saved findings damaged on disk are not used: the run checks in full")
    func damageIsAFullRun() throws {
        let events = Self.withoutLaterDays(Self.council, tail: 10)
        let path = temporaryDirectory("journey-saved-checks")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(Array(events.dropLast(10)))
        _ = try saved(path)
        try writer.append(Array(events.suffix(10)))
        let expected = try full(path)
        let file = path + "/cache/" + SavedChecks.fileName
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(try saved(path).1 != .full)
        var flipped = good
        flipped[good.count / 2] ^= 0x10
        for damaged in [flipped, good.dropLast(3)] {
            try damaged.write(to: URL(fileURLWithPath: file))
            let (report, evaluation) = try saved(path)
            #expect(evaluation == .full)
            #expect(LiveChecksTests.difference(report, expected) == nil)
        }
    }

    @Test("A full run builds the index of event ids first, whether or not a finding names an event")
    func theIndexIsBuiltFirst() throws {
        // With no defects the council has no duplicate events, so `duplicate-event` finds nothing and no finding
        // asks for an id: the index is there because the run builds it before it reads the state (where it costs
        // no memory beside the state's), not for a lookup after.
        let events = try SyntheticCouncil(
            SynthParameters(children: 40, from: d("2024-04-01"), to: d("2025-03-31"), seed: 5, defectRate: 0)
        ).events()
        let path = temporaryDirectory("journey-saved-checks")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(events)
        let index = path + "/cache/" + EventIDIndex.fileName
        #expect(!FileManager.default.fileExists(atPath: index))
        let (report, evaluation) = try SavedChecks.report(
            EventLog.open(path), only: ["duplicate-event"], useCache: true, context: Self.context)
        #expect(evaluation == .full)
        #expect(report.findings.isEmpty)
        #expect(FileManager.default.fileExists(atPath: index))
    }
}
