import JourneyCore
import JourneyLog
import JourneyProjections
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// Findings kept up to date between appends are those a full run over the same state finds: every finding, in the
/// same order, whatever the appends hold.
struct LiveChecksTests {
    func stored(_ events: [Event], from position: Int = 0) -> [StoredEvent] {
        storedEvents(events, from: position)
    }

    /// A small council with defects (corrections, retractions, merges), made once for the tests that use one.
    static let council = try! SyntheticCouncil(
        SynthParameters(children: 300, from: d("2022-04-01"), to: d("2025-03-31"), seed: 7, defectRate: 0.1)
    ).events()

    /// The state of the first half of `events`, and where the rest starts.
    func firstHalf(of events: [Event]) -> (state: JourneyState, next: Int) {
        let cut = events.count / 2
        var state = JourneyState()
        for e in stored(Array(events[..<cut])) { state.apply(e) }
        return (state, cut)
    }

    /// Where the live report differs from a full run's: the first finding that differs, or the counts; `nil` when
    /// they are the same.
    static func difference(_ live: CheckReport, _ full: CheckReport) -> String? {
        if live.children != full.children { return "\(live.children) records against \(full.children)" }
        if live.checks != full.checks { return "the checks' counts differ" }
        guard live.findings != full.findings else { return nil }
        for (i, (a, b)) in zip(live.findings, full.findings).enumerated() where a != b {
            return "finding \(i): \(a.check) \(a.child) against \(b.check) \(b.child)"
        }
        return "\(live.findings.count) findings against \(full.findings.count)"
    }

    /// Folds `head`, keeps its findings live, appends `tail` in chunks of `chunk` and compares with a full run after
    /// each; returns the findings of the last full run.
    @discardableResult
    func expectLiveEqualsFull(
        head: [Event], tail: [Event], chunk: Int, context: CheckContext,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [Finding] {
        var state = JourneyState()
        for e in stored(head) { state.apply(e) }
        var live = LiveChecks(state, context: context)
        state = JourneyState()  // the live findings own the state from here
        #expect(Self.difference(live.report, live.state.check(context)) == nil, sourceLocation: sourceLocation)
        var next = head.count
        for start in stride(from: 0, to: tail.count, by: chunk) {
            let events = Array(tail[start..<min(start + chunk, tail.count)])
            let update = live.apply(stored(events, from: next))
            next += events.count
            #expect(update.events == events.count, sourceLocation: sourceLocation)
            #expect(
                Self.difference(live.report, live.state.check(context)) == nil, "after \(next) events",
                sourceLocation: sourceLocation)
        }
        return live.report.findings
    }

    @Test("Random logs with corrections, retractions and merges, appended an event at a time", arguments: 0..<8)
    func randomLogs(seed: UInt64) {
        let events = randomLog(seed: seed, events: 300, children: 20)
        for attribution in [CheckContext.TeamAttribution.asOf, .findingDate] {
            let context = CheckContext(asOf: d("2025-06-30"), teamAttribution: attribution)
            let findings = expectLiveEqualsFull(
                head: Array(events[..<150]), tail: Array(events[150...]), chunk: 1, context: context)
            // The comparison means something only if the log gives findings.
            #expect(!findings.isEmpty)
        }
    }

    /// A small council with defects, its tail appended in three sizes, then a correction and a retraction of early
    /// events, a merge of two early children, and the retraction of that merge and of the correction.
    @Test func councilWithDefects() throws {
        let events = Self.council
        #expect(events.contains { $0.corrects != nil })
        #expect(events.contains { $0.type == .eventRetracted })
        #expect(events.contains { $0.type == .childMerged })
        let context = CheckContext(asOf: d("2025-03-31"))
        for size in [1, 100, 3_000] {
            let cut = events.count - size
            expectLiveEqualsFull(
                head: Array(events[..<cut]), tail: Array(events[cut...]), chunk: size, context: context)
        }
        let changes = oldRecordChanges(after: events, within: 2_000)
        expectLiveEqualsFull(head: events, tail: changes, chunk: 1, context: context)
    }

    /// Judged on one day, then on later ones in turn, with appends between, the findings are a full run's on each
    /// day; within a collection year only some records are checked again.
    @Test(arguments: [CheckContext.TeamAttribution.asOf, .findingDate])
    func laterDays(attribution: CheckContext.TeamAttribution) {
        let events = Self.council
        // The log to its middle, judged on the day of the latest event then; the rest in four parts, each judged on
        // a later day; and two days past the last event, the second in a new collection year.
        var (state, cut) = firstHalf(of: events)
        var live = LiveChecks(state, context: CheckContext(asOf: state.latestOccurred()!, teamAttribution: attribution))
        state = JourneyState()
        let part = (events.count - cut + 3) / 4
        var next = cut
        var withinTheYear: [Int] = []
        for end in [cut + part, cut + 2 * part, cut + 3 * part, events.count, events.count, events.count] {
            live.apply(stored(Array(events[next..<end]), from: next))
            next = end
            var day = live.state.latestOccurred()!
            if end == events.count { day = max(day, live.context.asOf).adding(days: 10) }
            let judged = live.context.asOf
            let update = live.judge(on: day)
            let context = CheckContext(asOf: day, teamAttribution: attribution)
            #expect(Self.difference(live.report, live.state.check(context)) == nil, "judged on \(day)")
            if collectionYear(day) == collectionYear(judged) { withinTheYear.append(update.recordsAdded) }
        }
        // Within a year some records are checked again, far from all.
        #expect(!withinTheYear.isEmpty)
        #expect(withinTheYear.allSatisfy { $0 < live.report.children / 2 }, "\(withinTheYear)")
        #expect(withinTheYear.contains { $0 > 0 })
    }

    /// Events folded and judged on a later day in one update (as the service does) give a full run's findings on
    /// that day, and check each record at most once: fewer records than an update followed by `judge(on:)`, which
    /// checks again a record the events changed whose findings also change by the day.
    @Test func eventsAndALaterDayInOneUpdate() {
        let events = Self.council
        var (state, cut) = firstHalf(of: events)
        let context = CheckContext(asOf: state.latestOccurred()!)
        var inOne = LiveChecks(state, context: context)
        var inTwo = LiveChecks(state, context: context)
        state = JourneyState()
        let part = (events.count - cut + 3) / 4
        var next = cut
        var checkedInOne = 0
        var checkedInTwo = 0
        for end in [cut + part, cut + 2 * part, cut + 3 * part, events.count] {
            let batch = stored(Array(events[next..<end]), from: next)
            let position = UInt64(next)
            next = end
            // The later of the day judged on and the batch's latest, as the service takes it.
            let judged = inOne.report.asOf
            var day: CalendarDate?
            let one = inOne.apply(batch) { state in
                day = max(judged, state.latestOccurred(after: position) ?? judged)
                return day
            }
            let twoEvents = inTwo.apply(batch)
            let twoDay = inTwo.judge(on: day!)
            checkedInOne += one.recordsAdded
            checkedInTwo += twoEvents.recordsAdded + twoDay.recordsAdded
            #expect(one.events == batch.count)
            #expect(inOne.report.asOf == day)
            #expect(Self.difference(inOne.report, inOne.state.check(CheckContext(asOf: day!))) == nil, "on \(day!)")
            #expect(Self.difference(inOne.report, inTwo.report) == nil)
            // Judged on the day of the latest event, no record holds an event after it: what every check reads
            // (the 903 rows of periods of care started by then, the team then) never changed with the day, and the
            // records judged again for the day alone were checked by the checks that read it only. (Updated first
            // and then judged, records were checked on a day before their events.)
            #expect(!inOne.dayReading.everyCheck)
            #expect(inTwo.dayReading.everyCheck)
        }
        #expect(checkedInOne < checkedInTwo, "\(checkedInOne) records checked against \(checkedInTwo)")
        #expect(!inOne.dayReading.indices.isEmpty)
    }

    /// Figures kept beside the findings (the service's) are those of a full evaluation after every update: events
    /// folded and a later day judged in one update, then corrections, retractions and merges of early records one at
    /// a time, an earlier day judged in full, and another period's figures taken up. An update that judges a record
    /// again only for the day, its events unchanged, must leave its figures as they were.
    @Test func figuresBesideTheFindings() {
        let events = Self.council
        let contexts = ["2024-12-31", "2025-03-31"].map {
            MetricContext(period: .rollingYear(to: d($0)), dimensions: BreakdownDimension.allCases)
        }
        var (state, cut) = firstHalf(of: events)
        var live = LiveChecks(state, context: CheckContext(asOf: state.latestOccurred()!), figuresFor: contexts)
        state = JourneyState()
        #expect(Self.difference(live.figureReports, live.state.metrics(contexts)) == nil)
        // A set of figures of its own, made from the state away from the findings (the service's pack): some
        // metrics for three rolling years, one by team, kept up to date from the records the updates build.
        let named = ["2024-09-30", "2024-12-31", "2025-03-31"].map {
            MetricContext(period: .rollingYear(to: d($0)), dimensions: $0 == "2025-03-31" ? [.team] : [])
        }
        let only: Set<String> = [
            "assessment-timeliness", "re-referrals", "repeat-cp-plans", "placement-stability-short-term",
            "cp-plan-duration",
        ]
        live.keepFigures(MetricTallies.evaluating(live.state, sets: [(named, only)])[0], as: "pack")
        #expect(live.figureNames == ["pack"])
        #expect(Self.difference(live.figureReports(as: "pack"), live.state.metrics(named, only: only)) == nil)
        let part = (events.count - cut + 3) / 4
        var next = cut
        var batches: [[Event]] = []
        for end in [cut + part, cut + 2 * part, cut + 3 * part, events.count] {
            batches.append(Array(events[next..<end]))
            next = end
        }
        batches += oldRecordChanges(after: events, within: 2_000).map { [$0] }
        next = cut
        for (n, batch) in batches.enumerated() {
            let position = UInt64(next)
            let judged = live.report.asOf
            var day: CalendarDate?
            live.apply(stored(batch, from: next)) { state in
                // A week on at each batch, so that records are judged again for the day alone.
                day = max(judged.adding(days: 7), state.latestOccurred(after: position) ?? judged)
                return day
            }
            next += batch.count
            #expect(Self.difference(live.figureReports, live.state.metrics(contexts)) == nil, "after \(next) events")
            // The named set read after every third update: the records of the updates since folded in at once.
            if n % 3 == 2 || n == batches.count - 1 {
                #expect(
                    Self.difference(live.figureReports(as: "pack"), live.state.metrics(named, only: only)) == nil,
                    "the named set after \(next) events")
            }
            #expect(Self.difference(live.report, live.state.check(CheckContext(asOf: day!))) == nil, "on \(day!)")
        }
        // More records waiting than a named set may hold: it is let go.
        live.keepFigures(MetricTallies.evaluating(live.state, sets: [(named, only)])[0], as: "pack")
        live.pendingRecordLimit = 3
        live.apply(stored(Array(events.suffix(2)), from: next))
        #expect(live.figureReports(as: "pack") != nil)
        live.apply(stored(Array(events.suffix(40)), from: next + 2))
        #expect(live.figureReports(as: "pack") == nil)
        live.keepFigures(MetricTallies.evaluating(live.state, sets: [(named, only)])[0], as: "pack")
        // An earlier day: every record checked again; the figures kept, the named set let go.
        live.judge(on: d("2024-06-30"))
        #expect(Self.difference(live.figureReports, live.state.metrics(contexts)) == nil)
        #expect(live.figureReports(as: "pack") == nil)
        #expect(live.figureNames.isEmpty)
        #expect(Self.difference(live.report, live.state.check(CheckContext(asOf: d("2024-06-30")))) == nil)
        // Another period's figures, from the records as they stand.
        let year = [MetricContext(period: ReportingPeriod(statutoryYear: "2024-25")!)]
        live.keepFigures(for: year)
        #expect(Self.difference(live.figureReports, live.state.metrics(year)) == nil)
        #expect(LiveChecks(live.state, context: CheckContext(asOf: d("2024-06-30"))).figureReports == nil)
    }

    /// Where live figures differ from a full evaluation's: the first period and metric; `nil` when they are equal.
    static func difference(_ live: [MetricsReport]?, _ full: [MetricsReport]) -> String? {
        guard let live else { return "no figures kept" }
        guard live != full else { return nil }
        for (a, b) in zip(live, full) where a != b {
            let metric = zip(a.metrics, b.metrics).first { $0 != $1 }?.0.id
            return "\(a.period): \(metric ?? "the span or the number of figures")"
        }
        return "\(live.count) periods against \(full.count)"
    }

    /// An earlier day than the findings are judged on checks every record again, as a full run on it does.
    @Test func anEarlierDayIsJudgedInFull() {
        let events = randomLog(seed: 5, events: 300, children: 20)
        var state = JourneyState()
        for e in stored(events) { state.apply(e) }
        var live = LiveChecks(state, context: CheckContext(asOf: d("2025-06-30")))
        let update = live.judge(on: d("2024-06-30"))
        #expect(update.recordsAdded == live.report.children)
        #expect(Self.difference(live.report, state.check(CheckContext(asOf: d("2024-06-30")))) == nil)
        #expect(live.report.asOf == d("2024-06-30"))
    }

    /// A record checked again takes the ids of the events its old findings cited, with them looked up: an event's id
    /// never changes. A finding that cites an event no old finding cited, or the findings of a record not checked
    /// again, are left to be looked up.
    @Test func findingsCheckedAgainTakeTheIdsTheirEventsHadAlready() {
        func finding(_ child: String, _ positions: [UInt64], ids: [String] = []) -> Finding {
            var f = Finding(
                check: "upn-not-valid", severity: .error, child: ChildID(child), date: d("2025-01-10"),
                positions: positions, message: "m")
            f.eventIDs = ids.map { EventID($0) }
            return f
        }
        let old = [
            finding("A", [3, 7], ids: ["a3", "a7"]),
            finding("B", [4], ids: ["b4"]),
            finding("C", [5]),
        ]
        // A is checked again: one finding cites 3 and 7 again, one cites 7 and 9 (9 cited for the first time). B is
        // not checked again; C's old finding had no ids looked up, and it is checked again with the same finding.
        let added = [finding("A", [7, 3]), finding("A", [7, 9]), finding("C", [5])]
        var removed = LiveChecks.Removed(checks: nil)
        for child in ["A", "C"] { removed.insert(ChildID(child), wholly: false) }
        let result = LiveChecks.replacing(old, of: removed, with: added)
        #expect(result.map(\.child.rawValue) == ["A", "A", "B", "C"])
        #expect(result[0].eventIDs == [EventID("a7"), EventID("a3")])
        #expect(result[1].eventIDs.isEmpty)
        #expect(result[2].eventIDs == [EventID("b4")])
        #expect(result[3].eventIDs.isEmpty)
    }

    /// A record judged again for the day alone loses only the findings of the checks run again on it, which put
    /// theirs in their places; a record the events changed loses all of its findings.
    @Test func aRecordJudgedAgainForTheDayKeepsTheOtherChecksFindings() {
        func finding(_ check: String, _ child: String, _ message: String) -> Finding {
            Finding(
                check: check, severity: .warning, child: ChildID(child), date: d("2025-01-10"), positions: [1],
                message: message)
        }
        let (open, upn) = ("assessment-open-over-45-days", "upn-not-valid")
        #expect(CheckCatalogue.order[open]! < CheckCatalogue.order[upn]!)
        let old = [
            finding(open, "A", "old"), finding(open, "B", "old"), finding(upn, "A", "kept"), finding(upn, "B", "old"),
        ]
        // A is judged again for the day: only the assessment check runs, and finds again. B's events changed: every
        // check runs, and finds nothing now.
        var removed = LiveChecks.Removed(checks: [open])
        removed.insert(ChildID("A"), wholly: false)
        removed.insert(ChildID("B"), wholly: true)
        #expect(removed.count == 2)
        let result = LiveChecks.replacing(old, of: removed, with: [finding(open, "A", "new")])
        #expect(result.map { "\($0.check) \($0.child) \($0.message)" } == ["\(open) A new", "\(upn) A kept"])
        // With every check run again on a record judged for the day, all of its findings go.
        var all = LiveChecks.Removed(checks: nil)
        all.insert(ChildID("A"), wholly: false)
        #expect(LiveChecks.replacing(old, of: all, with: []).map(\.child) == [ChildID("B"), ChildID("B")])
    }
}
