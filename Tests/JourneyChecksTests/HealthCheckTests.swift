import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("Health")
struct HealthCheckTests {
    @Test func sdqOutsideAges() {
        var log = EventBuilder()
        // Aged 16 on 1 May 2024: a score is right; aged 17, the reason SDQ1 is.
        log.registered("C1", "2008-01-01", born: "2008-01-01")
        log.sdq("C1", "2024-05-01", score: 12)
        log.registered("C2", "2007-01-01", born: "2007-01-01")
        log.sdq("C2", "2024-05-01", reason: "SDQ1")
        // Aged 2 with a score; aged 9 with SDQ1 (903 157).
        let young = log.registered("C3", "2022-01-01", born: "2022-01-01")
        let score = log.sdq("C3", "2024-05-01", score: 8)
        let nine = log.registered("C4", "2015-01-01", born: "2015-01-01")
        let sdq1 = log.sdq("C4", "2024-05-01", reason: "SDQ1")
        // No birth date: not judged.
        log.registered("C5", "2024-01-01")
        log.sdq("C5", "2024-05-01", score: 8)
        let found = log.findings("sdq-outside-ages-4-to-16")
        #expect(found.map(\.positions) == [[p(score), p(young)], [p(sdq1), p(nine)]])
        #expect(
            found.map(\.message) == [
                "SDQ score recorded 2024-05-01 for a child under 4: the SDQ is for children aged 4 to 16; correct the "
                    + "date or the birth date, or record the reason SDQ1 in place of the score.",
                "SDQ recorded 2024-05-01 with the reason SDQ1 (under 4 or over 16) for a child aged 4 to 16: record "
                    + "the score, or the reason it was not taken.",
            ])
    }

    @Test func healthSurveillanceAgedFiveOrOver() {
        var log = EventBuilder()
        // 4 years old the day before the 5th birthday; 5 on it.
        log.registered("C1", "2019-05-02", born: "2019-05-02")
        log.healthSurveillance("C1", "2024-05-01")
        let born = log.registered("C2", "2019-05-01", born: "2019-05-01")
        let entry = log.healthSurveillance("C2", "2024-05-01")
        let found = log.findings("health-surveillance-aged-5-or-over")
        #expect(found.map(\.positions) == [[p(entry), p(born)]])
        #expect(
            found.first?.message
                == "Health surveillance recorded 2024-05-01 for a child aged 5 or over: development checks are for "
                + "children under 5; correct the date or the birth date, or retract the entry.")
    }

    @Test func convictionUnderTen() {
        var log = EventBuilder()
        log.registered("C1", "2014-05-01", born: "2014-05-01")
        log.conviction("C1", "2024-05-01")
        let born = log.registered("C2", "2014-05-02", born: "2014-05-02")
        let conviction = log.conviction("C2", "2024-05-01")
        let found = log.findings("conviction-under-10")
        #expect(found.map(\.positions) == [[p(conviction), p(born)]])
        #expect(
            found.first?.message
                == "Conviction recorded 2024-05-01 for a child under 10, the age of criminal responsibility: correct "
                + "the date or the birth date, or check that it belongs to this child.")
    }

    @Test func deprivationOfLibertyEndsBeforeStart() {
        var log = EventBuilder()
        log.dolStarted("C1", "2024-05-01")
        log.dolEnded("C1", "2024-05-10")
        let start = log.dolStarted("C2", "2024-05-10")
        let end = log.dolEnded("C2", "2024-05-01")
        // 903 702: ending on the day it started is wrong too.
        let sameStart = log.dolStarted("C3", "2024-05-10")
        let sameEnd = log.dolEnded("C3", "2024-05-10")
        let found = log.findings("deprivation-of-liberty-ends-before-start")
        #expect(found.map(\.positions) == [[p(end), p(start)], [p(sameEnd), p(sameStart)]])
        #expect(
            found.map(\.message) == [
                "Deprivation of liberty order ended 2024-05-01, before it started on 2024-05-10: correct the start "
                    + "date or the end date.",
                "Deprivation of liberty order ended 2024-05-10, the day it started: correct the start date or the end "
                    + "date.",
            ])
    }

    @Test func overlappingDeprivationOfLibertyOrders() {
        var log = EventBuilder()
        // One order ends on the day the next starts.
        log.dolStarted("C1", "2024-05-01")
        log.dolEnded("C1", "2024-06-01")
        log.dolStarted("C1", "2024-06-01", "DOL2")
        let first = log.dolStarted("C2", "2024-05-01")
        let second = log.dolStarted("C2", "2024-06-01", "DOL2")
        let found = log.findings("overlapping-deprivation-of-liberty-orders")
        #expect(found.map(\.positions) == [[p(second), p(first)]])
        #expect(
            found.first?.message
                == "Deprivation of liberty order started 2024-06-01 while the order started 2024-05-01 was still open: "
                + "end the earlier order on or before 2024-06-01, or correct the dates.")
    }
}
