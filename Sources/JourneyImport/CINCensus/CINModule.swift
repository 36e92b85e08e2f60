/// The modules of a CIN census child, each a kind of record that is imported or rejected on its own.
enum CINModule: Int, CaseIterable, Sendable {
    /// `ChildIdentifiers` and `ChildCharacteristics`: `child.registered` (and `child.died`).
    case child
    /// `CINdetails`: the episode of need (referral, closure, an ICPC held at episode level).
    case referral
    case assessment
    case cinPlan
    case section47
    case cpPlan

    /// The element, as the summary names it.
    var name: String {
        switch self {
        case .child: "Child"
        case .referral: "CINdetails"
        case .assessment: "Assessments"
        case .cinPlan: "CINPlanDates"
        case .section47: "Section47"
        case .cpPlan: "ChildProtectionPlans"
        }
    }

    /// The module that states facts with this key tag.
    static func owning(tag: Substring) -> CINModule? {
        switch tag {
        case "reg", "died": .child
        case "ref", "cls", "icp": .referral
        case "as", "ac": .assessment
        case "ns", "ne": .cinPlan
        case "ss", "sc", "si": .section47
        case "ps", "pc", "pr", "pe": .cpPlan
        default: nil
        }
    }

    /// Elements that may repeat, whose position goes in the paths errors name.
    static let repeatingElements: Set<String> = [
        "Source", "Child", "CINdetails", "Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans",
        "Disability", "AssessmentFactors", "CPPreviewDate",
    ]

    /// Elements the importer reads or knowingly leaves out (they have no place in the event format); any other is
    /// reported as not read.
    static let knownElements: Set<String> = [
        "Message", "Children", "Child", "Header", "CollectionDetails", "Collection", "Year", "ReferenceDate", "Source",
        "SourceLevel", "LEA",
        "SoftwareCode", "Release", "SerialNo", "DateTime",
        "ChildIdentifiers", "LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
        "GenderCurrent", "Sex", "PersonDeathDate", "ChildCharacteristics", "Ethnicity", "Disabilities", "Disability",
        "CINdetails", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
        "DateOfInitialCPC", "ReferralNFA", "Assessments", "AssessmentActualStartDate", "AssessmentInternalReviewDate",
        "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment", "AssessmentFactors", "CINPlanDates",
        "CINPlanStartDate", "CINPlanEndDate", "Section47", "S47ActualStartDate", "InitialCPCtarget", "ICPCnotRequired",
        "ChildProtectionPlans", "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
        "NumberOfPreviousCPP", "Reviews", "CPPreviewDate",
    ]
}
