import Testing

@testable import JourneySynth

@Suite struct UniquePupilNumberTests {
    /// Characters 2 to 13 of `J318000000001` are 3 1 8 0 0 0 0 0 0 0 0 1, weighted 2 to 13:
    /// 3×2 + 1×3 + 8×4 + 1×13 = 6 + 3 + 32 + 13 = 54; 54 mod 23 = 8, and the ninth check letter (from 0) is J.
    @Test func theCheckLetterIsTheGuidesWeightedSum() {
        #expect(UniquePupilNumber.make(authority: 318, serial: 1) == "J318000000001")
    }

    /// `318000123456`: 3×2 + 1×3 + 8×4 + 1×8 + 2×9 + 3×10 + 4×11 + 5×12 + 6×13
    /// = 6 + 3 + 32 + 8 + 18 + 30 + 44 + 60 + 78 = 279; 279 = 12×23 + 3, and check letter 3 is D.
    @Test func aLongerSerial() {
        #expect(UniquePupilNumber.make(authority: 318, serial: 123_456) == "D318000123456")
    }

    @Test func everyChildHasItsOwn() {
        let upns = Set((1...5000).map { UniquePupilNumber.make(authority: 318, serial: $0) })
        #expect(upns.count == 5000)
    }
}
