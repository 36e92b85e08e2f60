import JourneyCore

/// Two adopters with the sex code of a single adopter.
///
/// SSDA903 511: "If reporting that the number of person(s) adopting the looked after child is two adopters then the
/// code should only be MM, FF or MF." (`NB_ADOPTR` 2 and `SEX_ADOPTR` M1 or F1.) A single adopter's count is not
/// a rule of the 903: only two is judged.
struct TwoAdoptersWithSingleAdopterSex: AdoptersSexDisagrees {
    var id: String { "two-adopters-with-single-adopter-sex" }
    var rule: String? { "903 511" }
    var summary: String { "Two adopters are matched with a single adopter's sex code (M1, F1)." }
    var problem: String { "Two adopters are matched but their sex code is a single adopter's" }

    func breaks(adopters: Int?, sex: String, legalStatus: String?) -> Bool {
        adopters == 2 && isSingleAdopter(sex)
    }
}
