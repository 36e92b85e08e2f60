import JourneyCore

/// List 11: adopters. Written with its headings only: adopters are not children, and the log is of children's
/// journeys; it holds what an adoption says of the adopters (how many, their sex and legal status, on
/// `adoption.matched`) but not an adopter's own journey (enquiry, stages 1 and 2, approval), which this list is
/// about.
enum AdoptersList {
    static let name = "Adopters"

    static let note =
        "written with its headings only: adopters are not children, and the log of children's journeys holds no "
        + "adopter's own journey (enquiry, stages 1 and 2, application, approval)"

    static func headings(_ sex: String) -> [String] {
        [
            "Individual adopter identifier", "Family identifier", sex, "Ethnicity", "Disability",
            "Is the (prospective) adopter fostering for adoption?", "Date enquiry received", "Date Stage 1 started",
            "Date Stage 1 ended", "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted",
            "Date application approved", "Date adopter matched with child(ren)",
            "Date child/children placed with adopter(s)", "No. of children placed", "Date of Adoption Order",
            "Date of leaving adoption process", "Reason for leaving adoption process",
        ]
    }
}
