import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// The health of children looked after for 12 months (metrics.md, *Health of children looked after*). Every
/// expected figure is worked out by hand from the definition, in the comments.
@Suite("Health of children looked after")
struct LookedAfterHealthTests {
    /// The year 2024-25: `to` is 2025-03-31, the 12 months are 2024-04-01 to 2025-03-31, and care must cover every
    /// day from 2024-03-31.
    static var log: EventBuilder {
        var log = EventBuilder()
        // H1: 10 on `to`, in care since 2023. Health assessment in June; dental check in March 2024 (before the 12
        // months); immunisations up to date in May, not in January (the latest counts: not up to date); SDQ 15
        // (borderline); convicted in March 2024 (before the 12 months); substance misuse, intervention received.
        log.registered("H1", born: "2014-05-01")
        log.care("H1", "L1", start: "2023-01-01")
        log.add("H1", "2024-06-01", .healthAssessmentCompleted)
        log.add("H1", "2024-03-15", .dentalCheckCompleted)
        log.add("H1", "2024-05-01", .immunisationsRecorded(isUpToDate: true))
        log.add("H1", "2025-01-10", .immunisationsRecorded(isUpToDate: false))
        log.add("H1", "2024-07-01", .sdqRecorded(SDQRecorded(score: 15)))
        log.add("H1", "2024-03-01", .convictionRecorded)
        log.add("H1", "2024-11-01", .substanceMisuseIdentified(interventionOffered: nil, interventionReceived: true))
        // H2: 7; one period ended on 2024-06-30 and the next began that day (no gap). Health assessment on the last
        // day, dental check on the first; immunisations up to date; SDQ 22 in April, then a reason (SDQ2) in
        // February: the latest has no score. A conviction, but under 10.
        log.registered("H2", born: "2018-02-10")
        log.care("H2", "L1", start: "2024-01-01", end: "2024-06-30")
        log.care("H2", "L2", start: "2024-06-30")
        log.add("H2", "2025-03-31", .healthAssessmentCompleted)
        log.add("H2", "2024-04-01", .dentalCheckCompleted)
        log.add("H2", "2024-09-01", .immunisationsRecorded(isUpToDate: true))
        log.add("H2", "2024-04-10", .sdqRecorded(SDQRecorded(score: 22)))
        log.add("H2", "2025-02-01", .sdqRecorded(SDQRecorded(reasonNotTaken: SDQReason("SDQ2")!)))
        log.add("H2", "2024-12-01", .convictionRecorded)
        // H3: care began 2024-04-01, a day after `to − 12 months`: not in the cohort.
        log.registered("H3", born: "2012-03-31")
        log.care("H3", "L1", start: "2024-04-01")
        log.add("H3", "2024-06-01", .healthAssessmentCompleted)
        // H4: 9; care began 2024-03-31, exactly `to − 12 months`: in. SDQ 6 (normal); nothing else.
        log.registered("H4", born: "2016-01-01")
        log.care("H4", "L1", start: "2024-03-31")
        log.add("H4", "2024-05-01", .sdqRecorded(SDQRecorded(score: 6)))
        // H5: short breaks (V3): not in the cohort.
        log.registered("H5", born: "2015-01-01")
        log.care("H5", "L1", start: "2020-01-01", status: "V3")
        log.add("H5", "2024-06-01", .healthAssessmentCompleted)
        // H6: care ended on `to`: not looked after on it.
        log.registered("H6", born: "2015-01-01")
        log.care("H6", "L1", start: "2020-01-01", end: "2025-03-31")
        // H7: 4: in the cohort, too young for the SDQ. Dental check.
        log.registered("H7", born: "2021-01-01")
        log.care("H7", "L1", start: "2022-01-01")
        log.add("H7", "2024-06-01", .dentalCheckCompleted)
        // H8: 17: too old for the SDQ (a score of 30 is left out); convicted; substance misuse, intervention offered.
        log.registered("H8", born: "2008-01-01")
        log.care("H8", "L1", start: "2020-01-01")
        log.add("H8", "2024-06-01", .sdqRecorded(SDQRecorded(score: 30)))
        log.add("H8", "2024-08-01", .convictionRecorded)
        log.add("H8", "2024-09-01", .substanceMisuseIdentified(interventionOffered: true, interventionReceived: false))
        // H9: no birth date: in the cohort with no age. Health assessment.
        log.care("H9", "L1", start: "2020-01-01")
        log.add("H9", "2024-12-01", .healthAssessmentCompleted)
        // H10: a day's gap (ended 2024-06-01, back 2024-06-02): not in the cohort.
        log.registered("H10", born: "2015-01-01")
        log.care("H10", "L1", start: "2022-01-01", end: "2024-06-01")
        log.care("H10", "L2", start: "2024-06-02")
        log.add("H10", "2024-07-01", .healthAssessmentCompleted)
        return log
    }

    // The cohort: H1, H2, H4, H7, H8, H9 = 6.

    @Test func healthAssessmentsDentalChecksAndImmunisations() throws {
        let log = Self.log
        // Health assessments: H1, H2, H9 = 3 of 6 = 50.0.
        let assessments = log.metric("cla-health-assessments", by: [.ageBand])
        #expect(assessments.numerator == 3 && assessments.denominator == 6 && assessments.value == 50.0)
        // Age bands on `to`: 5-9 is H2 (assessed) and H4 (not): 1 of 2.
        let row = try #require(assessments.breakdown.first?.rows.first { $0.key == "5-9" })
        #expect(row.numerator == 1 && row.denominator == 2 && row.value == 50.0)
        // Dental checks: H2 (on the first day), H7 = 2 of 6 = 33.3.
        let dental = log.metric("cla-dental-checks")
        #expect(dental.numerator == 2 && dental.denominator == 6 && dental.value == 33.3)
        // Immunisations: H2 only (H1's latest says not) = 1 of 6 = 16.7.
        let immunisations = log.metric("cla-immunisations")
        #expect(immunisations.numerator == 1 && immunisations.denominator == 6 && immunisations.value == 16.7)
    }

    @Test func strengthsAndDifficultiesScores() {
        // Aged 5 to 16: H1 (10), H2 (7), H4 (9) = 3. Scores: H1 15, H4 6; H2's latest has none.
        // 21 over 2 = 10.5; median (6 + 15) / 2 = 10.5; normal H4, borderline H1, concern none; noScore H2;
        // coverage 2 of 3 = 66.7.
        let m = Self.log.metric("cla-sdq")
        #expect(m.kind == .average)
        #expect(m.numerator == 21 && m.denominator == 2 && m.value == 10.5)
        #expect(m.details.map(\.key) == ["median", "normal", "borderline", "concern", "noScore", "coverage"])
        #expect(m.detail("median") == .number("10.5"))
        #expect([m.count("normal"), m.count("borderline"), m.count("concern"), m.count("noScore")] == [1, 1, 0, 1])
        #expect(m.detail("coverage") == .number("66.7"))
    }

    @Test func convictionsAndSubstanceMisuse() {
        // Aged 10 or over: H1, H8 = 2; convicted in the 12 months: H8 = 1 of 2 = 50.0.
        let convicted = Self.log.metric("cla-convicted")
        #expect(convicted.numerator == 1 && convicted.denominator == 2 && convicted.value == 50.0)
        // Substance misuse, all ages: H1, H8 = 2 of 6 = 33.3; received H1, offered H8.
        let misuse = Self.log.metric("cla-substance-misuse")
        #expect(misuse.numerator == 2 && misuse.denominator == 6 && misuse.value == 33.3)
        #expect(misuse.count("interventionReceived") == 1 && misuse.count("interventionOffered") == 1)
    }

    @Test func theTwelveMonthsAreToThePeriodsEndWhateverItsStart() {
        // A period of one month: the cohort and the 12 months are still taken back from its end.
        let march = ReportingPeriod(from: d("2025-03-01"), to: d("2025-03-31"))
        let m = Self.log.metric("cla-health-assessments", march)
        #expect(m.numerator == 3 && m.denominator == 6)
        let need = LookedAfterHealth.coverageNeed(march)
        #expect(
            need.eventsFrom == d("2024-04-01") && need.openFrom == d("2024-03-31") && need.through == d("2025-03-31"))
    }

    @Test func aCorrectedEntryCountsFromItsRecordedTime() {
        var log = EventBuilder()
        log.registered("H1", born: "2014-05-01")
        log.care("H1", "L1", start: "2023-01-01")
        let entry = log.add("H1", "2024-05-01", .immunisationsRecorded(isUpToDate: false))
        log.add("H1", "2024-05-01", .immunisationsRecorded(isUpToDate: true), recorded: "2024-06-01", corrects: entry)
        #expect(log.metric("cla-immunisations", asKnownAt: "2024-05-15").numerator == 0)
        #expect(log.metric("cla-immunisations").numerator == 1)
    }

    /// A log that records none of these outcomes (the sample; a log of the CIN census and the 903 episodes alone)
    /// would give 0% over a real cohort, which reads as a finding: every health figure is marked partial instead.
    @Test func aLogWithNoHealthEventsMarksTheFiguresPartial() {
        var log = EventBuilder()
        // N1 and N2: looked after since 2020, nothing recorded about their health: a cohort of 2, 0 of 2.
        log.registered("N1", born: "2012-01-01")
        log.care("N1", "L1", start: "2020-01-01")
        log.registered("N2", born: "2014-01-01")
        log.care("N2", "L1", start: "2020-01-01")
        let note = "does not hold these outcomes"
        for id in LookedAfterHealth.ids {
            #expect(log.metric(id).partialCoverage?.contains(note) == true, "\(id)")
        }
        let assessments = log.metric("cla-health-assessments")
        #expect(assessments.numerator == 0 && assessments.denominator == 2)
        // One dental check for N2 in the 12 months: the log records these outcomes, and no figure is marked so.
        log.add("N2", "2024-09-01", .dentalCheckCompleted)
        for id in LookedAfterHealth.ids {
            #expect(log.metric(id).partialCoverage?.contains(note) != true, "\(id)")
        }
    }

}
