import JourneyCore

/// Adopters who are an unmarried couple of the same gender (`L4`) with a sex code other than `MM` or `FF`.
///
/// SSDA903 518: "If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or
/// FF."
struct UnmarriedSameGenderAdoptersSex: AdoptersSexDisagrees {
    var id: String { "unmarried-same-gender-adopters-sex" }
    var rule: String? { "903 518" }
    var summary: String {
        "Adopters who are an unmarried couple of the same gender (L4) have a sex code other than MM or FF."
    }
    var problem: String {
        "The adopters are an unmarried couple of the same gender (L4) but the sex code is not MM or FF"
    }

    func breaks(adopters: Int?, sex: String, legalStatus: String?) -> Bool {
        legalStatus == "L4" && !isSameGenderCouple(sex)
    }
}
