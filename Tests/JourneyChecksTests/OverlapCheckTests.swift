import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("Overlaps and concurrency")
struct OverlapCheckTests {
    @Test func overlappingEpisodesOfNeed() {
        var log = EventBuilder()
        let r1 = log.referral("C1", "2024-04-01", "R1")
        let c1 = log.closed("C1", "2024-05-10", "R1")
        let r2 = log.referral("C1", "2024-05-09", "R2")
        // One episode may close on the day the next is referred (CIN 8820, note); NFA referrals open nothing.
        log.referral("C2", "2024-04-01", "R1")
        log.closed("C2", "2024-05-10", "R1")
        log.referral("C2", "2024-05-10", "R2")
        log.referral("C2", "2024-06-01", "R3", nfa: true)
        let found = log.findings("overlapping-episodes-of-need")
        #expect(found.map(\.positions) == [[p(r2), p(r1), p(c1)]])
        #expect(
            found.first?.message
                == "Referral received 2024-05-09 opens an episode of need while the episode opened 2024-04-01 is open "
                + "until 2024-05-10: close the earlier episode on or before 2024-05-09, mark one referral NFA, or "
                + "correct the dates.")
    }

    @Test func moreThanOneOpenEpisode() {
        var log = EventBuilder()
        let r1 = log.referral("C1", "2024-04-01", "R1")
        let r2 = log.referral("C1", "2024-06-01", "R2")
        // Closed on the as-of date: no longer open on it. NFA: opens nothing.
        log.referral("C2", "2024-04-01", "R1")
        log.closed("C2", yearEnd, "R1")
        log.referral("C2", "2024-06-01", "R2")
        log.referral("C2", "2024-07-01", "R3", nfa: true)
        let found = log.findings("more-than-one-open-episode")
        #expect(found.map(\.positions) == [[p(r2), p(r1)]])
        #expect(
            found.first?.message
                == "2 episodes of need are open on 2025-03-31 (referred 2024-04-01, 2024-06-01): close every episode "
                + "but the current one.")
    }

    @Test func overlappingCPPlans() {
        var log = EventBuilder()
        let a = log.cpPlanStarted("C1", "2024-04-01", "CP1")
        let b = log.cpPlanStarted("C1", "2024-06-01", "CP2")
        // The later plan has an end: two plans both with none are more-than-one-open-cp-plan's (CIN 8935).
        log.cpPlanEnded("C1", "2024-07-01", "CP2")
        // Handover on the same day: no overlap.
        log.cpPlanStarted("C2", "2024-04-01", "CP1")
        log.cpPlanEnded("C2", "2024-06-01", "CP1")
        log.cpPlanStarted("C2", "2024-06-01", "CP2")
        let found = log.findings("overlapping-cp-plans")
        #expect(found.map(\.positions) == [[p(b), p(a)]])
        #expect(
            found.first?.message
                == "CP plan started 2024-06-01 while the CP plan started 2024-04-01 was still open: end the earlier "
                + "plan, or retract the plan recorded twice.")
    }

    @Test func overlappingCINPlans() {
        var log = EventBuilder()
        let a = log.cinPlanStarted("C1", "2024-04-01", "P1")
        let e = log.cinPlanEnded("C1", "2024-06-02", "P1")
        let b = log.cinPlanStarted("C1", "2024-06-01", "P2")
        log.cinPlanStarted("C2", "2024-04-01", "P1")
        log.cinPlanEnded("C2", "2024-06-01", "P1")
        log.cinPlanStarted("C2", "2024-06-01", "P2")
        let found = log.findings("overlapping-cin-plans")
        #expect(found.map(\.positions) == [[p(b), p(a), p(e)]])
        #expect(
            found.first?.message
                == "CIN plan started 2024-06-01 while the CIN plan started 2024-04-01 was open until 2024-06-02: end the "
                + "earlier plan, or retract the plan recorded twice.")
    }

    @Test func cinPlanDuringCPPlan() {
        var log = EventBuilder()
        let cin = log.cinPlanStarted("C1", "2024-04-01")
        // Of another episode: both open in one episode is cin-plan-and-cp-plan-open's (CIN 4001).
        let cp = log.cpPlanStarted("C1", "2024-06-01", referral: "R2")
        // The CIN plan ends the day the CP plan starts: no shared day.
        log.cinPlanStarted("C2", "2024-04-01")
        log.cinPlanEnded("C2", "2024-06-01")
        log.cpPlanStarted("C2", "2024-06-01")
        let found = log.findings("cin-plan-during-cp-plan")
        #expect(found.map(\.positions) == [[p(cin), p(cp)]])
        #expect(found.first?.date == d("2024-06-01"))
        #expect(
            found.first?.message
                == "CIN plan started 2024-04-01 (still open) runs at the same time as the CP plan started 2024-06-01: "
                + "end the CIN plan on or before the day the CP plan starts, or start it on the day the CP plan ends.")
    }

    @Test func overlappingAssessments() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        let a1 = log.assessmentStarted("C1", "2024-04-02", "A1")
        let c1 = log.assessmentCompleted("C1", "2024-05-10", "A1")
        let a2 = log.assessmentStarted("C1", "2024-05-10", "A2")
        // CIN 8863Q is inclusive ("on or between"): the authorisation day itself overlaps; the next day does not.
        log.referral("C2", "2024-04-01")
        log.assessmentStarted("C2", "2024-04-02", "A1")
        log.assessmentCompleted("C2", "2024-05-10", "A1")
        log.assessmentStarted("C2", "2024-05-11", "A2")
        let found = log.findings("overlapping-assessments")
        #expect(found.map(\.positions) == [[p(a2), p(a1), p(c1)]])
        #expect(
            found.first?.message
                == "Assessment started 2024-05-10 while the assessment of the same episode started 2024-04-02 was "
                + "ongoing until 2024-05-10: authorise or correct the earlier assessment, or retract the one recorded "
                + "twice.")
    }

    @Test func overlappingS47s() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        let e1 = log.s47("C1", "2024-04-02", "E1")
        let e2 = log.s47("C1", "2024-04-10", "E2")
        // An enquiry ends at its conference, or when completed with none required.
        log.referral("C2", "2024-04-01")
        log.s47("C2", "2024-04-02", "E1")
        log.s47Completed("C2", "2024-04-09", "E1", icpcRequired: false)
        log.s47("C2", "2024-04-10", "E2")
        let found = log.findings("overlapping-s47s")
        #expect(found.map(\.positions) == [[p(e2), p(e1)]])
        #expect(
            found.first?.message
                == "Section 47 enquiry started 2024-04-10 while the enquiry of the same episode started 2024-04-02 was "
                + "still open: record the earlier enquiry's conference or completion, or retract the one recorded twice."
        )
    }

    @Test func overlappingPlacements() {
        var log = EventBuilder()
        log.careStarted("C1", "2024-04-01")
        let a = log.placed("C1", "2024-04-01", "PL1")
        let b = log.placed("C1", "2024-05-01", "PL2")
        // A move ends the placement the day the next starts; a temporary placement interrupts without ending.
        log.careStarted("C2", "2024-04-01")
        log.placed("C2", "2024-04-01", "PL1")
        log.placementEnded("C2", "2024-05-01", "PL1")
        log.placed("C2", "2024-05-01", "PL2")
        log.placed("C2", "2024-05-10", "PL3", type: "T4")
        let found = log.findings("overlapping-placements")
        #expect(found.map(\.positions) == [[p(b), p(a)]])
        #expect(
            found.first?.message
                == "Placement started 2024-05-01 while the placement started 2024-04-01 was still open: record the "
                + "earlier placement's end on or before 2024-05-01, or correct the dates.")
    }

    @Test func placementOutsidePeriodOfCare() {
        var log = EventBuilder()
        let care = log.careStarted("C1", "2024-04-10")
        let early = log.placed("C1", "2024-04-09", "PL1")
        let unknown = log.placed("C1", "2024-04-10", "PL2", period: "L9")
        // A placement starting the day care starts, in its period: fine.
        log.careStarted("C2", "2024-04-10")
        log.placed("C2", "2024-04-10")
        let found = log.findings("placement-outside-period-of-care")
        #expect(found.map(\.positions) == [[p(early), p(care)], [p(unknown)]])
        #expect(
            found.map(\.message) == [
                "Placement started 2024-04-09, before its period of care started on 2024-04-10: correct the placement's "
                    + "dates or the period of care's, or link the placement to the right period.",
                "Placement started 2024-04-10 names a period of care that is not recorded: record the period of care's "
                    + "start, or link the placement to the right period.",
            ])
    }

    @Test func overlappingPeriodsOfCare() {
        var log = EventBuilder()
        let a = log.careStarted("C1", "2024-04-01", "L1")
        let b = log.careStarted("C1", "2024-05-01", "L2")
        log.careStarted("C2", "2024-04-01", "L1")
        log.careEnded("C2", "2024-05-01", "L1")
        log.careStarted("C2", "2024-05-01", "L2")
        let found = log.findings("overlapping-periods-of-care")
        #expect(found.map(\.positions) == [[p(b), p(a)]])
        #expect(
            found.first?.message
                == "Period of care started 2024-05-01 while the period started 2024-04-01 was still open: end the "
                + "earlier period on or before 2024-05-01, or correct the dates.")
    }

    @Test func overlappingMissingEpisodes() {
        var log = EventBuilder()
        let a = log.missing("C1", "2024-04-01", "M1")
        let b = log.missing("C1", "2024-04-03", "M2")
        log.missing("C2", "2024-04-01", "M1")
        log.returned("C2", "2024-04-03", "M1", offered: true)
        log.missing("C2", "2024-04-03", "M2")
        let found = log.findings("overlapping-missing-episodes")
        #expect(found.map(\.positions) == [[p(b), p(a)]] && found.first?.severity == .warning)
        #expect(
            found.first?.message
                == "Missing episode started 2024-04-03 while the episode started 2024-04-01 was still open: record the "
                + "child's return from the earlier episode, or correct the dates.")
    }
}
