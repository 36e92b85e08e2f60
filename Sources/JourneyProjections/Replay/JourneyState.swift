import JourneyCore
import JourneyLog

/// The folded state of a log: every child's history as atoms, plus the corrections, retractions and merges that
/// decide which atoms count. A pure fold: `apply` takes events in log order and needs no clock and no I/O.
///
/// The state does not depend on the reporting period or on "as known at": those are arguments of `resolve`, so one
/// replay (or one checkpoint brought up to date) serves every period, every month of a series and any time.
public struct JourneyState: Sendable {
    var children: [ChildID: [Atom]] = [:]
    /// `corrects` and `event.retracted`: the naming event's id and time, and the id it drops.
    var drops: [Drop] = []
    /// `child.merged`.
    var merges: [Merge] = []
    var teams = Interner()
    var workers = Interner()
    var wards = Interner()
    /// The position of the last event folded in.
    public internal(set) var position: UInt64 = 0
    public internal(set) var eventCount: UInt64 = 0

    struct Drop: Hashable, Sendable {
        var source: UInt64
        var target: UInt64
        var recorded: Int64
        var position: UInt64
    }

    struct Merge: Hashable, Sendable {
        var source: UInt64
        var child: ChildID
        var into: ChildID
        var recorded: Int64
        var position: UInt64
    }

    public init() {}

    /// Folds one stored event in. Events must come in position order.
    public mutating func apply(_ stored: StoredEvent) {
        position = stored.position
        eventCount += 1
        let e = stored.event
        let id = e.id.stableHash
        let recorded = e.recorded?.nanoseconds ?? Int64.min
        if let corrected = e.corrects {
            drops.append(Drop(source: id, target: corrected.stableHash, recorded: recorded, position: stored.position))
        }
        var atom = Atom(
            type: e.type, occurred: e.occurred.dayNumber, id: id, position: stored.position, recorded: recorded)
        switch e.body {
        case .childRegistered(let c), .childUpdated(let c):
            atom.a = c.sex.codeByte()
            atom.b = c.ethnicity.codeByte()
            atom.extra = c.birthDate.map { UInt64(bitPattern: Int64($0.dayNumber) + 1) } ?? 0
            atom.ref = c.expectedBirthDate.map { UInt64(bitPattern: Int64($0.dayNumber) + 1) } ?? 0
            atom.key = c.ward.map { wards.number($0) } ?? 0
            atom.c = c.disabilities.map { $0.contains { $0.rawValue != "NONE" } ? 2 : 1 } ?? 0
        case .childDied:
            break
        case .childMerged(let into):
            merges.append(Merge(source: id, child: e.child, into: into, recorded: recorded, position: stored.position))
            return
        case .contactReceived(let c):
            atom.key = c.contact.stableHash
            atom.a = c.source.index
            atom.b = c.outcome.codeByte()
        case .referralReceived(let r):
            atom.key = r.referral.stableHash
            atom.a = r.source.index
            atom.b = r.primaryNeed.codeByte()
            atom.c = r.isNFA ? 1 : 0
        case .caseClosed(let referral, let reason):
            atom.key = referral.stableHash
            atom.a = reason.index
        case .assessmentStarted(let assessment, let referral):
            atom.key = assessment.stableHash
            atom.ref = referral.stableHash
        case .assessmentCompleted(let a):
            atom.key = a.assessment.stableHash
            atom.a = a.outcome.codeByte()
        case .strategyHeld(let strategy, let referral):
            atom.key = strategy.stableHash
            atom.ref = referral.stableHash
        case .s47Started(let s47, let referral, _):
            atom.key = s47.stableHash
            atom.ref = referral.stableHash
        case .s47Completed(let s47, let icpcRequired):
            atom.key = s47.stableHash
            atom.a = icpcRequired ? 1 : 0
        case .icpcHeld(let s47, let referral, let outcome):
            atom.key = s47?.stableHash ?? 0
            atom.ref = referral.stableHash
            atom.a = outcome.index
        case .cinPlanStarted(let plan, let referral):
            atom.key = plan.stableHash
            atom.ref = referral.stableHash
        case .cinPlanReviewed(let plan), .cinPlanEnded(let plan), .cpPlanReviewed(let plan), .cpPlanEnded(let plan):
            atom.key = plan.stableHash
        case .cpPlanStarted(let p):
            atom.key = p.plan.stableHash
            atom.ref = p.referral.stableHash
            atom.a = p.category.index
            atom.extra = p.previousPlans.map { UInt64($0) + 1 } ?? 0
        case .cpPlanCategoryChanged(let plan, let category):
            atom.key = plan.stableHash
            atom.a = category.index
        case .earlyHelpStarted(let episode):
            atom.key = episode.stableHash
        case .earlyHelpEnded(let episode, let outcome):
            atom.key = episode.stableHash
            atom.a = outcome.codeByte()
        case .steppedUp(let from, let to), .steppedDown(let from, let to):
            atom.a = from.index
            atom.b = to.index
        case .careStarted(let c):
            atom.key = c.period.stableHash
            atom.a = c.legalStatus.index
            atom.b = c.needCode.index
            atom.c = c.isUASC ? 1 : 0
        case .legalStatusChanged(let period, let legalStatus):
            atom.key = period.stableHash
            atom.a = legalStatus.index
        case .placementStarted(let p):
            atom.key = p.placement.stableHash
            atom.ref = p.period.stableHash
            atom.a = p.placementType.index
            atom.b = p.provider.codeByte()
            atom.c = p.isSameCarer ? 1 : 0
            atom.extra = p.distanceMiles.map { $0.bitPattern } ?? Atom.noDistance
        case .placementEnded(let placement, let reason):
            atom.key = placement.stableHash
            atom.a = reason.codeByte()
        case .careEnded(let period, let reason):
            atom.key = period.stableHash
            atom.a = reason.index
        case .careReviewed(let period, let participation):
            atom.key = period.stableHash
            atom.a = participation.codeByte()
        case .missingStarted(let episode, let kind):
            atom.key = episode.stableHash
            atom.a = kind.index
        case .missingEnded(let m):
            atom.key = m.episode.stableHash
            atom.a = m.returnInterviewOffered.map { $0 ? 2 : 1 } ?? 0
            atom.b = m.returnInterviewAccepted.map { $0 ? 2 : 1 } ?? 0
        case .visitMade(let v):
            atom.a = v.kind.index
            atom.b = v.wasSeen ? 1 : 0
            atom.c = v.wasSeenAlone.map { $0 ? 2 : 1 } ?? 0
        case .workerAllocated(let team, let worker):
            atom.key = teams.number(team)
            atom.ref = worker.map { workers.number($0) } ?? 0
        case .eventRetracted(let target, _):
            drops.append(Drop(source: id, target: target.stableHash, recorded: recorded, position: stored.position))
            return
        }
        children[e.child, default: []].append(atom)
    }
}

extension Atom {
    /// `extra` of a placement with no distance: a NaN pattern no real distance has.
    static let noDistance: UInt64 = 0x7FF8_DEAD_0000_0001
}

extension JourneyState {
    /// Replays a whole log into a new state.
    public init(replaying log: EventLog) throws {
        self.init()
        try log.replay { apply($0) }
    }
}
