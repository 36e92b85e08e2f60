import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("Outcomes that contradict each other")
struct OutcomeCheckTests {
    @Test func unknownReferral() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01", "R1")
        let a = log.assessmentStarted("C1", "2024-04-02", referral: "R9")
        // Linked to a recorded referral: fine.
        log.referral("C2", "2024-04-01", "R1")
        log.assessmentStarted("C2", "2024-04-02")
        let found = log.findings("unknown-referral")
        #expect(found.map(\.positions) == [[p(a)]])
        #expect(
            found.first?.message
                == "Assessment started 2024-04-02 names a referral that is not recorded for this child: record the "
                + "referral, or link the work to the referral it belongs to.")
    }

    @Test func activityAndPlansOnNFAReferral() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-04-01", nfa: true)
        let a = log.assessmentStarted("C1", "2024-04-02")
        let plan = log.cpPlanStarted("C1", "2024-04-20")
        // The same work on a referral that is not NFA: fine.
        log.referral("C2", "2024-04-01")
        log.assessmentStarted("C2", "2024-04-02")
        log.cpPlanStarted("C2", "2024-04-20")
        let activity = log.findings("activity-on-nfa-referral")
        #expect(activity.map(\.positions) == [[p(a), p(r)]])
        #expect(
            activity.first?.message
                == "Assessment started 2024-04-02 on the referral of 2024-04-01, which is marked no further action: "
                + "correct the referral's NFA flag, or link the work to the referral it belongs to.")
        let plans = log.findings("plan-on-nfa-referral")
        #expect(plans.map(\.positions) == [[p(plan), p(r)]])
        #expect(
            plans.first?.message
                == "CP plan started 2024-04-20 on the referral of 2024-04-01, which is marked no further action: "
                + "correct the referral's NFA flag, or link the plan to the referral it belongs to.")
    }

    @Test func closedAfterAssessmentWithS47OrPlan() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        let s = log.s47("C1", "2024-04-02")
        let c = log.closed("C1", "2024-05-01", reason: "RC8")
        // RC7 with an enquiry, and RC8 after an assessment only: both fine.
        log.referral("C2", "2024-04-01")
        log.s47("C2", "2024-04-02")
        log.closed("C2", "2024-05-01", reason: "RC7")
        log.referral("C3", "2024-04-01")
        log.assessmentStarted("C3", "2024-04-02")
        log.closed("C3", "2024-05-01", reason: "RC9")
        // CIN 2990: a conference recorded at episode level, with no enquiry, is work past assessment too.
        log.referral("C4", "2024-04-01")
        let icpc = log.icpc("C4", "2024-04-15", s47: nil)
        let c4 = log.closed("C4", "2024-05-01", reason: "RC9")
        let found = log.findings("closed-rc8-rc9-with-s47-or-plan")
        #expect(found.map(\.positions) == [[p(c), p(s)], [p(c4), p(icpc)]])
        #expect(
            found.last?.message
                == "Case closed 2024-05-01 with reason RC9 (closed after assessment), but the episode had an initial "
                + "child protection conference: correct the reason for closure (RC7 if services ceased).")
        #expect(
            found.first?.message
                == "Case closed 2024-05-01 with reason RC8 (closed after assessment), but the episode had a section 47 "
                + "enquiry: correct the reason for closure (RC7 if services ceased).")
    }

    @Test func closedAsDiedWithoutDeath() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        let c1 = log.closed("C1", "2024-05-01", reason: "RC2")
        log.referral("C2", "2024-04-01")
        let c2 = log.closed("C2", "2024-05-01", reason: "RC2")
        let death = log.died("C2", "2024-05-02")
        // Closed as died on the day of the death: fine.
        log.referral("C3", "2024-04-01")
        log.died("C3", "2024-05-01")
        log.closed("C3", "2024-05-01", reason: "RC2")
        let found = log.findings("closed-rc2-without-death")
        #expect(found.map(\.positions) == [[p(c1)], [p(c2), p(death)]])
        #expect(
            found.map(\.message) == [
                "Case closed 2024-05-01 with reason RC2 (died), but no death is recorded for the child: record the "
                    + "death, or correct the reason for closure.",
                "Case closed 2024-05-01 with reason RC2 (died), before the child's recorded death: correct the closure "
                    + "date, the reason, or the date of death.",
            ])
    }

    @Test func cpPlanWithoutICPCAndStartingAnotherDay() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        // A conference that decided against a plan does not count; one after the start does not either.
        log.icpc("C1", "2024-04-20", s47: nil, plan: false)
        let orphan = log.cpPlanStarted("C1", "2024-04-21")
        log.icpc("C1", "2024-04-22", s47: nil)
        log.referral("C2", "2024-04-01")
        let conference = log.icpc("C2", "2024-04-20", s47: nil)
        let late = log.cpPlanStarted("C2", "2024-04-21")
        // The plan starting on the conference day: neither check.
        log.referral("C3", "2024-04-01")
        log.icpc("C3", "2024-04-20", s47: nil)
        log.cpPlanStarted("C3", "2024-04-20")
        let without = log.findings("cp-plan-without-icpc")
        #expect(without.map(\.positions) == [[p(orphan)]])
        #expect(
            without.first?.message
                == "CP plan started 2024-04-21 with no initial child protection conference deciding on a plan in its "
                + "episode on or before that date: record the conference, or correct its outcome or date.")
        let differs = log.findings("cp-plan-start-differs-from-icpc")
        #expect(differs.map(\.positions) == [[p(late), p(conference)]] && differs.first?.severity == .query)
        #expect(
            differs.first?.message
                == "CP plan started 2024-04-21, but the conference that decided on it was held 2024-04-20: check the "
                + "dates; the plan starts on the day of the conference.")
    }

    @Test func icpcPlanWithoutCPPlan() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        let c = log.icpc("C1", "2024-04-20", s47: nil)
        // A plan from the conference day; and a conference on the as-of date, judged only from the next day.
        log.referral("C2", "2024-04-01")
        log.icpc("C2", "2024-04-20", s47: nil)
        log.cpPlanStarted("C2", "2024-04-20")
        log.referral("C3", "2025-03-01")
        log.icpc("C3", yearEnd, s47: nil)
        let found = log.findings("icpc-plan-without-cp-plan")
        #expect(found.map(\.positions) == [[p(c)]])
        #expect(
            found.first?.message
                == "Initial child protection conference on 2024-04-20 decided on a CP plan, but no CP plan was started: "
                + "record the plan from 2024-04-20, or correct the conference's outcome.")
    }

    @Test func closedEpisodeWithOpenWork() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        let a = log.assessmentStarted("C1", "2024-04-02")
        let s = log.s47("C1", "2024-04-03")
        let cin = log.cinPlanStarted("C1", "2024-04-04")
        let c = log.closed("C1", "2024-05-01")
        // The same work finished: authorised, no conference required, plan ended on the closure day.
        log.referral("C2", "2024-04-01")
        log.assessmentStarted("C2", "2024-04-02")
        log.assessmentCompleted("C2", "2024-04-30")
        log.s47("C2", "2024-04-03")
        log.s47Completed("C2", "2024-04-10", icpcRequired: false)
        log.cinPlanStarted("C2", "2024-04-04")
        log.cinPlanEnded("C2", "2024-05-01")
        log.closed("C2", "2024-05-01")
        let assessment = log.findings("closed-episode-with-open-assessment")
        #expect(assessment.map(\.positions) == [[p(a), p(c)]])
        #expect(
            assessment.first?.message
                == "Case closed 2024-05-01, but its assessment started 2024-04-02 is not authorised: record the "
                + "authorisation, or retract the assessment if it never took place.")
        let s47 = log.findings("closed-episode-with-open-s47")
        #expect(s47.map(\.positions) == [[p(s), p(c)]])
        #expect(
            s47.first?.message
                == "Case closed 2024-05-01, but its section 47 enquiry started 2024-04-03 has no conference and is not "
                + "completed with no conference required: record the conference or the enquiry's outcome.")
        let plan = log.findings("closed-episode-with-open-plan")
        #expect(plan.map(\.positions) == [[p(cin), p(c)]])
        #expect(
            plan.first?.message
                == "Case closed 2024-05-01, but its CIN plan started 2024-04-04 has no end: end the plan on or before 2024-05-01."
        )
    }

    @Test func openAfterDeath() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-04-01")
        let death = log.died("C1", "2024-05-10")
        // 20 working days after Friday 10 May 2024: 15 weekdays to Friday 31 May, less the bank holiday on Monday 27
        // May = 14; then Monday 3 June to Monday 10 June = 6 more: 10 June. Judged after it.
        log.referral("C2", "2024-04-01")
        log.died("C2", "2024-05-10")
        log.closed("C2", "2024-06-10")
        let found = log.findings("open-after-death")
        #expect(found.map(\.positions) == [[p(r), p(death)]] && found.first?.date == d("2024-06-10"))
        #expect(
            found.first?.message
                == "The child's death is recorded, but episode of need is still open 20 working days later: close it "
                + "from the date of death.")
        // On the last day of the 20 working days it is not reported yet.
        #expect(log.findings("open-after-death", asOf: "2024-06-10").isEmpty)
    }

    /// An event that names a referral, plan, period of care or placement the record does not hold is not dropped in
    /// silence: it is a finding.
    @Test func parentNotRecorded() {
        var log = EventBuilder()
        log.referral("C1", "2024-05-01")
        let closure = log.closed("C1", "2024-05-09", "R9")
        let review = log.cpPlanReviewed("C1", "2024-05-10", "CP9")
        let category = log.add("C1", "2024-05-11", .cpPlanCategoryChanged(plan: "CP9", category: AbuseCategory("EMO")!))
        let cinReview = log.add("C1", "2024-05-12", .cinPlanReviewed(plan: "P9"))
        let status = log.legalStatus("C1", "2024-05-13", "C2", period: "L9")
        let careReview = log.careReviewed("C1", "2024-05-14", "L9")
        let ended = log.placementEnded("C1", "2024-05-15", "PL9")
        // Written before their parents: the replay applies them, and they are not reported.
        log.closed("C2", "2024-05-09")
        log.cpPlanReviewed("C2", "2024-05-10")
        log.referral("C2", "2024-05-01")
        log.cpPlanStarted("C2", "2024-05-02")
        // A parent retracted: its closure names nothing any more.
        let retracted = log.referral("C3", "2024-05-01")
        let orphan = log.closed("C3", "2024-05-09")
        log.retract("C3", "2024-05-20", retracted)
        let found = log.findings("parent-not-recorded")
        #expect(
            found.map(\.positions) == [
                [p(closure)], [p(review)], [p(category)], [p(cinReview)], [p(status)], [p(careReview)], [p(ended)],
                [p(orphan)],
            ])
        #expect(
            found.map(\.message).prefix(2) == [
                "Case closed 2024-05-09 names a referral that is not recorded for this child: record the referral, "
                    + "or correct the referral the closure names.",
                "CP plan review 2024-05-10 names a CP plan that is not recorded for this child: record the plan, or "
                    + "correct the plan the review names.",
            ])
    }

    /// A record with more referrals, and more orders, than the check reads one by one (32): it finds the same.
    @Test func parentNotRecordedOnARecordWithManyParents() {
        var log = EventBuilder()
        let day = d("2024-04-01")
        for i in 0..<40 {
            log.referral("C1", day.adding(days: i).description, "R\(i)")
            log.dolStarted("C1", day.adding(days: i).description, "DOL\(i)")
        }
        // The first and last recorded, and one never recorded.
        log.closed("C1", "2024-06-01", "R0")
        log.closed("C1", "2024-06-02", "R39")
        let closure = log.closed("C1", "2024-06-03", "R40")
        log.dolEnded("C1", "2024-06-04", "DOL39")
        // Its end makes an order with no start, which is not an order recorded.
        let ended = log.dolEnded("C1", "2024-06-05", "DOL40")
        let found = log.findings("parent-not-recorded")
        #expect(found.map(\.positions) == [[p(closure)], [p(ended)]])
    }

    @Test func parentNotRecordedCoversPermanenceAndDeprivationOfLiberty() {
        var log = EventBuilder()
        log.careStarted("C1", "2024-04-01")
        log.placed("C1", "2024-04-01")
        // Named and recorded, or not named at all: nothing to report.
        log.placedForAdoption("C1", "2024-04-20", placement: "PL1")
        log.placedForAdoption("C1", "2024-04-21", "AD2")
        log.permanenceOrder("C1", "2024-04-22", period: "L1")
        log.permanenceOrder("C1", "2024-04-23", period: nil)
        log.dolStarted("C1", "2024-04-24")
        log.dolEnded("C1", "2024-04-25")
        let placed = log.placedForAdoption("C1", "2024-05-01", "AD3", placement: "PL9")
        let order = log.permanenceOrder("C1", "2024-05-02", period: "L9")
        let ended = log.dolEnded("C1", "2024-05-03", "DOL9")
        let found = log.findings("parent-not-recorded")
        #expect(found.map(\.positions) == [[p(placed)], [p(order)], [p(ended)]])
        #expect(
            found.map(\.message) == [
                "Placed for adoption 2024-05-01 names a placement that is not recorded for this child: record the "
                    + "placement's start, or correct the placement the event names.",
                "Permanence order 2024-05-02 names a period of care that is not recorded for this child: record the "
                    + "period, or correct the period the order names.",
                "Deprivation of liberty order ended 2024-05-03 names an order that is not recorded for this child: "
                    + "record the order's start, or correct the order the end names.",
            ])
    }
}
