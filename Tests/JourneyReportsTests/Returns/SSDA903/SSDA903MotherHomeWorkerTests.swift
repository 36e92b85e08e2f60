import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// MOTHER and MC_DOB (header), HOME_POST (episodes) and SW_REASON (sw_episodes) of the 903 return for 2024-25,
/// written from `motherhood.recorded`, `home-postcode.recorded` and `worker-change.recorded`; every row worked out
/// by hand from the rules in docs/returns-ssda903.md.
struct SSDA903MotherHomeWorkerTests {
    static func girl(_ log: inout EventBuilder, _ child: String, sex: String = "F") {
        log.add(
            child, "2008-03-01",
            .childRegistered(
                ChildDetails(
                    birthDate: d("2008-03-01"), sex: Sex(sex)!, ethnicity: Ethnicity("WBRI")!, upn: "A123456789012")))
    }

    static func care(_ log: inout EventBuilder, _ child: String, on date: String, status: String = "C2") {
        log.add(
            child, date,
            .careStarted(
                CareStarted(period: "K1", legalStatus: LegalStatus(status)!, needCode: CareNeed("N1")!)))
        log.add(
            child, date,
            .placementStarted(
                PlacementStarted(
                    placement: "PL1", period: "K1", placementType: PlacementType("U6")!,
                    provider: PlacementProvider("PR1"), postcode: "TW2 7ES", urn: "SC100001")))
    }

    static func returned(_ log: EventBuilder) -> SSDA903Return {
        var result = SSDA903Return(startYear: 2024)
        HandLog(log).state.forEachRecord { result.add($0) }
        result.finish()
        return result
    }

    /// G1 comes into care on 1 May 2024, recorded then as not a mother; her first child is born on 2 November 2024,
    /// when she is recorded as a mother; a `mother: false` of 10 January 2025 does not undo it (a child does not
    /// stop being a mother): MOTHER 1, MC_DOB 02/11/2024.
    /// G2, looked after, has no motherhood recorded: blank, a finding. G3 was recorded as not a mother on 1 June
    /// 2024 and as a mother on 10 April 2025, after the year: MOTHER 0 as at 31 March. G5 is a mother whose first
    /// child's birth is not recorded: MOTHER 1, MC_DOB blank, a finding.
    /// B1, a boy, and G4, a girl on short breaks (V4) alone, are not asked MOTHER (903 rules 165, 399): blank, and
    /// no finding, whatever the log says.
    @Test func motherAndFirstChildsBirth() {
        var log = EventBuilder()
        for child in ["G1", "G2", "G3", "G4", "G5"] { Self.girl(&log, child) }
        Self.girl(&log, "B1", sex: "M")
        for child in ["G1", "G2", "G3", "G5", "B1"] { Self.care(&log, child, on: "2024-05-01") }
        Self.care(&log, "G4", on: "2024-05-01", status: "V4")
        log.add("G1", "2024-05-01", .motherhoodRecorded(isMother: false, firstChildBirthDate: nil))
        log.add("G1", "2024-11-02", .motherhoodRecorded(isMother: true, firstChildBirthDate: d("2024-11-02")))
        log.add("G1", "2025-01-10", .motherhoodRecorded(isMother: false, firstChildBirthDate: nil))
        log.add("G3", "2024-06-01", .motherhoodRecorded(isMother: false, firstChildBirthDate: nil))
        log.add("G3", "2025-04-10", .motherhoodRecorded(isMother: true, firstChildBirthDate: d("2025-04-09")))
        log.add("G4", "2024-05-01", .motherhoodRecorded(isMother: false, firstChildBirthDate: nil))
        log.add("G5", "2024-05-01", .motherhoodRecorded(isMother: true, firstChildBirthDate: nil))
        log.add("B1", "2024-05-01", .motherhoodRecorded(isMother: true, firstChildBirthDate: d("2024-01-01")))
        let result = Self.returned(log)
        // CHILD, SEX, MOTHER, MC_DOB.
        #expect(
            result.rows(of: .header).map { [$0[0], $0[1], $0[5], $0[6]] } == [
                ["B1", "M", "", ""],
                ["G1", "F", "1", "02/11/2024"],
                ["G2", "F", "", ""],
                ["G3", "F", "0", ""],
                ["G4", "F", "", ""],
                ["G5", "F", "1", ""],
            ])
        let found = result.blanks.filter { $0.table == .header }.map { "\($0.child).\($0.field)" }
        #expect(found == ["G2.MOTHER", "G5.MC_DOB"])
    }

    /// G1 comes into care on 1 May 2024 from a home at TW9 3RN; the family moves to TW1 1LE on 1 August 2024; on
    /// 1 September 2024 she moves placement. Episodes: 01/05/2024 S (home TW9 3RN, the latest on or before its
    /// first day) and 01/09/2024 P (TW1 1LE). G2 has no home postcode: blank, a finding.
    @Test func homePostcodeOnEachEpisodesFirstDay() {
        var log = EventBuilder()
        Self.girl(&log, "G1")
        Self.girl(&log, "G2")
        Self.care(&log, "G1", on: "2024-05-01")
        Self.care(&log, "G2", on: "2024-05-01")
        log.add("G1", "2024-05-01", .homePostcodeRecorded(postcode: "TW9 3RN"))
        log.add("G1", "2024-08-01", .homePostcodeRecorded(postcode: "TW1 1LE"))
        log.add("G1", "2024-09-01", .placementEnded(placement: "PL1", reason: PlacementChangeReason("CARPL")))
        log.add(
            "G1", "2024-09-01",
            .placementStarted(
                PlacementStarted(
                    placement: "PL2", period: "K1", placementType: PlacementType("U6")!,
                    provider: PlacementProvider("PR1"), postcode: "TW2 6AJ", urn: "SC100001")))
        let result = Self.returned(log)
        // CHILD, DECOM, RNE, HOME_POST, PL_POST.
        #expect(
            result.rows(of: .episodes).map { [$0[0], $0[1], $0[2], $0[10], $0[11]] } == [
                ["G1", "01/05/2024", "S", "TW9 3RN", "TW2 7ES"],
                ["G1", "01/09/2024", "P", "TW1 1LE", "TW2 6AJ"],
                ["G2", "01/05/2024", "S", "", "TW2 7ES"],
            ])
        let found = result.blanks.filter { $0.table == .episodes }.map { "\($0.child).\($0.field)" }
        #expect(found == ["G2.HOME_POST"])
    }

    /// G1's social workers: SW1 from 1 May 2024 (first contact, FCONTA); SW2 from 1 October 2024, with two reasons
    /// recorded that day, OTHERS then LEFTRL, of which the later in the log counts; SW3 from 1 February 2025 with
    /// none (blank, a finding). A reason of 1 December 2024, a day with no allocation, explains nothing.
    @Test func reasonForEachChangeOfWorker() {
        var log = EventBuilder()
        Self.girl(&log, "G1")
        Self.care(&log, "G1", on: "2024-05-01")
        log.add("G1", "2024-05-01", .workerAllocated(team: "CIC", worker: "SW1"))
        log.add("G1", "2024-05-01", .workerChangeRecorded(reason: SWReason("FCONTA")!))
        log.add("G1", "2024-10-01", .workerAllocated(team: "CIC", worker: "SW2"))
        log.add("G1", "2024-10-01", .workerChangeRecorded(reason: SWReason("OTHERS")!))
        log.add("G1", "2024-10-01", .workerChangeRecorded(reason: SWReason("LEFTRL")!))
        log.add("G1", "2024-12-01", .workerChangeRecorded(reason: SWReason("SWDIED")!))
        log.add("G1", "2025-02-01", .workerAllocated(team: "CIC", worker: "SW3"))
        let result = Self.returned(log)
        #expect(
            result.rows(of: .socialWorkers) == [
                ["G1", "01/03/2008", "SW1", "01/05/2024", "01/10/2024", "FCONTA"],
                ["G1", "01/03/2008", "SW2", "01/10/2024", "01/02/2025", "LEFTRL"],
                ["G1", "01/03/2008", "SW3", "01/02/2025", "", ""],
            ])
        let found = result.blanks.filter { $0.table == .socialWorkers }.map { "\($0.child).\($0.field)" }
        #expect(found == ["G1.SW_REASON"])
    }
}
