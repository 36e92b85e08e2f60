import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("Care")
struct CareCheckTests {
    /// One period of care from 1 June 2024 with a temporary placement of `type` from `start` to `end`.
    func temporary(_ type: String, _ child: String, start: String, end: String?, into log: inout EventBuilder)
        -> EventID
    {
        log.careStarted(child, "2024-06-01")
        log.placed(child, "2024-06-01", "PL1")
        let placement = log.placed(child, start, "PL2", type: type)
        if let end { log.placementEnded(child, end, "PL2") }
        return placement
    }

    @Test func temporaryHospitalOverSixWeeks() {
        var log = EventBuilder()
        // 3 June → 15 July 2024 is 42 days (27 in June + 15): 6 weeks, allowed; to 16 July is 43.
        _ = temporary("T1", "C1", start: "2024-06-03", end: "2024-07-15", into: &log)
        let over = temporary("T1", "C2", start: "2024-06-03", end: "2024-07-16", into: &log)
        let found = log.findings("t1-hospital-over-six-weeks")
        #expect(found.map(\.positions) == [[p(over), p(over) + 1]] && found.first?.severity == .error)
        #expect(
            found.first?.message
                == "Temporary placement T1 started 2024-06-03 lasted 43 days (to 2024-07-16); the limit is 6 weeks: "
                + "record the move to a new placement, or correct the placement type or dates.")
    }

    @Test func temporaryCarerHolidayOverThreeWeeks() {
        var log = EventBuilder()
        // 3 June → 24 June 2024 is 21 days: 3 weeks, allowed; to 25 June is 22.
        _ = temporary("T3", "C1", start: "2024-06-03", end: "2024-06-24", into: &log)
        let over = temporary("T3", "C2", start: "2024-06-03", end: "2024-06-25", into: &log)
        let found = log.findings("t3-carer-holiday-over-three-weeks")
        #expect(found.map(\.positions) == [[p(over), p(over) + 1]])
        #expect(
            found.first?.message
                == "Temporary placement T3 started 2024-06-03 lasted 22 days (to 2024-06-25); the limit is 3 weeks: "
                + "record the move to a new placement, or correct the placement type or dates.")
    }

    @Test func temporaryOtherOverSevenDays() {
        var log = EventBuilder()
        // Still open: judged on the as-of date. 3 June → 10 June 2024 is 7 days, allowed; to 11 June is 8.
        let open = temporary("T4", "C1", start: "2024-06-03", end: nil, into: &log)
        #expect(log.findings("t4-temporary-over-seven-days", asOf: "2024-06-10").isEmpty)
        let found = log.findings("t4-temporary-over-seven-days", asOf: "2024-06-11")
        #expect(found.map(\.positions) == [[p(open)]])
        #expect(
            found.first?.message
                == "Temporary placement T4 started 2024-06-03 has lasted 8 days and is still open; the limit is 7 days: "
                + "record the move to a new placement, or correct the placement type or dates.")
    }

    @Test func policeProtectionOver72Hours() {
        var log = EventBuilder()
        // L1 from 1 June to an interim care order on 4 June: 3 days, within 72 hours. To 5 June: 4 days.
        log.careStarted("C1", "2024-06-01", status: "L1")
        log.legalStatus("C1", "2024-06-04", "C1")
        let l1 = log.careStarted("C2", "2024-06-01", status: "L1")
        log.legalStatus("C2", "2024-06-05", "C1")
        // A change to police protection during care counts from the day it takes effect; a period ended in time is fine.
        log.careStarted("C3", "2024-06-01")
        let change = log.legalStatus("C3", "2024-06-10", "L1")
        log.careStarted("C4", "2024-06-01", status: "L1")
        log.careEnded("C4", "2024-06-03")
        let found = log.findings("police-protection-over-72-hours")
        #expect(found.map(\.positions) == [[p(l1)], [p(change)]])
        #expect(
            found.map(\.message) == [
                "Police protection (L1) from 2024-06-01 lasted until 2024-06-05, 4 days: police protection ends within "
                    + "72 hours; record the legal status that followed it, or correct the dates.",
                "Police protection (L1) from 2024-06-10 is still in force, 294 days: police protection ends within 72 "
                    + "hours; record the legal status that followed it, or correct the dates.",
            ])
    }

    @Test func periodOfCareWithoutPlacement() {
        var log = EventBuilder()
        let care = log.careStarted("C1", "2024-06-01")
        log.careStarted("C2", "2024-06-01")
        log.placed("C2", "2024-06-01")
        // Judged from the day after the start.
        #expect(log.findings("period-of-care-without-placement", asOf: "2024-06-01").isEmpty)
        let found = log.findings("period-of-care-without-placement", asOf: "2024-06-02")
        #expect(found.map(\.positions) == [[p(care)]] && found.first?.severity == .warning)
        #expect(
            found.first?.message
                == "Period of care started 2024-06-01 has no placement recorded: record where the child is placed.")
    }
}
