import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// Timescales are judged on the as-of date; each test moves it across the last day in time.
@Suite("Timescales still open")
struct TimelinessCheckTests {
    @Test func assessmentOpenOver45Days() {
        var log = EventBuilder()
        log.referral("C1", "2024-07-01")
        let a = log.assessmentStarted("C1", "2024-07-01")
        // Authorised after the as-of date: still open on it.
        log.assessmentCompleted("C1", "2024-09-10")
        // Mon 1 July → Tue 3 September 2024: 9 weeks to Mon 2 September (45 weekdays) + Tue 3rd = 46, less the bank
        // holiday Mon 26 August = 45: the last day in time.
        #expect(log.findings("assessment-open-over-45-days", asOf: "2024-09-03").isEmpty)
        let found = log.findings("assessment-open-over-45-days", asOf: "2024-09-04")
        #expect(found.map(\.positions) == [[p(a)]] && found.first?.severity == .warning)
        #expect(
            found.first?.message
                == "Assessment started 2024-07-01 is not authorised after 46 working days (the limit of 45 ended on "
                + "2024-09-03): authorise it, or record its authorisation if it is done.")
        #expect(log.findings("assessment-open-over-45-days", asOf: "2024-09-10").isEmpty)
    }

    @Test func s47WithoutICPCAfter15Days() {
        var log = EventBuilder()
        let s = log.s47("C1", "2024-06-03")
        // Completed needing a conference: still waiting for it. Completed with none required: done.
        let done = log.s47Completed("C1", "2024-06-07", icpcRequired: true)
        log.s47("C2", "2024-06-03")
        log.s47Completed("C2", "2024-06-07", icpcRequired: false)
        // Mon 3 June → Mon 24 June 2024: three weeks, no bank holiday: 15, in time; Tue 25th is 16.
        #expect(log.findings("s47-without-icpc-after-15-days", asOf: "2024-06-24").isEmpty)
        let found = log.findings("s47-without-icpc-after-15-days", asOf: "2024-06-25")
        #expect(found.map(\.positions) == [[p(s), p(done)]])
        #expect(
            found.first?.message
                == "Section 47 enquiry started 2024-06-03 has no initial child protection conference after 16 working "
                + "days (the limit is 15): record the conference, or complete the enquiry with no conference required.")
        // The conference, held late, ends it.
        log.icpc("C1", "2024-06-26")
        #expect(log.findings("s47-without-icpc-after-15-days", asOf: "2024-07-01").isEmpty)
    }

    @Test func cpPlanReviewOverdue() {
        var log = EventBuilder()
        let plan = log.cpPlanStarted("C1", "2024-01-15")
        // First review due by start + 3 months: 15 April 2024.
        #expect(log.findings("cp-plan-review-overdue", asOf: "2024-04-15").isEmpty)
        let first = log.findings("cp-plan-review-overdue", asOf: "2024-04-16")
        #expect(first.map(\.positions) == [[p(plan)]] && first.first?.date == d("2024-04-15"))
        #expect(
            first.first?.message
                == "CP plan started 2024-01-15 has had no review conference; the first was due by 2024-04-15 (3 "
                + "months): hold the review conference, or record it if it was held.")
        // Reviewed 10 April: the next is due by 10 October.
        let review = log.cpPlanReviewed("C1", "2024-04-10")
        #expect(log.findings("cp-plan-review-overdue", asOf: "2024-10-10").isEmpty)
        let next = log.findings("cp-plan-review-overdue", asOf: "2024-10-11")
        #expect(next.map(\.positions) == [[p(review), p(plan)]])
        #expect(
            next.first?.message
                == "CP plan started 2024-01-15 was last reviewed 2024-04-10; the next review was due by 2024-10-10 (6 "
                + "months): hold the review conference, or record it if it was held.")
    }

    @Test func cpVisitOverdue() {
        var log = EventBuilder()
        log.cpPlanStarted("C1", "2024-06-03")
        let seen = log.visit("C1", "2024-06-10")
        // A visit where the child was not seen does not count, nor does a CIN visit.
        log.visit("C1", "2024-06-17", seen: false)
        log.visit("C1", "2024-06-18", kind: "cin")
        // Mon 10 June → Mon 24 June 2024: 10 working days, in time; Tue 25th is 11.
        #expect(log.findings("cp-visit-overdue", asOf: "2024-06-24").isEmpty)
        let found = log.findings("cp-visit-overdue", asOf: "2024-06-25")
        #expect(found.map(\.positions) == [[p(seen)]])
        #expect(
            found.first?.message
                == "Child on a CP plan was last seen on a CP visit on 2024-06-10, 11 working days before 2024-06-25 (the "
                + "standard is 10): visit the child, or record the visit if it was made.")
        // Never visited: counted from the plan's start.
        var never = EventBuilder()
        let plan = never.cpPlanStarted("C1", "2024-06-03")
        #expect(never.findings("cp-visit-overdue", asOf: "2024-06-17").isEmpty)
        #expect(never.findings("cp-visit-overdue", asOf: "2024-06-18").map(\.positions) == [[p(plan)]])
    }

    @Test func returnInterviewNotOffered() {
        var log = EventBuilder()
        let m = log.missing("C1", "2024-06-08")
        let r = log.returned("C1", "2024-06-10", offered: nil)
        // Offered, or away rather than missing: not reported.
        log.missing("C2", "2024-06-08")
        log.returned("C2", "2024-06-10", offered: true)
        log.missing("C3", "2024-06-08", kind: "away")
        log.returned("C3", "2024-06-10", offered: false)
        // Back on 10 June: the 72 hours run to 13 June.
        #expect(log.findings("return-interview-not-offered", asOf: "2024-06-13").isEmpty)
        let found = log.findings("return-interview-not-offered", asOf: "2024-06-14")
        #expect(found.map(\.positions) == [[p(r), p(m)]])
        #expect(
            found.first?.message
                == "Child returned from a missing episode on 2024-06-10; a return interview is not recorded as offered "
                + "(due within 72 hours, by 2024-06-13): offer the interview, or correct the record if it was offered.")
    }

    @Test func lookedAfterReviewOverdue() {
        var log = EventBuilder()
        let care = log.careStarted("C1", "2024-06-03")
        // Mon 3 June 2024 + 20 working days = Mon 1 July (four full weeks to Fri 28 June is 19, then the Monday).
        #expect(log.findings("looked-after-review-overdue", asOf: "2024-07-01").isEmpty)
        let first = log.findings("looked-after-review-overdue", asOf: "2024-07-02")
        #expect(first.map(\.positions) == [[p(care)]])
        #expect(
            first.first?.message
                == "Period of care started 2024-06-03 has had no review; the first was due by 2024-07-01 (20 working "
                + "days): hold the review, or record it if it was held.")
        // First review 28 June: the second is due within 3 months, by 28 September.
        let r1 = log.careReviewed("C1", "2024-06-28")
        #expect(log.findings("looked-after-review-overdue", asOf: "2024-09-28").isEmpty)
        let second = log.findings("looked-after-review-overdue", asOf: "2024-09-29")
        #expect(second.map(\.positions) == [[p(r1), p(care)]])
        #expect(
            second.first?.message
                == "Period of care started 2024-06-03 had its first review on 2024-06-28; the second was due by "
                + "2024-09-28 (3 months): hold the review, or record it if it was held.")
        // Second review 20 September: later ones every 6 months, so due by 20 March 2025.
        log.careReviewed("C1", "2024-09-20")
        #expect(log.findings("looked-after-review-overdue", asOf: "2025-03-20").isEmpty)
        #expect(
            log.messages("looked-after-review-overdue", asOf: "2025-03-21") == [
                "Period of care started 2024-06-03 was last reviewed on 2024-09-20; the next review was due by "
                    + "2025-03-20 (6 months): hold the review, or record it if it was held."
            ])
        // A series of short breaks follows other timescales.
        var breaks = EventBuilder()
        breaks.careStarted("C1", "2024-06-03", status: "V3")
        #expect(breaks.findings("looked-after-review-overdue", asOf: "2024-12-31").isEmpty)
    }
}
