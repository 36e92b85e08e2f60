import JourneyCore
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyChecks
@testable import JourneyProjections

/// What a comparison with the as-of date notes (`AsOfDate`): the last day its answer holds, worked out by hand; and,
/// over whole councils, that a record's findings are the same on every later day up to the day its checks noted,
/// as a full run on that day finds them.
struct AsOfDateTests {
    /// The as-of date 2024-06-10 with a fresh horizon, and a function that reads the day the horizon ends (`nil`
    /// while nothing noted changes).
    func asOf(_ day: String = "2024-06-10", lag: Int32 = 0) -> (AsOfDate, () -> CalendarDate?) {
        let horizon = AsOfDate.Horizon()
        var date = AsOfDate(d(day), horizon: horizon)
        if lag != 0 { date = date.lagging(date.value.adding(days: -Int(lag)), by: lag) }
        return (date, { horizon.lastDay == Int32.max ? nil : CalendarDate(dayNumber: horizon.lastDay) })
    }

    @Test func aDateByTheAsOfDateStaysByItOnEveryLaterDay() {
        let (asOf, holds) = asOf()
        #expect(d("2024-06-10") <= asOf)
        #expect(d("2024-01-01") < asOf)
        #expect(!(d("2024-01-01") > asOf))
        #expect(asOf >= d("2024-06-10"))
        #expect(!(d("2024-01-01") == asOf))
        #expect(holds() == nil)
    }

    @Test func aLaterDateChangesTheAnswerWhenTheAsOfDateReachesIt() {
        // 2024-06-20 <= asOf is false until the as-of date is 2024-06-20: it holds through 2024-06-19.
        var (asOf, holds) = asOf()
        #expect(!(d("2024-06-20") <= asOf))
        #expect(holds() == d("2024-06-19"))
        // 2024-06-20 < asOf is false until the day after it: it holds through 2024-06-20.
        (asOf, holds) = self.asOf()
        #expect(!(d("2024-06-20") < asOf))
        #expect(holds() == d("2024-06-20"))
        // The as-of date itself: `<` is false today and true tomorrow.
        (asOf, holds) = self.asOf()
        #expect(!(d("2024-06-10") < asOf))
        #expect(holds() == d("2024-06-10"))
        // Equal today, and not tomorrow; a later date becomes equal on its day.
        (asOf, holds) = self.asOf()
        #expect(d("2024-06-10") == asOf)
        #expect(holds() == d("2024-06-10"))
        (asOf, holds) = self.asOf()
        #expect(d("2024-07-01") != asOf)
        #expect(holds() == d("2024-06-30"))
        // The earliest change wins.
        (asOf, holds) = self.asOf()
        _ = d("2024-09-01") <= asOf
        _ = d("2024-07-01") <= asOf
        _ = d("2024-08-01") <= asOf
        #expect(holds() == d("2024-06-30"))
    }

    @Test func readingTheDayItselfHoldsOnThatDayAlone() {
        let (asOf, holds) = asOf()
        #expect(asOf.day == d("2024-06-10"))
        #expect(holds() == d("2024-06-10"))
        let (written, writtenHolds) = self.asOf()
        #expect("on \(written)" == "on 2024-06-10")
        #expect(writtenHolds() == d("2024-06-10"))
    }

    @Test func aDateThatLagsNotesTheChangeLagDaysLater() {
        // A date 100 days behind 2024-06-10 (2024-03-02) is compared: 2024-04-01 <= it is false, and on a later
        // as-of day it is at least 100 days behind, so it reaches 2024-04-01 no sooner than the as-of date reaches
        // 2024-07-10: the answer holds through 2024-07-09.
        let (lagging, holds) = asOf(lag: 100)
        #expect(lagging.value == d("2024-03-02"))
        #expect(!(d("2024-04-01") <= lagging))
        #expect(holds() == d("2024-07-09"))
        // Read as a date, it ties the findings to the as-of day, not to its own.
        let (read, readHolds) = asOf(lag: 100)
        #expect(read.day == d("2024-03-02"))
        #expect(readHolds() == d("2024-06-10"))
    }

    @Test func workingDaysToTheAsOfDatePassTheirLimitOnADayWorkedOutAhead() {
        // Started Monday 2024-06-03; on Monday 2024-06-10 wd = 5 (4th to 7th, 10th). Over 10 working days from
        // the 11th working day after the 3rd: the 4th–7th (4), 10th–14th (9), 17th, 18th: the 18th. Up to then
        // the answer (not over) holds, so through the 17th.
        let record = ChildRecord(id: ChildID("C1"))
        let journey = ChildJourney(record, context: CheckContext(asOf: d("2024-06-10")))
        #expect(journey.workingDaysToAsOf(from: d("2024-06-03"), over: 10) == nil)
        #expect(journey.findingsHoldThrough == d("2024-06-17"))
        // Over the limit, the count is in the finding: it holds on the as-of day alone.
        let late = ChildJourney(record, context: CheckContext(asOf: d("2024-06-18")))
        #expect(late.workingDaysToAsOf(from: d("2024-06-03"), over: 10) == 11)
        #expect(late.findingsHoldThrough == d("2024-06-18"))
    }

    @Test func theCollectionYearHoldsUntilItsLast31March() {
        let record = ChildRecord(id: ChildID("C1"))
        let journey = ChildJourney(record, context: CheckContext(asOf: d("2024-06-10")))
        #expect(journey.asOfCollectionYearStart == d("2024-04-01"))
        #expect(journey.findingsHoldThrough == d("2025-03-31"))
    }

    /// A check that finds one thing in every record and reads nothing of the as-of date.
    struct FindsOne: Check {
        var id: String { "finds-one" }
        var severity: Severity { .query }
        var summary: String { "One finding a record." }
        func check(_ child: ChildJourney, into findings: inout [Finding]) {
            findings.append(finding(child, on: d("2024-01-02"), events: [], "Found."))
        }
    }

    @Test func aFindingsTeamOnTheAsOfDateHoldsUntilTheNextAllocation() {
        // Allocated to team A on 2024-01-01, to B on 2024-08-01 and to C on 2024-07-01 (the log need not be in
        // date order): judged on 2024-06-10 the finding is A's, until C takes the child on 2024-07-01.
        var record = ChildRecord(id: ChildID("C1"))
        record.allocations = [
            .init(date: d("2024-01-01"), team: "A", worker: nil, position: 1),
            .init(date: d("2024-08-01"), team: "B", worker: nil, position: 2),
            .init(date: d("2024-07-01"), team: "C", worker: nil, position: 3),
        ]
        var findings: [Finding] = []
        var reading = DayReadingChecks()
        let holds = JourneyState.check(
            record, with: [FindsOne()], CheckContext(asOf: d("2024-06-10")), into: &findings, dayReading: &reading)
        #expect(findings.map(\.team) == ["A"])
        #expect(holds == d("2024-06-30"))
        // The check reads nothing of the day, but the team its finding is charged to does: every check's findings
        // change with it.
        #expect(reading == DayReadingChecks([], everyCheck: true))
        // Charged to the team on the finding's date instead, it holds on every day.
        findings = []
        reading = DayReadingChecks()
        let byDate = JourneyState.check(
            record, with: [FindsOne()], CheckContext(asOf: d("2024-06-10"), teamAttribution: .findingDate),
            into: &findings, dayReading: &reading)
        #expect(findings.map(\.team) == ["A"])
        #expect(byDate == nil)
        #expect(reading == DayReadingChecks())
        // With no finding there is no team to charge.
        #expect(
            JourneyState.check(
                record, with: [], CheckContext(asOf: d("2024-06-10")), into: &findings, dayReading: &reading) == nil)
        #expect(reading == DayReadingChecks())
        // Unless the check runs beside findings kept from others (`keepingOthers`): they are charged to it too.
        #expect(
            JourneyState.check(
                record, with: [FindsOne()], running: [], keepingOthers: true, CheckContext(asOf: d("2024-06-10")),
                into: &findings, dayReading: &reading) == d("2024-06-30"))
        #expect(reading == DayReadingChecks([], everyCheck: true))
    }

    @Test("A record whose checks read nothing a later day changes is not judged again on any day")
    func aClosedEpisodeHoldsOnEveryLaterDay() throws {
        // A child born in 2015, referred on 10 January 2024, assessed from 11 January to 1 February with factors
        // found, the episode closed on 1 March. Judged on 10 June 2024 nothing a later day changes is read: no
        // assessment or enquiry is open (so neither the census year nor the returned episodes are read), no episode
        // is open past the 25th birthday, the child was never looked after or on a plan, never missing. Checks that
        // asked the day first (the census year before the factors, the 25th birthday before the open episode, the
        // collection year before the period of care) made such a record be judged again on a later day.
        let events = [
            Event(
                id: EventID("r"), child: ChildID("C1"), occurred: d("2024-01-10"),
                body: .childRegistered(ChildDetails(birthDate: d("2015-05-01"), sex: Sex("F")!))),
            Event(
                id: EventID("ref"), child: ChildID("C1"), occurred: d("2024-01-10"),
                body: .referralReceived(
                    ReferralReceived(referral: "R1", source: ReferralSource("10")!, primaryNeed: PrimaryNeed("N1")!))),
            Event(
                id: EventID("as"), child: ChildID("C1"), occurred: d("2024-01-11"),
                body: .assessmentStarted(assessment: "A1", referral: "R1")),
            Event(
                id: EventID("ac"), child: ChildID("C1"), occurred: d("2024-02-01"),
                body: .assessmentCompleted(AssessmentCompleted(assessment: "A1", factors: [AssessmentFactor("3A")!]))),
            Event(
                id: EventID("cl"), child: ChildID("C1"), occurred: d("2024-03-01"),
                body: .caseClosed(referral: "R1", reason: ClosureReason("RC8")!)),
        ]
        let judged = try #require(Self.findings(of: state(events), on: d("2024-06-10"), .asOf)[ChildID("C1")])
        #expect(judged.holdsThrough == nil, "\(judged.findings.map(\.check))")
    }

    // MARK: Whole councils

    /// Each record's findings judged on `day`, with the day its checks noted they hold through and the checks that
    /// noted it (as ids).
    static func findings(of state: JourneyState, on day: CalendarDate, _ attribution: CheckContext.TeamAttribution)
        -> [ChildID: Judged]
    {
        let checks = CheckCatalogue.checks(only: nil)
        let context = CheckContext(asOf: day, teamAttribution: attribution)
        let records = state.reduceRecords(
            includingRecording: true, parts: 1, initial: { [ChildRecord]() }, add: { $0.append($1) },
            merge: { $0 += $1 })
        var result: [ChildID: Judged] = [:]
        for record in records {
            var found: [Finding] = []
            var reading = DayReadingChecks()
            let id = record.id
            let holds = JourneyState.check(record, with: checks, context, into: &found, dayReading: &reading)
            result[id] = Judged(
                findings: found, holdsThrough: holds,
                dayReading: reading.everyCheck ? nil : Set(reading.indices.map { checks[$0].id }))
        }
        return result
    }

    struct Judged {
        var findings: [Finding]
        var holdsThrough: CalendarDate?
        /// The ids of the checks that noted the day; `nil` when what every check's findings read did.
        var dayReading: Set<String>?
    }

    /// For each record, on each later day up to the one its findings hold through, a full evaluation on that day
    /// finds what it found on `first`; and on every later day, the checks that noted nothing of the day find what
    /// they found on `first` (`DayReadingChecks`: a record checked again for the day alone is checked by the others
    /// only). Returns how many records' findings changed between `first` and a later day (each of them before that
    /// day, as the check requires), and how many of those by the checks that noted the day only, so that a caller
    /// can see the comparisons bite.
    @discardableResult
    func expectFindingsHold(
        _ state: JourneyState, from first: CalendarDate, _ attribution: CheckContext.TeamAttribution,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> (changed: Int, byTheDaysChecks: Int) {
        let before = Self.findings(of: state, on: first, attribution)
        var changed = 0
        var byTheDaysChecks = 0
        for offset in [1, 2, 3, 7, 12, 30, 45, 64, 100, 183, 250, 366, 500, 800] {
            let day = first.adding(days: offset)
            for (record, later) in Self.findings(of: state, on: day, attribution) {
                let earlier = before[record]!
                if earlier.findings != later.findings { changed += 1 }
                if let reading = earlier.dayReading {
                    let kept = { (f: Finding) in !reading.contains(f.check) }
                    #expect(
                        earlier.findings.filter(kept) == later.findings.filter(kept),
                        "\(record): the checks that noted nothing of \(first) find otherwise on \(day)",
                        sourceLocation: sourceLocation)
                    if earlier.findings != later.findings && !reading.isEmpty { byTheDaysChecks += 1 }
                }
                guard earlier.holdsThrough.map({ $0 >= day }) ?? true else { continue }
                #expect(
                    earlier.findings == later.findings,
                    "\(record): judged on \(first), said to hold through \(earlier.holdsThrough?.description ?? "any day"), differs on \(day)",
                    sourceLocation: sourceLocation)
            }
        }
        return (changed, byTheDaysChecks)
    }

    @Test("A council's findings hold through the day they say, judged on days through its years")
    func councilFindingsHold() throws {
        let events = try SyntheticCouncil(
            SynthParameters(children: 250, from: d("2022-04-01"), to: d("2025-03-31"), seed: 11, defectRate: 0.2)
        ).events()
        let state = state(events)
        var changed = 0
        var byTheDaysChecks = 0
        for first in ["2022-11-15", "2023-03-30", "2024-02-28", "2024-12-20", "2025-03-31"] {
            for attribution in [CheckContext.TeamAttribution.asOf, .findingDate] {
                let held = expectFindingsHold(state, from: d(first), attribution)
                changed += held.changed
                byTheDaysChecks += held.byTheDaysChecks
            }
        }
        // Findings do change as the days pass (timescales run out, years end): the comparison means something. Most
        // records' changes are within the checks that noted the day, the others' findings kept.
        #expect(changed > 100)
        #expect(byTheDaysChecks > 100)
    }

    @Test("Random logs' findings hold through the day they say", arguments: 0..<6)
    func randomLogFindingsHold(seed: UInt64) {
        let state = state(randomLog(seed: seed, events: 400, children: 30))
        for first in ["2024-01-15", "2025-03-31", "2025-06-30"] {
            expectFindingsHold(state, from: d(first), seed % 2 == 0 ? .asOf : .findingDate)
        }
    }

    func state(_ events: [Event]) -> JourneyState {
        var state = JourneyState()
        for e in storedEvents(events) { state.apply(e) }
        return state
    }
}
