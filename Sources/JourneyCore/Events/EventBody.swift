/// The type of an event and its fields (`data` in the interchange format).
public enum EventBody: Hashable, Sendable {
    // The child
    case childRegistered(ChildDetails)
    case childUpdated(ChildDetails)
    case childDied
    /// This child's record was a duplicate of `into`: replays treat all of its events as `into`'s.
    case childMerged(into: ChildID)

    // The front door (Annex A list 1; CIN census CINdetails)
    case contactReceived(ContactReceived)
    case referralReceived(ReferralReceived)
    case caseClosed(referral: ReferralID, reason: ClosureReason)

    // Assessment, enquiry and conference
    case assessmentStarted(assessment: AssessmentID, referral: ReferralID)
    case assessmentCompleted(AssessmentCompleted)
    case strategyHeld(strategy: StrategyID, referral: ReferralID)
    case s47Started(s47: S47ID, referral: ReferralID, strategy: StrategyID?)
    case s47Completed(s47: S47ID, icpcRequired: Bool)
    /// An initial child protection conference; `s47` absent means held at episode level.
    case icpcHeld(s47: S47ID?, referral: ReferralID, outcome: ConferenceOutcome)

    // Plans
    case cinPlanStarted(plan: PlanID, referral: ReferralID)
    case cinPlanReviewed(plan: PlanID)
    case cinPlanEnded(plan: PlanID)
    case cpPlanStarted(CPPlanStarted)
    case cpPlanCategoryChanged(plan: PlanID, category: AbuseCategory)
    case cpPlanReviewed(plan: PlanID)
    case cpPlanEnded(plan: PlanID)

    // Steps between levels of help
    case earlyHelpStarted(episode: EpisodeID)
    case earlyHelpEnded(episode: EpisodeID, outcome: EarlyHelpOutcome?)
    case steppedUp(from: Level, to: Level)
    case steppedDown(from: Level, to: Level)

    // Care (SSDA903)
    case careStarted(CareStarted)
    case legalStatusChanged(period: PeriodID, legalStatus: LegalStatus)
    case placementStarted(PlacementStarted)
    case placementEnded(placement: PlacementID, reason: PlacementChangeReason?)
    /// Ends the period and any placement still open in it.
    case careEnded(period: PeriodID, reason: CareEndReason)
    case careReviewed(period: PeriodID, participation: ReviewParticipation?)
    case missingStarted(episode: EpisodeID, kind: MissingKind)
    case missingEnded(MissingEnded)

    // Practice
    case visitMade(VisitMade)
    case workerAllocated(team: String, worker: String?)

    // Corrections
    /// The named event was recorded in error: from this event's `recorded` time on, it no longer counts.
    case eventRetracted(event: EventID, reason: String)

    // Permanence (SSDA903 PlacedAdoption, AD1, PrevPerm)
    /// The decision that the child should be placed for adoption (903 `DATE_PLACED`, AD1 `DATE_INT`).
    case adoptionDecided(adoption: AdoptionID)
    case placementOrderGranted(adoption: AdoptionID)
    case adoptionMatched(AdoptionMatched)
    /// The child moves in with the prospective adopters; `placement` is that placement, when recorded.
    case adoptionPlaced(adoption: AdoptionID, placement: PlacementID?)
    /// An adoptive placement that ended before an adoption order (a disruption).
    case adoptionPlacementEnded(adoption: AdoptionID, reason: PlacementChangeReason?)
    /// The decision that the child should no longer be placed for adoption (903 `DATE_PLACED_CEASED`).
    case adoptionDecisionReversed(adoption: AdoptionID, reason: AdoptionReversalReason)
    case adoptionOrderGranted(adoption: AdoptionID)
    /// A special guardianship or child arrangements order, at or after the end of care (whose `REC` stays on
    /// `care.ended`); `period` is the period of care it ended.
    case permanenceOrderGranted(kind: PermanenceOrderKind, period: PeriodID?)
    case previousPermanenceRecorded(PreviousPermanence)

    // Leaving care (SSDA903 OC3)
    case careLeaverContacted(CareLeaverContacted)
    case pathwayPlanReviewed
    /// Personal data: the adviser's name is never shown in messages.
    case personalAdviserAllocated(adviser: String?)

    // Health (SSDA903 OC2, DoLO)
    case healthAssessmentCompleted
    case dentalCheckCompleted
    case immunisationsRecorded(isUpToDate: Bool)
    /// Development checks of a child under five (903 `HEALTH_CHECK`).
    case healthSurveillanceRecorded(isUpToDate: Bool)
    case sdqRecorded(SDQRecorded)
    case convictionRecorded
    case substanceMisuseIdentified(interventionOffered: Bool?, interventionReceived: Bool?)
    case deprivationOfLibertyStarted(order: DoLOrderID)
    case deprivationOfLibertyEnded(order: DoLOrderID)

    // The child (SSDA903 header MOTHER and MC_DOB, episodes HOME_POST)
    /// Whether the child is a mother (903 `MOTHER`), and the date of birth of her first child (`MC_DOB`), as known
    /// on `occurred`.
    case motherhoodRecorded(isMother: Bool, firstChildBirthDate: CalendarDate?)
    /// The postcode of the child's home from `occurred` on (903 `HOME_POST`). Personal data: never in messages.
    case homePostcodeRecorded(postcode: String)

    // Practice (SSDA903 sw_episodes SW_REASON)
    /// Why the child's social worker changed on `occurred`: the reason for the `worker.allocated` of that date.
    case workerChangeRecorded(reason: SWReason)

    public var type: EventType {
        switch self {
        case .childRegistered: .childRegistered
        case .childUpdated: .childUpdated
        case .childDied: .childDied
        case .childMerged: .childMerged
        case .contactReceived: .contactReceived
        case .referralReceived: .referralReceived
        case .caseClosed: .caseClosed
        case .assessmentStarted: .assessmentStarted
        case .assessmentCompleted: .assessmentCompleted
        case .strategyHeld: .strategyHeld
        case .s47Started: .s47Started
        case .s47Completed: .s47Completed
        case .icpcHeld: .icpcHeld
        case .cinPlanStarted: .cinPlanStarted
        case .cinPlanReviewed: .cinPlanReviewed
        case .cinPlanEnded: .cinPlanEnded
        case .cpPlanStarted: .cpPlanStarted
        case .cpPlanCategoryChanged: .cpPlanCategoryChanged
        case .cpPlanReviewed: .cpPlanReviewed
        case .cpPlanEnded: .cpPlanEnded
        case .earlyHelpStarted: .earlyHelpStarted
        case .earlyHelpEnded: .earlyHelpEnded
        case .steppedUp: .steppedUp
        case .steppedDown: .steppedDown
        case .careStarted: .careStarted
        case .legalStatusChanged: .legalStatusChanged
        case .placementStarted: .placementStarted
        case .placementEnded: .placementEnded
        case .careEnded: .careEnded
        case .careReviewed: .careReviewed
        case .missingStarted: .missingStarted
        case .missingEnded: .missingEnded
        case .visitMade: .visitMade
        case .workerAllocated: .workerAllocated
        case .eventRetracted: .eventRetracted
        case .adoptionDecided: .adoptionDecided
        case .placementOrderGranted: .placementOrderGranted
        case .adoptionMatched: .adoptionMatched
        case .adoptionPlaced: .adoptionPlaced
        case .adoptionPlacementEnded: .adoptionPlacementEnded
        case .adoptionDecisionReversed: .adoptionDecisionReversed
        case .adoptionOrderGranted: .adoptionOrderGranted
        case .permanenceOrderGranted: .permanenceOrderGranted
        case .previousPermanenceRecorded: .previousPermanenceRecorded
        case .careLeaverContacted: .careLeaverContacted
        case .pathwayPlanReviewed: .pathwayPlanReviewed
        case .personalAdviserAllocated: .personalAdviserAllocated
        case .healthAssessmentCompleted: .healthAssessmentCompleted
        case .dentalCheckCompleted: .dentalCheckCompleted
        case .immunisationsRecorded: .immunisationsRecorded
        case .healthSurveillanceRecorded: .healthSurveillanceRecorded
        case .sdqRecorded: .sdqRecorded
        case .convictionRecorded: .convictionRecorded
        case .substanceMisuseIdentified: .substanceMisuseIdentified
        case .deprivationOfLibertyStarted: .deprivationOfLibertyStarted
        case .deprivationOfLibertyEnded: .deprivationOfLibertyEnded
        case .motherhoodRecorded: .motherhoodRecorded
        case .homePostcodeRecorded: .homePostcodeRecorded
        case .workerChangeRecorded: .workerChangeRecorded
        }
    }
}

/// The fields of `child.registered` and `child.updated`. In an update, only the fields present change.
public struct ChildDetails: Hashable, Sendable {
    public var birthDate: CalendarDate?
    public var expectedBirthDate: CalendarDate?
    public var sex: Sex?
    public var ethnicity: Ethnicity?
    public var disabilities: [Disability]?
    /// Unique pupil number: personal data, never shown in messages.
    public var upn: String?
    public var ward: String?

    public init(
        birthDate: CalendarDate? = nil, expectedBirthDate: CalendarDate? = nil, sex: Sex? = nil,
        ethnicity: Ethnicity? = nil, disabilities: [Disability]? = nil, upn: String? = nil, ward: String? = nil
    ) {
        self.birthDate = birthDate
        self.expectedBirthDate = expectedBirthDate
        self.sex = sex
        self.ethnicity = ethnicity
        self.disabilities = disabilities
        self.upn = upn
        self.ward = ward
    }
}

public struct ContactReceived: Hashable, Sendable {
    public var contact: ContactID
    public var source: ReferralSource
    public var outcome: ContactOutcome?

    public init(contact: ContactID, source: ReferralSource, outcome: ContactOutcome? = nil) {
        self.contact = contact
        self.source = source
        self.outcome = outcome
    }
}

/// A referral: opens an episode of need (CIN census `CINdetails`), unless it is NFA.
public struct ReferralReceived: Hashable, Sendable {
    public var referral: ReferralID
    public var source: ReferralSource
    public var primaryNeed: PrimaryNeed?
    /// No further action: the referral opens and closes nothing.
    public var isNFA: Bool

    public init(referral: ReferralID, source: ReferralSource, primaryNeed: PrimaryNeed? = nil, isNFA: Bool = false) {
        self.referral = referral
        self.source = source
        self.primaryNeed = primaryNeed
        self.isNFA = isNFA
    }
}

/// `occurred` is the authorisation date.
public struct AssessmentCompleted: Hashable, Sendable {
    public var assessment: AssessmentID
    /// Factors identified; `21` alone means none.
    public var factors: [AssessmentFactor]?
    public var outcome: AssessmentOutcome?

    public init(assessment: AssessmentID, factors: [AssessmentFactor]? = nil, outcome: AssessmentOutcome? = nil) {
        self.assessment = assessment
        self.factors = factors
        self.outcome = outcome
    }
}

public struct CPPlanStarted: Hashable, Sendable {
    public var plan: PlanID
    public var referral: ReferralID
    public var category: AbuseCategory
    /// CP plans before this one that the log may not hold (CIN census `NumberOfPreviousCPP`).
    public var previousPlans: Int?

    public init(plan: PlanID, referral: ReferralID, category: AbuseCategory, previousPlans: Int? = nil) {
        self.plan = plan
        self.referral = referral
        self.category = category
        self.previousPlans = previousPlans
    }
}

/// The start of a period of care (SSDA903 RNE `S`).
public struct CareStarted: Hashable, Sendable {
    public var period: PeriodID
    public var legalStatus: LegalStatus
    public var needCode: CareNeed
    /// Unaccompanied asylum-seeking child.
    public var isUASC: Bool

    public init(period: PeriodID, legalStatus: LegalStatus, needCode: CareNeed, isUASC: Bool = false) {
        self.period = period
        self.legalStatus = legalStatus
        self.needCode = needCode
        self.isUASC = isUASC
    }
}

public struct PlacementStarted: Hashable, Sendable {
    public var placement: PlacementID
    public var period: PeriodID
    public var placementType: PlacementType
    public var provider: PlacementProvider?
    public var postcode: String?
    public var urn: String?
    public var distanceMiles: Double?
    /// A change of placement with the same carer (SSDA903 RNE `T`/`U`): not a placement move.
    public var isSameCarer: Bool

    public init(
        placement: PlacementID, period: PeriodID, placementType: PlacementType, provider: PlacementProvider? = nil,
        postcode: String? = nil, urn: String? = nil, distanceMiles: Double? = nil, isSameCarer: Bool = false
    ) {
        self.placement = placement
        self.period = period
        self.placementType = placementType
        self.provider = provider
        self.postcode = postcode
        self.urn = urn
        self.distanceMiles = distanceMiles
        self.isSameCarer = isSameCarer
    }
}

public struct MissingEnded: Hashable, Sendable {
    public var episode: EpisodeID
    public var returnInterviewOffered: Bool?
    public var returnInterviewAccepted: Bool?

    public init(episode: EpisodeID, returnInterviewOffered: Bool? = nil, returnInterviewAccepted: Bool? = nil) {
        self.episode = episode
        self.returnInterviewOffered = returnInterviewOffered
        self.returnInterviewAccepted = returnInterviewAccepted
    }
}

public struct VisitMade: Hashable, Sendable {
    public var kind: VisitKind
    public var wasSeen: Bool
    public var wasSeenAlone: Bool?

    public init(kind: VisitKind, wasSeen: Bool, wasSeenAlone: Bool? = nil) {
        self.kind = kind
        self.wasSeen = wasSeen
        self.wasSeenAlone = wasSeenAlone
    }
}

/// The child matched with prospective adopters (SSDA903 AD1 `DATE_MATCH`).
public struct AdoptionMatched: Hashable, Sendable {
    public var adoption: AdoptionID
    /// One or two (903 `NB_ADOPTR`).
    public var adopters: Int
    public var adoptersSex: AdopterSex
    public var adoptersLegalStatus: AdopterLegalStatus
    /// The child's foster carer is adopting (903 `FOSTER_CARE`).
    public var isFosterCarerAdopting: Bool

    public init(
        adoption: AdoptionID, adopters: Int, adoptersSex: AdopterSex, adoptersLegalStatus: AdopterLegalStatus,
        isFosterCarerAdopting: Bool = false
    ) {
        self.adoption = adoption
        self.adopters = adopters
        self.adoptersSex = adoptersSex
        self.adoptersLegalStatus = adoptersLegalStatus
        self.isFosterCarerAdopting = isFosterCarerAdopting
    }
}

/// The permanence the child had before this period of care (SSDA903 PrevPerm).
public struct PreviousPermanence: Hashable, Sendable {
    public var kind: PreviousPermanenceKind
    /// The authority that arranged it (903 `LA_PERM`), as the return writes it.
    public var la: String?
    /// The date of the order as the 903 writes it (`DATE_PERM`, `DD/MM/YYYY` with `ZZ` for a part not known), kept
    /// as given: often only the year is known.
    public var orderDate: String?

    public init(kind: PreviousPermanenceKind, la: String? = nil, orderDate: String? = nil) {
        self.kind = kind
        self.la = la
        self.orderDate = orderDate
    }
}

/// Contact with a care leaver around their birthday (SSDA903 OC3).
public struct CareLeaverContacted: Hashable, Sendable {
    public var inTouch: CareLeaverContactStatus
    public var activity: CareLeaverActivity?
    public var accommodation: CareLeaverAccommodation?

    public init(
        inTouch: CareLeaverContactStatus, activity: CareLeaverActivity? = nil,
        accommodation: CareLeaverAccommodation? = nil
    ) {
        self.inTouch = inTouch
        self.activity = activity
        self.accommodation = accommodation
    }
}

/// A Strengths and Difficulties Questionnaire: its score (0–40), or why there is none; exactly one of the two.
public struct SDQRecorded: Hashable, Sendable {
    public var score: Int?
    public var reasonNotTaken: SDQReason?

    public init(score: Int? = nil, reasonNotTaken: SDQReason? = nil) {
        self.score = score
        self.reasonNotTaken = reasonNotTaken
    }
}
