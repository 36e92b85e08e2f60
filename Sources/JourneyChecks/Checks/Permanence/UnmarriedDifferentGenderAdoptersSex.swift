import JourneyCore

/// Adopters who are an unmarried couple of different genders (`L3`) with a sex code other than `MF`.
///
/// SSDA903 517: "If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF."
struct UnmarriedDifferentGenderAdoptersSex: AdoptersSexDisagrees {
    var id: String { "unmarried-different-gender-adopters-sex" }
    var rule: String? { "903 517" }
    var summary: String {
        "Adopters who are an unmarried couple of different genders (L3) have a sex code other than MF."
    }
    var problem: String { "The adopters are an unmarried couple of different genders (L3) but the sex code is not MF" }

    func breaks(adopters: Int?, sex: String, legalStatus: String?) -> Bool {
        legalStatus == "L3" && sex != "MF"
    }
}
