import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("Permanence")
struct PermanenceCheckTests {
    @Test func adoptionWithoutDecision() {
        var log = EventBuilder()
        // C1: decided, then placed with adopters: nothing to find.
        log.adoptionDecided("C1", "2024-04-01")
        log.placedForAdoption("C1", "2024-06-01")
        // C2: a match, a placement with adopters and an order, no decision. The match is 333's
        // (matched-without-adoption-decision); the placement and the order are this check's: one finding, on the
        // placement (the earlier), naming both.
        log.matched("C2", "2024-05-01")
        let placed = log.placedForAdoption("C2", "2024-06-01")
        let order = log.adoptionOrder("C2", "2025-01-10")
        // C3: a decision of another adoption does not count for AD2's placement end.
        log.adoptionDecided("C3", "2024-04-01")
        let ended = log.adoptivePlacementEnded("C3", "2024-07-01", "AD2")
        // C4: an order after the as-of date (31 March 2025) is not yet known.
        log.adoptionOrder("C4", "2025-04-02")
        // C5: no decision at all, and the placement with adopters names its A4 placement, which
        // placed-for-adoption-without-decision (551) finds: only the order is this check's.
        log.careStarted("C5", "2024-01-10")
        log.placed("C5", "2024-06-01", type: "A4")
        log.placedForAdoption("C5", "2024-06-01", placement: "PL1")
        let order5 = log.adoptionOrder("C5", "2025-01-10")
        let found = log.findings("adoption-without-decision")
        #expect(
            found.map(\.positions) == [[p(placed), p(order)], [p(ended)], [p(order5)]]
                && found.first?.severity == .error)
        #expect(
            found.map(\.message) == [
                "Placed for adoption 2024-06-01 names an adoption with no decision to place for adoption recorded: "
                    + "record the decision (adoption.decided), or correct the adoption the event names.",
                "Adoptive placement ended 2024-07-01 names an adoption with no decision to place for adoption "
                    + "recorded: record the decision (adoption.decided), or correct the adoption the event names.",
                "Adoption order granted 2025-01-10 names an adoption with no decision to place for adoption recorded: "
                    + "record the decision (adoption.decided), or correct the adoption the event names.",
            ])
        #expect(log.findings("placed-for-adoption-without-decision").count == 1)
    }

    @Test func eachStepWithoutDecisionUnderItsOwnRule() {
        var log = EventBuilder()
        // C1: every step after its decision: nothing to find.
        log.adoptionDecided("C1", "2024-04-01")  // e1
        log.placementOrder("C1", "2024-04-10")  // e2
        log.matched("C1", "2024-05-01")  // e3
        log.decisionReversed("C1", "2024-08-01")  // e4
        // C2: the same steps, no decision. Each is found once, by the check of the rule that asks for the decision
        // with it: the placement order by 553, the match by 333, the reversal by 563; none by adoption-without-decision.
        let order = log.placementOrder("C2", "2024-04-10")  // e5
        let match = log.matched("C2", "2024-05-01")  // e6
        let reversed = log.decisionReversed("C2", "2024-08-01")  // e7
        // C3: a match after the as-of date is not yet known.
        log.matched("C3", "2025-04-10")  // e8
        let matches = log.findings("matched-without-adoption-decision")
        #expect(matches.map(\.positions) == [[p(match)]] && matches.first?.severity == .error)
        #expect(
            matches.first?.message
                == "Matched with adopters 2024-05-01 names an adoption with no decision to place for adoption "
                + "recorded: record the decision (adoption.decided), or correct the adoption the event names.")
        #expect(log.findings("placement-order-without-adoption-decision").map(\.positions) == [[p(order)]])
        #expect(
            log.messages("decision-reversed-without-adoption-decision") == [
                "Adoption decision reversed 2024-08-01 names an adoption with no decision to place for adoption "
                    + "recorded: record the decision (adoption.decided), or correct the adoption the event names."
            ])
        #expect(log.findings("decision-reversed-without-adoption-decision").map(\.positions) == [[p(reversed)]])
        #expect(log.findings("adoption-without-decision").isEmpty)
    }

    @Test func placedForAdoptionWithoutDecision() {
        var log = EventBuilder()
        // C1: decided, then placed for adoption (A4): nothing to find.
        log.careStarted("C1", "2024-01-10")
        log.adoptionDecided("C1", "2024-03-01")
        log.placed("C1", "2024-05-01", type: "A4")
        // C2: in foster care (U4), then placed for adoption (A6), no decision: the A6 placement only.
        log.careStarted("C2", "2024-01-10")
        log.placed("C2", "2024-02-01", type: "U4")
        let a6 = log.placed("C2", "2024-05-01", "PL2", type: "A6")
        // C3: the decision is dated after the as-of date (31 March 2025): none on record on it.
        log.careStarted("C3", "2024-01-10")
        let a3 = log.placed("C3", "2024-05-01", type: "A3")
        log.adoptionDecided("C3", "2025-04-02")
        // C4: a decision of an earlier adoption, reversed, is on record: the placement is judged against it by 552.
        log.careStarted("C4", "2023-01-10")
        log.adoptionDecided("C4", "2023-06-01")
        log.decisionReversed("C4", "2023-09-01")
        log.placed("C4", "2024-05-01", type: "A4")
        let found = log.findings("placed-for-adoption-without-decision")
        #expect(found.map(\.positions) == [[p(a6)], [p(a3)]])
        #expect(
            found.first?.message
                == "Placed for adoption (A6) 2024-05-01 with no decision that the child should be placed for adoption "
                + "recorded: record the decision (adoption.decided), or correct the placement type.")
    }

    @Test func adoptionStepsOutOfOrder() {
        var log = EventBuilder()
        // In order; a step may share its day with the one before.
        log.adoptionDecided("C1", "2024-04-01")
        log.placementOrder("C1", "2024-04-01")
        log.matched("C1", "2024-05-01")
        log.placedForAdoption("C1", "2024-05-01")
        log.adoptionOrder("C1", "2025-01-10")
        // Matched before the decision (903 333), the order before the placement.
        let decided = log.adoptionDecided("C2", "2024-05-10")
        let match = log.matched("C2", "2024-05-01")
        let placed = log.placedForAdoption("C2", "2024-06-01")
        let order = log.adoptionOrder("C2", "2024-05-20")
        // No match: the placement is judged against the decision (521); the reversal before the decision (522).
        let decided3 = log.adoptionDecided("C3", "2024-06-01")
        let placed3 = log.placedForAdoption("C3", "2024-05-15")
        let reversed = log.decisionReversed("C3", "2024-05-01")
        let found = log.findings("adoption-steps-out-of-order")
        #expect(
            found.map(\.positions) == [
                [p(match), p(decided)], [p(order), p(placed)], [p(reversed), p(decided3)], [p(placed3), p(decided3)],
            ])
        #expect(
            found.map(\.message) == [
                "Matched with adopters 2024-05-01, before the decision to place for adoption on 2024-05-10: correct "
                    + "the date of one or the other.",
                "Adoption order granted 2024-05-20, before the placement for adoption on 2024-06-01: correct the date "
                    + "of one or the other.",
                "Adoption decision reversed 2024-05-01, before the decision to place for adoption on 2024-06-01: "
                    + "correct the date of one or the other.",
                "Placed for adoption 2024-05-15, before the decision to place for adoption on 2024-06-01: correct the "
                    + "date of one or the other.",
            ])
    }

    @Test func adoptionStepOutsideCare() {
        var log = EventBuilder()
        // Every step in care; the order on the day care ended is in care.
        log.careStarted("C1", "2024-01-10")
        log.adoptionDecided("C1", "2024-02-01")
        log.matched("C1", "2024-05-01")
        log.placedForAdoption("C1", "2024-05-01")
        log.adoptionOrder("C1", "2024-12-02")
        log.careEnded("C1", "2024-12-02", reason: "E11")
        // Decided before care started (903 1003), placed after it ended.
        let decided = log.adoptionDecided("C2", "2024-01-05")
        log.careStarted("C2", "2024-01-10")
        log.careEnded("C2", "2024-04-30")
        let placed = log.placedForAdoption("C2", "2024-05-01")
        let found = log.findings("adoption-step-outside-care")
        #expect(found.map(\.positions) == [[p(decided)], [p(placed)]])
        #expect(
            found.map(\.message) == [
                "Decision to place for adoption 2024-01-05, when the child was not looked after: correct the date, or "
                    + "record the period of care it belongs to.",
                "Placed for adoption 2024-05-01, when the child was not looked after: correct the date, or record the "
                    + "period of care it belongs to.",
            ])
    }

    @Test func adoptedAfterDecisionReversed() {
        var log = EventBuilder()
        // Reversed, then a new decision, then adopted.
        log.careStarted("C1", "2023-01-10")
        log.adoptionDecided("C1", "2023-03-01")
        log.decisionReversed("C1", "2023-09-01")
        log.adoptionDecided("C1", "2024-01-15", "AD2")
        log.matched("C1", "2024-03-01", "AD2")
        log.adoptionOrder("C1", "2024-10-01", "AD2")
        log.careEnded("C1", "2024-10-01", reason: "E11")
        // An order for the adoption whose decision was reversed.
        log.careStarted("C2", "2023-01-10")
        log.adoptionDecided("C2", "2023-03-01")
        let reversed2 = log.decisionReversed("C2", "2023-09-01")
        let order2 = log.adoptionOrder("C2", "2024-10-01")
        // Care ended as adopted after the reversal, with no new decision.
        log.careStarted("C3", "2023-01-10")
        log.adoptionDecided("C3", "2023-03-01")
        let reversed3 = log.decisionReversed("C3", "2023-09-01")
        let ended3 = log.careEnded("C3", "2024-10-01", reason: "E12")
        let found = log.findings("adopted-after-decision-reversed")
        #expect(found.map(\.positions) == [[p(reversed2), p(order2)], [p(reversed3), p(ended3)]])
        #expect(
            found.map(\.message) == [
                "Decision to place for adoption reversed 2023-09-01, but the adoption order for the same adoption was "
                    + "granted 2024-10-01: retract the reversal if the decision stood, or correct the order.",
                "Decision to place for adoption reversed 2023-09-01, and the child was adopted (care ended E12) "
                    + "2024-10-01 with no new decision since: record the new decision to place for adoption, or "
                    + "correct the reversal or the reason care ended.",
            ])
    }

    @Test func adoptedWithoutMatch() {
        var log = EventBuilder()
        // C1: decided and matched, then adopted: nothing to ask.
        log.careStarted("C1", "2023-01-10")
        log.adoptionDecided("C1", "2023-03-01")
        log.matched("C1", "2023-06-01")
        log.careEnded("C1", "2024-01-10", reason: "E11")
        // C2: decided but never matched: the AD1 row has no DATE_MATCH (601).
        log.careStarted("C2", "2023-01-10")
        let decided2 = log.adoptionDecided("C2", "2023-03-01")
        let ended2 = log.careEnded("C2", "2024-01-10", reason: "E11")
        // C3: no decision at all: no AD1 row, adopted-without-decision's.
        log.careStarted("C3", "2023-01-10")
        log.careEnded("C3", "2024-01-10", reason: "E12")
        // C4: an earlier adoption decided and matched, the latest decision (AD2, from which the AD1 row is written)
        // never matched: found.
        log.careStarted("C4", "2022-01-10")
        log.adoptionDecided("C4", "2022-05-01", "AD1")
        log.matched("C4", "2022-07-01", "AD1")
        let decided4 = log.adoptionDecided("C4", "2023-03-01", "AD2")
        let ended4 = log.careEnded("C4", "2024-01-10", reason: "E11")
        // C5: decided, not matched, but not adopted: nothing to ask.
        log.careStarted("C5", "2023-01-10")
        log.adoptionDecided("C5", "2023-03-01")
        log.careEnded("C5", "2024-01-10")
        let found = log.findings("adopted-without-match")
        #expect(
            found.map(\.positions) == [[p(ended2), p(decided2)], [p(ended4), p(decided4)]]
                && found.first?.severity == .warning)
        #expect(
            found.first?.message
                == "Period of care ended 2024-01-10 with reason E11 (adopted), but the decision to place for adoption "
                + "of 2023-03-01 has no match with adopters recorded: record the match (adoption.matched, the 903's "
                + "AD1), or correct the reason care ended.")
    }

    @Test func adoptedWithoutDecision() {
        var log = EventBuilder()
        // C1: decided before care ended as adopted: nothing to ask.
        log.careStarted("C1", "2023-01-10")
        log.adoptionDecided("C1", "2023-03-01")
        log.careEnded("C1", "2024-01-10", reason: "E11")
        // C2: adopted with no decision at all.
        log.careStarted("C2", "2023-01-10")
        let ended2 = log.careEnded("C2", "2024-01-10", reason: "E12")
        // C3: the only decision is dated after care ended: none on or before it.
        log.careStarted("C3", "2023-01-10")
        let ended3 = log.careEnded("C3", "2024-01-10", reason: "E11")
        log.adoptionDecided("C3", "2024-02-01")
        // C4: not adopted.
        log.careStarted("C4", "2023-01-10")
        log.careEnded("C4", "2024-01-10")
        let found = log.findings("adopted-without-decision")
        #expect(found.map(\.positions) == [[p(ended2)], [p(ended3)]] && found.first?.severity == .warning)
        #expect(
            found.first?.message
                == "Period of care ended 2024-01-10 with reason E12 (adopted), but no decision to place for adoption "
                + "is recorded on or before it: record the decision (adoption.decided, the 903's AD1), or correct the "
                + "reason care ended.")
    }
}
