import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// The SSDA903 return of hand-made logs, its rows worked out by hand from the 903 rules.
struct SSDA903ReturnTests {
    /// C1 comes into care on 10 January 2024 (V2, need N1) in placement PL0 (U1, PR1). Then:
    /// - 1 February 2024: PL0 ends (reason CARPL) and PL1 starts (U1, PR1, postcode AB1 2CD, URN SC123456);
    /// - 3 June 2024: PL1 ends (reason LAREQ) and PL2 starts (U4, PR2): a placement and carer change;
    /// - 16 September 2024: legal status C2, the placement going on;
    /// - 4 November 2024: PL2 ends (reason STAND) and PL3 starts with the same carer (U4, PR2, `sameCarer`);
    /// - 20 January 2025: legal status E1, PL3 ends (reason CHILD) and PL4 starts (A4, PR0);
    /// - 28 February 2025: care ends, E13.
    ///
    /// Episodes of 2024-25 (1 April 2024 to 31 March 2025), by the 903 rules:
    ///
    ///     DECOM       RNE LS PLACE DEC         REC  REASON_PLACE_CHANGE
    ///     10/01/2024  S   V2 U1    01/02/2024  X1   CARPL   ends before 1 April: not in the return
    ///     01/02/2024  P   V2 U1    03/06/2024  X1   LAREQ   open on 1 April: the first row
    ///     03/06/2024  P   V2 U4    16/09/2024  X1   -       (next is L: no placement change)
    ///     16/09/2024  L   C2 U4    04/11/2024  X1   STAND   (next changes placement)
    ///     04/11/2024  T   C2 U4    20/01/2025  X1   CHILD   (same carer; next changes placement)
    ///     20/01/2025  B   E1 A4    28/02/2025  E13  -       (legal status and placement and carer)
    static var careLog: EventBuilder {
        var log = EventBuilder()
        log.add(
            "C1", "2010-05-01",
            .childRegistered(
                ChildDetails(
                    birthDate: d("2010-05-01"), sex: Sex("F")!, ethnicity: Ethnicity("WBRI")!, upn: "A123456789012")))
        log.add(
            "C1", "2024-01-10",
            .careStarted(CareStarted(period: "K1", legalStatus: LegalStatus("V2")!, needCode: CareNeed("N1")!)))
        log.add(
            "C1", "2024-01-10",
            .placementStarted(
                PlacementStarted(
                    placement: "PL0", period: "K1", placementType: PlacementType("U1")!,
                    provider: PlacementProvider("PR1"))))
        log.add("C1", "2024-02-01", .placementEnded(placement: "PL0", reason: PlacementChangeReason("CARPL")))
        log.add(
            "C1", "2024-02-01",
            .placementStarted(
                PlacementStarted(
                    placement: "PL1", period: "K1", placementType: PlacementType("U1")!,
                    provider: PlacementProvider("PR1"), postcode: "AB1 2CD", urn: "SC123456")))
        log.add("C1", "2024-06-03", .placementEnded(placement: "PL1", reason: PlacementChangeReason("LAREQ")))
        log.add(
            "C1", "2024-06-03",
            .placementStarted(
                PlacementStarted(
                    placement: "PL2", period: "K1", placementType: PlacementType("U4")!,
                    provider: PlacementProvider("PR2"))))
        log.add("C1", "2024-09-16", .legalStatusChanged(period: "K1", legalStatus: LegalStatus("C2")!))
        log.add("C1", "2024-11-04", .placementEnded(placement: "PL2", reason: PlacementChangeReason("STAND")))
        log.add(
            "C1", "2024-11-04",
            .placementStarted(
                PlacementStarted(
                    placement: "PL3", period: "K1", placementType: PlacementType("U4")!,
                    provider: PlacementProvider("PR2"), isSameCarer: true)))
        log.add("C1", "2025-01-20", .legalStatusChanged(period: "K1", legalStatus: LegalStatus("E1")!))
        log.add("C1", "2025-01-20", .placementEnded(placement: "PL3", reason: PlacementChangeReason("CHILD")))
        log.add(
            "C1", "2025-01-20",
            .placementStarted(
                PlacementStarted(
                    placement: "PL4", period: "K1", placementType: PlacementType("A4")!,
                    provider: PlacementProvider("PR0"))))
        log.add("C1", "2024-07-01", .careReviewed(period: "K1", participation: ReviewParticipation("PN1")))
        log.add("C1", "2025-02-28", .careEnded(period: "K1", reason: CareEndReason("E13")!))
        return log
    }

    static func episodeRows(_ result: SSDA903Return) -> [[String]] {
        // DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, PL_POST, URN.
        result.rows(of: .episodes).map { Array($0[1...9]) + [$0[11], $0[12]] }
    }

    @Test func episodesFollowThe903Rules() {
        let state = HandLog(Self.careLog).state
        var result = SSDA903Return(startYear: 2024)
        state.forEachRecord { result.add($0) }
        result.finish()
        #expect(
            Self.episodeRows(result) == [
                ["01/02/2024", "P", "V2", "N1", "U1", "PR1", "03/06/2024", "X1", "LAREQ", "AB1 2CD", "SC123456"],
                ["03/06/2024", "P", "V2", "N1", "U4", "PR2", "16/09/2024", "X1", "", "", ""],
                ["16/09/2024", "L", "C2", "N1", "U4", "PR2", "04/11/2024", "X1", "STAND", "", ""],
                ["04/11/2024", "T", "C2", "N1", "U4", "PR2", "20/01/2025", "X1", "CHILD", "", ""],
                ["20/01/2025", "B", "E1", "N1", "A4", "PR0", "28/02/2025", "E13", "", "", ""],
            ])
        #expect(result.rows(of: .header) == [["C1", "F", "01/05/2010", "WBRI", "A123456789012", "", ""]])
        #expect(result.rows(of: .reviews) == [["C1", "01/05/2010", "01/07/2024", "PN1"]])
        // Looked after from 10 January 2024 to 28 February 2025: not on 31 March, so no OC2 row.
        #expect(result.rows(of: .oc2).isEmpty)
    }

    /// The year before, 2023-24, holds the S episode and the P episode open on 31 March 2024, whose DEC (3 June
    /// 2024) and REC are not yet known to that return: both blank.
    @Test func anEpisodeOpenOn31MarchHasNoEnd() {
        var result = SSDA903Return(startYear: 2023)
        HandLog(Self.careLog).state.forEachRecord { result.add($0) }
        result.finish()
        #expect(
            Self.episodeRows(result) == [
                ["10/01/2024", "S", "V2", "N1", "U1", "PR1", "01/02/2024", "X1", "CARPL", "", ""],
                ["01/02/2024", "P", "V2", "N1", "U1", "PR1", "", "", "", "AB1 2CD", "SC123456"],
            ])
        // Before 2024-25 the 903 codes sex 1 male, 2 female.
        #expect(result.rows(of: .header).first?[1] == "2")
    }

    /// As known on 1 July 2024, the log holds the events recorded by then: the episodes of 10 January, 1 February
    /// and 3 June, the last still open; a correction of the 3 June move to 10 June moves the episode.
    @Test func asKnownAtAndCorrectionsAreHonoured() {
        var log = Self.careLog
        let move = log.events.first { $0.occurred == d("2024-06-03") && $0.body.type == .placementStarted }!.id
        log.add(
            "C1", "2024-06-10",
            .placementStarted(
                PlacementStarted(
                    placement: "PL2", period: "K1", placementType: PlacementType("U4")!,
                    provider: PlacementProvider("PR2"))), recorded: "2024-06-20", corrects: move)
        let end = log.events.first { $0.occurred == d("2024-06-03") && $0.body.type == .placementEnded }!.id
        log.add(
            "C1", "2024-06-10", .placementEnded(placement: "PL1", reason: PlacementChangeReason("LAREQ")),
            recorded: "2024-06-20", corrects: end)
        let state = HandLog(log).state
        var result = SSDA903Return(startYear: 2024)
        state.forEachRecord(asKnownAt: t("2024-07-01")) { result.add($0) }
        result.finish()
        #expect(
            Self.episodeRows(result) == [
                ["01/02/2024", "P", "V2", "N1", "U1", "PR1", "10/06/2024", "X1", "LAREQ", "AB1 2CD", "SC123456"],
                ["10/06/2024", "P", "V2", "N1", "U4", "PR2", "", "", "", "", ""],
            ])
    }

    /// A child whose ethnicity and UPN were never recorded: ETHNIC is NOBT and UPN UN5, the DfE's "not known"
    /// codes, and each is a finding; the missing postcode, URN and home postcode are blank, and findings too.
    @Test func valuesTheLogLacksAreFindings() {
        var log = EventBuilder()
        log.add("C9", "2012-03-04", .childRegistered(ChildDetails(birthDate: d("2012-03-04"), sex: Sex("M")!)))
        log.add(
            "C9", "2024-05-01",
            .careStarted(CareStarted(period: "K9", legalStatus: LegalStatus("V2")!, needCode: CareNeed("N2")!)))
        log.add(
            "C9", "2024-05-01",
            .placementStarted(PlacementStarted(placement: "P9", period: "K9", placementType: PlacementType("U1")!)))
        var result = SSDA903Return(startYear: 2024)
        HandLog(log).state.forEachRecord { result.add($0) }
        result.finish()
        #expect(result.rows(of: .header) == [["C9", "M", "04/03/2012", "NOBT", "UN5", "", ""]])
        let found = Set(result.blanks.map { "\($0.table.name).\($0.field)=\($0.written)" })
        #expect(
            found == [
                "header.ETHNIC=NOBT", "header.UPN=UN5", "episodes.PLACE_PROVIDER=", "episodes.HOME_POST=",
                "episodes.PL_POST=", "episodes.URN=", "previous_permanence.PREV_PERM=Z1",
            ])
        #expect(result.blanks.allSatisfy { $0.child == ChildID("C9") })
        #expect(result.rows(of: .previousPermanence) == [["C9", "04/03/2012", "Z1", "", ""]])
        #expect(result.blanksCSV().hasPrefix("table,child,field,written\r\nheader,C9,ETHNIC,NOBT\r\n"))
    }

    /// A short break (V4) in a children's home (K2) whose placement holds a postcode and a URN: the 903 asks no
    /// placement location of a short break (rule 214), so PL_POST and URN are blank, and none of PL_POST, URN and
    /// HOME_POST is a finding. Its episode, by hand: 01/05/2024 S V4 N2 K2 PR1, open on 31 March 2025.
    @Test func aShortBreakHasNoPlacementLocation() {
        var log = EventBuilder()
        log.add("C7", "2010-03-04", .childRegistered(ChildDetails(birthDate: d("2010-03-04"), sex: Sex("M")!)))
        log.add(
            "C7", "2024-05-01",
            .careStarted(CareStarted(period: "K7", legalStatus: LegalStatus("V4")!, needCode: CareNeed("N2")!)))
        log.add(
            "C7", "2024-05-01",
            .placementStarted(
                PlacementStarted(
                    placement: "P7", period: "K7", placementType: PlacementType("K2")!,
                    provider: PlacementProvider("PR1"), postcode: "AB1 2CD", urn: "SC123456")))
        var result = SSDA903Return(startYear: 2024)
        HandLog(log).state.forEachRecord { result.add($0) }
        result.finish()
        #expect(Self.episodeRows(result) == [["01/05/2024", "S", "V4", "N2", "K2", "PR1", "", "", "", "", ""]])
        #expect(!result.blanks.contains { $0.table == .episodes })
    }

    /// OC3 is not asked of a young person of 17 or 18 at 31 March looked after on their latest birthday (903 rules
    /// 1007, 1016). By hand, for 2024-25: C2, born 1 June 2007, is 17 on 31 March 2025; care from 1 January 2023
    /// ended on 1 July 2024, after the 17th birthday (1 June 2024): no OC3 row. C3, born the same day, left care on
    /// 1 May 2024, before it: the contact of 15 June 2024 is its OC3 row.
    @Test func noCareLeaverRowForOneLookedAfterOnTheirBirthday() {
        var log = EventBuilder()
        for (child, ended) in [("C2", "2024-07-01"), ("C3", "2024-05-01")] {
            log.add(child, "2007-06-01", .childRegistered(ChildDetails(birthDate: d("2007-06-01"), sex: Sex("F")!)))
            log.add(
                child, "2023-01-01",
                .careStarted(CareStarted(period: "K", legalStatus: LegalStatus("V2")!, needCode: CareNeed("N1")!)))
            log.add(child, ended, .careEnded(period: "K", reason: CareEndReason("E4A")!))
            log.add(
                child, "2024-06-15",
                .careLeaverContacted(
                    CareLeaverContacted(
                        inTouch: CareLeaverContactStatus("YES")!, activity: CareLeaverActivity("F1")!,
                        accommodation: CareLeaverAccommodation("B1")!)))
        }
        var result = SSDA903Return(startYear: 2024)
        HandLog(log).state.forEachRecord { result.add($0) }
        result.finish()
        #expect(result.rows(of: .oc3) == [["C3", "01/06/2007", "YES", "F1", "B1"]])
    }

    /// C4 was placed for adoption in an earlier period of care: decision 1 March 2021, adoption order and care ended
    /// (E11) on 1 July 2022; looked after again from 1 June 2024. C5's decision of 1 May 2024 stands in a period of
    /// care from 1 January 2023. In 2024-25, only C5 has a placed_for_adoption row: C4's decision ended in an order
    /// before 1 April 2024, and written it would read as made before the care it is returned with began (903 1003).
    @Test func aDecisionThatEndedInAnAdoptionBeforeTheYearIsNotReturned() {
        var log = EventBuilder()
        for child in ["C4", "C5"] {
            log.add(child, "2015-03-01", .childRegistered(ChildDetails(birthDate: d("2015-03-01"), sex: Sex("M")!)))
        }
        let care = { (period: String) in
            EventBody.careStarted(
                CareStarted(period: PeriodID(period), legalStatus: LegalStatus("C2")!, needCode: CareNeed("N1")!))
        }
        log.add("C4", "2020-09-01", care("K1"))
        log.add("C4", "2021-03-01", .adoptionDecided(adoption: "A1"))
        log.add("C4", "2022-07-01", .adoptionOrderGranted(adoption: "A1"))
        log.add("C4", "2022-07-01", .careEnded(period: "K1", reason: CareEndReason("E11")!))
        log.add("C4", "2024-06-01", care("K2"))
        log.add("C5", "2023-01-01", care("K1"))
        log.add("C5", "2024-05-01", .adoptionDecided(adoption: "A1"))
        var result = SSDA903Return(startYear: 2024)
        HandLog(log).state.forEachRecord { result.add($0) }
        result.finish()
        #expect(result.rows(of: .placedAdoption) == [["C5", "01/03/2015", "01/05/2024", "", ""]])
    }

    /// A temporary placement (T1) interrupts PL1 without ending it: when it ends the child is back in PL1, a new
    /// episode (RNE P) with PL1's details.
    ///
    ///     DECOM       RNE PLACE DEC
    ///     01/05/2024  S   U1    10/08/2024  X1
    ///     10/08/2024  P   T1    17/08/2024  X1   (the temporary placement)
    ///     17/08/2024  P   U1    -                (back in PL1)
    @Test func aTemporaryPlacementInterrupts() {
        var log = EventBuilder()
        log.add(
            "C5", "2024-05-01",
            .careStarted(CareStarted(period: "K5", legalStatus: LegalStatus("C2")!, needCode: CareNeed("N1")!)))
        log.add(
            "C5", "2024-05-01",
            .placementStarted(
                PlacementStarted(
                    placement: "PL1", period: "K5", placementType: PlacementType("U1")!,
                    provider: PlacementProvider("PR1"))))
        log.add(
            "C5", "2024-08-10",
            .placementStarted(PlacementStarted(placement: "T", period: "K5", placementType: PlacementType("T1")!)))
        log.add("C5", "2024-08-17", .placementEnded(placement: "T", reason: nil))
        var result = SSDA903Return(startYear: 2024)
        HandLog(log).state.forEachRecord { result.add($0) }
        result.finish()
        #expect(
            result.rows(of: .episodes).map { [$0[1], $0[2], $0[5], $0[7], $0[8]] } == [
                ["01/05/2024", "S", "U1", "10/08/2024", "X1"],
                ["10/08/2024", "P", "T1", "17/08/2024", "X1"],
                ["17/08/2024", "P", "U1", "", ""],
            ])
    }
}
