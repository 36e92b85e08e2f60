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

    /// Who the child is (`child.registered`, the birth), rather than what happened in an involvement.
    var isIdentity: Bool {
        switch self {
        case .childRegistered, .childBorn: true
        default: false
        }
    }

    var type: EventType {
        switch self {
        case .childRegistered: .childRegistered
        case .childBorn: .childUpdated
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
}
