import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

extension EventBuilder {
    /// `care.ended` with a reason.
    mutating func ended(_ child: String, _ period: String, _ date: String, _ reason: String, recorded: String? = nil) {
        add(child, date, .careEnded(period: PeriodID(period), reason: CareEndReason(reason)!), recorded: recorded)
    }
}

/// Adoption, special guardianship and the adoption scorecard's timeliness (metrics.md, *Permanence, leaving care and
/// health*). Every expected figure is worked out by hand from the definition, in the comments.
@Suite("Permanence metrics")
struct PermanenceMetricTests {
    @Test func adoptionsAndSpecialGuardianshipCountChildrenByTheirLaterEnd() throws {
        var log = EventBuilder()
        // C1: adopted (E11) in June 2024.
        log.add("C1", "2024-01-01", .workerAllocated(team: "North", worker: nil))
        log.care("C1", "L1", start: "2022-01-10")
        log.ended("C1", "L1", "2024-06-01", "E11")
        // C2: two periods ended in adoption in the year (E12, then E11 after a re-entry): one child, under E11.
        log.add("C2", "2025-01-01", .workerAllocated(team: "South", worker: nil))
        log.care("C2", "L1", start: "2023-01-01")
        log.ended("C2", "L1", "2024-05-01", "E12")
        log.care("C2", "L2", start: "2024-05-01")
        log.ended("C2", "L2", "2025-01-15", "E11")
        // C3: adopted on 1 April 2025, after the period.
        log.care("C3", "L1", start: "2023-01-01")
        log.ended("C3", "L1", "2025-04-01", "E11")
        // C4: special guardianship (E45); C5: child arrangements order (E41).
        log.care("C4", "L1", start: "2023-01-01")
        log.ended("C4", "L1", "2024-09-01", "E45")
        log.care("C5", "L1", start: "2023-01-01")
        log.ended("C5", "L1", "2024-10-01", "E41")
        // C6: a child arrangements order in May, back in care, then special guardianship (E48) in November: once,
        // under E48.
        log.care("C6", "L1", start: "2023-01-01")
        log.ended("C6", "L1", "2024-05-20", "E41")
        log.care("C6", "L2", start: "2024-07-01")
        log.ended("C6", "L2", "2024-11-02", "E48")
        // C7: went home (E4A): neither.
        log.care("C7", "L1", start: "2023-01-01", end: "2024-08-01")

        // Adopted: C1 (E11), C2 (its later end, E11) = 2; E12 none.
        let adoptions = log.metric("adoptions", by: [.team])
        #expect(adoptions.kind == .count)
        #expect(adoptions.numerator == 2 && adoptions.denominator == nil && adoptions.value == nil)
        #expect(adoptions.count("E11") == 2 && adoptions.count("E12") == 0)
        // Teams on the end dates: C1 North (1 June 2024), C2 South (15 January 2025).
        let teams = try #require(adoptions.breakdown.first)
        #expect(teams.rows.map(\.key) == ["North", "South"])
        #expect(teams.rows.map(\.numerator) == [1, 1] && teams.rows.allSatisfy { $0.denominator == nil })

        // SGO or CAO: C4 (E45), C5 (E41), C6 (its later end, E48) = 3; sgo C4, C6 = 2; cao C5 = 1; one detail per
        // code present, in code order.
        let exits = log.metric("sgo-cao-exits")
        #expect(exits.numerator == 3 && exits.denominator == nil)
        #expect(exits.details.map(\.key) == ["sgo", "cao", "E41", "E45", "E48"])
        #expect(exits.count("sgo") == 2 && exits.count("cao") == 1)
        #expect(exits.count("E41") == 1 && exits.count("E45") == 1 && exits.count("E48") == 1)
    }

    @Test func entryToMovingInWithTheAdopters() {
        var log = EventBuilder()
        // C1: entered 2023-04-01, placed for adoption (A6) 2023-10-01: 30+31+30+31+31+30 = 183 days.
        log.care("C1", "L1", start: "2023-04-01")
        log.placement("C1", "P1", start: "2023-04-01", end: "2023-10-01")
        log.placement("C1", "P2", start: "2023-10-01", type: "A6")
        log.ended("C1", "L1", "2024-06-01", "E11")
        // C2: the adoptive placement (A5, same carer) follows a same-carer change (U4) from a fostering-for-adoption
        // placement (U5) that began 2023-08-01; a temporary placement (T3) in between breaks nothing. Entered
        // 2023-06-01: June 30 + July 31 = 61 days.
        log.care("C2", "L1", start: "2023-06-01")
        log.placement("C2", "P1", start: "2023-06-01", end: "2023-08-01", type: "U6")
        log.placement("C2", "P2", start: "2023-08-01", end: "2024-01-10", type: "U5")
        log.placement("C2", "P3", start: "2024-01-10", end: "2024-03-01", sameCarer: true)
        log.placement("C2", "P5", start: "2024-02-01", end: "2024-02-05", type: "T3")
        log.placement("C2", "P4", start: "2024-03-01", type: "A5", sameCarer: true)
        log.ended("C2", "L1", "2024-09-30", "E12")
        // C3: the period of care has no recorded start (the log begins part-way through it): unknown.
        log.placement("C3", "P1", start: "2024-01-01", type: "A4")
        log.ended("C3", "L1", "2024-07-01", "E11")
        // C4: `adoption.placed` on 2024-04-20, earlier than the A4 placement (2024-05-01), counts. Entered
        // 2024-01-01: to 1 April 31+29+31 = 91 (2024 is a leap year), +19 = 110 days.
        log.care("C4", "L1", start: "2024-01-01")
        log.placement("C4", "P1", start: "2024-05-01", type: "A4")
        log.add("C4", "2024-04-20", .adoptionPlaced(adoption: "AD1", placement: "P1"))
        log.ended("C4", "L1", "2025-02-01", "E11")
        // C5: adopted from a U4 placement, with no adoptive placement and no `adoption.placed`: unknown.
        log.care("C5", "L1", start: "2023-01-01")
        log.placement("C5", "P1", start: "2023-01-01")
        log.ended("C5", "L1", "2024-08-01", "E11")
        // C6: placed for adoption (A3) on the day care began: 0 days.
        log.care("C6", "L1", start: "2024-05-05")
        log.placement("C6", "P1", start: "2024-05-05", type: "A3")
        log.ended("C6", "L1", "2025-03-01", "E11")

        // Days 183, 61, 110, 0: numerator 354 over 4 children = 88.5; median (61 + 110) / 2 = 85.5; unknown C3, C5.
        let m = log.metric("adoption-entry-to-placement-days")
        #expect(m.kind == .average)
        #expect(m.numerator == 354 && m.denominator == 4 && m.value == 88.5)
        #expect(m.detail("median") == .number("85.5") && m.count("unknown") == 2)
        #expect(m.details.map(\.key) == ["median", "unknown"])
    }

    @Test func placementOrderToMatch() {
        var log = EventBuilder()
        func matched(_ child: String, _ date: String, _ adoption: String = "AD1") {
            log.add(
                child, date,
                .adoptionMatched(
                    AdoptionMatched(
                        adoption: AdoptionID(adoption), adopters: 2, adoptersSex: AdopterSex("MF")!,
                        adoptersLegalStatus: AdopterLegalStatus("L11")!)))
        }
        // C1: placement order 2024-03-01, match 2024-06-30: to 1 June 31+30+31 = 92, +29 = 121 days.
        log.add("C1", "2024-03-01", .placementOrderGranted(adoption: "AD1"))
        matched("C1", "2024-06-30")
        // C2: matched (2024-09-01) before the order (2024-09-10): 0.
        log.add("C2", "2024-09-10", .placementOrderGranted(adoption: "AD1"))
        matched("C2", "2024-09-01")
        // C3: no `placement-order.granted`: the period open on the match has E1 from 2024-02-15; match 2024-05-15:
        // 29 (February 2024) + 31 + 30 = 90 days.
        log.care("C3", "L1", start: "2023-01-01")
        log.add("C3", "2024-02-15", .legalStatusChanged(period: "L1", legalStatus: LegalStatus("E1")!))
        matched("C3", "2024-05-15")
        // C4: no order of any kind: unknown.
        log.care("C4", "L1", start: "2023-01-01")
        matched("C4", "2024-10-01")
        // C5: matched after the period.
        log.add("C5", "2024-01-01", .placementOrderGranted(adoption: "AD1"))
        matched("C5", "2025-04-02")
        // C6: matched twice (a new match after a disruption): the latest, 2024-08-01, from the order of 2024-07-01:
        // 31 days.
        log.add("C6", "2024-07-01", .placementOrderGranted(adoption: "AD1"))
        matched("C6", "2024-05-01")
        matched("C6", "2024-08-01")

        // 121 + 0 + 90 + 31 = 242 over 4 = 60.5; median of 0, 31, 90, 121 is (31 + 90) / 2 = 60.5; unknown C4.
        let m = log.metric("adoption-order-to-match-days")
        #expect(m.numerator == 242 && m.denominator == 4 && m.value == 60.5)
        #expect(m.detail("median") == .number("60.5") && m.count("unknown") == 1)
    }

    @Test func anAverageOverNoChildrenHasNoValueAndNoMedian() {
        var log = EventBuilder()
        log.care("C1", "L1", start: "2023-01-01")
        log.ended("C1", "L1", "2024-08-01", "E11")
        // Adopted, but with no adoptive placement: unknown, and no child to average over.
        let m = log.metric("adoption-entry-to-placement-days")
        #expect(m.numerator == 0 && m.denominator == 0 && m.value == nil)
        #expect(m.detail("median") == .null && m.count("unknown") == 1)
    }

    @Test func anOddNumberOfChildrenHasTheMiddleValueAsMedian() {
        var log = EventBuilder()
        // Days 10, 1 and 4: 15 / 3 = 5.0, median 4.0.
        for (child, placed) in [("C1", "2024-01-11"), ("C2", "2024-01-02"), ("C3", "2024-01-05")] {
            log.care(child, "L1", start: "2024-01-01")
            log.placement(child, "P1", start: placed, type: "A4")
            log.ended(child, "L1", "2024-12-01", "E11")
        }
        let m = log.metric("adoption-entry-to-placement-days")
        #expect(m.numerator == 15 && m.denominator == 3 && m.value == 5.0)
        #expect(m.detail("median") == .number("4.0"))
    }

    @Test func decisionsReversedAreCountedOnePerDecision() {
        var log = EventBuilder()
        // C1: two decisions reversed in the year (RD1, RD3).
        log.add("C1", "2024-05-01", .adoptionDecisionReversed(adoption: "AD1", reason: AdoptionReversalReason("RD1")!))
        log.add("C1", "2024-06-01", .adoptionDecided(adoption: "AD2"))
        log.add("C1", "2024-12-01", .adoptionDecisionReversed(adoption: "AD2", reason: AdoptionReversalReason("RD3")!))
        // C2: reversed on 31 March 2024, before the period.
        log.add("C2", "2024-03-31", .adoptionDecisionReversed(adoption: "AD1", reason: AdoptionReversalReason("RD1")!))
        // C3: one decision reversed twice: one decision, its latest reason (RD4) and date.
        log.add("C3", "2024-07-01", .adoptionDecisionReversed(adoption: "AD1", reason: AdoptionReversalReason("RD2")!))
        log.add("C3", "2024-08-01", .adoptionDecisionReversed(adoption: "AD1", reason: AdoptionReversalReason("RD4")!))
        // Decisions: C1's two and C3's one = 3; RD1 1, RD2 0, RD3 1, RD4 1.
        let m = log.metric("adoption-decision-reversed")
        #expect(m.numerator == 3 && m.denominator == nil)
        #expect(m.details.map(\.key) == ["RD1", "RD2", "RD3", "RD4"])
        #expect([m.count("RD1"), m.count("RD2"), m.count("RD3"), m.count("RD4")] == [1, 0, 1, 1])
    }

    @Test func correctionsRetractionsAndMergesAsKnownAtATime() {
        var log = EventBuilder()
        // C1: care ended E4A (recorded 2 June), corrected to E11 on 10 July.
        log.care("C1", "L1", start: "2023-01-01")
        let wrong = log.nextID
        log.ended("C1", "L1", "2024-06-01", "E4A", recorded: "2024-06-02")
        log.add(
            "C1", "2024-06-01", .careEnded(period: "L1", reason: CareEndReason("E11")!), recorded: "2024-07-10",
            corrects: wrong)
        // C2: adopted (E12) on 1 August, retracted on 1 September.
        log.care("C2", "L1", start: "2023-01-01")
        let mistaken = log.nextID
        log.ended("C2", "L1", "2024-08-01", "E12")
        log.add("C2", "2024-09-01", .eventRetracted(event: mistaken, reason: "wrong child"), recorded: "2024-09-01")
        // C4: adopted (E12) in May; C3, a duplicate record of C4 merged into it on 1 November, holds a later period
        // that ended in adoption (E11) on 1 October, with an A4 placement from 1 June.
        log.care("C4", "L1", start: "2022-01-01")
        log.ended("C4", "L1", "2024-05-01", "E12")
        log.care("C3", "L1", start: "2024-05-01")
        log.placement("C3", "P1", start: "2024-06-01", type: "A4")
        log.ended("C3", "L1", "2024-10-01", "E11")
        log.add("C3", "2024-11-01", .childMerged(into: "C4"), recorded: "2024-11-01")

        // As known at 30 June: C1 still E4A (not adopted); C2's end not yet recorded, nor C3's; C4 E12: 1, E12.
        let june = log.metric("adoptions", asKnownAt: "2024-06-30")
        #expect(june.numerator == 1 && june.count("E11") == 0 && june.count("E12") == 1)
        // As known at 15 August: C1 corrected to E11 (10 July); C2 E12, not yet retracted; C4 E12: 3.
        let august = log.metric("adoptions", asKnownAt: "2024-08-15")
        #expect(august.numerator == 3 && august.count("E11") == 1 && august.count("E12") == 2)
        // As known at 15 October: C1 corrected to E11; C2 retracted; C3 a child of its own (E11); C4 E12: 3.
        let october = log.metric("adoptions", asKnownAt: "2024-10-15")
        #expect(october.numerator == 3 && october.count("E11") == 2 && october.count("E12") == 1)
        // Now: C1 E11; C4 with C3's record, counted once by its later end (C3's E11 on 1 October): 2, both E11.
        let now = log.metric("adoptions")
        #expect(now.numerator == 2 && now.count("E11") == 2 && now.count("E12") == 0)
        // C4's counted period is C3's: entered 2024-05-01, placed 2024-06-01, 31 days. C1 has no adoptive placement:
        // unknown.
        let days = log.metric("adoption-entry-to-placement-days")
        #expect(days.numerator == 31 && days.denominator == 1 && days.count("unknown") == 1)
    }
}
