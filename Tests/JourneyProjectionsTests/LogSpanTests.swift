import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// The log's span, and the marks it puts on figures the log covers only in part (issue 15, item 2).
@Suite("The log's span and partly covered figures")
struct LogSpanTests {
    /// A log that opens on 1 April 2023 with one open case carried in with its history, as a case system carries it:
    /// - C1 (carried): registered 2019-05-01, referred 2019-06-01, in care from 2020-01-01 in one placement, still
    ///   there on 31 March 2025; referred again on 2024-06-01 (a re-referral? its 12 months run from 2023-06-01:
    ///   no earlier referral in them, so not one).
    /// - C2: one contact on 2023-04-10, no further action: the first record to end. So the log is complete from
    ///   1 April 2023 (the first day of that month), and its events run from 2019-05-01 to 2025-03-31.
    /// - C3: referred on 2023-05-01, 2024-04-15 and 2025-03-31 (its last event, the log's latest).
    static var carriedCaseload: EventBuilder {
        var log = EventBuilder()
        log.registered("C1", born: "2019-05-01")
        log.referral("C1", "2019-06-01", "R1")
        log.care("C1", "L1", start: "2020-01-01")
        log.placement("C1", "P1", start: "2020-01-01")
        log.add(
            "C2", "2023-04-10",
            .contactReceived(ContactReceived(contact: ContactID("CT1"), source: ReferralSource("6")!)))
        log.referral("C3", "2023-05-01", "R1")
        log.referral("C1", "2024-06-01", "R2")
        log.referral("C3", "2024-04-15", "R2")
        log.referral("C3", "2025-03-31", "R3")
        return log
    }

    @Test func theSpanIsReadFromTheRecords() {
        let report = Self.carriedCaseload.state.metrics(MetricContext(period: year2024))
        #expect(
            report.span == LogSpan(earliest: d("2019-05-01"), completeFrom: d("2023-04-01"), latest: d("2025-03-31")))
        #expect(report.span?.description == "2023-04-01 to 2025-03-31 (the cases open on 2023-04-01 from 2019-05-01)")
    }

    @Test func reReferralsNeedTheTwelveMonthsBeforeThePeriod() {
        let log = Self.carriedCaseload
        // 2024-25: referrals C1 R2 (2024-06-01: C1's R1 was in 2019, not one), C3 R2 (2024-04-15: R1 on 2023-05-01
        // is within the 12 months from 2023-04-15) and C3 R3 (2025-03-31: R2 is within those from 2024-03-31).
        // 2 of 3. It needs every referral from 2023-04-01: the log is complete from then, and runs to 2025-03-31:
        // complete.
        let covered = log.metric("re-referrals", year2024)
        #expect(covered.numerator == 2 && covered.denominator == 3)
        #expect(covered.partialCoverage == nil)
        // 2023-24: C3 R1 on 2023-05-01, 0 of 1. It needs every referral from 2022-04-01, a year before the log is
        // complete (C1's referrals then are there, any other child's are not): partial.
        let year2023 = ReportingPeriod(statutoryYear: "2023-24")!
        let partial = log.metric("re-referrals", year2023)
        #expect(partial.numerator == 0 && partial.denominator == 1)
        #expect(
            partial.partialCoverage
                == "it needs every event from 2022-04-01 (the 12 months before each referral); the log covers "
                + "2023-04-01 to 2025-03-31 (the cases open on 2023-04-01 from 2019-05-01)")
    }

    @Test func aFigureAboutItsPeriodAloneIsCoveredFromTheLogsCompleteStart() {
        let log = Self.carriedCaseload
        // Assessments completed in 2023-24: none; no look-back, and the log is complete from 2023-04-01: covered.
        #expect(log.metric("assessment-timeliness", ReportingPeriod(statutoryYear: "2023-24")!).partialCoverage == nil)
        // 2022-23 is before the log is complete: partial, though no day of it is without events (C1's).
        #expect(log.metric("assessment-timeliness", ReportingPeriod(statutoryYear: "2022-23")!).isPartlyCovered)
        // A period running past the log's last event (2025-03-31) is partial too.
        let past = ReportingPeriod(from: d("2024-04-01"), to: d("2025-04-30"))
        let m = log.metric("assessment-timeliness", past)
        #expect(m.partialCoverage?.hasPrefix("its period runs to 2025-04-30; ") == true)
    }

    @Test func longTermStabilityLooksBackThirtyMonthsAtCareOpenWhenTheLogOpened() {
        let log = Self.carriedCaseload
        // On 31 March 2025 C1 (5) has been in care since 2020-01-01 and in P1 since then: stable, 1 of 1. It needs
        // care open from 2022-09-30 (30 months before): C1's care was open when the log opened and is carried with
        // its placement, and the log's events reach back to 2019-05-01: covered.
        let m = log.metric("placement-stability-long-term", year2024)
        #expect(m.numerator == 1 && m.denominator == 1)
        #expect(m.partialCoverage == nil)
        // To 31 March 2021 it needs every event from then (before the log is complete) and care open from
        // 2018-09-30, before the log's first event: partial, for both.
        let early = log.metric("placement-stability-long-term", ReportingPeriod(statutoryYear: "2020-21")!)
        #expect(
            early.partialCoverage?.hasPrefix(
                "it needs every event from 2021-03-31 and it needs the cases open from 2018-09-30 (2½ years in care "
                    + "before the period's end); ") == true)
        // With the log complete from 1 April 2020 and its events from 2019-05-01, only the open cases fall short.
        var longer = log
        longer.add("C9", "2020-04-15", .contactReceived(ContactReceived(contact: "CT1", source: ReferralSource("6")!)))
        let open = longer.metric("placement-stability-long-term", ReportingPeriod(statutoryYear: "2020-21")!)
        #expect(
            open.partialCoverage?.hasPrefix(
                "it needs the cases open from 2018-09-30 (2½ years in care before the period's end); the log covers "
                    + "2020-04-01 to 2025-03-31") == true)
    }

    @Test func repeatPlansNeedTheTwoYearsBeforeThePeriod() {
        var log = Self.carriedCaseload
        log.cpPlan("C3", "CP1", start: "2024-05-01", previous: 0)
        // 2024-25: plans ended in the 2 years before each start count as within two years: every event from
        // 2022-04-01 is needed; the log is complete from 2023-04-01: partial.
        let m = log.metric("repeat-cp-plans", year2024)
        #expect(m.numerator == 0 && m.denominator == 1)
        #expect(
            m.partialCoverage?.hasPrefix("it needs every event from 2022-04-01 (plans ended in the 2 years") == true)
    }

    @Test func aCorrectedDateIsNotPartOfTheSpan() {
        var log = Self.carriedCaseload
        // A referral keyed as 1923 and retracted: the span does not reach back to it.
        let typo = log.nextID
        log.referral("C3", "1923-05-01", "R9")
        log.add("C3", "2024-01-01", .eventRetracted(event: typo, reason: "keyed in error"))
        let report = log.state.metrics(MetricContext(period: year2024))
        #expect(report.span?.earliest == d("2019-05-01"))
        // As known before the retraction was recorded (every event here is recorded when it happened), it counts.
        let before = log.state.metrics(MetricContext(period: year2024), asKnownAt: t("2023-12-31T00:00:00Z"))
        #expect(before.span?.earliest == d("1923-05-01"))
    }

    /// The span read from the atoms (`span(asKnownAt:)`) is the span of the records, each built
    /// (`spanOfRecords(asKnownAt:)`), on random logs with corrections, retractions and merges, as known at times
    /// across them (each event is recorded a day after the one before, from 2022-01-01) and now; and on the hand-built
    /// logs above, the retracted referral's among them. A merge's records are built; every other child's dates are
    /// read from its counting atoms alone. The atoms read in 2, 3, 16 and 500 parts give the same.
    @Test(arguments: 0..<8)
    func theSpanOfTheAtomsIsTheSpanOfTheRecords(seed: UInt64) {
        let events = randomLog(seed: seed + 900, events: 400, children: 12)
        #expect(events.contains { $0.type == .childMerged } && events.contains { $0.type == .eventRetracted })
        var state = JourneyState()
        for e in storedEvents(events) { state.apply(e) }
        let times: [Timestamp?] =
            [nil] + [0, 50, 150, 250, 399].map { Timestamp(startOf: d("2022-01-01").adding(days: $0)) }
        for time in times {
            let expected = state.spanOfRecords(asKnownAt: time)
            #expect(state.span(asKnownAt: time) == expected, "\(String(describing: time))")
            // The atoms read in parts (a large log's are, on all cores): the same span for any number of parts, more
            // parts than atoms among them.
            for parts in [2, 3, 16, 500] {
                #expect(state.span(asKnownAt: time, parts: parts) == expected, "\(parts) parts")
            }
        }
        #expect(state.span() != nil)
        var retracted = Self.carriedCaseload
        let typo = retracted.nextID
        retracted.referral("C3", "1923-05-01", "R9")
        retracted.add("C3", "2024-01-01", .eventRetracted(event: typo, reason: "keyed in error"))
        for log in [Self.carriedCaseload, retracted, EventBuilder()] {
            for time in [nil, t("2023-12-31T00:00:00Z")] {
                #expect(log.state.span(asKnownAt: time) == log.state.spanOfRecords(asKnownAt: time))
            }
        }
    }

    @Test func anEmptyLogCoversNothing() {
        let report = EventBuilder().state.metrics(MetricContext(period: year2024))
        #expect(report.span == nil && report.isWhollyOutsideLog)
        #expect(report.metrics.allSatisfy { $0.isPartlyCovered })
    }

    @Test func aPeriodWhollyOutsideTheLogIsRefused() throws {
        let span = LogSpan(earliest: d("2013-03-21"), completeFrom: d("2020-04-01"), latest: d("2025-03-31"))
        let future = ReportingPeriod(statutoryYear: "2030-31")!
        #expect(span.isWhollyOutside(future))
        #expect(span.isWhollyOutside(ReportingPeriod(statutoryYear: "2011-12")!))
        // Before the log is complete but within its events: not refused (marked partial instead).
        #expect(!span.isWhollyOutside(ReportingPeriod(statutoryYear: "2016-17")!))
        #expect(!span.isWhollyOutside(ReportingPeriod(from: d("2025-03-31"), to: d("2026-03-31"))))
        let error = try #require(throws: PeriodOutsideLog.self) { try PeriodOutsideLog.check(future, in: span) }
        #expect(
            error.description
                == "the period 2030-04-01 to 2031-03-31 is wholly outside the log: the log covers 2020-04-01 to "
                + "2025-03-31 (the cases open on 2020-04-01 from 2013-03-21). Its figures would count nothing.")
    }

    @Test func ratesOverFewerThanTheMinimumAreTooFewToRate() {
        var log = EventBuilder()
        // Nine referrals in 2024-25, one child each, and a tenth child's referral in 2023-24.
        for i in 1...9 { log.referral("C\(i)", "2024-04-1\(i)") }
        log.referral("C10", "2023-06-01")
        let nine = log.state.metrics(MetricContext(period: year2024, dimensions: [.source]), only: ["re-referrals"])
        let m = nine.metrics[0]
        // 9 < 10: too few to rate, and so is the breakdown row of 9.
        #expect(m.denominator == 9 && m.isTooFewToRate)
        #expect(m.isTooFewToRate(m.breakdown[0].rows[0].denominator))
        // With a minimum of 9, nine is enough; a count (no denominator) is never a rate.
        let rated = log.state.metrics(MetricContext(period: year2024, minimumDenominator: 9), only: ["re-referrals"])
        #expect(!rated.metrics[0].isTooFewToRate)
        let contacts = log.state.metrics(MetricContext(period: year2024), only: ["referrals"]).metrics[0]
        #expect(contacts.denominator == nil && !contacts.isTooFewToRate)
    }

    @Test func everyFormatCarriesTheMarks() {
        let log = Self.carriedCaseload
        let year2023 = ReportingPeriod(statutoryYear: "2023-24")!
        let report = log.state.metrics(MetricContext(period: year2023), only: ["re-referrals"])
        // Table: a mark column, the reason under the figure, and what the marks mean.
        #expect(report.table.contains("re-referrals          0            1   0.0%  partial, too few to rate\n"))
        #expect(report.table.contains("    partial: it needs every event from 2022-04-01"))
        #expect(report.table.contains("\ntoo few to rate: a rate over fewer than 10;"))
        // CSV: coverage and rating columns.
        #expect(
            MetricsReport.csv([report]).hasSuffix(
                "2023-04-01,2024-03-31,,re-referrals,all,all,0,1,0.0,partial,too few to rate\r\n"))
        // JSON: the span, and the coverage, its reason and the rating of each figure.
        let json = report.json.compactText
        #expect(json.contains(#""span":{"earliest":"2019-05-01","completeFrom":"2023-04-01","latest":"2025-03-31"}"#))
        #expect(json.contains(#""coverage":"partial","coverageNote":"it needs every event from 2022-04-01"#))
        #expect(json.contains(#""tooFewToRate":true"#))
    }
}
