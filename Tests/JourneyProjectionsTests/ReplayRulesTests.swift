import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

@Suite("Corrections, retractions, merges and as known at")
struct ReplayRulesTests {
    /// The spec's example: an authorisation date corrected after the fact.
    func correctedAssessment() -> EventBuilder {
        var log = EventBuilder()
        log.referral("C100", "2024-05-01")
        log.add("C100", "2024-05-06", .assessmentStarted(assessment: "A1", referral: "R1"))
        let original = log.add(
            "C100", "2024-06-20", .assessmentCompleted(AssessmentCompleted(assessment: "A1")),
            recorded: "2024-06-22T16:45:00Z")
        log.add(
            "C100", "2024-06-19", .assessmentCompleted(AssessmentCompleted(assessment: "A1")),
            recorded: "2024-07-01T08:00:00Z",
            corrects: original)
        return log
    }

    @Test func aCorrectionCountsFromItsRecordedTimeOn() {
        let log = correctedAssessment()
        // Mon 6 May → Thu 20 June 2024: 33 weekdays less the bank holiday of 27 May = 32; to Wed 19 June, 31.
        #expect(log.metric("assessment-timeliness", asKnownAt: "2024-06-30").count("median") == 32)
        #expect(log.metric("assessment-timeliness").count("median") == 31)
        // Before the first completion was recorded, the assessment was still open.
        #expect(log.metric("assessment-timeliness", asKnownAt: "2024-06-21").denominator == 0)
    }

    @Test func aRetractedEventNoLongerCounts() {
        var log = EventBuilder()
        log.referral("C1", "2024-05-01", "R1")
        let wrong = log.nextID
        log.referral("C1", "2024-06-01", "R2")
        log.add(
            "C1", "2024-06-02", .eventRetracted(event: wrong, reason: "recorded on the wrong child"),
            recorded: "2024-06-10")
        #expect(log.metric("re-referrals", asKnownAt: "2024-06-05").numerator == 1)
        #expect(log.metric("re-referrals").numerator == 0 && log.metric("re-referrals").denominator == 1)
    }

    @Test func retractingACorrectionBringsBackTheOriginal() {
        var log = correctedAssessment()
        log.add(
            "C100", "2024-07-02", .eventRetracted(event: "e4", reason: "the correction was wrong"),
            recorded: "2024-07-02")
        #expect(log.metric("assessment-timeliness").count("median") == 32)
        #expect(log.metric("assessment-timeliness", asKnownAt: "2024-07-01T12:00:00Z").count("median") == 31)
    }

    @Test func aMergedChildsEventsCountAsTheOthers() {
        var log = EventBuilder()
        log.referral("C1", "2024-01-15", "R1")
        log.referral("C2", "2024-06-01", "R9")
        log.add("C1", "2024-07-01", .childMerged(into: "C2"), recorded: "2024-07-01")
        // Once the merge is known, C1's January referral is C2's: the June one is a re-referral.
        #expect(log.metric("re-referrals").numerator == 1)
        #expect(log.metric("re-referrals", asKnownAt: "2024-06-30").numerator == 0)
        let record = log.state.record(of: "C2")
        #expect(record?.mergedFrom == ["C1"] && record?.referrals.count == 2)
        #expect(log.state.record(of: "C1") == nil)
    }

    @Test func aMergedRecordsIdsStayItsOwn() {
        // Ids are unique within a child, not across children: C1's R1 and C2's R1 are two referrals after the merge.
        var log = EventBuilder()
        log.referral("C1", "2024-05-01", "R1")
        log.referral("C2", "2024-09-01", "R1")
        log.add("C1", "2024-10-01", .childMerged(into: "C2"))
        let record = log.state.record(of: "C2")!
        #expect(record.referrals.count == 2)
        // And C2's September referral is a re-referral of C1's May one.
        #expect(log.metric("re-referrals").numerator == 1 && log.metric("re-referrals").denominator == 2)
    }

    @Test func mergeChainsAndCyclesEnd() {
        var log = EventBuilder()
        log.referral("A", "2024-05-01", "R1")
        log.referral("B", "2024-06-01", "R2")
        log.referral("C", "2024-07-01", "R3")
        log.add("A", "2024-08-01", .childMerged(into: "B"))
        log.add("B", "2024-08-02", .childMerged(into: "C"))
        // A → B → C: all three referrals are C's; two are within 12 months of an earlier one.
        #expect(log.metric("re-referrals").numerator == 2)
        log.add("C", "2024-08-03", .childMerged(into: "A"))
        // A cycle (A → B → C → A) is broken rather than followed for ever; every referral still counts once.
        #expect(log.metric("re-referrals").denominator == 3)
    }

    @Test func breakdownsByTeamAndAgeBand() {
        var log = EventBuilder()
        log.registered("C1", born: "2020-06-01")
        log.add("C1", "2024-01-01", .workerAllocated(team: "North", worker: nil))
        log.referral("C1", "2023-09-01", "R0")
        log.referral("C1", "2024-05-01", "R1")
        log.registered("C2", born: "2010-06-01")
        log.add("C2", "2024-07-01", .workerAllocated(team: "South", worker: nil))
        log.referral("C2", "2024-06-01", "R1")  // before C2's allocation: unallocated on that date
        let m = log.metric("re-referrals", by: [.team, .ageBand])
        let team = m.breakdown.first { $0.dimension == .team }!.rows
        #expect(team.map(\.key) == ["North", "unallocated"])
        #expect(team.map(\.numerator) == [1, 0] && team.map(\.denominator) == [1, 1])
        // C1 is 3 on 1 May 2024 (1–4); C2 is 13 on 1 June 2024 (10–15).
        let ages = m.breakdown.first { $0.dimension == .ageBand }!.rows
        #expect(ages.map(\.key) == ["1-4", "10-15"])
    }

    @Test func jsonIsTheSpecsOutputObject() {
        var log = EventBuilder()
        log.referral("C1", "2023-09-01", "R0")
        log.referral("C1", "2024-05-01", "R1")
        let report = log.state.metrics(MetricContext(period: year2024, dimensions: [.source]), only: ["re-referrals"])
        // The log's one child's record ends on 2024-05-01, so the log is taken as complete from 1 May 2024 (a small
        // log's estimate is late: the safe side); it ends then too. The figure needs every referral from 1 April 2023
        // and runs to 31 March 2025: partial. And 1 referral is too few to rate.
        let note =
            "it needs every event from 2023-04-01 (the 12 months before each referral) and its period runs to "
            + "2025-03-31; the log covers 2024-05-01 to 2024-05-01 (the cases open on 2024-05-01 from 2023-09-01)"
        #expect(
            report.json.compactText
                == #"{"period":{"from":"2024-04-01","to":"2025-03-31"},"asKnownAt":null,"#
                + #""span":{"earliest":"2023-09-01","completeFrom":"2024-05-01","latest":"2024-05-01"},"#
                + #""metrics":[{"id":"re-referrals","numerator":1,"denominator":1,"value":100.0,"details":{},"#
                + #""coverage":"partial","coverageNote":"\#(note)","tooFewToRate":true,"#
                + #""breakdown":{"source":[{"key":"6","numerator":1,"denominator":1,"value":100.0,"tooFewToRate":true}]}}]}"#
        )
        #expect(
            MetricsReport.csv([report])
                == "from,to,as_known_at,metric,dimension,key,numerator,denominator,value,coverage,rating\r\n"
                + "2024-04-01,2025-03-31,,re-referrals,all,all,1,1,100.0,partial,too few to rate\r\n"
                + "2024-04-01,2025-03-31,,re-referrals,source,6,1,1,100.0,partial,too few to rate\r\n")
    }

    @Test func percentagesRoundToOneDecimalPlace() {
        #expect(MetricResult.percentage(1, 3) == 33.3)
        #expect(MetricResult.percentage(2, 3) == 66.7)
        #expect(MetricResult.percentage(1, 8) == 12.5)
        #expect(MetricResult.percentage(0, 0) == nil)
    }

    @Test func rollingYearsEndAtEachMonthEnd() {
        let months = ReportingPeriod(from: d("2024-01-15"), to: d("2024-03-10")).monthEnds
        // 31 March falls after the period's end, 10 March: no point for it.
        #expect(months == [d("2024-01-31"), d("2024-02-29")])
        #expect(
            ReportingPeriod.rollingYear(to: d("2024-02-29"))
                == ReportingPeriod(from: d("2023-03-01"), to: d("2024-02-29")))
        #expect(ReportingPeriod(statutoryYear: "2024-25") == year2024)
        #expect(ReportingPeriod(statutoryYear: "2024-26") == nil)
    }
}
