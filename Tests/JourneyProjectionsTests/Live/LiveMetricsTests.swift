import Foundation
import JourneyCore
import JourneyLog
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// Figures kept up to date between appends are those a full evaluation of the same state gives, byte for byte,
/// whatever the appends hold: new children, new events of old ones, corrections, retractions and merges.
struct LiveMetricsTests {
    static let contexts = ["2023-03-31", "2024-12-31"].map {
        MetricContext(period: .rollingYear(to: d($0)), dimensions: BreakdownDimension.allCases)
    }

    func stored(_ events: [Event], from position: Int = 0) -> [StoredEvent] {
        storedEvents(events, from: position)
    }

    /// Folds `head` into a state, keeps its figures live, appends `tail` in chunks of `chunk`, and after each chunk
    /// compares the live figures with a full evaluation. Returns the records built again in all.
    @discardableResult
    func expectLiveEqualsFull(
        head: [Event], tail: [Event], chunk: Int, contexts: [MetricContext] = contexts,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int {
        var state = JourneyState()
        for e in stored(head) { state.apply(e) }
        var live = LiveMetrics(state, contexts: contexts)
        state = JourneyState()  // the live figures own the state from here
        #expect(Self.difference(live.reports, live.state.metrics(contexts)) == nil, sourceLocation: sourceLocation)
        var rebuilt = 0
        var next = head.count
        for start in stride(from: 0, to: tail.count, by: chunk) {
            let events = Array(tail[start..<min(start + chunk, tail.count)])
            let update = live.apply(stored(events, from: next))
            next += events.count
            rebuilt += update.recordsAdded
            #expect(update.events == events.count, sourceLocation: sourceLocation)
            #expect(
                Self.difference(live.reports, live.state.metrics(contexts)) == nil, "after \(next) events",
                sourceLocation: sourceLocation)
        }
        return rebuilt
    }

    /// Where the live reports differ from the full ones: the period and the first figure that differs, or the span;
    /// `nil` when they are equal, byte for byte in every format (the reports are equal values).
    static func difference(_ live: [MetricsReport], _ full: [MetricsReport]) -> String? {
        guard live != full else { return nil }
        guard live.count == full.count else { return "\(live.count) reports against \(full.count)" }
        for (l, f) in zip(live, full) where l != f {
            if l.span != f.span {
                return "\(l.period): span \(String(describing: l.span)) against \(String(describing: f.span))"
            }
            for (a, b) in zip(l.metrics, f.metrics) where a != b { return "\(l.period): \(a.id)" }
            return "\(l.period): \(l.metrics.count) figures against \(f.metrics.count)"
        }
        return nil
    }

    @Test("Random logs with corrections, retractions and merges, appended an event at a time", arguments: 0..<12)
    func randomLogsOneAtATime(seed: UInt64) {
        let events = randomLog(seed: seed, events: 240)
        expectLiveEqualsFull(head: Array(events[..<120]), tail: Array(events[120...]), chunk: 1)
    }

    @Test("Random logs appended in chunks, from an empty log too", arguments: 0..<6)
    func randomLogsInChunks(seed: UInt64) {
        let events = randomLog(seed: seed + 100, events: 300, children: 12)
        for split in [0, 1, 150, 299] {
            for chunk in [7, 100] {
                expectLiveEqualsFull(head: Array(events[..<split]), tail: Array(events[split...]), chunk: chunk)
            }
        }
    }

    /// From a log on disk: the events appended since are read from the log after the cursor the figures were
    /// made at, in two appends.
    @Test func foldsWhatALogHasAppended() throws {
        let events = randomLog(seed: 42, events: 200, children: 10)
        let path = temporaryDirectory("journey-live")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(Array(events[..<120]))
        var state = JourneyState()
        var cursor = try state.fold(EventLog.open(path))
        var live = LiveMetrics(state, contexts: Self.contexts)
        state = JourneyState()
        for range in [120..<121, 121..<200] {
            try writer.append(Array(events[range]))
            let update: LiveUpdate
            (cursor, update) = try live.fold(EventLog.open(path), after: cursor)
            #expect(update.events == range.count)
            let full = try JourneyState(replaying: EventLog.open(path))
            #expect(full.eventCount == UInt64(range.upperBound))
            #expect(Self.difference(live.reports, full.metrics(Self.contexts)) == nil)
        }
    }

    /// The built-in sample (the CIN census and SSDA903 samples imported, with a correction of each), its last 1, 100
    /// and 10,000 events appended: every breakdown of 2024-25, and the 12 months to each month's end of that year.
    @Test func sampleLog() throws {
        let text = try String(contentsOfFile: SampleProjectionsTests.sample, encoding: .utf8)
        let events = text.split(separator: "\n").compactMap { line -> Event? in
            guard case .success(let event) = Event.parse(jsonLine: String(line)) else { return nil }
            return event
        }
        #expect(events.count > 10_000)
        let year = ReportingPeriod(statutoryYear: "2024-25")!
        let contexts =
            [MetricContext(period: year, dimensions: BreakdownDimension.allCases)]
            + year.monthEnds.map { MetricContext(period: .rollingYear(to: $0)) }
        for size in [1, 100, 10_000] {
            let cut = events.count - size
            expectLiveEqualsFull(
                head: Array(events[..<cut]), tail: Array(events[cut...]), chunk: size, contexts: contexts)
        }
    }

    /// A synthetic council with defects, its tail appended in three sizes, then appends made to change old
    /// records: a correction and a retraction of early events, a merge of two early children, and the retraction
    /// of that merge.
    @Test func councilWithDefects() throws {
        let events = try SyntheticCouncil(
            SynthParameters(children: 2_000, from: d("2022-04-01"), to: d("2025-03-31"), seed: 23, defectRate: 0.05)
        ).events()
        #expect(events.contains { $0.corrects != nil })
        #expect(events.contains { $0.type == .eventRetracted })
        #expect(events.contains { $0.type == .childMerged })
        let year = [MetricContext(period: ReportingPeriod(statutoryYear: "2024-25")!, dimensions: [.team, .sex])]
        for size in [1, 100, 10_000] where size < events.count {
            let cut = events.count - size
            let rebuilt = expectLiveEqualsFull(
                head: Array(events[..<cut]), tail: Array(events[cut...]), chunk: size, contexts: year)
            // Only the children the tail names are built again (a merge's children all together): fewer than the
            // council's when the tail is short.
            if size <= 100 { #expect(rebuilt <= 2 * size + 20) }
        }

        // A new merge of two children no merge names: their two records are taken out and the one merged record
        // put in, though the council holds other merged records.
        var state = JourneyState()
        for e in stored(events) { state.apply(e) }
        var live = LiveMetrics(state, contexts: year)
        state = JourneyState()
        let named = Set(
            events.flatMap { e -> [ChildID] in
                guard case .childMerged(let into) = e.body else { return [] }
                return [e.child, into]
            })
        #expect(!named.isEmpty)
        var unnamed = events.lazy.map(\.child).filter { !named.contains($0) }.makeIterator()
        let a = unnamed.next()!
        var b = a
        while b == a { b = unnamed.next()! }
        let merge = Event(
            id: EventID("live-merge-ab"), child: a, occurred: d("2025-06-01"),
            recorded: Timestamp(startOf: d("2025-06-01"))!,
            body: .childMerged(into: b))
        let update = live.apply(stored([merge], from: events.count))
        #expect(update == LiveUpdate(events: 1, recordsRemoved: 2, recordsAdded: 1))
        #expect(Self.difference(live.reports, live.state.metrics(year)) == nil)

        let changes = oldRecordChanges(after: events, within: 5_000)
        expectLiveEqualsFull(head: events, tail: changes, chunk: 1, contexts: year)
    }

    /// The atoms appended since the streams were grouped, grouped again with the rest each time they pass an eighth
    /// of the atoms held (no lower bound here): the figures are a full evaluation's after every append, those kept
    /// apart stay within the bound, and the streams were grouped again more than once.
    @Test(arguments: 0..<4)
    func streamsGroupedAgain(seed: UInt64) {
        let events = randomLog(seed: seed + 200, events: 400, children: 10)
        var state = JourneyState()
        for e in stored(Array(events[..<100])) { state.apply(e) }
        var live = LiveMetrics(state, contexts: Self.contexts)
        state = JourneyState()
        live.records.streamsRegroupedAfter = 0
        var regrouped = 0
        for start in stride(from: 100, to: events.count, by: 5) {
            let atomsBefore = live.records.streams.atomCount
            live.apply(stored(Array(events[start..<start + 5]), from: start))
            let streams = live.records.streams
            if streams.appendedCount == 0 && streams.atomCount > atomsBefore { regrouped += 1 }
            #expect(streams.appendedCount <= streams.atomCount / 8, "after \(start + 5) events")
            #expect(streams.atomCount == live.state.atoms.count)
            #expect(
                Self.difference(live.reports, live.state.metrics(Self.contexts)) == nil, "after \(start + 5) events")
        }
        #expect(regrouped > 1)
    }

    /// Merges that name children before their first event (A into B, and D into A, with neither B nor D met yet),
    /// then appends with no merge, correction or retraction in them: the first events of B and of D join the merged
    /// record already made, and an unmerged child's first event does not. Appended one at a time and all at once.
    @Test func childrenAMergeNamedBeforeTheirFirstEvent() {
        var next = 0
        func event(_ child: String, _ body: EventBody) -> Event {
            next += 1
            let day = d("2024-05-01").adding(days: next)
            return Event(
                id: EventID("m\(next)"), child: ChildID(child), occurred: day, recorded: Timestamp(startOf: day)!,
                body: body)
        }
        func referral(_ child: String, _ referral: String) -> Event {
            event(
                child, .referralReceived(ReferralReceived(referral: ReferralID(referral), source: ReferralSource("6")!))
            )
        }
        let head = [
            referral("A", "R1"), event("A", .childMerged(into: ChildID("B"))),
            event("D", .childMerged(into: ChildID("A"))), referral("E", "R1"),
        ]
        let tail = [
            referral("B", "R2"), referral("C", "R1"), referral("D", "R3"), referral("A", "R4"),
            event("D", .assessmentStarted(assessment: AssessmentID("A1"), referral: ReferralID("R3"))),
        ]
        for chunk in [1, tail.count] { expectLiveEqualsFull(head: head, tail: tail, chunk: chunk) }
    }

    /// Taking children out of a breakdown: a row goes with its last member, and not before, even when what is
    /// left adds 0 to both its numerator and its denominator.
    @Test func breakdownRowsGoWithTheirLastMember() {
        let a = ChildRecord(id: ChildID("A"))
        let b = ChildRecord(id: ChildID("B"))
        func subject(_ r: ChildRecord) -> Subject { Subject(child: r, date: d("2024-06-01")) }
        var all = BreakdownTally([.sex])
        var justB = BreakdownTally([.sex])
        // A: counted (1/1); B: a member that adds nothing (0/0). Both have sex "unknown".
        all.add(subject(a), counts: true)
        all.add(subject(b), counts: false, inDenominator: false)
        justB.add(subject(b), counts: false, inDenominator: false)
        var left = all
        left.subtract(justB)
        // What is left is A alone: 1/1 in the one row "unknown".
        #expect(
            left.breakdowns().first?.rows.map { [$0.key, "\($0.numerator)", "\($0.denominator ?? -1)"] } == [
                ["unknown", "1", "1"]
            ])
        var onlyB = all
        var justA = BreakdownTally([.sex])
        justA.add(subject(a), counts: true)
        onlyB.subtract(justA)
        // B is left, a member at 0/0: the row stays, as a fold over B alone would list it.
        #expect(onlyB.breakdowns() == justB.breakdowns())
        #expect(onlyB.breakdowns().first?.rows.count == 1)
        onlyB.subtract(justB)
        #expect(onlyB.breakdowns().first?.rows.isEmpty == true)
        #expect(onlyB.numerator == 0 && onlyB.denominator == 0)
    }

    @Test func valuesOfAMedianAreTakenOutByCount() {
        var values = [5, 3, 5, 9, 3, 5]
        values.removeOccurrences(of: [5, 3, 5])
        // One 3 and two 5s out of two 3s and three 5s, the first ones met (positions 0, 1 and 2): 9, 3 and 5 are
        // left, in their order.
        #expect(values == [9, 3, 5])
        values.removeOccurrences(of: [])
        #expect(values == [9, 3, 5])
    }
}
