import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// The SSDA903 rules on a child's decisions to place for adoption (579, 583, 557), and on deprivation of liberty
/// orders out of care (707) or before birth (708).
@Suite("Adoption decisions")
struct AdoptionDecisionCheckTests {
    /// Five children's decisions, for 579 and 583 on one log. Positions are the event numbers in the comments.
    static var decisions: EventBuilder {
        var log = EventBuilder()
        // C1: the first decision reversed before the second: nothing to find.
        log.adoptionDecided("C1", "2023-03-01", "AD1")  // e1
        log.decisionReversed("C1", "2023-09-01", "AD1")  // e2
        log.adoptionDecided("C1", "2024-01-10", "AD2")  // e3
        // C2: the first never reversed: 579 on the second (e5 while e4 stood), 583 on the first.
        log.adoptionDecided("C2", "2023-03-01", "AD1")  // e4
        log.adoptionDecided("C2", "2024-01-10", "AD2")  // e5
        // C3: the first reversed after the second was made: 579 (they overlap); 583 not (a reversal is recorded).
        log.adoptionDecided("C3", "2023-03-01", "AD1")  // e6
        log.adoptionDecided("C3", "2024-01-10", "AD2")  // e7
        log.decisionReversed("C3", "2024-02-01", "AD1")  // e8
        // C4: adopted in 2015 and looked after again: the adoption order ended the first decision, so neither.
        log.adoptionDecided("C4", "2015-03-01", "AD1")  // e9
        log.adoptionOrder("C4", "2015-12-01", "AD1")  // e10
        log.adoptionDecided("C4", "2024-01-10", "AD2")  // e11
        // C5: the second decision is dated after the as-of date (31 March 2025): one decision on it, so neither.
        log.adoptionDecided("C5", "2023-03-01", "AD1")  // e12
        log.adoptionDecided("C5", "2025-04-10", "AD2")  // e13
        return log
    }

    @Test func overlappingAdoptionDecisions() {
        let found = Self.decisions.findings("overlapping-adoption-decisions")
        #expect(found.map(\.positions) == [[5, 4], [7, 6, 8]] && found.first?.severity == .error)
        #expect(
            found.map(\.message) == [
                "Decision to place for adoption 2024-01-10 made while the decision of 2023-03-01 still stood: record "
                    + "when the earlier decision was reversed, or remove the decision recorded twice.",
                "Decision to place for adoption 2024-01-10 made before the decision of 2023-03-01 ended on "
                    + "2024-02-01: correct the date of the new decision or of the earlier one's reversal.",
            ])
    }

    @Test func earlierDecisionNotReversedLeavesAdoptedOnesOut() {
        // Only C2's first decision stands unreversed behind a later one; C4's ended in an adoption order.
        #expect(Self.decisions.findings("earlier-adoption-decision-not-reversed").map(\.positions) == [[4, 5]])
    }

    @Test func leftCareNotAdoptedWithDecisionStanding() {
        var log = EventBuilder()
        // C1: placed for adoption (A4), the decision reversed before care ended (E4A): nothing to find.
        log.careStarted("C1", "2023-01-10")  // e1
        log.adoptionDecided("C1", "2023-03-01")  // e2
        log.placed("C1", "2023-06-01", type: "A4")  // e3
        log.decisionReversed("C1", "2023-12-01")  // e4
        log.careEnded("C1", "2024-01-10")  // e5
        // C2: the same, never reversed: found on the end of care, with the decision.
        log.careStarted("C2", "2023-01-10")  // e6
        log.adoptionDecided("C2", "2023-03-01")  // e7
        log.placed("C2", "2023-06-01", type: "A4")  // e8
        log.careEnded("C2", "2024-01-10")  // e9
        // C3: in foster care (U4) under a placement order (E1) when care ended (E13), no decision at all.
        log.careStarted("C3", "2023-01-10")  // e10
        log.placed("C3", "2023-01-10", type: "U4")  // e11
        log.legalStatus("C3", "2023-04-01", "E1")  // e12
        log.careEnded("C3", "2024-01-10", reason: "E13")  // e13
        // C4: adopted (E11): nothing to ask.
        log.careStarted("C4", "2023-01-10")  // e14
        log.adoptionDecided("C4", "2023-03-01")  // e15
        log.placed("C4", "2023-06-01", type: "A4")  // e16
        log.careEnded("C4", "2024-01-10", reason: "E11")  // e17
        // C5: moved from the adoptive placement to foster care (U4) before care ended: the last row is not A3-A6
        // nor E1.
        log.careStarted("C5", "2023-01-10")  // e18
        log.adoptionDecided("C5", "2023-03-01")  // e19
        log.placed("C5", "2023-06-01", type: "A4")  // e20
        log.placementEnded("C5", "2023-10-01")  // e21
        log.placed("C5", "2023-10-01", "PL2", type: "U4")  // e22
        log.careEnded("C5", "2024-01-10")  // e23
        let found = log.findings("left-care-not-adopted-with-decision-standing")
        #expect(found.map(\.positions) == [[9, 7], [13]] && found.first?.severity == .error)
        #expect(
            found.map(\.message) == [
                "Care ended 2024-01-10 (E4A) while the child was placed for adoption (A4), but the decision of "
                    + "2023-03-01 that the child should be placed for adoption was never reversed: record its reversal "
                    + "(adoption.decision-reversed) with the reason, or correct the reason care ended.",
                "Care ended 2024-01-10 (E13) while the child was under a placement order (E1), with no decision that "
                    + "the child should be placed for adoption recorded: record the decision and its reversal, or "
                    + "correct the placement or legal status.",
            ])
    }

    @Test func deprivationOfLibertyOutsideCare() {
        var log = EventBuilder()
        // C1: the order still open when care ended.
        log.careStarted("C1", "2024-05-01")  // e1
        log.dolStarted("C1", "2024-06-01")  // e2
        log.careEnded("C1", "2024-09-10")  // e3
        // C2: the order ended on the day care ended: held by the period.
        log.careStarted("C2", "2024-05-01")  // e4
        log.dolStarted("C2", "2024-06-01")  // e5
        log.dolEnded("C2", "2024-09-10")  // e6
        log.careEnded("C2", "2024-09-10")  // e7
        // C3: the order ended two days after care ended.
        log.careStarted("C3", "2024-05-01")  // e8
        log.dolStarted("C3", "2024-06-01")  // e9
        log.dolEnded("C3", "2024-09-12")  // e10
        log.careEnded("C3", "2024-09-10")  // e11
        // C4: never looked after: not judged, as the validator has no episode to compare with.
        log.dolStarted("C4", "2024-06-01")  // e12
        // C5: care and the order both still open.
        log.careStarted("C5", "2024-05-01")  // e13
        log.dolStarted("C5", "2024-06-01")  // e14
        let found = log.findings("deprivation-of-liberty-outside-care")
        #expect(found.map(\.positions) == [[2], [9, 10]] && found.first?.severity == .error)
        #expect(
            found.map(\.message) == [
                "A deprivation of liberty order is still open after care ended: record when it ended, at the latest "
                    + "when care ended.",
                "A deprivation of liberty order ends outside the child's periods of care: correct its dates or the "
                    + "period of care.",
            ])
    }

    @Test func deprivationOfLibertyBeforeBirth() {
        var log = EventBuilder()
        // 903 708 flags DOLO_START on or before DOB: C1's order starts on the birth day (e2), C3's the day before
        // (e6); C2's the day after, kept. C3's end, after the birth, is nobody's.
        log.registered("C1", "2012-01-01", born: "2012-06-01")  // e1
        log.dolStarted("C1", "2012-06-01")  // e2
        log.registered("C2", "2012-01-01", born: "2012-06-01")  // e3
        log.dolStarted("C2", "2012-06-02")  // e4
        log.registered("C3", "2012-01-01", born: "2012-06-01")  // e5
        log.dolStarted("C3", "2012-05-31")  // e6
        log.dolEnded("C3", "2012-09-01")  // e7
        let found = log.findings("deprivation-of-liberty-before-birth")
        #expect(found.map(\.positions) == [[2, 1], [6, 5]] && found.first?.severity == .error)
        #expect(
            found.first?.message
                == "A deprivation of liberty order starts on or before the child's recorded birth date: correct its "
                + "date or the birth date, or check that it belongs to this child.")
        // dated-before-birth leaves the starts to this check.
        #expect(log.findings("dated-before-birth").isEmpty)
    }
}
