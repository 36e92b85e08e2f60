import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// The checks ported from the DfE's CIN census validator: for each, a stream that breaks its rule and one that keeps
/// it (the boundary where there is one), with the findings worked by hand. Positions are the event numbers (`eN`).
@Suite("CIN census rules")
struct CINRuleCheckTests {
    @Test func cinPlanEndsOnStartDay() {
        var log = EventBuilder()
        log.referral("C1", "2024-05-10")
        let start = log.cinPlanStarted("C1", "2024-05-20")
        let end = log.cinPlanEnded("C1", "2024-05-20")
        // Ending the next day is a plan of one day: fine.
        log.referral("C2", "2024-05-10")
        log.cinPlanStarted("C2", "2024-05-20")
        log.cinPlanEnded("C2", "2024-05-21")
        let found = log.findings("cin-plan-ends-on-start-day")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(end), p(start)]])
        #expect(found.first?.severity == .query && found.first?.date == d("2024-05-20"))
        #expect(
            found.first?.message
                == "CIN plan started and ended on the same day, 2024-05-20: check the end date, and retract the plan "
                + "if it was recorded in error.")
    }

    @Test func cinPlanEndsAfterDeath() {
        var log = EventBuilder()
        log.referral("C1", "2024-05-10")
        log.cinPlanStarted("C1", "2024-05-20")
        let death = log.died("C1", "2024-06-01")
        let end = log.cinPlanEnded("C1", "2024-06-02")
        // Ended on the day of death: fine.
        log.referral("C2", "2024-05-10")
        log.cinPlanStarted("C2", "2024-05-20")
        log.died("C2", "2024-06-01")
        log.cinPlanEnded("C2", "2024-06-01")
        let found = log.findings("cin-plan-ends-after-death")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(end), p(death)]])
        #expect(found.first?.severity == .query && found.first?.date == d("2024-06-02"))
        #expect(
            found.first?.message
                == "CIN plan ended 2024-06-02, after the child's recorded death on 2024-06-01: end the plan on or "
                + "before the date of death, or correct the date of death.")
    }

    @Test func cpPlanEndsAfterDeath() {
        var log = EventBuilder()
        log.referral("C1", "2024-05-10")
        log.cpPlanStarted("C1", "2024-05-20")
        let death = log.died("C1", "2024-06-01")
        let end = log.cpPlanEnded("C1", "2024-06-03")
        log.referral("C2", "2024-05-10")
        log.cpPlanStarted("C2", "2024-05-20")
        log.died("C2", "2024-06-01")
        log.cpPlanEnded("C2", "2024-06-01")
        let found = log.findings("cp-plan-ends-after-death")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(end), p(death)]])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-06-03"))
        #expect(
            found.first?.message
                == "CP plan ended 2024-06-03, after the child's recorded death on 2024-06-01: end the plan on or "
                + "before the date of death, or correct the date of death.")
    }

    @Test func s47WithoutAssessment() {
        var log = EventBuilder()
        // C1: two enquiries and no assessment: one finding, on the first enquiry.
        let r1 = log.referral("C1", "2024-05-10")
        let s1 = log.s47("C1", "2024-05-13")
        log.s47("C1", "2024-05-20", "E2")
        // C2: an assessment in the episode: fine.
        log.referral("C2", "2024-05-10")
        log.assessmentStarted("C2", "2024-05-10")
        log.s47("C2", "2024-05-13")
        // C3: the only assessment is on another referral: the enquiry's episode has none.
        let r3 = log.referral("C3", "2024-05-10")
        log.referral("C3", "2024-06-10", "R2")
        log.assessmentStarted("C3", "2024-06-10", referral: "R2")
        let s3 = log.s47("C3", "2024-05-13")
        let found = log.findings("s47-without-assessment")
        #expect(found.map(\.child) == ["C1", "C3"])
        #expect(found.map(\.positions) == [[p(s1), p(r1)], [p(s3), p(r3)]])
        #expect(found.allSatisfy { $0.severity == .query && $0.date == d("2024-05-13") })
        #expect(
            found.first?.message
                == "Section 47 enquiry started 2024-05-13 in the episode referred 2024-05-10, which has no assessment: "
                + "record the assessment, or link the enquiry or the assessment to the referral it belongs to.")
    }

    @Test func closedAfterAssessmentWithoutAssessment() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-05-10")
        let c = log.closed("C1", "2024-05-20", reason: "RC8")
        // RC9 after an assessment, and RC7 with none: both fine.
        log.referral("C2", "2024-05-10")
        log.assessmentStarted("C2", "2024-05-10")
        log.closed("C2", "2024-05-20", reason: "RC9")
        log.referral("C3", "2024-05-10")
        log.closed("C3", "2024-05-20", reason: "RC7")
        let found = log.findings("closed-rc8-rc9-without-assessment")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(c), p(r)]])
        #expect(found.first?.severity == .query && found.first?.date == d("2024-05-20"))
        #expect(
            found.first?.message
                == "Case closed 2024-05-20 with reason RC8 (closed after assessment), but the episode referred "
                + "2024-05-10 has no assessment: record the assessment, or correct the reason for closure.")
    }

    /// The `n`th day of 2024 (from 0), for logs of many facts a day apart.
    static func day(_ n: Int) -> String { CalendarDate.civil(year: 2024, month: 1, day: 1).adding(days: n).description }

    /// Episodes R1…R34 of C1, received a day apart, all but R34 assessed: 33 assessments, more than a check reads
    /// one by one (`FactKeys.readUpTo`), so that it looks the episodes assessed up in a set. The referrals' events.
    static func episodesAllButLastAssessed(_ log: inout EventBuilder) -> [EventID] {
        (1...34).map { n in
            let referral = log.referral("C1", day(n), "R\(n)")
            if n < 34 { log.assessmentStarted("C1", day(n), "A\(n)", referral: "R\(n)") }
            return referral
        }
    }

    @Test func closedAfterAssessmentWithoutAssessmentAmongManyAssessments() {
        var log = EventBuilder()
        let referrals = Self.episodesAllButLastAssessed(&log)
        let closures = (1...34).map { n in log.closed("C1", Self.day(n + 60), "R\(n)", reason: "RC8") }
        // Only R34, closed RC8 with no assessment.
        #expect(
            log.findings("closed-rc8-rc9-without-assessment").map(\.positions) == [[p(closures[33]), p(referrals[33])]])
    }

    @Test func s47WithoutAssessmentAmongManyAssessments() {
        var log = EventBuilder()
        let referrals = Self.episodesAllButLastAssessed(&log)
        let enquiries = (1...34).map { n in log.s47("C1", Self.day(n + 1), "E\(n)", referral: "R\(n)") }
        // Only R34's enquiry is in an episode with no assessment.
        #expect(log.findings("s47-without-assessment").map(\.positions) == [[p(enquiries[33]), p(referrals[33])]])
    }

    @Test func openEpisodeNotLatest() {
        var log = EventBuilder()
        // C1: an open episode, then a later referral (NFA, which still counts as later).
        let r1 = log.referral("C1", "2024-05-10")
        let later = log.referral("C1", "2024-06-10", "R2", nfa: true)
        // C2: the earlier episode was closed; C3: the earlier referral is NFA and the open one is the latest.
        log.referral("C2", "2024-05-10")
        log.closed("C2", "2024-06-01")
        log.referral("C2", "2024-06-10", "R2")
        log.referral("C3", "2024-05-10", nfa: true)
        log.referral("C3", "2024-06-10", "R2")
        // C4: closed only after the as-of date (2025-03-31): still open on it.
        let r4 = log.referral("C4", "2024-05-10")
        let later4 = log.referral("C4", "2024-06-10", "R2")
        log.closed("C4", "2025-05-01")
        let found = log.findings("open-episode-not-latest")
        #expect(found.map(\.child) == ["C1", "C4"])
        #expect(found.map(\.positions) == [[p(r1), p(later)], [p(r4), p(later4)]])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-05-10"))
        #expect(
            found.first?.message
                == "Episode of need referred 2024-05-10 is still open, but a later referral was received on "
                + "2024-06-10: close the earlier episode, or correct the referral dates.")
    }

    @Test func moreThanOneOpenS47() {
        var log = EventBuilder()
        // C1: E1 and E2 open; E3 completed with no conference required.
        let r = log.referral("C1", "2024-05-10")
        let e1 = log.s47("C1", "2024-05-13")
        let e2 = log.s47("C1", "2024-05-20", "E2")
        log.s47("C1", "2024-05-21", "E3")
        log.s47Completed("C1", "2024-05-22", "E3", icpcRequired: false)
        // C2: E1 reached its conference: only E2 is open.
        log.referral("C2", "2024-05-10")
        log.s47("C2", "2024-05-13")
        log.icpc("C2", "2024-05-20")
        log.s47("C2", "2024-05-21", "E2")
        let found = log.findings("more-than-one-open-s47")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(e1), p(e2), p(r)]])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-05-20"))
        #expect(
            found.first?.message
                == "2 section 47 enquiries of the episode referred 2024-05-10 are open (started 2024-05-13, "
                + "2024-05-20): record each finished enquiry's conference or completion, or retract the one recorded "
                + "twice.")
    }

    @Test func moreThanOneOpenAssessment() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-05-10")
        let a1 = log.assessmentStarted("C1", "2024-05-10")
        let a2 = log.assessmentStarted("C1", "2024-05-15", "A2")
        // C2: the first was authorised before the second started.
        log.referral("C2", "2024-05-10")
        log.assessmentStarted("C2", "2024-05-10")
        log.assessmentCompleted("C2", "2024-05-14")
        log.assessmentStarted("C2", "2024-05-15", "A2")
        let found = log.findings("more-than-one-open-assessment")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(a1), p(a2), p(r)]])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-05-15"))
        #expect(
            found.first?.message
                == "2 assessments of the episode referred 2024-05-10 are not authorised (started 2024-05-10, "
                + "2024-05-15): record each finished assessment's authorisation date, or retract the one recorded "
                + "twice.")
    }

    @Test func referralWithoutPrimaryNeed() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-05-10")
        // A need given, and an NFA referral with none: both fine.
        log.referral("C2", "2024-05-10", need: "N1")
        log.referral("C3", "2024-05-10", nfa: true)
        let found = log.findings("referral-without-primary-need")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(r)]])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-05-10"))
        #expect(
            found.first?.message
                == "Referral received 2024-05-10 led to further action but has no primary need: record the primary "
                + "need code on the referral, or mark it no further action if it led to none.")
    }

    @Test func icpcOnWeekend() {
        var log = EventBuilder()
        // 2024-05-11 is a Saturday, 2024-05-12 a Sunday, 2024-05-13 a Monday.
        log.referral("C1", "2024-05-10")
        let sat = log.icpc("C1", "2024-05-11", s47: nil)
        log.referral("C2", "2024-05-10")
        let sun = log.icpc("C2", "2024-05-12", s47: nil)
        log.referral("C3", "2024-05-10")
        log.icpc("C3", "2024-05-13", s47: nil)
        let found = log.findings("icpc-on-weekend")
        #expect(found.map(\.child) == ["C1", "C2"] && found.map(\.positions) == [[p(sat)], [p(sun)]])
        #expect(
            found.map(\.message) == [
                "Initial child protection conference dated 2024-05-11, a Saturday: correct the conference date to "
                    + "the working day it was held.",
                "Initial child protection conference dated 2024-05-12, a Sunday: correct the conference date to the "
                    + "working day it was held.",
            ])
    }

    @Test func birthDateNotRecorded() {
        var log = EventBuilder()
        let reg = log.registered("C1", "2024-05-10")
        // A birth date, an expected date only: fine; a child never registered is unknown-child's.
        log.registered("C2", "2024-05-10", born: "2020-01-01")
        log.registered("C3", "2024-05-10", expected: "2024-09-01")
        log.referral("C4", "2024-05-10")
        let found = log.findings("birth-date-not-recorded")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(reg)]])
        #expect(found.first?.severity == .query && found.first?.date == d("2024-05-10"))
        #expect(
            found.first?.message
                == "Child has neither a date of birth nor an expected date of birth: record the date of birth with "
                + "child.updated, or the expected date of birth for an unborn child.")
    }

    @Test func childOver25() {
        var log = EventBuilder()
        // As of 2025-03-31. C1: 25 on 2024-01-15, with an episode still open.
        let born = log.registered("C1", "2024-04-01", born: "1999-01-15")
        let r = log.referral("C1", "2024-05-10")
        // C2: 25 on the as-of date itself, not over it; C3: over 25, but its only episode closed at 20.
        log.registered("C2", "2024-04-01", born: "2000-03-31")
        log.referral("C2", "2024-05-10")
        log.registered("C3", "2010-01-01", born: "1990-01-01")
        log.referral("C3", "2010-05-10")
        log.closed("C3", "2010-06-01")
        let found = log.findings("child-over-25")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(born), p(r)]])
        #expect(found.first?.severity == .query && found.first?.date == d("2024-05-10"))
        #expect(
            found.first?.message
                == "Child was over 25 on 2025-03-31, with the episode of need referred 2024-05-10 still open after "
                + "their 25th birthday: correct the date of birth, or close the episode.")
    }

    @Test func unbornChildWithSex() {
        var log = EventBuilder()
        let reg = log.registered("C1", "2024-05-10", expected: "2024-09-01", sex: "F")
        // Unborn as U, or with no sex recorded; born and female; and C5, unborn as M until born: all fine.
        log.registered("C2", "2024-05-10", expected: "2024-09-01", sex: "U")
        log.registered("C3", "2024-05-10", expected: "2024-09-01", sex: nil)
        log.registered("C4", "2024-05-10", born: "2024-01-01", sex: "F")
        log.registered("C5", "2024-05-10", expected: "2024-09-01", sex: "M")
        log.updated("C5", "2024-09-02", born: "2024-08-30")
        let found = log.findings("unborn-child-with-sex")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(reg)]])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-05-10"))
        #expect(
            found.first?.message
                == "Unborn child is recorded with sex F: record the sex as U (unknown) until the child is born, or "
                + "record the date of birth if the child has been born.")
    }

    // MARK: Narrower rules split from broader checks

    @Test func cinPlanOnNFAReferral() {
        var log = EventBuilder()
        // C1: a CIN plan and a CP plan on an NFA referral: the CIN plan is 4000's, the CP plan 8832's.
        let r = log.referral("C1", "2024-05-10", nfa: true)
        let cin = log.cinPlanStarted("C1", "2024-05-20")
        let cp = log.cpPlanStarted("C1", "2024-06-20")
        // C2: a CIN plan on a referral that led to further action: fine.
        log.referral("C2", "2024-05-10")
        log.cinPlanStarted("C2", "2024-05-20")
        let found = log.findings("cin-plan-on-nfa-referral")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(cin), p(r)]])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-05-20"))
        #expect(
            found.first?.message
                == "CIN plan started 2024-05-20 on the referral of 2024-05-10, which is marked no further action: "
                + "correct the referral's NFA flag, or link the plan to the referral it belongs to.")
        let cpFound = log.findings("plan-on-nfa-referral")
        #expect(cpFound.map(\.positions) == [[p(cp), p(r)]])
    }

    @Test func planStartsAfterDeath() {
        var log = EventBuilder()
        // C1: a CIN plan and a CP plan starting after the death; C2: both on the day of death, fine.
        log.referral("C1", "2024-05-10")
        let death = log.died("C1", "2024-06-01")
        let cin = log.cinPlanStarted("C1", "2024-06-02")
        let cp = log.cpPlanStarted("C1", "2024-06-03")
        let visit = log.visit("C1", "2024-06-04")
        log.referral("C2", "2024-05-10")
        log.died("C2", "2024-06-01")
        log.cinPlanStarted("C2", "2024-06-01")
        log.cpPlanStarted("C2", "2024-06-01")
        let cinFound = log.findings("cin-plan-starts-after-death")
        #expect(cinFound.map(\.child) == ["C1"] && cinFound.map(\.positions) == [[p(cin), p(death)]])
        #expect(cinFound.first?.severity == .error && cinFound.first?.date == d("2024-06-02"))
        #expect(
            cinFound.first?.message
                == "CIN plan started 2024-06-02, after the child's recorded death on 2024-06-01: correct the plan's "
                + "start or the date of death, or check that the plan belongs to this child.")
        let cpFound = log.findings("cp-plan-starts-after-death")
        #expect(cpFound.map(\.child) == ["C1"] && cpFound.map(\.positions) == [[p(cp), p(death)]])
        // dated-after-death leaves the plan starts to these two: only the visit is its.
        #expect(log.findings("dated-after-death").map(\.positions) == [[p(visit), p(death)]])
    }

    @Test func moreThanOneOpenCINPlan() {
        var log = EventBuilder()
        // C1: two open CIN plans of one episode: 4004's, and no longer an overlap (4014) too.
        let r = log.referral("C1", "2024-05-10")
        let p1 = log.cinPlanStarted("C1", "2024-05-20")
        let p2 = log.cinPlanStarted("C1", "2024-06-20", "P2")
        // C2: the first ends after the second starts: an overlap (4014), not two open plans.
        log.referral("C2", "2024-05-10")
        log.cinPlanStarted("C2", "2024-05-20")
        log.cinPlanStarted("C2", "2024-06-20", "P2")
        log.cinPlanEnded("C2", "2024-07-01")
        let found = log.findings("more-than-one-open-cin-plan")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(p1), p(p2), p(r)]])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-06-20"))
        #expect(
            found.first?.message
                == "2 CIN plans of the episode referred 2024-05-10 have no end date (started 2024-05-20, "
                + "2024-06-20): end each plan that has finished, or retract the plan recorded twice.")
        #expect(log.findings("overlapping-cin-plans").map(\.child) == ["C2"])
    }

    @Test func moreThanOneOpenCPPlan() {
        var log = EventBuilder()
        // C1: two open CP plans (of two episodes: the rule is per child).
        log.referral("C1", "2024-05-10")
        log.referral("C1", "2024-06-10", "R2")
        let p1 = log.cpPlanStarted("C1", "2024-05-20")
        let p2 = log.cpPlanStarted("C1", "2024-06-20", "CP2", referral: "R2")
        // C2: the first ends after the second starts: an overlap (8940), not two open plans.
        log.referral("C2", "2024-05-10")
        log.cpPlanStarted("C2", "2024-05-20")
        log.cpPlanStarted("C2", "2024-06-20", "CP2")
        log.cpPlanEnded("C2", "2024-07-01")
        let found = log.findings("more-than-one-open-cp-plan")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(p1), p(p2)]])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-06-20"))
        #expect(
            found.first?.message
                == "2 CP plans have no end date (started 2024-05-20, 2024-06-20): end each plan that has finished, "
                + "or retract the plan recorded twice.")
        #expect(log.findings("overlapping-cp-plans").map(\.child) == ["C2"])
    }

    @Test func cinPlanAndCPPlanOpen() {
        var log = EventBuilder()
        // C1: a CIN plan and a CP plan of one episode, both open: 4001's, not 4016/4017's.
        log.referral("C1", "2024-05-10")
        let cin = log.cinPlanStarted("C1", "2024-05-20")
        let cp = log.cpPlanStarted("C1", "2024-06-20")
        // C2: the CIN plan ended after the CP plan started: 4016/4017's.
        log.referral("C2", "2024-05-10")
        log.cinPlanStarted("C2", "2024-05-20")
        log.cpPlanStarted("C2", "2024-06-20")
        log.cinPlanEnded("C2", "2024-06-25")
        // C3: both open, but of different episodes: 4016/4017's.
        log.referral("C3", "2024-05-10")
        log.referral("C3", "2024-06-10", "R2")
        log.cinPlanStarted("C3", "2024-05-20")
        log.cpPlanStarted("C3", "2024-06-20", referral: "R2")
        let found = log.findings("cin-plan-and-cp-plan-open")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(cin), p(cp)]])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-06-20"))
        #expect(
            found.first?.message
                == "CIN plan started 2024-05-20 and the CP plan started 2024-06-20 of the same episode are both still "
                + "open: end the CIN plan on the day the CP plan started, or end the plan that has finished.")
        #expect(log.findings("cin-plan-during-cp-plan").map(\.child) == ["C2", "C3"])
    }

    @Test func cpReviewDuringCINPlan() {
        var log = EventBuilder()
        // C1: a review on 2024-07-01 while the CIN plan (to 2024-08-01) is open.
        log.referral("C1", "2024-05-10")
        let cin = log.cinPlanStarted("C1", "2024-05-20")
        log.cpPlanStarted("C1", "2024-06-20")
        let review = log.cpPlanReviewed("C1", "2024-07-01")
        log.cinPlanEnded("C1", "2024-08-01")
        // C2: the review is on the day the CIN plan ended: fine.
        log.referral("C2", "2024-05-10")
        log.cinPlanStarted("C2", "2024-05-20")
        log.cinPlanEnded("C2", "2024-07-01")
        log.cpPlanStarted("C2", "2024-06-20")
        log.cpPlanReviewed("C2", "2024-07-01")
        let found = log.findings("cp-review-during-cin-plan")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(review), p(cin)]])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-07-01"))
        #expect(
            found.first?.message
                == "CP plan review held 2024-07-01 while the CIN plan started 2024-05-20 was open: end the CIN plan "
                + "on or before the day the CP plan started, or correct the review's date.")
    }

    // MARK: The child's details

    /// Registers `child` with the details given (a UPN, disabilities…), born 2015-01-01 unless told.
    @discardableResult
    static func register(
        _ log: inout EventBuilder, _ child: String, born: String? = "2015-01-01", expected: String? = nil,
        sex: String? = "F", ethnicity: String? = "WBRI", disabilities: [String]? = ["NONE"], upn: String? = nil
    ) -> EventID {
        log.add(
            child, "2024-04-01",
            .childRegistered(
                ChildDetails(
                    birthDate: born.map(d), expectedBirthDate: expected.map(d), sex: sex.map { Sex($0)! },
                    ethnicity: ethnicity.map { Ethnicity($0)! }, disabilities: disabilities?.map { Disability($0)! },
                    upn: upn)))
    }

    /// The UPN and identifier checks read printable ASCII byte by byte and any other text as `Character`s: both
    /// paths give the same judgement.
    @Test func upnAndIdentifierChecksReadNonASCIIAsCharacters() {
        // A201000000012 has check letter A (worked in `upnChecks`).
        #expect(!UPNCheckLetterWrong.hasWrongCheckLetter("A201000000012"))
        #expect(UPNCheckLetterWrong.hasWrongCheckLetter("B201000000012"))
        // "É" precomposed (2 bytes) or decomposed (E and a combining accent: 3 bytes) is one character, so either UPN
        // has 13 characters, its digits give A, and its first character is not A.
        #expect(UPNCheckLetterWrong.hasWrongCheckLetter("\u{C9}201000000012"))
        #expect(UPNCheckLetterWrong.hasWrongCheckLetter("E\u{301}201000000012"))
        // 14 characters: not judged.
        #expect(!UPNCheckLetterWrong.hasWrongCheckLetter("B2010000000123"))
        #expect(UPNNotNumeric.hasDigitsFiveToTwelve("A201000000012"))
        #expect(!UPNNotNumeric.hasDigitsFiveToTwelve("A2010000X0012"))
        #expect(!UPNNotNumeric.hasDigitsFiveToTwelve("A201"))
        // An Arabic-Indic three (U+0663) is a number, but not an ASCII digit; a decomposed É counts as one character,
        // so characters 5 to 12 of "E\u{301}20100000012" are the eight zeros and ones after "201".
        #expect(!UPNNotNumeric.hasDigitsFiveToTwelve("A201\u{663}00000012"))
        #expect(UPNNotNumeric.hasDigitsFiveToTwelve("E\u{301}201000000012"))
        #expect(!UPNLastCharacterInvalid.hasInvalidLastCharacter("A20100000001B"))
        #expect(UPNLastCharacterInvalid.hasInvalidLastCharacter("A20100000001I"))
        #expect(UPNLastCharacterInvalid.hasInvalidLastCharacter("E\u{301}20100000001I"))
        #expect(!UPNLastCharacterInvalid.hasInvalidLastCharacter("A20100000001"))
        #expect(ChildIDNotAlphanumeric.isAlphanumeric("C000123") && ChildIDNotAlphanumeric.isAlphanumeric("c9Z"))
        #expect(!ChildIDNotAlphanumeric.isAlphanumeric("C-1") && !ChildIDNotAlphanumeric.isAlphanumeric("C_1"))
        #expect(!ChildIDNotAlphanumeric.isAlphanumeric("C@1") && !ChildIDNotAlphanumeric.isAlphanumeric("C[1"))
        #expect(ChildIDNotAlphanumeric.isAlphanumeric("\u{C7}1"))
    }

    @Test func upnChecks() {
        // A201000000012: 2·2 + 3·0 + 4·1 + 5·0 + … + 12·1 + 13·2 = 4 + 4 + 12 + 26 = 46 = 2·23 + 0, so A.
        #expect(UPNCheckLetterWrong.checkLetter(of: "A201000000012") == "A")
        #expect(UPNCheckLetterWrong.checkLetter(of: "A20100000001I") == nil)
        var log = EventBuilder()
        let wrongLetter = Self.register(&log, "C1", upn: "B201000000012")
        let notNumeric = Self.register(&log, "C2", upn: "A2010000X0012")
        let badLast = Self.register(&log, "C3", upn: "A20100000001I")
        Self.register(&log, "C4", upn: "A201000000012")
        Self.register(&log, "C5", upn: "A20100000001B")
        #expect(log.findings("upn-check-letter-wrong").map(\.positions) == [[p(wrongLetter)]])
        #expect(log.findings("upn-not-numeric").map(\.positions) == [[p(notNumeric)]])
        #expect(log.findings("upn-last-character-invalid").map(\.positions) == [[p(badLast)]])
        #expect(
            log.messages("upn-check-letter-wrong") == [
                "The child's UPN does not have the check letter its digits give (character 1): correct the UPN with "
                    + "child.updated."
            ])
    }

    @Test func upnMissingAtSchoolAge() {
        // As of 2025-03-31: of school age when born on or before 2025-03-31 + 4 months + 31 days − 6 years,
        // 2019-08-31.
        var log = EventBuilder()
        let reg = Self.register(&log, "C1", born: "2019-08-31")
        log.referral("C1", "2024-05-10")
        // C2 is born a day later; C3 has a UPN; C4's only referral is NFA.
        Self.register(&log, "C2", born: "2019-09-01")
        log.referral("C2", "2024-05-10")
        Self.register(&log, "C3", born: "2015-01-01", upn: "A201000000012")
        log.referral("C3", "2024-05-10")
        Self.register(&log, "C4", born: "2015-01-01")
        log.referral("C4", "2024-05-10", nfa: true)
        let found = log.findings("upn-missing-at-school-age")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(reg)]])
        #expect(found.first?.severity == .query && found.first?.date == d("2024-04-01"))
    }

    @Test func childIDNotAlphanumeric() {
        var log = EventBuilder()
        let reg = Self.register(&log, "C_1")
        log.referral("C_1", "2024-05-10")
        // C-2 has no referral: not in the census; C3 is letters and digits.
        Self.register(&log, "C-2")
        Self.register(&log, "C3")
        log.referral("C3", "2024-05-10")
        let found = log.findings("child-id-not-alphanumeric")
        #expect(found.map(\.child) == ["C_1"] && found.map(\.positions) == [[p(reg)]])
    }

    @Test func detailsNotRecorded() {
        var log = EventBuilder()
        let noSex = Self.register(&log, "C1", sex: nil)
        log.referral("C1", "2024-05-10")
        let noEthnicity = Self.register(&log, "C2", ethnicity: nil)
        log.referral("C2", "2024-05-10")
        let noDisability = Self.register(&log, "C3", disabilities: nil)
        log.referral("C3", "2024-05-10")
        // C4: none of the three, but no referral; C5: no disability, unborn; C6: no disability, NFA referral only.
        Self.register(&log, "C4", sex: nil, ethnicity: nil, disabilities: nil)
        Self.register(&log, "C5", born: nil, expected: "2025-05-01", sex: "U", disabilities: nil)
        log.referral("C5", "2024-05-10")
        Self.register(&log, "C6", disabilities: nil)
        log.referral("C6", "2024-05-10", nfa: true)
        #expect(log.findings("sex-not-recorded").map(\.positions) == [[p(noSex)]])
        #expect(log.findings("ethnicity-not-recorded").map(\.positions) == [[p(noEthnicity)]])
        #expect(log.findings("disability-not-recorded").map(\.positions) == [[p(noDisability)]])
        #expect(
            log.messages("disability-not-recorded") == [
                "Child has no disability recorded: record the disabilities with child.updated, or NONE if none."
            ])
    }

    @Test func disabilityNoneWithOthers() {
        var log = EventBuilder()
        let reg = Self.register(&log, "C1", disabilities: ["NONE", "MOB", "HAND"])
        Self.register(&log, "C2", disabilities: ["MOB", "HAND"])
        Self.register(&log, "C3", disabilities: ["NONE"])
        let found = log.findings("disability-none-with-others")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(reg)]])
        // The list is kept in the code list's order: NONE first, then MOB, HAND.
        #expect(
            found.first?.message
                == "Child's disabilities hold NONE together with MOB, HAND: record the disabilities again with "
                + "child.updated, without NONE, or with NONE alone.")
    }

    @Test func birthDates() {
        var log = EventBuilder()
        // As of 2025-03-31. C1 is born after it; C2 on it.
        let late = Self.register(&log, "C1", born: "2025-04-01")
        Self.register(&log, "C2", born: "2025-03-31")
        // Expected births: 30 days before the as-of date is 2025-03-01, 9 months after it 2025-12-31; both bounds
        // are out of range, as in the validator.
        let early = Self.register(&log, "C3", born: nil, expected: "2025-03-01", sex: "U")
        log.referral("C3", "2024-12-10")
        Self.register(&log, "C4", born: nil, expected: "2025-03-02", sex: "U")
        log.referral("C4", "2024-12-10")
        let far = Self.register(&log, "C5", born: nil, expected: "2025-12-31", sex: "U")
        log.referral("C5", "2024-12-10")
        #expect(log.findings("birth-date-after-as-of").map(\.positions) == [[p(late)]])
        #expect(log.findings("expected-birth-out-of-range").map(\.positions) == [[p(early)], [p(far)]])
        #expect(
            log.messages("expected-birth-out-of-range").first
                == "Unborn child's expected date of birth, 2025-03-01, is not between 2025-03-01 and 2025-12-31: "
                + "record the date of birth if the child has been born, or correct the expected date.")
    }

    @Test func diedBeforeBirth() {
        var log = EventBuilder()
        let born = Self.register(&log, "C1", born: "2020-01-02")
        let death = log.died("C1", "2020-01-01")
        // C2: no birth date; C3: died on the day of birth, fine.
        Self.register(&log, "C2", born: nil)
        let death2 = log.died("C2", "2024-05-01")
        Self.register(&log, "C3", born: "2020-01-01")
        log.died("C3", "2020-01-01")
        let found = log.findings("died-before-birth")
        #expect(found.map(\.positions) == [[p(death), p(born)], [p(death2)]])
        #expect(found.first?.severity == .query && found.first?.date == d("2020-01-01"))
        #expect(
            found.first?.message
                == "Child's recorded death on 2020-01-01 is before their recorded birth on 2020-01-02: correct the "
                + "date of death or the date of birth.")
        // dated-before-birth leaves the death to this check.
        #expect(log.findings("dated-before-birth").isEmpty)
    }

    @Test func diedBeforeCensusYear() {
        // As of 2025-03-31: the census year starts 2024-04-01.
        var log = EventBuilder()
        let death = log.died("C1", "2024-03-31")
        let r = log.referral("C1", "2024-01-10")
        // C2: the episode closed before the year; C3: died in the year.
        log.died("C2", "2024-03-31")
        log.referral("C2", "2024-01-10")
        log.closed("C2", "2024-03-31", reason: "RC2")
        log.died("C3", "2024-04-01")
        log.referral("C3", "2024-01-10")
        let found = log.findings("died-before-census-year")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(death), p(r)]])
        #expect(
            found.first?.message
                == "Child's recorded death on 2024-03-31 is before the census year starting 2024-04-01, but the "
                + "episode of 2024-01-10 is in it: close the episode on the date of death (RC2), or correct the "
                + "date of death.")
    }

    // MARK: Factors identified at assessment

    @discardableResult
    static func authorised(_ log: inout EventBuilder, _ child: String, _ date: String, factors: [String]?) -> EventID {
        log.add(
            child, date,
            .assessmentCompleted(
                AssessmentCompleted(assessment: AssessmentID("A1"), factors: factors?.map { AssessmentFactor($0)! })))
    }

    @Test func assessmentFactors() {
        var log = EventBuilder()
        log.referral("C1", "2024-05-10")
        let a1 = log.assessmentStarted("C1", "2024-05-10")
        let c1 = Self.authorised(&log, "C1", "2024-05-20", factors: ["21", "1A"])
        log.referral("C2", "2024-05-10")
        let a2 = log.assessmentStarted("C2", "2024-05-10")
        let c2 = Self.authorised(&log, "C2", "2024-05-20", factors: ["18A", "19A"])
        log.referral("C3", "2024-05-10")
        log.assessmentStarted("C3", "2024-05-10")
        Self.authorised(&log, "C3", "2024-05-20", factors: ["18B", "19C"])
        #expect(log.findings("no-factors-with-other-factors").map(\.positions) == [[p(c1), p(a1)]])
        #expect(
            log.messages("no-factors-with-other-factors") == [
                "Assessment authorised 2024-05-20 gives factor 21 (no factors identified) with 1A: correct the "
                    + "factors, giving 21 only when no factor was identified."
            ])
        #expect(log.findings("assessment-factor-18a").map(\.positions) == [[p(c2), p(a2)]])
        #expect(log.findings("assessment-factor-19a").map(\.positions) == [[p(c2), p(a2)]])
        #expect(
            log.messages("assessment-factor-19a") == [
                "Assessment authorised 2024-05-20 gives factor 19A, no longer in use: record 19B or 19C instead."
            ])
    }

    @Test func assessmentWithoutFactors() {
        // As of 2025-03-31: the census year runs from 2024-04-01.
        var log = EventBuilder()
        log.referral("C1", "2024-03-10")
        let a = log.assessmentStarted("C1", "2024-03-10")
        let c = Self.authorised(&log, "C1", "2024-04-01", factors: nil)
        // C2: authorised the day before the year; C3: with factors.
        log.referral("C2", "2024-03-10")
        log.assessmentStarted("C2", "2024-03-10")
        Self.authorised(&log, "C2", "2024-03-31", factors: nil)
        log.referral("C3", "2024-03-10")
        log.assessmentStarted("C3", "2024-03-10")
        Self.authorised(&log, "C3", "2024-04-01", factors: ["1A"])
        let found = log.findings("assessment-without-factors")
        #expect(found.map(\.child) == ["C1"] && found.map(\.positions) == [[p(c), p(a)]])
        #expect(found.first?.severity == .query && found.first?.date == d("2024-04-01"))
    }

    /// A record of more assessments than a check reads one by one (`FactKeys.readUpTo`) finds each episode's only
    /// assessment in a table of them by referral: the same answer either way.
    @Test func noFactorsNotClosedAfterAssessmentAmongManyAssessments() {
        var log = EventBuilder()
        // Episodes R1…R34, each assessment authorised with no factors found (21): R1…R32 closed RC8, R33 closed RC7,
        // and R34 (closed RC7) with two assessments. 35 assessments in all.
        var referrals: [EventID] = []
        var completions: [EventID] = []
        var closures: [EventID] = []
        for n in 1...34 {
            referrals.append(log.referral("C1", Self.day(n), "R\(n)"))
            for a in n == 34 ? ["A34", "A35"] : ["A\(n)"] {
                log.assessmentStarted("C1", Self.day(n), a, referral: "R\(n)")
                let noFactors = AssessmentCompleted(assessment: AssessmentID(a), factors: [AssessmentFactor("21")!])
                completions.append(log.add("C1", Self.day(n + 10), .assessmentCompleted(noFactors)))
            }
            closures.append(log.closed("C1", Self.day(n + 60), "R\(n)", reason: n < 33 ? "RC8" : "RC7"))
        }
        let found = log.findings("no-factors-not-closed-rc8-rc9")
        // Only R33's: R1…R32 were closed RC8, and R34's assessments are two.
        #expect(found.map(\.positions) == [[p(completions[32]), p(closures[32]), p(referrals[32])]])
    }

    @Test func noFactorsNotClosedAfterAssessment() {
        var log = EventBuilder()
        // C1: the only assessment found no factors, closed RC7; C2: the same, still open.
        let r1 = log.referral("C1", "2024-05-10")
        log.assessmentStarted("C1", "2024-05-10")
        let c1 = Self.authorised(&log, "C1", "2024-05-20", factors: ["21"])
        let closed = log.closed("C1", "2024-06-01", reason: "RC7")
        log.referral("C2", "2024-05-10")
        log.assessmentStarted("C2", "2024-05-10")
        Self.authorised(&log, "C2", "2024-05-20", factors: ["21"])
        // C3: closed RC8; C4: two assessments.
        log.referral("C3", "2024-05-10")
        log.assessmentStarted("C3", "2024-05-10")
        Self.authorised(&log, "C3", "2024-05-20", factors: ["21"])
        log.closed("C3", "2024-06-01", reason: "RC8")
        log.referral("C4", "2024-05-10")
        log.assessmentStarted("C4", "2024-05-10")
        Self.authorised(&log, "C4", "2024-05-20", factors: ["21"])
        log.assessmentStarted("C4", "2024-05-25", "A2")
        let found = log.findings("no-factors-not-closed-rc8-rc9")
        #expect(found.map(\.child) == ["C1", "C2"])
        #expect(found.first?.positions == [p(c1), p(closed), p(r1)] && found.first?.date == d("2024-06-01"))
        #expect(
            found.first?.message
                == "The only assessment of the episode referred 2024-05-10, authorised 2024-05-20, found no factors "
                + "(21), but the episode was closed with reason RC7: close it with RC8 or RC9 (case closed after "
                + "assessment), or record the factors identified.")
    }

    // MARK: Work open from before the census year

    @Test func openFromBeforeCensusYear() {
        // As of 2025-03-31: the census year starts 2024-04-01.
        var log = EventBuilder()
        // C1: an assessment and an enquiry started 2024-03-31, neither finished.
        log.referral("C1", "2024-03-01")
        let a = log.assessmentStarted("C1", "2024-03-31")
        let s = log.s47("C1", "2024-03-31")
        // C2: started on the year's first day; C3: finished after the year; C4: its episode closed before the year.
        log.referral("C2", "2024-03-01")
        log.assessmentStarted("C2", "2024-04-01")
        log.s47("C2", "2024-04-01")
        log.referral("C3", "2024-03-01")
        let a3 = log.assessmentStarted("C3", "2024-03-31")
        log.assessmentCompleted("C3", "2025-04-01")
        let s3 = log.s47("C3", "2024-03-31")
        log.icpc("C3", "2025-04-01")
        log.referral("C4", "2024-03-01")
        log.assessmentStarted("C4", "2024-03-31")
        log.s47("C4", "2024-03-31")
        log.closed("C4", "2024-03-31")
        // C5: the enquiry needed no conference.
        log.referral("C5", "2024-03-01")
        log.s47("C5", "2024-03-31")
        log.s47Completed("C5", "2024-04-02", icpcRequired: false)
        let assessments = log.findings("assessment-open-from-before-census-year")
        #expect(assessments.map(\.child) == ["C1", "C3"] && assessments.map(\.positions) == [[p(a)], [p(a3)]])
        #expect(
            assessments.first?.message
                == "Assessment started 2024-03-31, before the census year starting 2024-04-01, is not authorised by "
                + "2025-03-31: record its authorisation date, or correct its start.")
        let enquiries = log.findings("s47-open-from-before-census-year")
        #expect(enquiries.map(\.child) == ["C1", "C3"] && enquiries.map(\.positions) == [[p(s)], [p(s3)]])
    }
}
