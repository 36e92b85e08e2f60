/// The event types of the interchange format: those of the first version in the order the spec lists them, then
/// those added since (permanence, leaving care, health; motherhood, the home postcode, the reason a social worker
/// changed), in the order docs/events.md lists them.
public enum EventType: UInt8, CaseIterable, Sendable, Hashable, Comparable, CustomStringConvertible {
    case childRegistered, childUpdated, childDied, childMerged
    case contactReceived, referralReceived, caseClosed
    case assessmentStarted, assessmentCompleted, strategyHeld, s47Started, s47Completed, icpcHeld
    case cinPlanStarted, cinPlanReviewed, cinPlanEnded
    case cpPlanStarted, cpPlanCategoryChanged, cpPlanReviewed, cpPlanEnded
    case earlyHelpStarted, earlyHelpEnded, steppedUp, steppedDown
    case careStarted, legalStatusChanged, placementStarted, placementEnded, careEnded, careReviewed
    case missingStarted, missingEnded
    case visitMade, workerAllocated
    case eventRetracted
    // Added after the first types: a type's raw value is its byte in the stored form, so new types go last.
    case adoptionDecided, placementOrderGranted, adoptionMatched, adoptionPlaced, adoptionPlacementEnded
    case adoptionDecisionReversed, adoptionOrderGranted, permanenceOrderGranted, previousPermanenceRecorded
    case careLeaverContacted, pathwayPlanReviewed, personalAdviserAllocated
    case healthAssessmentCompleted, dentalCheckCompleted, immunisationsRecorded, healthSurveillanceRecorded
    case sdqRecorded, convictionRecorded, substanceMisuseIdentified
    case deprivationOfLibertyStarted, deprivationOfLibertyEnded
    // SSDA903 facts with no place in the types before them (MOTHER and MC_DOB, HOME_POST, SW_REASON): new types
    // rather than new fields, since an old type's stored data has no presence byte for a field added after it.
    case motherhoodRecorded, homePostcodeRecorded, workerChangeRecorded

    /// The type as written in the interchange format (`referral.received`).
    public var name: String { Self.names[Int(rawValue)] }
    public var description: String { name }

    public init?(name: String) {
        guard let t = Self.byName[name] else { return nil }
        self = t
    }

    public static func < (a: EventType, b: EventType) -> Bool { a.rawValue < b.rawValue }

    /// The type's name as bytes fixed when the program is built: the one place the names are spelled. A switch
    /// rather than a list, so that a type added without a name does not compile; writers that copy bytes rather
    /// than build strings (the generator's lines) take it from here.
    package var staticName: StaticString {
        switch self {
        case .childRegistered: "child.registered"
        case .childUpdated: "child.updated"
        case .childDied: "child.died"
        case .childMerged: "child.merged"
        case .contactReceived: "contact.received"
        case .referralReceived: "referral.received"
        case .caseClosed: "case.closed"
        case .assessmentStarted: "assessment.started"
        case .assessmentCompleted: "assessment.completed"
        case .strategyHeld: "strategy.held"
        case .s47Started: "s47.started"
        case .s47Completed: "s47.completed"
        case .icpcHeld: "icpc.held"
        case .cinPlanStarted: "cin-plan.started"
        case .cinPlanReviewed: "cin-plan.reviewed"
        case .cinPlanEnded: "cin-plan.ended"
        case .cpPlanStarted: "cp-plan.started"
        case .cpPlanCategoryChanged: "cp-plan.category-changed"
        case .cpPlanReviewed: "cp-plan.reviewed"
        case .cpPlanEnded: "cp-plan.ended"
        case .earlyHelpStarted: "early-help.started"
        case .earlyHelpEnded: "early-help.ended"
        case .steppedUp: "stepped-up"
        case .steppedDown: "stepped-down"
        case .careStarted: "care.started"
        case .legalStatusChanged: "legal-status.changed"
        case .placementStarted: "placement.started"
        case .placementEnded: "placement.ended"
        case .careEnded: "care.ended"
        case .careReviewed: "care.reviewed"
        case .missingStarted: "missing.started"
        case .missingEnded: "missing.ended"
        case .visitMade: "visit.made"
        case .workerAllocated: "worker.allocated"
        case .eventRetracted: "event.retracted"
        case .adoptionDecided: "adoption.decided"
        case .placementOrderGranted: "placement-order.granted"
        case .adoptionMatched: "adoption.matched"
        case .adoptionPlaced: "adoption.placed"
        case .adoptionPlacementEnded: "adoption.placement-ended"
        case .adoptionDecisionReversed: "adoption.decision-reversed"
        case .adoptionOrderGranted: "adoption.order-granted"
        case .permanenceOrderGranted: "permanence-order.granted"
        case .previousPermanenceRecorded: "previous-permanence.recorded"
        case .careLeaverContacted: "care-leaver.contacted"
        case .pathwayPlanReviewed: "pathway-plan.reviewed"
        case .personalAdviserAllocated: "personal-adviser.allocated"
        case .healthAssessmentCompleted: "health-assessment.completed"
        case .dentalCheckCompleted: "dental-check.completed"
        case .immunisationsRecorded: "immunisations.recorded"
        case .healthSurveillanceRecorded: "health-surveillance.recorded"
        case .sdqRecorded: "sdq.recorded"
        case .convictionRecorded: "conviction.recorded"
        case .substanceMisuseIdentified: "substance-misuse.identified"
        case .deprivationOfLibertyStarted: "deprivation-of-liberty.started"
        case .deprivationOfLibertyEnded: "deprivation-of-liberty.ended"
        case .motherhoodRecorded: "motherhood.recorded"
        case .homePostcodeRecorded: "home-postcode.recorded"
        case .workerChangeRecorded: "worker-change.recorded"
        }
    }

    /// `staticName` as strings, by raw value: `name` is asked for often, and a string made once is cheaper.
    static let names = allCases.map { $0.staticName.description }
    static let byName: [String: EventType] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.name, $0) }
    )
}
