// The closed lists of the event format: CIN census and SSDA903 codes, verbatim, and the words of the format, each
// code beside its meaning: short plain words for reports and chronologies.

/// The list of CIN census referral source (also the source of a contact).
public enum ReferralSources: CodeList {
    public static let name = "a referral source code"
    public static let table: CodeTable = [
        "1A": "individual",
        "1B": "individual: family member, relative or carer",
        "1C": "individual: acquaintance",
        "1D": "individual: self",
        "2A": "school",
        "2B": "education services",
        "3A": "health services: GP",
        "3B": "health services: health visitor",
        "3C": "health services: school nurse",
        "3D": "health services: other primary health services",
        "3E": "health services: A&E",
        "3F": "health services: other",
        "4": "housing",
        "5A": "local authority: social care",
        "5B": "local authority: other internal department",
        "5C": "local authority: external",
        "5D": "early help",
        "6": "police",
        "7": "other legal agency",
        "8": "other",
        "9": "anonymous",
        "10": "unknown",
    ]
}
public typealias ReferralSource = Code<ReferralSources>

/// The list of CIN census primary need.
public enum PrimaryNeeds: CodeList {
    public static let name = "a primary need code"
    public static let table: CodeTable = [
        "N0": "not stated",
        "N1": "abuse or neglect",
        "N2": "child's disability",
        "N3": "parental illness or disability",
        "N4": "family in acute stress",
        "N5": "family dysfunction",
        "N6": "socially unacceptable behaviour",
        "N7": "low income",
        "N8": "absent parenting",
        "N9": "cases other than children in need",
    ]
}
public typealias PrimaryNeed = Code<PrimaryNeeds>

/// The list of SSDA903 category of need (CIN) at the start of a period of care.
public enum CareNeeds: CodeList {
    public static let name = "a category of need code (N1…N8)"
    public static let table: CodeTable = [
        "N1": "abuse or neglect",
        "N2": "child's disability",
        "N3": "parental illness or disability",
        "N4": "family in acute stress",
        "N5": "family dysfunction",
        "N6": "socially unacceptable behaviour",
        "N7": "low income",
        "N8": "absent parenting",
    ]
}
public typealias CareNeed = Code<CareNeeds>

/// The list of CIN census reason for closure.
public enum ClosureReasons: CodeList {
    public static let name = "a reason for closure code"
    public static let table: CodeTable = [
        "RC1": "adopted",
        "RC2": "died",
        "RC3": "child arrangements order",
        "RC4": "special guardianship order",
        "RC5": "transferred to services of another local authority",
        "RC6": "transferred to adult social care",
        "RC7": "services ceased for any other reason, including child no longer in need",
        "RC8": "case closed after assessment, no further action",
        "RC9": "case closed after assessment, referred to early help",
    ]
}
public typealias ClosureReason = Code<ClosureReasons>

/// The list of CIN census category of abuse (CP plans).
public enum AbuseCategories: CodeList {
    public static let name = "a category of abuse code"
    public static let table: CodeTable = [
        "NEG": "neglect",
        "PHY": "physical abuse",
        "SAB": "sexual abuse",
        "EMO": "emotional abuse",
        "MUL": "multiple",
    ]
}
public typealias AbuseCategory = Code<AbuseCategories>

/// The list of CIN census factors identified at the end of assessment.
public enum AssessmentFactors: CodeList {
    public static let name = "an assessment factor code"
    public static let table: CodeTable = [
        "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C",
        "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A", "18A", "18B",
        "18C", "19A", "19B", "19C", "20", "21", "22A", "23A", "24A",
    ]
}
public typealias AssessmentFactor = Code<AssessmentFactors>

/// The list of CIN census and SSDA903 ethnicity.
public enum Ethnicities: CodeList {
    public static let name = "an ethnicity code"
    public static let table: CodeTable = [
        "WBRI": "White British",
        "WIRI": "White Irish",
        "WIRT": "Traveller of Irish heritage",
        "WOTH": "any other White background",
        "WROM": "Gypsy/Roma",
        "MWBC": "White and Black Caribbean",
        "MWBA": "White and Black African",
        "MWAS": "White and Asian",
        "MOTH": "any other mixed background",
        "AIND": "Indian",
        "APKN": "Pakistani",
        "ABAN": "Bangladeshi",
        "AOTH": "any other Asian background",
        "BCRB": "Caribbean",
        "BAFR": "African",
        "BOTH": "any other Black background",
        "CHNE": "Chinese",
        "OOTH": "any other ethnic group",
        "REFU": "refused",
        "NOBT": "information not yet obtained",
    ]
}
public typealias Ethnicity = Code<Ethnicities>

/// The list of CIN census disability.
public enum Disabilities: CodeList {
    public static let name = "a disability code"
    public static let table: CodeTable = [
        "NONE": "none",
        "MOB": "mobility",
        "HAND": "hand function",
        "PC": "personal care",
        "INC": "incontinence",
        "COMM": "communication",
        "LD": "learning",
        "HEAR": "hearing",
        "VIS": "vision",
        "BEH": "behaviour",
        "CON": "consciousness",
        "AUT": "autism or Asperger syndrome",
        "DDA": "other disability under the Disability Discrimination Act",
    ]
}
public typealias Disability = Code<Disabilities>

/// The list of sex as recorded.
public enum Sexes: CodeList {
    public static let name = "a sex code"
    public static let table: CodeTable = [
        "M": "male",
        "F": "female",
        "U": "unknown or indeterminate",
    ]
}
public typealias Sex = Code<Sexes>

/// The list of SSDA903 legal status (LS).
public enum LegalStatuses: CodeList {
    public static let name = "a legal status code"
    public static let table: CodeTable = [
        "C1": "interim care order",
        "C2": "full care order",
        "D1": "freeing order granted",
        "E1": "placement order granted",
        "J1": "remanded to local authority or youth detention accommodation",
        "J2": "placed in local authority accommodation under PACE",
        "J3": "sentenced to a supervision order with residence requirement",
        "L1": "under police protection and in local authority accommodation",
        "L2": "emergency protection order",
        "L3": "child assessment order and in local authority accommodation",
        "V2": "single period of accommodation under section 20",
        "V3": "agreed series of short-term breaks (individual episodes recorded)",
        "V4": "agreed series of short-term breaks (agreements recorded)",
    ]
}
public typealias LegalStatus = Code<LegalStatuses>

/// The list of SSDA903 placement type (PLACE).
public enum PlacementTypes: CodeList {
    public static let name = "a placement type code"
    public static let table: CodeTable = [
        "A3": "placed for adoption with consent, with current foster carers",
        "A4": "placed for adoption with consent, not with current foster carers",
        "A5": "placed for adoption with a placement order, with current foster carers",
        "A6": "placed for adoption with a placement order, not with current foster carers",
        "H5": "supported or semi-independent accommodation",
        "K1": "secure children's home",
        "K2": "children's home",
        "P1": "placed with own parents or others with parental responsibility",
        "P2": "independent living",
        "P3": "residential employment",
        "R1": "residential care home",
        "R2": "NHS or health trust establishment",
        "R3": "family centre or mother and baby unit",
        "R5": "young offender institution",
        "S1": "residential school",
        "T0": "temporary move",
        "T1": "temporary period in hospital",
        "T2": "temporary absence on holiday",
        "T3": "temporary accommodation while the foster carers are on holiday",
        "T4": "temporary accommodation of seven days or less",
        "U1": "foster placement with relatives or friends, long term",
        "U2": "foster placement with relatives or friends, fostering for adoption",
        "U3": "foster placement with relatives or friends, other",
        "U4": "foster placement with other carers, long term",
        "U5": "foster placement with other carers, fostering for adoption",
        "U6": "foster placement with other carers, other",
        "Z1": "other placement",
        // 2025-26 splits Z1 into Z11-Z14 (lac2025_26 rule 146 takes them and no longer Z1). Z1 stays for the
        // placements of earlier years; the meanings of the four are not in the sources this list was checked
        // against (returns-ssda903.md), so they are named by the code they replace. Appended after Z1 so that the
        // other codes keep their index.
        "Z11": "other placement (Z11, from 2025-26)",
        "Z12": "other placement (Z12, from 2025-26)",
        "Z13": "other placement (Z13, from 2025-26)",
        "Z14": "other placement (Z14, from 2025-26)",
    ]
}
public typealias PlacementType = Code<PlacementTypes>

/// The list of SSDA903 placement provider.
public enum PlacementProviders: CodeList {
    public static let name = "a placement provider code"
    public static let table: CodeTable = [
        "PR0": "parents or others with parental responsibility",
        "PR1": "own provision (by the local authority)",
        "PR2": "other local authority provision",
        "PR3": "other public provision",
        "PR4": "private provision",
        "PR5": "voluntary or third sector provision",
    ]
}
public typealias PlacementProvider = Code<PlacementProviders>

/// The list of SSDA903 reason for placement change.
public enum PlacementChangeReasons: CodeList {
    public static let name = "a reason for placement change code"
    public static let table: CodeTable = [
        "ALLEG": "allegation (s47)",
        "APPRR": "approval removed",
        "CARPL": "change to or implementation of the care plan",
        "CLOSE": "resignation or closure of provision",
        "CREQB": "carer requests end because of the child's behaviour",
        "CREQO": "carer requests end for another reason",
        "CHILD": "child requests end",
        "LAREQ": "responsible authority requests end",
        "PLACE": "change in the status of the placement only",
        "STAND": "standards of care concern",
        "CUSTOD": "child moved to custody",
        "OTHER": "other",
    ]
}
public typealias PlacementChangeReason = Code<PlacementChangeReasons>

/// The list of SSDA903 reason episode ceased (REC).
public enum CareEndReasons: CodeList {
    public static let name = "a reason episode ceased (REC) code"
    public static let table: CodeTable = [
        "E11": "adopted, application unopposed",
        "E12": "adopted, consent dispensed with",
        "E13": "left care to live with parents, relatives or others with no parental responsibility",
        "E14": "accommodation on remand ended",
        "E15": "age assessment found the child aged 18 or over",
        "E16": "moved abroad",
        "E17": "aged 18 and remained with current carers",
        "E2": "died",
        "E3": "care taken over by another local authority",
        "E41": "residence or child arrangements order",
        "E45": "special guardianship order to former foster carers",
        "E46": "special guardianship order to other carers",
        "E47": "special guardianship order to former foster carers who are relatives or friends",
        "E48": "special guardianship order to other carers who are relatives or friends",
        "E4A": "returned home as part of the care plan",
        "E4B": "returned home not as part of the care plan",
        "E5": "moved to independent living with formal support",
        "E6": "moved to independent living without formal support",
        "E7": "transferred to residential care funded by adult social services",
        "E8": "ceased for any other reason",
        "E9": "sentenced to custody",
        "X1": "episode ceased and a new one began the same day",
    ]
}
public typealias CareEndReason = Code<CareEndReasons>

/// The list of SSDA903 participation in a looked-after review.
public enum ReviewParticipations: CodeList {
    public static let name = "a participation code"
    public static let table: CodeTable = [
        "PN0": "child under 4",
        "PN1": "attends and speaks for themselves",
        "PN2": "attends and an advocate speaks for them",
        "PN3": "attends and conveys views non-verbally",
        "PN4": "attends but views not conveyed",
        "PN5": "does not attend, briefs an advocate",
        "PN6": "does not attend, conveys views by another medium",
        "PN7": "does not attend, views not conveyed",
    ]
}
public typealias ReviewParticipation = Code<ReviewParticipations>

/// The list of outcome of a contact.
public enum ContactOutcomes: CodeList {
    public static let name = "a contact outcome"
    public static let table: CodeTable = [
        "referral": "referral",
        "early-help": "early help",
        "advice": "advice",
        "no-further-action": "no further action",
    ]
}
public typealias ContactOutcome = Code<ContactOutcomes>

/// The list of outcome of an assessment.
public enum AssessmentOutcomes: CodeList {
    public static let name = "an assessment outcome"
    public static let table: CodeTable = [
        "no-further-action": "no further action",
        "early-help": "early help",
        "cin": "child in need",
        "s47": "section 47 enquiry",
    ]
}
public typealias AssessmentOutcome = Code<AssessmentOutcomes>

/// The list of outcome of an initial child protection conference.
public enum ConferenceOutcomes: CodeList {
    public static let name = "a conference outcome"
    public static let table: CodeTable = [
        "plan": "child protection plan",
        "no-plan": "no child protection plan",
    ]
}
public typealias ConferenceOutcome = Code<ConferenceOutcomes>

/// The list of levels of help, lowest to highest.
public enum Levels: CodeList {
    public static let name = "a level of help"
    public static let table: CodeTable = [
        "universal": "universal services",
        "early-help": "early help",
        "cin": "child in need",
        "cp": "child protection",
        "care": "looked after",
    ]
}
public typealias Level = Code<Levels>

/// The list of outcome of an episode of early help.
public enum EarlyHelpOutcomes: CodeList {
    public static let name = "an early help outcome"
    public static let table: CodeTable = [
        "needs-met": "needs met",
        "stepped-up": "stepped up",
        "other": "other",
    ]
}
public typealias EarlyHelpOutcome = Code<EarlyHelpOutcomes>

/// The list of missing from placement, or away from placement without authorisation.
public enum MissingKinds: CodeList {
    public static let name = "a kind of missing episode"
    public static let table: CodeTable = [
        "missing": "missing",
        "away": "away from placement without authorisation",
    ]
}
public typealias MissingKind = Code<MissingKinds>

/// The list of statutory visit.
public enum VisitKinds: CodeList {
    public static let name = "a kind of statutory visit"
    public static let table: CodeTable = [
        "cin": "child in need visit",
        "cp": "child protection visit",
        "care": "looked-after child visit",
    ]
}
public typealias VisitKind = Code<VisitKinds>

// Permanence, leaving care and health: the SSDA903's AD1, PlacedAdoption, PrevPerm, OC2 and OC3 lists, verbatim (the
// codes as the DfE's validation rules list them), and the format's own words for the orders that end care.

/// The list of SSDA903 `SEX_ADOPTR`: the sex of the adopter, or of each of the two adopters.
public enum AdopterSexes: CodeList {
    public static let name = "an adopters' sex code (SEX_ADOPTR)"
    public static let table: CodeTable = [
        "M1": "a male single adopter",
        "F1": "a female single adopter",
        "MM": "a couple, both male",
        "FF": "a couple, both female",
        "MF": "a couple, male and female",
    ]
}
public typealias AdopterSex = Code<AdopterSexes>

/// The list of SSDA903 `LS_ADOPTR`: the legal status of the adopters.
public enum AdopterLegalStatuses: CodeList {
    public static let name = "an adopters' legal status code (LS_ADOPTR)"
    public static let table: CodeTable = [
        "L0": "a single adopter",
        "L11": "a married couple of different genders",
        "L12": "a married couple of the same gender",
        "L2": "a civil partnership couple",
        "L3": "an unmarried couple of different genders",
        "L4": "an unmarried couple of the same gender",
    ]
}
public typealias AdopterLegalStatus = Code<AdopterLegalStatuses>

/// The list of SSDA903 `REASON_PLACED_CEASED`: why the child should no longer be placed for adoption.
public enum AdoptionReversalReasons: CodeList {
    public static let name = "a reason the decision to place for adoption was reversed (RD1…RD4)"
    public static let table: CodeTable = [
        "RD1": "the child's needs changed after the decision",
        "RD2": "the court did not make a placement order",
        "RD3": "prospective adopters could not be found",
        "RD4": "any other reason",
    ]
}
public typealias AdoptionReversalReason = Code<AdoptionReversalReasons>

/// The orders other than adoption that give a child permanence when care ends: the format's own words (the
/// SSDA903 records them only as the reason care ended, `E41` and `E45`–`E48`, which `care.ended` keeps).
public enum PermanenceOrderKinds: CodeList {
    public static let name = "a permanence order kind"
    public static let table: CodeTable = [
        "special-guardianship": "special guardianship order",
        "child-arrangements": "child arrangements order",
    ]
}
public typealias PermanenceOrderKind = Code<PermanenceOrderKinds>

/// The list of SSDA903 `PREV_PERM`: the permanence the child had before this period of care.
public enum PreviousPermanenceKinds: CodeList {
    public static let name = "a previous permanence code (PREV_PERM)"
    public static let table: CodeTable = [
        "P1": "adopted",
        "P2": "special guardianship order",
        "P3": "residence order or child arrangements order naming with whom the child lives",
        "P4": "unknown",
        "Z1": "none",
    ]
}
public typealias PreviousPermanenceKind = Code<PreviousPermanenceKinds>

/// The list of SSDA903 `IN_TOUCH`: whether the authority is in touch with a care leaver around their birthday.
public enum CareLeaverContactStatuses: CodeList {
    public static let name = "an in-touch code (IN_TOUCH)"
    public static let table: CodeTable = [
        "YES": "in touch",
        "NO": "not in touch",
        "DIED": "died",
        "REFU": "refuses contact",
        "NREQ": "no longer requires services",
        "RHOM": "returned home to parents or others with parental responsibility for 6 months or more",
    ]
}
public typealias CareLeaverContactStatus = Code<CareLeaverContactStatuses>

/// The list of SSDA903 `ACTIV`: a care leaver's main activity. `0` is the 903's "not known", for a young person the
/// authority is not in touch with, who refuses contact, has died or has returned home.
public enum CareLeaverActivities: CodeList {
    public static let name = "an activity code (ACTIV)"
    public static let table: CodeTable = [
        "F1": "full-time in higher education",
        "P1": "part-time in higher education",
        "F2": "full-time in education other than higher education",
        "P2": "part-time in education other than higher education",
        "F4": "full-time in an apprenticeship",
        "P4": "part-time in an apprenticeship",
        "F5": "full-time in training or employment (not an apprenticeship)",
        "P5": "part-time in training or employment (not an apprenticeship)",
        "G4": "not in education, employment or training: illness or disability",
        "G5": "not in education, employment or training: other reasons",
        "G6": "not in education, employment or training: pregnancy or parenting",
        "0": "not known",
    ]
}
public typealias CareLeaverActivity = Code<CareLeaverActivities>

/// The list of SSDA903 `ACCOM`: a care leaver's accommodation. The letter says what it is, the digit whether it is
/// suitable (`1`) or not (`2`); `S` (no fixed abode) and `X` (custody) are never suitable. `0` is "not known", as
/// for `ACTIV`.
public enum CareLeaverAccommodations: CodeList {
    public static let name = "an accommodation code (ACCOM)"
    public static let table: CodeTable = [
        "B1": "with parents or relatives, suitable",
        "B2": "with parents or relatives, not suitable",
        "C1": "community home or other residential care, suitable",
        "C2": "community home or other residential care, not suitable",
        "D1": "semi-independent or transitional accommodation, suitable",
        "D2": "semi-independent or transitional accommodation, not suitable",
        "E1": "supported lodgings, suitable",
        "E2": "supported lodgings, not suitable",
        "G1": "gone abroad, suitable",
        "G2": "gone abroad, not suitable",
        "H1": "deported, suitable",
        "H2": "deported, not suitable",
        "K1": "ordinary lodgings without formal support, suitable",
        "K2": "ordinary lodgings without formal support, not suitable",
        "R1": "residence not known, suitable",
        "R2": "residence not known, not suitable",
        "S2": "no fixed abode or homeless, not suitable",
        "T1": "foyer or similar supported accommodation, suitable",
        "T2": "foyer or similar supported accommodation, not suitable",
        "U1": "independent living, suitable",
        "U2": "independent living, not suitable",
        "V1": "emergency accommodation, suitable",
        "V2": "emergency accommodation, not suitable",
        "W1": "bed and breakfast, suitable",
        "W2": "bed and breakfast, not suitable",
        "X2": "in custody, not suitable",
        "Y1": "other accommodation, suitable",
        "Y2": "other accommodation, not suitable",
        "Z1": "with former foster carers, suitable",
        "Z2": "with former foster carers, not suitable",
        "0": "not known",
    ]
}
public typealias CareLeaverAccommodation = Code<CareLeaverAccommodations>

/// The list of SSDA903 `SDQ_REASON`: why there is no Strengths and Difficulties Questionnaire score.
public enum SDQReasons: CodeList {
    public static let name = "a reason for no SDQ score (SDQ_REASON)"
    public static let table: CodeTable = [
        "SDQ1": "the child was under 4 or over 16 at the assessment",
        "SDQ2": "the carer refused to complete and return the questionnaire",
        "SDQ3": "the child's disability made the questionnaire impossible to complete",
        "SDQ4": "other reason",
        "SDQ5": "the child or young person refused to allow the questionnaire to be completed",
    ]
}
public typealias SDQReason = Code<SDQReasons>

/// The list of SSDA903 `SW_REASON`: why the child's social worker changed, given for each social worker episode
/// from the one that began on 1 April 2023 (903 rules SW01bSTG1, SW13STG1, whose list this is, verbatim).
public enum SWReasons: CodeList {
    public static let name = "a reason for a change of social worker (SW_REASON)"
    public static let table: CodeTable = [
        "MANAGE": "management decision",
        "FCONTA": "first contact: the child's first social worker",
        "LEFTRL": "the social worker left the role",
        "ORGRST": "organisational restructure",
        "TSPROC": "transfer between teams as part of the local process",
        "ABSENC": "the social worker's absence",
        "CHCHAN": "change requested by the child",
        "PCCHAN": "change requested by the parent or carer",
        "SWDIED": "the social worker died",
        "OTHERS": "other reason",
    ]
}
public typealias SWReason = Code<SWReasons>
