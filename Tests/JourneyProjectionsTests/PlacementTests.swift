import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

@Suite("Placement metrics")
struct PlacementTests {
    @Test func shortTermStability() {
        var log = EventBuilder()
        // C1: in placement P1 on 1 April 2024 (1), then moves on 1 June and 1 September (2): 3 placements.
        log.care("C1", "L1", start: "2023-01-01")
        log.placement("C1", "P1", start: "2023-01-01", end: "2024-06-01")
        log.placement("C1", "P2", start: "2024-06-01", end: "2024-09-01")
        log.placement("C1", "P3", start: "2024-09-01")
        // C2: one move; a temporary placement (T3) and a same-carer change do not count: 1.
        log.care("C2", "L1", start: "2024-05-01")
        log.placement("C2", "P1", start: "2024-05-01", end: "2024-10-01")
        log.placement("C2", "P2", start: "2024-07-01", end: "2024-07-10", type: "T3")
        log.placement("C2", "P3", start: "2024-10-01", sameCarer: true)
        // C3: short breaks only (V3): not in the population, however many placements.
        log.care("C3", "L1", start: "2024-04-01", status: "V3")
        log.placement("C3", "P1", start: "2024-04-01", end: "2024-05-01")
        log.placement("C3", "P2", start: "2024-05-01", end: "2024-06-01")
        log.placement("C3", "P3", start: "2024-06-01")
        // C4: care ended on 31 March 2025: not looked after on that day.
        log.care("C4", "L1", start: "2024-04-01", end: "2025-03-31")
        // C5: starts on 1 April (a move in the period, not one in force before it), then two more: 3.
        log.care("C5", "L1", start: "2024-04-01")
        log.placement("C5", "P1", start: "2024-04-01", end: "2024-05-01")
        log.placement("C5", "P2", start: "2024-05-01", end: "2024-06-01")
        log.placement("C5", "P3", start: "2024-06-01")
        // C6: the placement in force on 1 April is a same-carer continuation (it counts, once), then one move: 2.
        log.care("C6", "L1", start: "2023-01-01")
        log.placement("C6", "P1", start: "2023-01-01", end: "2023-06-01")
        log.placement("C6", "P2", start: "2023-06-01", end: "2024-06-01", sameCarer: true)
        log.placement("C6", "P3", start: "2024-06-01")
        let m = log.metric("placement-stability-short-term")
        // Population C1, C2, C5, C6 = 4; three or more: C1, C5 = 2.
        #expect(m.numerator == 2 && m.denominator == 4 && m.value == 50.0)
    }

    @Test func longTermStability() {
        var log = EventBuilder()
        // to = 31 March 2025: looked after since 30 September 2022 (to − 30 months), placed since 31 March 2023.
        // C1: one placement since 2022, continued with the same carer in 2023: stable.
        log.registered("C1", born: "2015-01-01")
        log.care("C1", "L1", start: "2022-01-01")
        log.placement("C1", "P1", start: "2022-01-01", end: "2023-06-01")
        log.placement("C1", "P2", start: "2023-06-01", sameCarer: true)
        // C2: moved on 1 April 2023, a day after the cut-off: not stable.
        log.registered("C2", born: "2015-01-01")
        log.care("C2", "L1", start: "2022-01-01")
        log.placement("C2", "P1", start: "2022-01-01", end: "2023-04-01")
        log.placement("C2", "P2", start: "2023-04-01")
        // C3: placed for adoption (A5) in 2024 from a placement that began in 2022: stable.
        log.registered("C3", born: "2015-01-01")
        log.care("C3", "L1", start: "2022-01-01")
        log.placement("C3", "P1", start: "2022-01-01", end: "2024-01-01")
        log.placement("C3", "P2", start: "2024-01-01", type: "A5")
        // C4: 16 on 31 March 2025: not in the population.
        log.registered("C4", born: "2009-03-31")
        log.care("C4", "L1", start: "2022-01-01")
        log.placement("C4", "P1", start: "2022-01-01")
        // C5: a day's gap (1 January 2023) between two periods of care: not continuously looked after.
        log.registered("C5", born: "2015-01-01")
        log.care("C5", "L1", start: "2022-01-01", end: "2022-12-31")
        log.care("C5", "L2", start: "2023-01-02")
        log.placement("C5", "P1", period: "L2", start: "2023-01-02")
        // C6: the second period starts the day the first ends: no gap.
        log.registered("C6", born: "2015-01-01")
        log.care("C6", "L1", start: "2022-01-01", end: "2022-12-31")
        log.care("C6", "L2", start: "2022-12-31")
        log.placement("C6", "P1", period: "L2", start: "2022-12-31")
        // C7: looked after only since 2023: not 2½ years.
        log.registered("C7", born: "2015-01-01")
        log.care("C7", "L1", start: "2023-01-01")
        log.placement("C7", "P1", start: "2023-01-01")
        // C8: a temporary placement (T1) in 2024 interrupts but does not end the 2022 placement: stable.
        log.registered("C8", born: "2015-01-01")
        log.care("C8", "L1", start: "2022-01-01")
        log.placement("C8", "P1", start: "2022-01-01")
        log.placement("C8", "P2", start: "2024-05-01", end: "2024-05-10", type: "T1")
        let m = log.metric("placement-stability-long-term")
        // Population C1, C2, C3, C6, C8 = 5; stable C1, C3, C6, C8 = 4.
        #expect(m.numerator == 4 && m.denominator == 5 && m.value == 80.0)
    }

    @Test func placedOver20Miles() {
        var log = EventBuilder()
        log.care("C1", "L1", start: "2024-01-01")
        log.placement("C1", "P1", start: "2024-01-01", miles: 25)
        log.care("C2", "L1", start: "2024-01-01")
        log.placement("C2", "P1", start: "2024-01-01", miles: 20)  // exactly 20 is not more than 20
        log.care("C3", "L1", start: "2024-01-01", uasc: true)  // unaccompanied asylum-seeking: left out
        log.placement("C3", "P1", start: "2024-01-01", miles: 30)
        log.care("C4", "L1", start: "2024-01-01")
        log.placement("C4", "P1", start: "2024-01-01")  // no distance: unknown
        log.care("C5", "L1", start: "2024-01-01")
        log.placement("C5", "P1", start: "2024-01-01", end: "2024-06-01", miles: 40)  // no placement open on `to`
        log.care("C6", "L1", start: "2024-01-01", status: "V4")  // short breaks: left out
        log.placement("C6", "P1", start: "2024-01-01", miles: 40)
        let m = log.metric("placed-over-20-miles")
        #expect(m.numerator == 1 && m.denominator == 2 && m.value == 50.0)
        #expect(m.count("unknown") == 2)
    }
}
