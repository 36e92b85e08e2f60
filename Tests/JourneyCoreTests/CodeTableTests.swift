import JourneyCore
import Testing

/// Each list holds its codes beside their meanings, so that a meaning cannot slip to the next code.
@Suite("Code lists")
struct CodeTableTests {
    @Test func aCodeHasItsOwnMeaning() {
        #expect(ReferralSource("1A")?.meaning == "individual")
        #expect(ReferralSource("10")?.meaning == "unknown")
        #expect(PrimaryNeed("N0")?.meaning == "not stated")
        #expect(CareNeed("N1")?.meaning == "abuse or neglect")
        #expect(PlacementType("Z1")?.meaning == "other placement")
        #expect(Level("care")?.meaning == "looked after")
        #expect(AssessmentFactor("24A")?.meaning == nil)
    }

    /// 2025-26 splits other placements (Z1) into Z11-Z14 (lac2025_26 rule 146); Z1 stays for earlier years. The
    /// four are appended after Z1, the last of the 27 codes before them (A3-A6, H5, K1, K2, P1-P3, R1-R3, R5, S1,
    /// T0-T4, U1-U6, Z1: 4 + 1 + 2 + 3 + 4 + 1 + 5 + 6 + 1 = 27, so Z1 is at index 26), so no code moves.
    @Test func otherPlacementsFrom2025FollowZ1() {
        #expect(PlacementType("Z1")?.index == 26)
        #expect(PlacementType("Z11")?.index == 27)
        #expect(PlacementType("Z14")?.index == 30)
        #expect(PlacementType("Z12")?.meaning == "other placement (Z12, from 2025-26)")
        #expect(PlacementType("Z15") == nil)
        #expect(["Z1", "Z11", "Z12", "Z13", "Z14"].allSatisfy { PlacementType($0)!.isOtherPlacement })
        #expect(!PlacementType("K2")!.isOtherPlacement)
        // Before 2025-26 Z11-Z14 are written Z1, the code they split; from 2025-26 every code as recorded, and Z1
        // refused there and only there.
        #expect(PlacementType("Z13")!.ssda903Code(inYearStarting: 2024).rawValue == "Z1")
        #expect(PlacementType("Z13")!.ssda903Code(inYearStarting: 2025).rawValue == "Z13")
        #expect(PlacementType("Z1")!.ssda903Code(inYearStarting: 2025).rawValue == "Z1")
        #expect(PlacementType("U6")!.ssda903Code(inYearStarting: 2023).rawValue == "U6")
        #expect(PlacementType("Z1")!.isRefused(inYearStarting: 2025))
        #expect(!PlacementType("Z1")!.isRefused(inYearStarting: 2024))
        #expect(!PlacementType("Z11")!.isRefused(inYearStarting: 2025))
        // lac2025_26 rule 146's list has neither H5 nor P2; lac2024_25's has both.
        for code in ["H5", "P2"] {
            #expect(PlacementType(code)!.isRefused(inYearStarting: 2025))
            #expect(!PlacementType(code)!.isRefused(inYearStarting: 2024))
        }
        #expect(!PlacementType("K2")!.isRefused(inYearStarting: 2025))
    }

    @Test func codesKeepTheirStatutoryOrderAndIndex() {
        #expect(ReferralSources.codes.count == 22)
        #expect(ReferralSource("1A")?.index == 0)
        #expect(ReferralSource("10")?.index == 21)
        #expect(ReferralSources.meanings.count == ReferralSources.codes.count)
        #expect(AssessmentFactors.meanings.isEmpty)
        #expect(AssessmentFactor(index: 43)?.rawValue == "24A")
        #expect(ReferralSource("11") == nil)
    }
}
