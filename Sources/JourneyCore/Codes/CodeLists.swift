// The closed lists of the event format: CIN census and SSDA903 codes, verbatim, and the words of the format.
// Meanings are short plain words for reports and chronologies.

/// The list of CIN census referral source (also the source of a contact).
public enum ReferralSources: CodeList {
    public static let codes = [
        "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7",
        "8", "9", "10",
    ]
    public static let name = "a referral source code"
    public static let meanings = [
        "individual",
        "individual: family member, relative or carer",
        "individual: acquaintance",
        "individual: self",
        "school",
        "education services",
        "health services: GP",
        "health services: health visitor",
        "health services: school nurse",
        "health services: other primary health services",
        "health services: A&E",
        "health services: other",
        "housing",
        "local authority: social care",
        "local authority: other internal department",
        "local authority: external",
        "early help",
        "police",
        "other legal agency",
        "other",
        "anonymous",
        "unknown",
    ]
    public static let lookup = makeLookup()
}
public typealias ReferralSource = Code<ReferralSources>

/// The list of CIN census primary need.
public enum PrimaryNeeds: CodeList {
    public static let codes = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"]
    public static let name = "a primary need code"
    public static let meanings = [
        "not stated",
        "abuse or neglect",
        "child's disability",
        "parental illness or disability",
        "family in acute stress",
        "family dysfunction",
        "socially unacceptable behaviour",
        "low income",
        "absent parenting",
        "cases other than children in need",
    ]
    public static let lookup = makeLookup()
}
public typealias PrimaryNeed = Code<PrimaryNeeds>

/// The list of SSDA903 category of need (CIN) at the start of a period of care.
public enum CareNeeds: CodeList {
    public static let codes = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]
    public static let name = "a category of need code (N1…N8)"
    public static let meanings = [
        "abuse or neglect",
        "child's disability",
        "parental illness or disability",
        "family in acute stress",
        "family dysfunction",
        "socially unacceptable behaviour",
        "low income",
        "absent parenting",
    ]
    public static let lookup = makeLookup()
}
public typealias CareNeed = Code<CareNeeds>

/// The list of CIN census reason for closure.
public enum ClosureReasons: CodeList {
    public static let codes = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]
    public static let name = "a reason for closure code"
    public static let meanings = [
        "adopted",
        "died",
        "child arrangements order",
        "special guardianship order",
        "transferred to services of another local authority",
        "transferred to adult social care",
        "services ceased for any other reason, including child no longer in need",
        "case closed after assessment, no further action",
        "case closed after assessment, referred to early help",
    ]
    public static let lookup = makeLookup()
}
public typealias ClosureReason = Code<ClosureReasons>

/// The list of CIN census category of abuse (CP plans).
public enum AbuseCategories: CodeList {
    public static let codes = ["NEG", "PHY", "SAB", "EMO", "MUL"]
    public static let name = "a category of abuse code"
    public static let meanings = [
        "neglect",
        "physical abuse",
        "sexual abuse",
        "emotional abuse",
        "multiple",
    ]
    public static let lookup = makeLookup()
}
public typealias AbuseCategory = Code<AbuseCategories>

/// The list of CIN census factors identified at the end of assessment.
public enum AssessmentFactors: CodeList {
    public static let codes = [
        "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C",
        "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A", "18A", "18B",
        "18C", "19A", "19B", "19C", "20", "21", "22A", "23A", "24A",
    ]
    public static let name = "an assessment factor code"
    public static let lookup = makeLookup()
}
public typealias AssessmentFactor = Code<AssessmentFactors>

/// The list of CIN census and SSDA903 ethnicity.
public enum Ethnicities: CodeList {
    public static let codes = [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB",
        "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ]
    public static let name = "an ethnicity code"
    public static let meanings = [
        "White British",
        "White Irish",
        "Traveller of Irish heritage",
        "any other White background",
        "Gypsy/Roma",
        "White and Black Caribbean",
        "White and Black African",
        "White and Asian",
        "any other mixed background",
        "Indian",
        "Pakistani",
        "Bangladeshi",
        "any other Asian background",
        "Caribbean",
        "African",
        "any other Black background",
        "Chinese",
        "any other ethnic group",
        "refused",
        "information not yet obtained",
    ]
    public static let lookup = makeLookup()
}
public typealias Ethnicity = Code<Ethnicities>

/// The list of CIN census disability.
public enum Disabilities: CodeList {
    public static let codes = [
        "NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA",
    ]
    public static let name = "a disability code"
    public static let meanings = [
        "none",
        "mobility",
        "hand function",
        "personal care",
        "incontinence",
        "communication",
        "learning",
        "hearing",
        "vision",
        "behaviour",
        "consciousness",
        "autism or Asperger syndrome",
        "other disability under the Disability Discrimination Act",
    ]
    public static let lookup = makeLookup()
}
public typealias Disability = Code<Disabilities>

/// The list of sex as recorded.
public enum Sexes: CodeList {
    public static let codes = ["M", "F", "U"]
    public static let name = "a sex code"
    public static let meanings = [
        "male",
        "female",
        "unknown or indeterminate",
    ]
    public static let lookup = makeLookup()
}
public typealias Sex = Code<Sexes>

/// The list of SSDA903 legal status (LS).
public enum LegalStatuses: CodeList {
    public static let codes = ["C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"]
    public static let name = "a legal status code"
    public static let meanings = [
        "interim care order",
        "full care order",
        "freeing order granted",
        "placement order granted",
        "remanded to local authority or youth detention accommodation",
        "placed in local authority accommodation under PACE",
        "sentenced to a supervision order with residence requirement",
        "under police protection and in local authority accommodation",
        "emergency protection order",
        "child assessment order and in local authority accommodation",
        "single period of accommodation under section 20",
        "agreed series of short-term breaks (individual episodes recorded)",
        "agreed series of short-term breaks (agreements recorded)",
    ]
    public static let lookup = makeLookup()
}
public typealias LegalStatus = Code<LegalStatuses>

/// The list of SSDA903 placement type (PLACE).
public enum PlacementTypes: CodeList {
    public static let codes = [
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2",
        "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
    ]
    public static let name = "a placement type code"
    public static let meanings = [
        "placed for adoption with consent, with current foster carers",
        "placed for adoption with consent, not with current foster carers",
        "placed for adoption with a placement order, with current foster carers",
        "placed for adoption with a placement order, not with current foster carers",
        "supported or semi-independent accommodation",
        "secure children's home",
        "children's home",
        "placed with own parents or others with parental responsibility",
        "independent living",
        "residential employment",
        "residential care home",
        "NHS or health trust establishment",
        "family centre or mother and baby unit",
        "young offender institution",
        "residential school",
        "temporary move",
        "temporary period in hospital",
        "temporary absence on holiday",
        "temporary accommodation while the foster carers are on holiday",
        "temporary accommodation of seven days or less",
        "foster placement with relatives or friends, long term",
        "foster placement with relatives or friends, fostering for adoption",
        "foster placement with relatives or friends, other",
        "foster placement with other carers, long term",
        "foster placement with other carers, fostering for adoption",
        "foster placement with other carers, other",
        "other placement",
    ]
    public static let lookup = makeLookup()
}
public typealias PlacementType = Code<PlacementTypes>

/// The list of SSDA903 placement provider.
public enum PlacementProviders: CodeList {
    public static let codes = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]
    public static let name = "a placement provider code"
    public static let meanings = [
        "parents or others with parental responsibility",
        "own provision (by the local authority)",
        "other local authority provision",
        "other public provision",
        "private provision",
        "voluntary or third sector provision",
    ]
    public static let lookup = makeLookup()
}
public typealias PlacementProvider = Code<PlacementProviders>

/// The list of SSDA903 reason for placement change.
public enum PlacementChangeReasons: CodeList {
    public static let codes = [
        "ALLEG", "APPRR", "CARPL", "CLOSE", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "STAND", "CUSTOD", "OTHER",
    ]
    public static let name = "a reason for placement change code"
    public static let meanings = [
        "allegation (s47)",
        "approval removed",
        "change to or implementation of the care plan",
        "resignation or closure of provision",
        "carer requests end because of the child's behaviour",
        "carer requests end for another reason",
        "child requests end",
        "responsible authority requests end",
        "change in the status of the placement only",
        "standards of care concern",
        "child moved to custody",
        "other",
    ]
    public static let lookup = makeLookup()
}
public typealias PlacementChangeReason = Code<PlacementChangeReasons>

/// The list of SSDA903 reason episode ceased (REC).
public enum CareEndReasons: CodeList {
    public static let codes = [
        "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E41", "E45", "E46", "E47", "E48", "E4A", "E4B",
        "E5", "E6", "E7", "E8", "E9", "X1",
    ]
    public static let name = "a reason episode ceased (REC) code"
    public static let meanings = [
        "adopted, application unopposed",
        "adopted, consent dispensed with",
        "left care to live with parents, relatives or others with no parental responsibility",
        "accommodation on remand ended",
        "age assessment found the child aged 18 or over",
        "moved abroad",
        "aged 18 and remained with current carers",
        "died",
        "care taken over by another local authority",
        "residence or child arrangements order",
        "special guardianship order to former foster carers",
        "special guardianship order to other carers",
        "special guardianship order to former foster carers who are relatives or friends",
        "special guardianship order to other carers who are relatives or friends",
        "returned home as part of the care plan",
        "returned home not as part of the care plan",
        "moved to independent living with formal support",
        "moved to independent living without formal support",
        "transferred to residential care funded by adult social services",
        "ceased for any other reason",
        "sentenced to custody",
        "episode ceased and a new one began the same day",
    ]
    public static let lookup = makeLookup()
}
public typealias CareEndReason = Code<CareEndReasons>

/// The list of SSDA903 participation in a looked-after review.
public enum ReviewParticipations: CodeList {
    public static let codes = ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]
    public static let name = "a participation code"
    public static let meanings = [
        "child under 4",
        "attends and speaks for themselves",
        "attends and an advocate speaks for them",
        "attends and conveys views non-verbally",
        "attends but views not conveyed",
        "does not attend, briefs an advocate",
        "does not attend, conveys views by another medium",
        "does not attend, views not conveyed",
    ]
    public static let lookup = makeLookup()
}
public typealias ReviewParticipation = Code<ReviewParticipations>

/// The list of outcome of a contact.
public enum ContactOutcomes: CodeList {
    public static let codes = ["referral", "early-help", "advice", "no-further-action"]
    public static let name = "a contact outcome"
    public static let meanings = [
        "referral",
        "early help",
        "advice",
        "no further action",
    ]
    public static let lookup = makeLookup()
}
public typealias ContactOutcome = Code<ContactOutcomes>

/// The list of outcome of an assessment.
public enum AssessmentOutcomes: CodeList {
    public static let codes = ["no-further-action", "early-help", "cin", "s47"]
    public static let name = "an assessment outcome"
    public static let meanings = [
        "no further action",
        "early help",
        "child in need",
        "section 47 enquiry",
    ]
    public static let lookup = makeLookup()
}
public typealias AssessmentOutcome = Code<AssessmentOutcomes>

/// The list of outcome of an initial child protection conference.
public enum ConferenceOutcomes: CodeList {
    public static let codes = ["plan", "no-plan"]
    public static let name = "a conference outcome"
    public static let meanings = [
        "child protection plan",
        "no child protection plan",
    ]
    public static let lookup = makeLookup()
}
public typealias ConferenceOutcome = Code<ConferenceOutcomes>

/// The list of levels of help, lowest to highest.
public enum Levels: CodeList {
    public static let codes = ["universal", "early-help", "cin", "cp", "care"]
    public static let name = "a level of help"
    public static let meanings = [
        "universal services",
        "early help",
        "child in need",
        "child protection",
        "looked after",
    ]
    public static let lookup = makeLookup()
}
public typealias Level = Code<Levels>

/// The list of outcome of an episode of early help.
public enum EarlyHelpOutcomes: CodeList {
    public static let codes = ["needs-met", "stepped-up", "other"]
    public static let name = "an early help outcome"
    public static let meanings = [
        "needs met",
        "stepped up",
        "other",
    ]
    public static let lookup = makeLookup()
}
public typealias EarlyHelpOutcome = Code<EarlyHelpOutcomes>

/// The list of missing from placement, or away from placement without authorisation.
public enum MissingKinds: CodeList {
    public static let codes = ["missing", "away"]
    public static let name = "a kind of missing episode"
    public static let meanings = [
        "missing",
        "away from placement without authorisation",
    ]
    public static let lookup = makeLookup()
}
public typealias MissingKind = Code<MissingKinds>

/// The list of statutory visit.
public enum VisitKinds: CodeList {
    public static let codes = ["cin", "cp", "care"]
    public static let name = "a kind of statutory visit"
    public static let meanings = [
        "child in need visit",
        "child protection visit",
        "looked-after child visit",
    ]
    public static let lookup = makeLookup()
}
public typealias VisitKind = Code<VisitKinds>
