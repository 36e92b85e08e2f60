import JourneyCore

/// Adopters who are a married couple of the same gender (`L12`) with a sex code other than `MM` or `FF`.
///
/// SSDA903 524: "If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or
/// FF."
struct MarriedSameGenderAdoptersSex: AdoptersSexDisagrees {
    var id: String { "married-same-gender-adopters-sex" }
    var rule: String? { "903 524" }
    var summary: String {
        "Adopters who are a married couple of the same gender (L12) have a sex code other than MM or FF."
    }
    var problem: String {
        "The adopters are a married couple of the same gender (L12) but the sex code is not MM or FF"
    }

    func breaks(adopters: Int?, sex: String, legalStatus: String?) -> Bool {
        legalStatus == "L12" && !isSameGenderCouple(sex)
    }
}
