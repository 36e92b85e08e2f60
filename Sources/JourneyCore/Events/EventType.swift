/// The event types of the interchange format, in the order the spec lists them.
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

    /// The type as written in the interchange format (`referral.received`).
    public var name: String { Self.names[Int(rawValue)] }
    public var description: String { name }

    public init?(name: String) {
        guard let t = Self.byName[name] else { return nil }
        self = t
    }

    public static func < (a: EventType, b: EventType) -> Bool { a.rawValue < b.rawValue }

    static let names = [
        "child.registered", "child.updated", "child.died", "child.merged",
        "contact.received", "referral.received", "case.closed",
        "assessment.started", "assessment.completed", "strategy.held", "s47.started", "s47.completed", "icpc.held",
        "cin-plan.started", "cin-plan.reviewed", "cin-plan.ended",
        "cp-plan.started", "cp-plan.category-changed", "cp-plan.reviewed", "cp-plan.ended",
        "early-help.started", "early-help.ended", "stepped-up", "stepped-down",
        "care.started", "legal-status.changed", "placement.started", "placement.ended", "care.ended", "care.reviewed",
        "missing.started", "missing.ended",
        "visit.made", "worker.allocated",
        "event.retracted",
    ]
    static let byName: [String: EventType] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.name, $0) }
    )
}
