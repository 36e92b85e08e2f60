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
