import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

@Suite("Timeliness metrics")
struct TimelinessTests {
    @Test func assessmentTimeliness() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        // Mon 8 April → Mon 10 June 2024: Tue–Fri 9–12 April (4) + 8 full weeks from 15 April (40) + Mon 10 June (1)
        // = 45 weekdays, less the bank holidays Mon 6 May and Mon 27 May = 43. Within 45.
        log.assessment("C1", "A1", started: "2024-04-08", completed: "2024-06-10")
        // Mon 1 July → Tue 3 September 2024: 9 weeks to Mon 2 September (45 weekdays) + Tue 3rd = 46, less the
        // bank holiday Mon 26 August = 45: exactly the limit, so within.
        log.assessment("C2", "A2", started: "2024-07-01", completed: "2024-09-03")
        // The same start, authorised Wed 4 September: 46. Not within.
        log.assessment("C3", "A3", started: "2024-07-01", completed: "2024-09-04")
        // Same day: 0.
        log.assessment("C4", "A4", started: "2024-05-01", completed: "2024-05-01")
        // No start: unmatched. Completed before it started: invalid. Completed after the period: not counted.
        log.assessment("C5", "A5", started: nil, completed: "2024-05-02")
        log.assessment("C6", "A6", started: "2024-05-10", completed: "2024-05-09")
        log.assessment("C7", "A7", started: "2025-03-03", completed: "2025-04-01")
        // Still open on 31 March 2025: from Mon 2 December 2024 that is far over 45 working days (overdue); from
        // Mon 3 March 2025 it is 20 (4 weeks), not overdue. A7 above is open on 31 March too: 20, not overdue.
        log.assessment("C8", "A8", started: "2024-12-02", completed: nil)
        log.assessment("C9", "A9", started: "2025-03-03", completed: nil)

        let m = log.metric("assessment-timeliness")
        // Durations 0, 43, 45, 46: three within 45 of four.
        #expect(m.numerator == 3 && m.denominator == 4 && m.value == 75.0)
        #expect(m.count("unmatched") == 1 && m.count("invalid") == 1)
        // Nearest rank of [0, 43, 45, 46]: p25 rank ⌈1⌉ = 0, median rank ⌈2⌉ = 43, p75 rank ⌈3⌉ = 45.
        #expect(m.count("p25") == 0 && m.count("median") == 43 && m.count("p75") == 45)
        #expect(m.band("0") == 1 && m.band("41-45") == 2 && m.band("46-50") == 1 && m.band("1-10") == 0)
        #expect(m.count("openOverdue") == 1)
    }

    @Test func assessmentTimelinessFromTheReferral() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        log.assessment("C1", "A1", started: "2024-04-08", completed: "2024-06-10")
        // From Mon 1 April instead: 5 more working days (Tue 2 – Mon 8 April) = 48. Not within.
        let m = log.metric("assessment-timeliness", fromReferral: true)
        #expect(m.numerator == 0 && m.denominator == 1 && m.count("median") == 48)
    }

    @Test func emptyPopulationHasNoValue() {
        let m = EventBuilder().metric("assessment-timeliness")
        #expect(m.denominator == 0 && m.value == nil && m.count("median") == nil)
    }

    @Test func icpcTimeliness() {
        var log = EventBuilder()
        // Named S47, Mon 3 June → Mon 24 June 2024: three weeks, no bank holiday: 15. Within (the limit).
        log.s47("C1", "E1", "2024-06-03")
        log.icpc("C1", "2024-06-24", s47: "E1")
        // No S47 named: found by referral. Mon 3 June → Tue 25 June: 16. Not within.
        log.s47("C2", "E2", "2024-06-03")
        log.icpc("C2", "2024-06-25", s47: nil)
        // Conference before its (named) S47: invalid.
        log.s47("C3", "E3", "2024-07-10")
        log.icpc("C3", "2024-07-09", s47: "E3")
        // No S47 at all: unmatched. An S47 of the referral that starts only after the conference: unmatched too.
        log.icpc("C4", "2024-07-09", s47: nil)
        log.s47("C5", "E5", "2024-08-10")
        log.icpc("C5", "2024-08-09", s47: nil)
        // Two S47s of the referral: the latest on or before the conference, Mon 9 September → Mon 16th: 5.
        log.s47("C6", "E6a", "2024-09-02")
        log.s47("C6", "E6b", "2024-09-09")
        log.icpc("C6", "2024-09-16", s47: nil)

        let m = log.metric("icpc-timeliness")
        // Durations 15, 16, 5: two within 15 of three = 66.7%.
        #expect(m.numerator == 2 && m.denominator == 3 && m.value == 66.7)
        #expect(m.count("unmatched") == 2 && m.count("invalid") == 1)
        #expect(m.band("0-10") == 1 && m.band("11-15") == 1 && m.band("16-20") == 1 && m.band("21+") == 0)
    }

    @Test func cpReviewTimeliness() {
        var log = EventBuilder()
        // to = 31 March 2025; the population's plans started on or before 31 December 2024.
        // C1: start 1 June 2024; first review 30 August (due by 1 September); next 27 February 2025 (due by
        // 28 February: 30 August + 6 months); 31 March is before 27 August. In timescale.
        log.cpPlan("C1", "P1", start: "2024-06-01", reviews: ["2024-08-30", "2025-02-27"])
        // C2: first review 2 September, a day after start + 3 months. Not in timescale.
        log.cpPlan("C2", "P2", start: "2024-06-01", reviews: ["2024-09-02", "2025-02-27"])
        // C3: started 15 January 2025, after 31 December: not in the population.
        log.cpPlan("C3", "P3", start: "2025-01-15")
        // C4: started exactly 31 December 2024 (= to − 3 months): in the population; its review on 31 March is on
        // the last day allowed (start + 3 months). In timescale.
        log.cpPlan("C4", "P4", start: "2024-12-31", reviews: ["2025-03-31"])
        // C5: plan ended on 31 March: not on a plan on that day.
        log.cpPlan("C5", "P5", start: "2024-06-01", end: "2025-03-31")
        // C6: reviews exactly 6 months apart (5 April → 5 October) are in time; the last, 4 October 2024,
        // + 6 months is 4 April 2025, after 31 March. In timescale.
        log.cpPlan("C6", "P6", start: "2023-01-10", reviews: ["2023-04-05", "2023-10-05", "2024-04-05", "2024-10-04"])
        // C7: second review on 6 October, a day late.
        log.cpPlan("C7", "P7", start: "2023-01-10", reviews: ["2023-04-05", "2023-10-06", "2024-04-05", "2024-10-04"])
        // C8: no review at all.
        log.cpPlan("C8", "P8", start: "2024-06-01")

        let m = log.metric("cp-review-timeliness")
        // Population C1, C2, C4, C6, C7, C8 = 6; in timescale C1, C4, C6 = 3: 50.0%.
        #expect(m.numerator == 3 && m.denominator == 6 && m.value == 50.0)
    }
}
