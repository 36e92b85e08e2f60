import JourneyCore

/// A CIN or CP plan as a record is built: the two are reviewed and ended alike, so that their events are folded
/// by one piece of code (`reviewPlan`, `endPlan`).
protocol BuiltPlan {
    var key: UInt64 { get }
    var end: CalendarDate? { get set }
    var reviews: [CalendarDate] { get set }
    /// A plan whose end is folded before its start (a log written out of order): no referral or start yet.
    init(key: UInt64, end: CalendarDate, position: UInt64)
}

extension ChildRecord.CINPlan: BuiltPlan {
    init(key: UInt64, end: CalendarDate, position: UInt64) {
        self.init(key: key, referral: 0, start: nil, end: end, position: position)
    }
}

extension ChildRecord.CPPlan: BuiltPlan {
    init(key: UInt64, end: CalendarDate, position: UInt64) {
        self.init(key: key, referral: 0, start: nil, end: end, position: position)
    }
}

extension RecordBuilder.Progress {
    /// `cin-plan.reviewed`, `cp-plan.reviewed`, once the plan is in `plans` (false until then).
    @inline(__always)
    static func reviewPlan<Plan: BuiltPlan>(
        _ atom: Atom, in plans: inout [Plan], at lookup: inout KeyedLookup
    ) -> Bool {
        guard let i = lookup.index(of: atom.key, in: plans, keyOf: { $0.key }) else { return false }
        plans[i].reviews.append(atom.date)
        return true
    }

    /// `cin-plan.ended`, `cp-plan.ended`: the latest end stands.
    @inline(__always)
    static func endPlan<Plan: BuiltPlan>(_ atom: Atom, in plans: inout [Plan], at lookup: inout KeyedLookup) {
        let date = atom.date
        if let i = lookup.index(of: atom.key, in: plans, keyOf: { $0.key }) {
            plans[i].end = plans[i].end.map { max($0, date) } ?? date
        } else {
            plans.append(Plan(key: atom.key, end: date, position: atom.position))
        }
    }
}
