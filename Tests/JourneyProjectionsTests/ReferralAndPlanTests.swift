import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

@Suite("Re-referrals and CP plans")
struct ReferralAndPlanTests {
    @Test func reReferrals() {
        var log = EventBuilder()
        // C1: 30 April 2024 with an earlier referral on 1 May 2023 (window from 30 April 2023): a re-referral.
        log.referral("C1", "2023-05-01", "R0")
        log.referral("C1", "2024-04-30", "R1")
        // C2: the earlier referral on 30 April 2023 is exactly 12 months before: the boundary day counts.
        log.referral("C2", "2023-04-30", "R0")
        log.referral("C2", "2024-04-30", "R1")
        // C3: 29 April 2023 is a day outside the window: not a re-referral.
        log.referral("C3", "2023-04-29", "R0")
        log.referral("C3", "2024-04-30", "R1")
        // C4: two referrals on the same day do not make each other re-referrals (metrics.md, Reading).
        log.referral("C4", "2024-06-01", "R1")
        log.referral("C4", "2024-06-01", "R2")
        // C5: an NFA referral counts as an earlier referral, and is itself in the population.
        log.referral("C5", "2024-05-01", "R1", nfa: true)
        log.referral("C5", "2024-07-01", "R2")
        let m = log.metric("re-referrals")
        // Population: C1, C2, C3 one each, C4 two, C5 two = 7. Re-referrals: C1, C2, C5's July = 3. 3/7 = 42.857…
        #expect(m.numerator == 3 && m.denominator == 7 && m.value == 42.9)
    }

    @Test func reReferralsOn29February() {
        var log = EventBuilder()
        // 29 February 2024 − 12 months = 28 February 2023 (metrics.md): a referral that day is in the window…
        log.referral("C1", "2023-02-28", "R0")
        log.referral("C1", "2024-02-29", "R1")
        // …and one on 27 February 2023 is not.
        log.referral("C2", "2023-02-27", "R0")
        log.referral("C2", "2024-02-29", "R1")
        let m = log.metric("re-referrals", ReportingPeriod(from: d("2023-04-01"), to: d("2024-03-31")))
        #expect(m.numerator == 1 && m.denominator == 2)
    }

    @Test func repeatCPPlans() {
        var log = EventBuilder()
        // C1: previous plan ended 1 June 2022, exactly 2 years before the new start: second, and within two years.
        log.cpPlan("C1", "P1", start: "2022-01-10", end: "2022-06-01")
        log.cpPlan("C1", "P2", start: "2024-06-01")
        // C2: previous plan ended 31 May 2022, a day more than two years before: second, not within two years.
        log.cpPlan("C2", "P1", start: "2022-01-10", end: "2022-05-31")
        log.cpPlan("C2", "P2", start: "2024-06-01")
        // C3: the only plan in the log says 2 earlier plans: second, and its prior plan is not in the log.
        log.cpPlan("C3", "P1", start: "2024-07-01", previous: 2)
        // C4: a first plan.
        log.cpPlan("C4", "P1", start: "2024-08-01")
        // C5: two plans in the period: judged once, by the first, which had none before it.
        log.cpPlan("C5", "P1", start: "2024-05-01", end: "2024-09-01")
        log.cpPlan("C5", "P2", start: "2024-12-01")
        // C6: an earlier plan that never ended: second, but no end within two years.
        log.cpPlan("C6", "P1", start: "2023-01-01")
        log.cpPlan("C6", "P2", start: "2024-06-01")
        let m = log.metric("repeat-cp-plans")
        // Population C1–C6 = 6; second or subsequent C1, C2, C3, C6 = 4 (66.7%); within two years C1 only.
        #expect(m.numerator == 4 && m.denominator == 6 && m.value == 66.7)
        #expect(m.count("withinTwoYears") == 1 && m.count("priorPlanNotInLog") == 1)
    }

    @Test func cpPlanDuration() {
        var log = EventBuilder()
        // Bands by end − start (metrics.md): the boundaries fall as the definition says.
        log.cpPlan("C1", "P1", start: "2024-01-15", end: "2024-04-15")  // = start + 3 months: up to 3 months
        log.cpPlan("C2", "P1", start: "2024-01-15", end: "2024-04-16")  // a day over: 3 to 6 months
        log.cpPlan("C3", "P1", start: "2024-01-15", end: "2024-07-15")  // = start + 6 months: 3 to 6 months
        log.cpPlan("C4", "P1", start: "2023-06-01", end: "2024-05-31")  // a day under a year: 6 months to 1 year
        log.cpPlan("C5", "P1", start: "2023-06-01", end: "2024-06-01")  // exactly 1 year: 1 to 2 years
        log.cpPlan("C6", "P1", start: "2022-06-01", end: "2024-06-01")  // exactly 2 years: 2 years or more
        log.cpPlan("C7", "P1", start: "2024-01-01", end: "2025-04-01")  // ended after the period
        log.cpPlan("C8", "P1", start: nil, end: "2024-06-01")  // no start: cannot be measured
        let m = log.metric("cp-plan-duration")
        #expect(m.denominator == 6 && m.numerator == 1 && m.value == 16.7)
        #expect(
            [
                m.band("upTo3Months"), m.band("3to6Months"), m.band("6MonthsTo1Year"), m.band("1to2Years"),
                m.band("2YearsOrMore"),
            ]
                == [1, 2, 1, 1, 1])
    }
}
