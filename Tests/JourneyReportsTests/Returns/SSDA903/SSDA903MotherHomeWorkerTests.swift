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

    static func referral(
        _ log: inout EventBuilder, _ child: String, _ referral: String, on date: String, nfa: Bool = false
    ) {
        log.add(
            child, date,
            .referralReceived(
                ReferralReceived(
                    referral: ReferralID(referral), source: ReferralSource("6")!, primaryNeed: PrimaryNeed("N1"),
                    isNFA: nfa)))
    }

    static func worker(_ log: inout EventBuilder, _ child: String, _ worker: String, on date: String, _ reason: String)
    {
        log.add(child, date, .workerAllocated(team: "CIC", worker: worker))
        log.add(child, date, .workerChangeRecorded(reason: SWReason(reason)!))
    }

    static func closed(_ log: inout EventBuilder, _ child: String, _ referral: String, on date: String) {
        log.add(child, date, .careEnded(period: "K1", reason: CareEndReason("E4A")!))
        log.add(child, date, .caseClosed(referral: ReferralID(referral), reason: ClosureReason("RC7")!))
    }

    /// C1 is referred (R1) and comes into care on 1 May 2024 with SW1 (FCONTA); SW2 takes over on 15 June 2024
    /// (LEFTRL); care ends and R1 is closed on 1 August 2024; C1 is referred again (R2) on 4 November 2024, with
    /// SW3 (FCONTA).
    /// - SW1: the involvement is open from 1 May to past 15 June, so the episode ends on the next allocation's day:
    ///   01/05/2024 to 15/06/2024.
    /// - SW2: the involvement ended on 1 August, before the next allocation (4 November): 15/06/2024 to 01/08/2024.
    /// - SW3: the latest, open at 31 March: 04/11/2024, no end. Its FCONTA begins after SW2's end (04/11 > 01/08,
    ///   903 SW10bSTG2); SW2's LEFTRL begins on SW1's end (0 days, within SW10aSTG2's 7).
    @Test func episodeEndsWhenTheCaseClosesBeforeTheNextWorker() {
        var log = EventBuilder()
        Self.girl(&log, "C1")
        Self.referral(&log, "C1", "R1", on: "2024-05-01")
        Self.care(&log, "C1", on: "2024-05-01")
        Self.worker(&log, "C1", "SW1", on: "2024-05-01", "FCONTA")
        Self.worker(&log, "C1", "SW2", on: "2024-06-15", "LEFTRL")
        Self.closed(&log, "C1", "R1", on: "2024-08-01")
        Self.referral(&log, "C1", "R2", on: "2024-11-04")
        Self.worker(&log, "C1", "SW3", on: "2024-11-04", "FCONTA")
        #expect(
            Self.returned(log).rows(of: .socialWorkers) == [
                ["C1", "01/03/2008", "SW1", "01/05/2024", "15/06/2024", "FCONTA"],
                ["C1", "01/03/2008", "SW2", "15/06/2024", "01/08/2024", "LEFTRL"],
                ["C1", "01/03/2008", "SW3", "04/11/2024", "", "FCONTA"],
            ])
    }

    /// C1 as in `episodeEndsWhenTheCaseClosesBeforeTheNextWorker`, a year earlier, in the 2023-24 return, whose
    /// rules ask every new episode to begin within 7 days of the previous one's end, first contact or not (2023-24's
    /// SW10STG2): SW1 01/05/2023 to 15/06/2023; SW2 from 15/06/2023 runs on through the closure of 1 August 2023 to
    /// SW3's 04/11/2023; SW3 open.
    @Test func before2024EachEpisodeRunsToTheNext() {
        var log = EventBuilder()
        Self.girl(&log, "C1")
        Self.referral(&log, "C1", "R1", on: "2023-05-01")
        Self.care(&log, "C1", on: "2023-05-01")
        Self.worker(&log, "C1", "SW1", on: "2023-05-01", "FCONTA")
        Self.worker(&log, "C1", "SW2", on: "2023-06-15", "LEFTRL")
        Self.closed(&log, "C1", "R1", on: "2023-08-01")
        Self.referral(&log, "C1", "R2", on: "2023-11-04")
        Self.worker(&log, "C1", "SW3", on: "2023-11-04", "FCONTA")
        var result = SSDA903Return(startYear: 2023)
        HandLog(log).state.forEachRecord { result.add($0) }
        result.finish()
        #expect(
            result.rows(of: .socialWorkers).map { Array($0[2...]) } == [
                ["SW1", "01/05/2023", "15/06/2023", "FCONTA"],
                ["SW2", "15/06/2023", "04/11/2023", "LEFTRL"],
                ["SW3", "04/11/2023", "", "FCONTA"],
            ])
    }

    /// The edges of an involvement's end, all in 2024-25:
    /// - C2: R1 and care from 10 April 2024 with SW4, both ended on 3 June 2024; a referral with no further action
    ///   (R2) on 1 July 2024 with SW5; R3 on 2 September 2024 with SW6, open. SW4: 10/04/2024 to 03/06/2024 (the
    ///   closure, before 1 July). SW5's involvement ended the day it began (an NFA referral closes that day) and
    ///   another worker follows: no episode (its end would not be after its start, SW18STG2). SW6: 02/09/2024, open.
    /// - C3: as C2 to 3 June, then the NFA referral of 1 July with SW8 and nothing after: SW7 10/04/2024 to
    ///   03/06/2024; SW8 is the latest, left open: 01/07/2024, no end.
    /// - C4: R1 of 1 September 2023 with SW9, closed on 1 February 2024; R2 and care from 3 June 2024 with SW10.
    ///   SW9's episode ended on 1 February 2024, before the year: not in force in it, not written (running on to
    ///   the next allocation it would have been). SW10: 03/06/2024, open.
    /// - C5: SW11 allocated on 15 April 2024 with no referral nor care in the log around it; care and SW12 from 1
    ///   May 2024. The log shows no involvement to end SW11's: it ends on the next allocation's day, 01/05/2024.
    /// - C6: care from 10 April to 3 June 2024 with SW13, and no referral in the log (as when it holds 903 returns
    ///   alone); SW14 from 2 September 2024. Care ending does not show the case closed (the child may go on in
    ///   need): SW13 ends on the next allocation's day, 02/09/2024.
    @Test func involvementEndingTheDayItBeganBeforeTheYearOrNotShown() {
        var log = EventBuilder()
        for child in ["C2", "C3"] {
            Self.girl(&log, child)
            Self.referral(&log, child, "R1", on: "2024-04-10")
            Self.care(&log, child, on: "2024-04-10")
            Self.closed(&log, child, "R1", on: "2024-06-03")
            Self.referral(&log, child, "R2", on: "2024-07-01", nfa: true)
        }
        Self.worker(&log, "C2", "SW4", on: "2024-04-10", "FCONTA")
        Self.worker(&log, "C2", "SW5", on: "2024-07-01", "FCONTA")
        Self.referral(&log, "C2", "R3", on: "2024-09-02")
        Self.worker(&log, "C2", "SW6", on: "2024-09-02", "FCONTA")
        Self.worker(&log, "C3", "SW7", on: "2024-04-10", "FCONTA")
        Self.worker(&log, "C3", "SW8", on: "2024-07-01", "FCONTA")
        Self.girl(&log, "C4")
        Self.referral(&log, "C4", "R1", on: "2023-09-01")
        Self.worker(&log, "C4", "SW9", on: "2023-09-01", "FCONTA")
        log.add("C4", "2024-02-01", .caseClosed(referral: "R1", reason: ClosureReason("RC7")!))
        Self.referral(&log, "C4", "R2", on: "2024-06-03")
        Self.care(&log, "C4", on: "2024-06-03")
        Self.worker(&log, "C4", "SW10", on: "2024-06-03", "FCONTA")
        Self.girl(&log, "C5")
        Self.worker(&log, "C5", "SW11", on: "2024-04-15", "FCONTA")
        Self.care(&log, "C5", on: "2024-05-01")
        Self.worker(&log, "C5", "SW12", on: "2024-05-01", "TSPROC")
        Self.girl(&log, "C6")
        Self.care(&log, "C6", on: "2024-04-10")
        Self.worker(&log, "C6", "SW13", on: "2024-04-10", "FCONTA")
        log.add("C6", "2024-06-03", .careEnded(period: "K1", reason: CareEndReason("E4A")!))
        Self.worker(&log, "C6", "SW14", on: "2024-09-02", "TSPROC")
        #expect(
            Self.returned(log).rows(of: .socialWorkers).map { Array($0[0...0] + $0[2...]) } == [
                ["C2", "SW4", "10/04/2024", "03/06/2024", "FCONTA"],
                ["C2", "SW6", "02/09/2024", "", "FCONTA"],
                ["C3", "SW7", "10/04/2024", "03/06/2024", "FCONTA"],
                ["C3", "SW8", "01/07/2024", "", "FCONTA"],
                ["C4", "SW10", "03/06/2024", "", "FCONTA"],
                ["C5", "SW11", "15/04/2024", "01/05/2024", "FCONTA"],
                ["C5", "SW12", "01/05/2024", "", "TSPROC"],
                ["C6", "SW13", "10/04/2024", "02/09/2024", "FCONTA"],
                ["C6", "SW14", "02/09/2024", "", "TSPROC"],
            ])
    }
}
