import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// Each check: a stream that breaks it, one that nearly does and passes (the boundary day), and its message.
@Suite("Order within a child's journey")
struct OrderCheckTests {
    @Test func assessmentBeforeReferral() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-05-10")
        let a = log.assessmentStarted("C1", "2024-05-09")
        // The boundary: an assessment started on the referral day is in order.
        log.referral("C2", "2024-05-10")
        log.assessmentStarted("C2", "2024-05-10")
        let found = log.findings("assessment-before-referral")
        #expect(found.count == 1)
        #expect(found.first?.child == "C1" && found.first?.positions == [p(a), p(r)])
        #expect(found.first?.severity == .error && found.first?.date == d("2024-05-09"))
        #expect(
            found.first?.message
                == "Assessment started 2024-05-09, before its referral was received on 2024-05-10: correct the start "
                + "date, or link the assessment to the referral it belongs to.")
    }

    @Test func s47BeforeReferral() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-05-10")
        let s = log.s47("C1", "2024-05-01")
        log.referral("C2", "2024-05-10")
        log.s47("C2", "2024-05-10")
        let found = log.findings("s47-before-referral")
        #expect(found.map(\.positions) == [[p(s), p(r)]])
        #expect(
            found.first?.message
                == "Section 47 enquiry started 2024-05-01, before its referral was received on 2024-05-10: correct the "
                + "start date, or link the enquiry to the referral it belongs to.")
    }

    @Test func icpcBeforeReferral() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-05-10")
        let c = log.icpc("C1", "2024-05-09", s47: nil)
        log.referral("C2", "2024-05-10")
        log.icpc("C2", "2024-05-10", s47: nil)
        let found = log.findings("icpc-before-referral")
        #expect(found.map(\.positions) == [[p(c), p(r)]])
        #expect(
            found.first?.message
                == "Initial child protection conference dated 2024-05-09, before its referral was received on "
                + "2024-05-10: correct the conference date, or link it to the referral it belongs to.")
    }

    @Test func cinPlanBeforeReferral() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-05-10")
        let plan = log.cinPlanStarted("C1", "2024-04-30")
        log.referral("C2", "2024-05-10")
        log.cinPlanStarted("C2", "2024-05-10")
        let found = log.findings("cin-plan-before-referral")
        #expect(found.map(\.positions) == [[p(plan), p(r)]])
        #expect(
            found.first?.message
                == "CIN plan started 2024-04-30, before its referral was received on 2024-05-10: correct the plan's "
                + "start date, or link it to the referral it belongs to.")
    }

    @Test func cpPlanBeforeReferral() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-05-10")
        let plan = log.cpPlanStarted("C1", "2024-05-09")
        log.referral("C2", "2024-05-10")
        log.cpPlanStarted("C2", "2024-05-10")
        let found = log.findings("cp-plan-before-referral")
        #expect(found.map(\.positions) == [[p(plan), p(r)]])
        #expect(
            found.first?.message
                == "CP plan started 2024-05-09, before its referral was received on 2024-05-10: correct the plan's "
                + "start date, or link it to the referral it belongs to.")
    }

    @Test func caseClosedBeforeReferral() {
        var log = EventBuilder()
        let r = log.referral("C1", "2024-05-10")
        let c = log.closed("C1", "2024-05-09")
        // CIN 8630 allows a closure on the referral day.
        log.referral("C2", "2024-05-10")
        log.closed("C2", "2024-05-10")
        let found = log.findings("case-closed-before-referral")
        #expect(found.map(\.positions) == [[p(c), p(r)]])
        #expect(
            found.first?.message
                == "Case closed 2024-05-09, before its referral was received on 2024-05-10: correct the closure date or "
                + "the referral date.")
    }

    @Test func assessmentCompletedBeforeStart() {
        var log = EventBuilder()
        log.referral("C1", "2024-05-01")
        let s = log.assessmentStarted("C1", "2024-05-10")
        let c = log.assessmentCompleted("C1", "2024-05-09")
        // Authorised the day it started: CIN 8608 allows it.
        log.referral("C2", "2024-05-01")
        log.assessmentStarted("C2", "2024-05-10")
        log.assessmentCompleted("C2", "2024-05-10")
        let found = log.findings("assessment-completed-before-start")
        #expect(found.map(\.positions) == [[p(c), p(s)]])
        #expect(
            found.first?.message
                == "Assessment authorised 2024-05-09, before it started on 2024-05-10: correct the start date or the "
                + "authorisation date.")
    }

    @Test func s47CompletedBeforeStart() {
        var log = EventBuilder()
        let s = log.s47("C1", "2024-05-10")
        let c = log.s47Completed("C1", "2024-05-08", icpcRequired: false)
        log.s47("C2", "2024-05-10")
        log.s47Completed("C2", "2024-05-10", icpcRequired: false)
        let found = log.findings("s47-completed-before-start")
        #expect(found.map(\.positions) == [[p(c), p(s)]])
        #expect(
            found.first?.message
                == "Section 47 enquiry completed 2024-05-08, before it started on 2024-05-10: correct the start date "
                + "or the completion date.")
    }

    @Test func cinPlanEndsBeforeStart() {
        var log = EventBuilder()
        let s = log.cinPlanStarted("C1", "2024-05-10")
        let e = log.cinPlanEnded("C1", "2024-05-09")
        log.cinPlanStarted("C2", "2024-05-10")
        log.cinPlanEnded("C2", "2024-05-10")
        let found = log.findings("cin-plan-ends-before-start")
        #expect(found.map(\.positions) == [[p(e), p(s)]])
        #expect(
            found.first?.message
                == "CIN plan ended 2024-05-09, before it started on 2024-05-10: correct the start date or the end date."
        )
    }

    @Test func cpPlanEndsBeforeStartAndOnTheStartDay() {
        var log = EventBuilder()
        let s = log.cpPlanStarted("C1", "2024-05-10")
        let e = log.cpPlanEnded("C1", "2024-05-09")
        let s2 = log.cpPlanStarted("C2", "2024-05-10")
        let e2 = log.cpPlanEnded("C2", "2024-05-10")
        // Ended the next day: neither check.
        log.cpPlanStarted("C3", "2024-05-10")
        log.cpPlanEnded("C3", "2024-05-11")
        let before = log.findings("cp-plan-ends-before-start")
        #expect(before.map(\.positions) == [[p(e), p(s)]])
        #expect(
            before.first?.message
                == "CP plan ended 2024-05-09, before it started on 2024-05-10: correct the start date or the end date.")
        let sameDay = log.findings("cp-plan-ends-on-start-day")
        #expect(sameDay.map(\.positions) == [[p(e2), p(s2)]] && sameDay.first?.severity == .warning)
        #expect(
            sameDay.first?.message
                == "CP plan started and ended on the same day, 2024-05-10: correct the end date, or retract the plan if "
                + "it was recorded in error.")
    }

    @Test func careAndPlacementEndBeforeStart() {
        var log = EventBuilder()
        let s = log.careStarted("C1", "2024-05-10")
        let pl = log.placed("C1", "2024-05-10")
        let ple = log.placementEnded("C1", "2024-05-09")
        let e = log.careEnded("C1", "2024-05-09")
        // Same-day ends are in order.
        log.careStarted("C2", "2024-05-10")
        log.placed("C2", "2024-05-10")
        log.placementEnded("C2", "2024-05-10")
        log.careEnded("C2", "2024-05-10")
        let care = log.findings("care-ends-before-start")
        #expect(care.map(\.positions) == [[p(e), p(s)]])
        #expect(
            care.first?.message
                == "Period of care ended 2024-05-09, before it started on 2024-05-10: correct the start date or the end date."
        )
        let placement = log.findings("placement-ends-before-start")
        #expect(placement.map(\.positions) == [[p(ple), p(pl)]])
        #expect(
            placement.first?.message
                == "Placement ended 2024-05-09, before it started on 2024-05-10: correct the start date or the end date."
        )
    }

    @Test func missingAndEarlyHelpEndBeforeStart() {
        var log = EventBuilder()
        let m = log.missing("C1", "2024-05-10")
        let r = log.returned("C1", "2024-05-09", offered: true)
        let eh = log.earlyHelp("C1", "2024-05-10")
        let ehe = log.earlyHelpEnded("C1", "2024-05-09")
        log.missing("C2", "2024-05-10")
        log.returned("C2", "2024-05-10", offered: true)
        log.earlyHelp("C2", "2024-05-10")
        log.earlyHelpEnded("C2", "2024-05-10")
        let missing = log.findings("missing-episode-ends-before-start")
        #expect(missing.map(\.positions) == [[p(r), p(m)]])
        #expect(
            missing.first?.message
                == "Missing episode ended 2024-05-09, before it started on 2024-05-10: correct the start date or the "
                + "return date.")
        let early = log.findings("early-help-ends-before-start")
        #expect(early.map(\.positions) == [[p(ehe), p(eh)]])
        #expect(
            early.first?.message
                == "Early help ended 2024-05-09, before it started on 2024-05-10: correct the start date or the end date."
        )
    }

    @Test func cpReviewOnOrBeforeStart() {
        var log = EventBuilder()
        let s = log.cpPlanStarted("C1", "2024-05-10")
        let sameDay = log.cpPlanReviewed("C1", "2024-05-10")
        // The day after the start is allowed (CIN 8841 forbids "the same day or before").
        log.cpPlanStarted("C2", "2024-05-10")
        log.cpPlanReviewed("C2", "2024-05-11")
        let found = log.findings("cp-review-on-or-before-start")
        #expect(found.map(\.positions) == [[p(sameDay), p(s)]])
        #expect(
            found.first?.message
                == "CP plan review dated 2024-05-10, the same day as the plan started on 2024-05-10: correct the review "
                + "date, or the plan's start date.")
    }

    @Test func icpcBeforeS47() {
        var log = EventBuilder()
        let s = log.s47("C1", "2024-05-10")
        let c = log.icpc("C1", "2024-05-09")
        // On the enquiry's start day: allowed. Naming an enquiry never started: reported.
        log.s47("C2", "2024-05-10")
        log.icpc("C2", "2024-05-10")
        let orphan = log.icpc("C3", "2024-05-10", s47: "E9")
        // Held at episode level (no enquiry named): not this rule's.
        log.icpc("C4", "2024-05-10", s47: nil)
        let found = log.findings("icpc-before-s47")
        #expect(found.map(\.positions) == [[p(c), p(s)], [p(orphan)]])
        #expect(
            found.map(\.message) == [
                "Initial child protection conference on 2024-05-09, before its section 47 enquiry started on "
                    + "2024-05-10: correct the conference date or the enquiry's start date.",
                "Initial child protection conference on 2024-05-10 names a section 47 enquiry with no recorded start: "
                    + "record the enquiry's start, or correct the enquiry the conference names.",
            ])
    }

    @Test func activityAfterCaseClosed() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        log.assessmentStarted("C1", "2024-04-02")
        let late = log.assessmentCompleted("C1", "2024-05-11")
        let closure = log.closed("C1", "2024-05-10")
        // Authorised on the closure day: allowed (CIN 8565 says "on or after").
        log.referral("C2", "2024-04-01")
        log.assessmentStarted("C2", "2024-04-02")
        log.assessmentCompleted("C2", "2024-05-10")
        log.closed("C2", "2024-05-10")
        let found = log.findings("activity-after-case-closed")
        #expect(found.map(\.positions) == [[p(late), p(closure)]])
        #expect(
            found.first?.message
                == "Assessment authorised 2024-05-11, after the case was closed on 2024-05-10: correct the date, link the "
                + "work to the episode it belongs to, or reopen the case with a new referral.")
    }

    @Test func referralTooEarlyBeforeBirth() {
        var log = EventBuilder()
        // Born 2024-10-01. From 2023-12-26 to 2024-01-01 is 6 days, and to 2024-10-01 274 more (a leap year:
        // 31 + 29 + 31 + 30 + 31 + 30 + 31 + 31 + 30): 280 days, allowed. From 2023-12-25 it is 281: too early.
        let born = log.registered("C1", "2023-12-01", born: "2024-10-01")
        let early = log.referral("C1", "2023-12-25", "R1")
        log.referral("C1", "2023-12-26", "R2")
        // An unborn child known by the expected date.
        log.registered("C2", "2023-12-01", expected: "2024-10-01")
        let early2 = log.referral("C2", "2023-12-25")
        let found = log.findings("referral-too-early-before-birth")
        #expect(found.map(\.positions) == [[p(early), p(born)], [p(early2)]])
        #expect(
            found.first?.message
                == "Referral received 2023-12-25 is more than 40 weeks before the child's recorded birth date: correct "
                + "the referral date or the birth date, or check that the referral belongs to this child.")
        #expect(found.last?.message.contains("recorded expected birth date") == true)
    }

    @Test func datedBeforeBirth() {
        var log = EventBuilder()
        let born = log.registered("C1", "2024-01-01", born: "2024-10-01")
        // Pre-birth work within 40 weeks passes, and so does the referral (another check's); care never does.
        log.referral("C1", "2024-02-01")
        log.cpPlanStarted("C1", "2024-02-01")
        log.visit("C1", "2024-02-10")
        // A worker allocated to the unborn child, and the reason for the change of worker, are dated when made: they
        // pass however early (2023-11-01 is 335 days before the birth).
        log.add("C1", "2023-11-01", .workerAllocated(team: "North", worker: "SW1"))
        log.add("C1", "2023-11-01", .workerChangeRecorded(reason: SWReason("FCONTA")!))
        let care = log.careStarted("C1", "2024-09-30")
        // Work 281 days before the birth (2023-12-25) is too early even for an unborn child; 280 (2023-12-26) is not.
        let early = log.assessmentStarted("C1", "2023-12-25", "A1")
        log.assessmentStarted("C1", "2023-12-26", "A2")
        // A second period of care before the birth is this check's; the first period's start is
        // care-starts-before-birth's (903 302), and found once.
        let care2 = log.careStarted("C1", "2024-09-30", "L2")
        let found = log.findings("dated-before-birth")
        #expect(found.map(\.positions) == [[p(early), p(born)], [p(care2), p(born)]])
        #expect(
            found.map(\.message) == [
                "assessment.started dated 2023-12-25 is more than 40 weeks before the child's recorded birth date: "
                    + "correct the event's date or the birth date, or check that the event belongs to this child.",
                "care.started dated 2024-09-30 is before the child's recorded birth date: correct the event's date or "
                    + "the birth date, or check that the event belongs to this child.",
            ])
        #expect(log.findings("care-starts-before-birth").map(\.positions) == [[p(care), p(born)]])
        // The birth date comes from the update that gave it, not the registration.
        var later = EventBuilder()
        later.registered("C1", "2024-01-01", expected: "2024-10-01")
        let update = later.updated("C1", "2024-10-02", born: "2024-10-02")
        let placement = later.placed("C1", "2024-10-01")
        #expect(later.findings("dated-before-birth").map(\.positions) == [[p(placement), p(update)]])
    }

    @Test func datedAfterDeath() {
        var log = EventBuilder()
        log.referral("C1", "2024-04-01")
        let death = log.died("C1", "2024-05-10")
        // Closing things is expected; work on the day of death is not after it.
        log.visit("C1", "2024-05-10", kind: "cin")
        log.closed("C1", "2024-05-12", reason: "RC2")
        let visit = log.visit("C1", "2024-05-11", kind: "cin")
        let found = log.findings("dated-after-death")
        #expect(found.map(\.positions) == [[p(visit), p(death)]])
        #expect(
            found.first?.message
                == "visit.made dated 2024-05-11 is after the child's recorded death: correct the event's date or the "
                + "date of death, or check that the event belongs to this child.")
    }

    @Test func datedBeforeBirthCoversPermanenceLeavingCareAndHealth() {
        var log = EventBuilder()
        let born = log.registered("C1", "2024-06-01", born: "2024-06-01")
        // No pre-birth work here: an adoption, an order or a health entry cannot come before the birth. The
        // decision is adoption-decision-before-birth's (903 184) and the order's start
        // deprivation-of-liberty-before-birth's (903 708), each found once; the health entry is this check's.
        let decided = log.adoptionDecided("C1", "2024-05-01")
        let order = log.dolStarted("C1", "2024-05-20")
        let health = log.healthSurveillance("C1", "2024-05-25")
        log.dolEnded("C1", "2024-07-01")
        log.healthSurveillance("C1", "2024-08-01")
        let found = log.findings("dated-before-birth")
        #expect(found.map(\.positions) == [[p(health), p(born)]])
        #expect(
            found.first?.message
                == "health-surveillance.recorded dated 2024-05-25 is before the child's recorded birth date: correct "
                + "the event's date or the birth date, or check that the event belongs to this child.")
        #expect(log.findings("adoption-decision-before-birth").map(\.positions) == [[p(decided), p(born)]])
        #expect(log.findings("deprivation-of-liberty-before-birth").map(\.positions) == [[p(order), p(born)]])
    }

    @Test func datedAfterDeathCoversPermanenceLeavingCareAndHealth() {
        var log = EventBuilder()
        log.careStarted("C1", "2024-01-10")
        log.dolStarted("C1", "2024-02-01")
        log.adoptionDecided("C1", "2024-03-01")
        let death = log.died("C1", "2024-05-10")
        // Endings, and a care leaver contact that records the death, are expected after it.
        log.dolEnded("C1", "2024-05-12")
        log.decisionReversed("C1", "2024-05-12")
        log.careLeaverContact("C1", "2024-06-01", inTouch: "DIED", activity: "0", accommodation: "0")
        let assessment = log.add("C1", "2024-05-13", .healthAssessmentCompleted)
        let contact = log.careLeaverContact("C1", "2024-06-02")
        let found = log.findings("dated-after-death")
        #expect(found.map(\.positions) == [[p(assessment), p(death)], [p(contact), p(death)]])
        #expect(
            found.map(\.message).last
                == "care-leaver.contacted dated 2024-06-02 is after the child's recorded death: correct the event's "
                + "date or the date of death, or check that the event belongs to this child.")
    }
}
