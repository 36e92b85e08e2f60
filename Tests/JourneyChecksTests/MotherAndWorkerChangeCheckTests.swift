import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// The checks of the SSDA903's MOTHER (393, 607) and SW_REASON (SW13STG1), judged on 31 March 2025.
@Suite("Checks: motherhood and the reason a social worker changed")
struct MotherAndWorkerChangeCheckTests {
    /// G1, a girl in care from 1 June 2024 with no motherhood recorded: a finding on her care's start (e2). G2 is
    /// recorded as not a mother: none. G3 is on short breaks (V4) alone, B1 a boy, G5 never looked after: none.
    /// G4's motherhood is recorded on 10 April 2025, after the as-of date: a finding on her care's start (e11), and
    /// none judged on 10 April 2025.
    @Test func motherhoodNotRecordedInCare() {
        var log = EventBuilder()
        log.registered("G1", "2024-01-01", born: "2008-01-01")  // e1
        log.careStarted("G1", "2024-06-01")  // e2
        log.registered("G2", "2024-01-01", born: "2008-01-01")  // e3
        log.careStarted("G2", "2024-06-01")  // e4
        log.add("G2", "2024-06-01", .motherhoodRecorded(isMother: false, firstChildBirthDate: nil))  // e5
        log.registered("G3", "2024-01-01", born: "2008-01-01")  // e6
        log.careStarted("G3", "2024-06-01", status: "V4")  // e7
        log.registered("B1", "2024-01-01", born: "2008-01-01", sex: "M")  // e8
        log.careStarted("B1", "2024-06-01")  // e9
        log.registered("G4", "2024-01-01", born: "2008-01-01")  // e10
        log.careStarted("G4", "2024-06-01")  // e11
        log.add("G4", "2025-04-10", .motherhoodRecorded(isMother: true, firstChildBirthDate: d("2025-04-09")))  // e12
        log.registered("G5", "2024-01-01", born: "2008-01-01")  // e13
        let findings = log.findings("motherhood-not-recorded-in-care")
        #expect(findings.map(\.positions) == [[2], [11]])
        #expect(findings.map(\.date) == [d("2024-06-01"), d("2024-06-01")])
        #expect(log.findings("motherhood-not-recorded-in-care", asOf: "2025-04-10").map(\.positions) == [[2]])
    }

    /// W1, in care from 1 June 2024: SW1 from 1 March 2023 (before the 903 asked a reason: none), SW2 from 1 June
    /// 2024 with its reason, SW3 from 1 September 2024 with none (a finding, e6), and a team allocated on 1 October
    /// 2024 with no worker (none). W2, never looked after, has an allocation with no reason: none.
    @Test func workerChangeWithoutReason() {
        var log = EventBuilder()
        log.registered("W1", "2023-01-01", born: "2010-01-01")  // e1
        log.add("W1", "2023-03-01", .workerAllocated(team: "North", worker: "SW1"))  // e2
        log.careStarted("W1", "2024-06-01")  // e3
        log.add("W1", "2024-06-01", .workerAllocated(team: "CIC", worker: "SW2"))  // e4
        log.add("W1", "2024-06-01", .workerChangeRecorded(reason: SWReason("TSPROC")!))  // e5
        log.add("W1", "2024-09-01", .workerAllocated(team: "CIC", worker: "SW3"))  // e6
        log.allocated("W1", "2024-10-01", team: "CIC")  // e7
        log.registered("W2", "2024-01-01", born: "2010-01-01")  // e8
        log.add("W2", "2024-05-01", .workerAllocated(team: "North", worker: "SW4"))  // e9
        let findings = log.findings("worker-change-without-reason")
        #expect(findings.map(\.positions) == [[6]])
        #expect(findings.map(\.date) == [d("2024-09-01")])
    }
}
