import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("Permanence")
struct PermanenceCheckTests {
    @Test func adoptionWithoutDecision() {
        var log = EventBuilder()
        log.adoptionDecided("C1", "2024-04-01")
        log.matched("C1", "2024-05-01")
        // A match and a placement for an adoption with no decision: one finding, on the earliest step.
        let match = log.matched("C2", "2024-05-01")
        let placed = log.placedForAdoption("C2", "2024-06-01")
        // A decision of another adoption does not count.
        log.adoptionDecided("C3", "2024-04-01")
        let other = log.matched("C3", "2024-05-01", "AD2")
        let found = log.findings("adoption-without-decision")
        #expect(found.map(\.positions) == [[p(match), p(placed)], [p(other)]] && found.first?.severity == .error)
        #expect(
            found.first?.message
                == "Matched with adopters 2024-05-01 names an adoption with no decision to place for adoption "
                + "recorded: record the decision (adoption.decided), or correct the adoption the event names.")
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
        log.careStarted("C1", "2023-01-10")
        log.adoptionDecided("C1", "2023-03-01")
        log.matched("C1", "2023-06-01")
        log.careEnded("C1", "2024-01-10", reason: "E11")
        // Decided but never matched.
        log.careStarted("C2", "2023-01-10")
        log.adoptionDecided("C2", "2023-03-01")
        let ended = log.careEnded("C2", "2024-01-10", reason: "E11")
        // Not adopted: nothing to ask.
        log.careStarted("C3", "2023-01-10")
        log.careEnded("C3", "2024-01-10")
        let found = log.findings("adopted-without-match")
        #expect(found.map(\.positions) == [[p(ended)]] && found.first?.severity == .warning)
        #expect(
            found.first?.message
                == "Period of care ended 2024-01-10 with reason E11 (adopted), but no adoption with a decision to "
                + "place for adoption and a match with adopters is recorded: record them (the 903's AD1), or correct "
                + "the reason care ended.")
    }
}
