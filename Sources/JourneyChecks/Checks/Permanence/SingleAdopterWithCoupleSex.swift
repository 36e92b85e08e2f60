import JourneyCore

/// A single adopter (`L0`) with the sex code of a couple.
///
/// SSDA903 514: "Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of
/// adopters shows it as a couple." The validator reads the couple from the sex code, not the number: `LS_ADOPTR` L0
/// and `SEX_ADOPTR` not M1 or F1; so here.
struct SingleAdopterWithCoupleSex: AdoptersSexDisagrees {
    var id: String { "single-adopter-with-couple-sex" }
    var rule: String? { "903 514" }
    var summary: String { "A single adopter (L0) is matched with a couple's sex code." }
    var problem: String { "The adopter's legal status is a single adopter (L0) but the sex code is not M1 or F1" }

    func breaks(adopters: Int?, sex: String, legalStatus: String?) -> Bool {
        legalStatus == "L0" && !isSingleAdopter(sex)
    }
}
