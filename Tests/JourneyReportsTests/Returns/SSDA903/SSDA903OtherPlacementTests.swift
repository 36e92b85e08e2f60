import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// Other placements in the SSDA903 return: `Z1` to 2024-25, `Z11`-`Z14` from 2025-26 (lac2025_26 rule 146), worked
/// out by hand from the rule sets' lists.
struct SSDA903OtherPlacementTests {
    /// C5 (a boy, born 1 June 2008) comes into care on 1 October 2024 (V2, N4) in PL1, an other placement recorded
    /// `Z1` before the 2025-26 codes, with no provider. On 2 June 2025 PL1 ends (CARPL) and PL2 starts, `Z12`. C6
    /// comes into care on 1 February 2025 in PL3, recorded `Z13` (as a council that re-coded its open placements
    /// holds it), and is still there on 31 March 2026.
    static var log: EventBuilder {
        var log = EventBuilder()
        for (child, born, care, placement, type) in [
            ("C5", "2008-06-01", "2024-10-01", "PL1", "Z1"), ("C6", "2009-01-15", "2025-02-01", "PL3", "Z13"),
        ] {
            log.add(
                child, born,
                .childRegistered(
                    ChildDetails(
                        birthDate: d(born), sex: Sex("M")!, ethnicity: Ethnicity("WBRI")!, upn: "A123456789012")))
            log.add(
                child, care,
                .careStarted(
                    CareStarted(
                        period: PeriodID("K" + child), legalStatus: LegalStatus("V2")!, needCode: CareNeed("N4")!)))
            log.add(
                child, care,
                .placementStarted(
                    PlacementStarted(
                        placement: PlacementID(placement), period: PeriodID("K" + child),
                        placementType: PlacementType(type)!, postcode: "TW9 1AA")))
        }
        log.add("C5", "2025-06-02", .placementEnded(placement: "PL1", reason: PlacementChangeReason("CARPL")))
        log.add(
            "C5", "2025-06-02",
            .placementStarted(
                PlacementStarted(
                    placement: "PL2", period: "KC5", placementType: PlacementType("Z12")!, postcode: "TW9 1AA")))
        return log
    }

    static func placeRows(_ startYear: Int) -> (rows: [[String]], findings: Set<String>) {
        var result = SSDA903Return(startYear: startYear)
        HandLog(Self.log).state.forEachRecord { result.add($0) }
        result.finish()
        // CHILD, DECOM, RNE, PLACE, PLACE_PROVIDER, DEC, REC.
        let rows = result.rows(of: .episodes).map { [$0[0], $0[1], $0[2], $0[5], $0[6], $0[7], $0[8]] }
        let findings = Set(
            result.blanks.filter { $0.table == .episodes }.map { "\($0.child.rawValue).\($0.field)=\($0.written)" })
        return (rows, findings)
    }

    /// 2024-25 (lac2024_25 rule 146 takes Z1 and none of Z11-Z14): C5's episode from 1 October 2024 is open on 31
    /// March 2025 (DEC blank), Z1 as recorded; C6's Z13 is written Z1, the code it splits. Neither is a finding; nor
    /// is the blank provider or URN of an other placement (178, 222): the one episode finding is HOME_POST, of each.
    @Test func beforeTheSplitZ11ToZ14AreWrittenZ1() {
        let (rows, findings) = Self.placeRows(2024)
        #expect(
            rows == [
                ["C5", "01/10/2024", "S", "Z1", "", "", ""],
                ["C6", "01/02/2025", "S", "Z1", "", "", ""],
            ])
        #expect(findings == ["C5.HOME_POST=", "C6.HOME_POST="])
    }

    /// 2025-26 (lac2025_26 rule 146 takes Z11-Z14 and not Z1): C5's first episode, open on 1 April 2025, ends on 2
    /// June 2025 (X1, CARPL; the next changes placement and carer, RNE P) and is written Z1 as recorded: the log
    /// cannot say which of Z11-Z14 it is, so it is a finding (`PLACE` written `Z1`), not an invented code. The next is
    /// Z12, C6's Z13, as recorded.
    @Test func fromTheSplitEachIsWrittenAsRecordedAndZ1IsAFinding() {
        let (rows, findings) = Self.placeRows(2025)
        #expect(
            rows == [
                ["C5", "01/10/2024", "S", "Z1", "", "02/06/2025", "X1"],
                ["C5", "02/06/2025", "P", "Z12", "", "", ""],
                ["C6", "01/02/2025", "S", "Z13", "", "", ""],
            ])
        #expect(findings == ["C5.PLACE=Z1", "C5.HOME_POST=", "C6.HOME_POST="])
    }
}
