import Foundation
import JourneyCore
import JourneyLog
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// Saved folds (`LiveMetrics.savedFolds`) read back give the figures their originals give, and go on from there:
/// what a later process that reads them must be able to rely on. Another question's folds, and damaged bytes, are
/// refused.
struct MetricFoldCodingTests {
    static let year = ReportingPeriod(statutoryYear: "2024-25")!

    /// The questions asked: a year; a monthly series of rolling years; a year by every breakdown, assessments timed
    /// from the referral; and two rolling years by team and age band.
    static let questions: [[MetricContext]] = [
        [MetricContext(period: year)],
        year.monthEnds.map { MetricContext(period: .rollingYear(to: $0)) },
        [MetricContext(period: year, dimensions: BreakdownDimension.allCases, assessmentFromReferral: true)],
        ["2023-03-31", "2024-12-31"].map {
            MetricContext(period: .rollingYear(to: d($0)), dimensions: [.team, .ageBand])
        },
    ]

    /// All the metrics, and a few: a median of durations, an average with its values, an activity group (for
    /// `referrals`), a care leavers' figure and a health one.
    static let onlys: [Set<String>?] = [
        nil,
        ["assessment-timeliness", "adoption-order-to-match-days", "referrals", "care-leavers-eet", "cla-sdq"],
    ]

    func stored(_ events: [Event], from position: Int = 0) -> [StoredEvent] {
        storedEvents(events, from: position)
    }

    func state(_ events: [Event]) -> JourneyState {
        var state = JourneyState()
        for e in stored(events) { state.apply(e) }
        return state
    }

    /// Saves the folds of `head`'s figures and reads them back; the figures read are the original's. Then `tail` is
    /// appended to both in chunks of `chunk`: after each, both give the figures of a full evaluation, and the folds
    /// read back and brought up to date save the bytes a fresh evaluation of the state saves.
    func expectRoundTrip(
        head: [Event], tail: [Event], chunk: Int, contexts: [MetricContext], only: Set<String>?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let headState = state(head)
        var original = LiveMetrics(headState, contexts: contexts, only: only)
        let bytes = original.savedFolds()
        guard var read = LiveMetrics(headState, contexts: contexts, only: only, savedFolds: bytes) else {
            Issue.record("the saved folds were refused", sourceLocation: sourceLocation)
            return
        }
        #expect(read.reports == original.reports, sourceLocation: sourceLocation)
        #expect(read.savedFolds() == bytes, sourceLocation: sourceLocation)
        var next = head.count
        for start in stride(from: 0, to: tail.count, by: chunk) {
            let events = stored(Array(tail[start..<min(start + chunk, tail.count)]), from: next)
            next += events.count
            original.apply(events)
            read.apply(events)
            let full = read.state.metrics(contexts, only: only)
            #expect(
                LiveMetricsTests.difference(read.reports, full) == nil, "after \(next) events",
                sourceLocation: sourceLocation)
            #expect(read.reports == original.reports, "after \(next) events", sourceLocation: sourceLocation)
        }
        let fresh = LiveMetrics(read.state, contexts: contexts, only: only)
        #expect(read.savedFolds() == fresh.savedFolds(), sourceLocation: sourceLocation)
    }

    @Test("Random logs with corrections, retractions and merges", arguments: 0..<6)
    func randomLogs(seed: UInt64) {
        let events = randomLog(seed: seed + 300, events: 300, children: 10)
        for contexts in Self.questions {
            for only in Self.onlys {
                expectRoundTrip(
                    head: Array(events[..<150]), tail: Array(events[150...]), chunk: 25, contexts: contexts,
                    only: only)
            }
        }
        // From an empty log: no fold has a child, and the span is none.
        expectRoundTrip(head: [], tail: events, chunk: 100, contexts: Self.questions[2], only: nil)
    }

    /// The built-in sample (the CIN census and SSDA903 samples, with a correction of each): its last 100 events
    /// appended to the folds read back.
    @Test func sampleLog() throws {
        let events = try Self.sampleEvents()
        let cut = events.count - 100
        for contexts in Self.questions {
            for only in Self.onlys {
                expectRoundTrip(
                    head: Array(events[..<cut]), tail: Array(events[cut...]), chunk: 100, contexts: contexts,
                    only: only)
            }
        }
    }

    /// A synthetic council with defects (so with medians of many values), then appends that change old records:
    /// a correction and a retraction of early events, a merge and its retraction.
    @Test func councilWithDefects() throws {
        let events = try SyntheticCouncil(
            SynthParameters(children: 1_000, from: d("2022-04-01"), to: d("2025-03-31"), seed: 31, defectRate: 0.05)
        ).events()
        let changes = oldRecordChanges(after: events, within: 3_000)
        for contexts in [Self.questions[1], Self.questions[2]] {
            expectRoundTrip(head: events, tail: changes, chunk: 1, contexts: contexts, only: nil)
        }
    }

    /// The same folds give the same bytes: saved twice, and made with the children shared out between different
    /// numbers of parts (which merge the folds, and a median's values, in different orders).
    @Test func bytesAreCanonical() throws {
        let events = try Self.sampleEvents()
        let state = state(events)
        let contexts = Self.questions[2] + Self.questions[1]
        let one = LiveMetrics(state, contexts: contexts, parts: 1)
        let bytes = one.savedFolds()
        #expect(one.savedFolds() == bytes)
        for parts in [2, 7, 16] {
            #expect(LiveMetrics(state, contexts: contexts, parts: parts).savedFolds() == bytes, "parts \(parts)")
        }
    }

    /// Folds made for one question are not read for another: another period, calendar, breakdown (or the same
    /// breakdowns in another order), timing of assessments, smallest rated denominator, or set of metrics.
    @Test func anotherQuestionIsRefused() {
        let state = state(randomLog(seed: 7, events: 200, children: 8))
        let context = MetricContext(period: Self.year, dimensions: [.team, .ageBand])
        let only: Set<String> = ["assessment-timeliness", "referrals"]
        let bytes = LiveMetrics(state, contexts: [context], only: only).savedFolds()
        // The same question, asked again with values made afresh: read.
        let again = MetricContext(period: ReportingPeriod(statutoryYear: "2024-25")!, dimensions: [.team, .ageBand])
        #expect(
            LiveMetrics(state, contexts: [again], only: ["referrals", "assessment-timeliness"], savedFolds: bytes)
                != nil)

        var others: [(String, [MetricContext], Set<String>?)] = []
        func with(_ what: String, _ change: (inout MetricContext) -> Void) {
            var c = context
            change(&c)
            others.append((what, [c], only))
        }
        with("another period") { $0.period = ReportingPeriod(statutoryYear: "2023-24")! }
        with("another end") { $0.period.to = $0.period.to.adding(days: -1) }
        with("another calendar") { $0.calendar = WorkingDayCalendar(bankHolidays: [d("2024-12-25")]) }
        with("another breakdown") { $0.dimensions = [.team, .sex] }
        with("the breakdowns in another order") { $0.dimensions = [.ageBand, .team] }
        with("fewer breakdowns") { $0.dimensions = [.team] }
        with("from the referral") { $0.assessmentFromReferral = true }
        with("another smallest denominator") { $0.minimumDenominator = 5 }
        others.append(("every metric", [context], nil))
        others.append(("other metrics", [context], ["assessment-timeliness"]))
        others.append(("two periods", [context, context], only))
        others.append(("no period", [], only))
        for (what, contexts, only) in others {
            #expect(LiveMetrics(state, contexts: contexts, only: only, savedFolds: bytes) == nil, "\(what)")
        }
    }

    /// Several sets of periods, each of its own metrics, as the monthly pack keeps them (`LiveMetrics(_:sets:)`):
    /// the reports are those of `JourneyState.metrics(sets:)` set after set, after the folds are saved and read back
    /// and after each append (corrections, retractions and merges among them); the folds read back and brought up to
    /// date save the bytes a fresh evaluation saves. One set saves the bytes a question of one set always saved, and
    /// folds of one shape of sets are not read for another.
    @Test func setsOfPeriods() {
        let events = randomLog(seed: 41, events: 300, children: 10)
        let head = state(Array(events[..<150]))
        let sets: [(contexts: [MetricContext], only: Set<String>?)] = [
            (Self.questions[3], nil), (Self.questions[1], Self.onlys[1]), (Self.questions[0], ["referrals"]),
        ]
        var original = LiveMetrics(head, sets: sets)
        #expect(original.reports == head.metrics(sets: sets).flatMap { $0 })
        let bytes = original.savedFolds()
        guard var read = LiveMetrics(records: LiveRecords(head), sets: sets, savedFolds: bytes) else {
            Issue.record("the saved folds were refused")
            return
        }
        #expect(read.reports == original.reports)
        #expect(LiveMetrics.reports(sets: sets, savedFolds: bytes) == original.reports)
        var next = 150
        for start in stride(from: 150, to: events.count, by: 30) {
            let appended = stored(Array(events[start..<min(start + 30, events.count)]), from: next)
            next += appended.count
            original.apply(appended)
            read.apply(appended)
            let full = read.state.metrics(sets: sets).flatMap { $0 }
            #expect(LiveMetricsTests.difference(read.reports, full) == nil, "after \(next) events")
            #expect(read.reports == original.reports, "after \(next) events")
        }
        #expect(read.savedFolds() == LiveMetrics(read.state, sets: sets).savedFolds())

        // One set: the bytes of a question of one set.
        #expect(
            LiveMetrics(head, sets: [sets[1]]).savedFolds()
                == LiveMetrics(head, contexts: sets[1].contexts, only: sets[1].only).savedFolds())
        // Another shape: fewer sets, the sets in another order, or their periods as one set of every metric named.
        let others: [[(contexts: [MetricContext], only: Set<String>?)]] = [
            Array(sets.prefix(2)), [sets[1], sets[0], sets[2]], [(sets.flatMap(\.contexts), nil)],
        ]
        for other in others {
            #expect(!LiveMetrics.answer(bytes, sets: other))
            #expect(LiveMetrics(records: LiveRecords(head), sets: other, savedFolds: bytes) == nil)
        }
        #expect(LiveMetrics.answer(bytes, sets: sets))
    }

    /// Damaged bytes are refused, never a trap: cut short anywhere, or with bytes after the folds. A byte changed
    /// may still read as some other fold (the file they are kept in has its own checksum), but never traps, and in
    /// the question it is always refused.
    @Test func damagedBytesAreRefused() {
        let state = state(randomLog(seed: 11, events: 200, children: 8))
        let contexts = Self.questions[2] + Self.questions[3]
        let bytes = LiveMetrics(state, contexts: contexts).savedFolds()
        func read(_ bytes: [UInt8]) -> Bool {
            LiveMetrics(state, contexts: contexts, only: nil, savedFolds: bytes) != nil
        }
        #expect(read(bytes))
        for length in 0..<bytes.count { #expect(!read(Array(bytes[..<length])), "cut at \(length)") }
        #expect(!read(bytes + [0]))
        let questionLength = MetricsPlan(contexts, only: nil).question.count
        // Flips in the folds that are refused: most of those of a high bit, which misalign what follows.
        var refusedInFolds = 0
        for i in bytes.indices {
            // The low bit changes a value; the high bit, where a LEB128 number ends.
            for flip: UInt8 in [0x01, 0x80] {
                var damaged = bytes
                damaged[i] ^= flip
                let isRead = read(damaged)
                // The question's length (its first byte or two) and its bytes.
                if i < questionLength {
                    #expect(!isRead, "byte \(i) of the question changed")
                } else if i >= questionLength + 2 && !isRead {
                    refusedInFolds += 1
                }
            }
        }
        #expect(refusedInFolds > 0)
    }

    /// The primitives, by hand. Integers zigzag: 0 → 0, −1 → 1, 1 → 2, −2 → 3, 70 → 140 (two bytes of LEB128:
    /// 140 = 0x8C → 0x8C 0x01). A median's values [5, 3, 5, 130]: 4 of them, sorted 3, 5, 5, 130: 3 as an integer
    /// (6), then the steps 2, 0 and 125 (one byte each, 125 < 128).
    @Test func primitivesByHand() throws {
        var w = BinaryWriter()
        for v in [0, -1, 1, -2, 70] { w.integer(v) }
        #expect(w.bytes == [0, 1, 2, 3, 0x8C, 0x01])
        w = BinaryWriter()
        w.values([5, 3, 5, 130])
        #expect(w.bytes == [4, 6, 2, 0, 125])
        let values = try w.bytes.withUnsafeBytes { buffer in
            var r = BinaryReader(buffer)
            return try r.values()
        }
        #expect(values == [3, 5, 5, 130])

        // Span counts: firsts 1970-01-03 (day 2) twice and 1970-01-01 (day 0) once; lasts none. By date: 2 entries,
        // day 0 as an integer (0) counted once (integer 1: 2), then the step to day 2 (2) counted twice (integer 2:
        // 4); then the lasts' 0 entries.
        var span = SpanCounts()
        span.firsts = [CalendarDate(dayNumber: 2): 2, CalendarDate(dayNumber: 0): 1]
        w = BinaryWriter()
        span.encode(into: &w)
        #expect(w.bytes == [2, 0, 2, 2, 4, 0])
        let read = try w.bytes.withUnsafeBytes { buffer in
            var r = BinaryReader(buffer)
            return try SpanCounts(decoding: &r)
        }
        #expect(read.firsts == span.firsts && read.lasts.isEmpty)
        // Out of order (a step of 0) and a date counted no times are damage.
        for damaged: [UInt8] in [[2, 0, 2, 0, 4, 0], [1, 0, 0, 0]] {
            #expect(throws: BinaryReader.Damage.self) {
                try damaged.withUnsafeBytes { buffer in
                    var r = BinaryReader(buffer)
                    _ = try SpanCounts(decoding: &r)
                }
            }
        }
    }

    static func sampleEvents() throws -> [Event] {
        let text = try String(contentsOfFile: SampleProjectionsTests.sample, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> Event? in
            guard case .success(let event) = Event.parse(jsonLine: String(line)) else { return nil }
            return event
        }
    }
}
