import JourneyCore

/// One fact of a child's journey in the generator's compact form: the event body with its identifiers reduced to
/// their numbers within the child (`R2` is referral 2).
///
/// Millions of these wait between being simulated and being written, so they hold small numbers and code indices,
/// never strings; `SynthRecord+Event.swift` turns them into events and `JSONCursor.line` into JSON lines. The
/// types are Core's (`type`); `LineTests` holds the lines of every fact to the canonical JSON of its event.
enum Fact: Sendable {
    case childRegistered
    /// `child.updated` at birth, for a child first known before birth: the birth date and sex.
    case childBorn
    /// `child.merged` on a duplicate record, into the child it duplicated.
    case childMerged
    /// `child.died`: a care leaver whose contact says they died.
    case childDied
    case contactReceived(contact: Int32, source: ReferralSource, outcome: ContactOutcome)
    case referralReceived(referral: Int32, source: ReferralSource, primaryNeed: PrimaryNeed, isNFA: Bool)
    case caseClosed(referral: Int32, reason: ClosureReason)
    case assessmentStarted(assessment: Int32, referral: Int32)
    case assessmentCompleted(assessment: Int32, factors: FactorList, outcome: AssessmentOutcome)
    case strategyHeld(strategy: Int32, referral: Int32)
    case s47Started(s47: Int32, referral: Int32, strategy: Int32)
    case s47Completed(s47: Int32, icpcRequired: Bool)
    case icpcHeld(s47: Int32, referral: Int32, outcome: ConferenceOutcome)
    case cinPlanStarted(plan: Int32, referral: Int32)
    case cinPlanReviewed(plan: Int32)
    case cinPlanEnded(plan: Int32)
    /// `previousPlans` is −1 when not recorded.
    case cpPlanStarted(plan: Int32, referral: Int32, category: AbuseCategory, previousPlans: Int8)
    case cpPlanCategoryChanged(plan: Int32, category: AbuseCategory)
    case cpPlanReviewed(plan: Int32)
    case cpPlanEnded(plan: Int32)
    case earlyHelpStarted(episode: Int32)
    case earlyHelpEnded(episode: Int32, outcome: EarlyHelpOutcome)
    case steppedUp(from: Level, to: Level)
    case steppedDown(from: Level, to: Level)
    case careStarted(period: Int32, legalStatus: LegalStatus, need: CareNeed, isUASC: Bool)
    case legalStatusChanged(period: Int32, legalStatus: LegalStatus)
    case placementStarted(PlacementFact)
    case placementEnded(placement: Int32, reason: PlacementChangeReason?)
    case careEnded(period: Int32, reason: CareEndReason)
    case careReviewed(period: Int32, participation: ReviewParticipation)
    case missingStarted(episode: Int32, kind: MissingKind)
    /// `accepted` is recorded only when an interview was offered.
    case missingEnded(episode: Int32, offered: Bool, accepted: Bool)
    /// `seenAlone` is recorded only for a child seen and old enough to be seen alone.
    case visitMade(kind: VisitKind, seen: Bool, seenAlone: Bool?)
    case workerAllocated(team: Team, worker: Int8)
    /// Retracts the child's event with this number.
    case eventRetracted(event: Int32)

    // Permanence: adoptions numbered within the child (`AD1`).
    case adoptionDecided(adoption: Int32)
    case placementOrderGranted(adoption: Int32)
    /// The number of adopters follows from their sex code (`M1`, `F1`: one; the couples: two).
    case adoptionMatched(adoption: Int32, adopters: AdopterSex, legalStatus: AdopterLegalStatus, isFosterCarer: Bool)
    /// `placement` is the adoptive placement's number.
    case adoptionPlaced(adoption: Int32, placement: Int32)
    case adoptionPlacementEnded(adoption: Int32, reason: PlacementChangeReason)
    case adoptionDecisionReversed(adoption: Int32, reason: AdoptionReversalReason)
    case adoptionOrderGranted(adoption: Int32)
    case permanenceOrderGranted(kind: PermanenceOrderKind, period: Int32)
    /// `year` of the order (its day and month written as not known, `ZZ/ZZ/2019`), or 0 for none recorded.
    case previousPermanenceRecorded(kind: PreviousPermanenceKind, year: Int16)

    // Leaving care.
    /// `activity` and `accommodation` are `nil` when not recorded.
    case careLeaverContacted(
        inTouch: CareLeaverContactStatus, activity: CareLeaverActivity?, accommodation: CareLeaverAccommodation?)
    case pathwayPlanReviewed
    case personalAdviserAllocated(adviser: Int8)

    // Health.
    case healthAssessmentCompleted
    case dentalCheckCompleted
    case immunisationsRecorded(upToDate: Bool)
    case healthSurveillanceRecorded(upToDate: Bool)
    /// `score` is −1 when there is none and `reason` says why.
    case sdqRecorded(score: Int8, reason: SDQReason?)
    case convictionRecorded
    case substanceMisuseIdentified(offered: Bool?, received: Bool?)
    case deprivationOfLibertyStarted(order: Int32)
    case deprivationOfLibertyEnded(order: Int32)

    // The SSDA903's motherhood, home postcode and reason for a change of social worker.
    /// `firstChildBirthDate` only for a mother.
    case motherhoodRecorded(isMother: Bool, firstChildBirthDate: CalendarDate?)
    /// `postcode` is the number of one of `HomePostcodes.all`.
    case homePostcodeRecorded(postcode: Int16)
    case workerChangeRecorded(reason: SWReason)

    /// Who the child is (`child.registered`, the birth), rather than what happened in an involvement.
    var isIdentity: Bool {
        switch self {
        case .childRegistered, .childBorn: true
        default: false
        }
    }

    /// What follows a care leaver after care ends, years after the case closed: it moves neither the closure nor
    /// the recorded times of the child's next involvement.
    var isAftercare: Bool {
        switch self {
        case .careLeaverContacted, .pathwayPlanReviewed, .personalAdviserAllocated, .childDied: true
        default: false
        }
    }

    var type: EventType {
        switch self {
        case .childRegistered: .childRegistered
        case .childBorn: .childUpdated
        case .childMerged: .childMerged
        case .childDied: .childDied
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

/// A placement's start, compactly.
struct PlacementFact: Sendable {
    var placement: Int32
    var period: Int32
    var placementType: PlacementType
    /// `nil` for temporary placements, which record no provider.
    var provider: PlacementProvider?
    /// Tenths of a mile; −1 when not recorded.
    var distanceTenths: Int32
    /// Which registered home (an Ofsted URN), or 0 for none.
    var home: Int16
    var isSameCarer: Bool
    /// The placement's postcode, one of `HomePostcodes.all` by number, or 0 for none: given as the placement is
    /// kept (`JourneyBuilder.emit`), from the randomness of JourneyBuilder+Records.swift.
    var postcode: Int16 = 0
}
