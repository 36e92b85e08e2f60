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
}
