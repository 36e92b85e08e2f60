import JourneyCore

/// Adopters in a civil partnership (`L2`) with the sex code of a single adopter.
///
/// SSDA903 519: "Data entered on the legal status of adopters shows civil partnership couple, but data entered on
/// genders of adopters does not show it as a couple." (`LS_ADOPTR` L2 and `SEX_ADOPTR` not MM, FF, MF.)
struct CivilPartnershipAdoptersSex: AdoptersSexDisagrees {
    var id: String { "civil-partnership-adopters-sex" }
    var rule: String? { "903 519" }
    var summary: String { "Adopters in a civil partnership (L2) have a single adopter's sex code." }
    var problem: String { "The adopters are a civil partnership couple (L2) but the sex code is a single adopter's" }

    func breaks(adopters: Int?, sex: String, legalStatus: String?) -> Bool {
        legalStatus == "L2" && !isSameGenderCouple(sex) && sex != "MF"
    }
}
