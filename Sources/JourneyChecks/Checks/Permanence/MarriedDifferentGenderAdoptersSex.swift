import JourneyCore

/// Adopters who are a married couple of different genders (`L11`) with a sex code other than `MF`.
///
/// SSDA903 520: "Data entry on the legal status of adopters shows different gender married couple but data entry on
/// genders of adopters shows it as a same gender couple." The validator flags any sex code but MF (`LS_ADOPTR` L11
/// and `SEX_ADOPTR` not MF), a single adopter's too; so here.
struct MarriedDifferentGenderAdoptersSex: AdoptersSexDisagrees {
    var id: String { "married-different-gender-adopters-sex" }
    var rule: String? { "903 520" }
    var summary: String {
        "Adopters who are a married couple of different genders (L11) have a sex code other than MF."
    }
    var problem: String { "The adopters are a married couple of different genders (L11) but the sex code is not MF" }

    func breaks(adopters: Int?, sex: String, legalStatus: String?) -> Bool {
        legalStatus == "L11" && sex != "MF"
    }
}
