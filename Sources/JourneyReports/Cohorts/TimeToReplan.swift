import JourneyCore
import JourneyProjections

/// Time to re-plan: for children whose CP plan ended in a range, the Kaplan–Meier estimate of the share starting a
/// new CP plan within a given time of the end.
///
/// A child followed for less than the time asked about is censored (kept at risk until their follow-up ends), not
/// dropped: dropping them would count only the children who were watched long enough, and bias the share.
public struct TimeToReplan: Sendable, Hashable {
    public var from: CalendarDate
    public var to: CalendarDate
    /// The end of follow-up: the as-known-at date, or the log's latest occurred date (never the wall clock).
    public var followUpEnd: CalendarDate
    public var subjects: [Subject]

    /// One child's ended plan.
    public struct Subject: Sendable, Hashable {
        public var child: ChildID
        public var planEnd: CalendarDate
        /// Days from the end to the next plan's start (`isReplanned`), or to the end of follow-up (censored).
        public var days: Int
        public var isReplanned: Bool
    }

    /// One step of the curve: the estimate just after `days`.
    public struct Step: Sendable, Hashable {
        public var days: Int
        public var atRisk: Int
        public var replanned: Int
        public var censored: Int
        /// The estimated share not yet re-planned, S(t).
        public var survival: Double
        /// 1 − S(t): the estimated share re-planned by `days`.
        public var cumulativeShare: Double { 1 - survival }
    }

    /// The milestones reported, in days: 3, 6, 12 and 24 months of 365/12 days each, rounded down (a month is not a
    /// fixed number of days; each plan end would otherwise measure months of its own length).
    public static let milestones: [(label: String, days: Int)] = [
        ("3 months", 91), ("6 months", 182), ("12 months", 365), ("24 months", 730),
    ]

    public init(from: CalendarDate, to: CalendarDate, followUpEnd: CalendarDate, subjects: [Subject]) {
        self.from = from
        self.to = to
        self.followUpEnd = followUpEnd
        self.subjects = subjects
    }
}

extension TimeToReplan {
    /// The children with a CP plan ended `from`…`to`, as known at `asKnownAt`.
    public init(_ state: JourneyState, from: CalendarDate, to: CalendarDate, asKnownAt: Timestamp? = nil) {
        let followUpEnd = Self.followUpEnd(state, to: to, asKnownAt: asKnownAt)
        self.init(
            from: from, to: to, followUpEnd: followUpEnd,
            found: state.compactMapRecords(asKnownAt: asKnownAt) {
                Self.subject($0, from: from, to: to, followUpEnd: followUpEnd)
            })
    }

    /// The last day a subject is followed up to: the time the log is as known at, else its latest date.
    static func followUpEnd(_ state: JourneyState, to: CalendarDate, asKnownAt: Timestamp?) -> CalendarDate {
        asKnownAt.map { $0.localDate } ?? state.latestOccurred(asKnownAt: asKnownAt) ?? to
    }

    /// The curve of the subjects `subject` found, in any order: sorted by plan end, then child (a child is one
    /// subject).
    init(from: CalendarDate, to: CalendarDate, followUpEnd: CalendarDate, found subjects: [Subject]) {
        self.init(
            from: from, to: to, followUpEnd: followUpEnd,
            subjects: subjects.sorted { ($0.planEnd, $0.child, $0.days) < ($1.planEnd, $1.child, $1.days) })
    }

    /// The child's subject, or `nil` when none of their plans ended in the range.
    static func subject(_ child: ChildRecord, from: CalendarDate, to: CalendarDate, followUpEnd: CalendarDate)
        -> Subject?
    {
        // Follow-up also ends at death and at the 18th birthday: a CP plan is for a child (Children Act 1989,
        // s.105: a person under 18), so after either no new plan can start, and counting the time after as "not
        // re-planned" would understate the share.
        var childEnd = followUpEnd
        if let died = child.diedOn { childEnd = min(childEnd, died) }
        if let born = child.birthDate { childEnd = min(childEnd, born.adding(years: 18)) }
        // Each child once, by their first plan ended in the range (as the cohort takes each child once): a child's
        // later plans are not independent of the first, which Kaplan–Meier assumes of its subjects.
        let ended = child.cpPlans.filter { p in p.end.map { from <= $0 && $0 <= to } ?? false }
        guard let plan = ended.min(by: { ($0.end!, $0.position) < ($1.end!, $1.position) }) else { return nil }
        let end = plan.end!
        // The next plan: the first other plan that starts on or after this one's end.
        let next = child.cpPlans.compactMap { p -> CalendarDate? in
            guard p.key != plan.key, let s = p.start, s >= end else { return nil }
            return s
        }.min()
        if let next, next <= childEnd {
            return Subject(child: child.id, planEnd: end, days: end.days(to: next), isReplanned: true)
        }
        return Subject(child: child.id, planEnd: end, days: max(0, end.days(to: childEnd)), isReplanned: false)
    }

    /// The Kaplan–Meier curve: one step at each time with a re-plan or a censoring, in time order. At a time with
    /// both, re-plans are taken first (the usual convention: a child censored at `t` was at risk at `t`).
    public var curve: [Step] {
        var byDay: [Int: (replanned: Int, censored: Int)] = [:]
        for s in subjects {
            var c = byDay[s.days] ?? (0, 0)
            if s.isReplanned { c.replanned += 1 } else { c.censored += 1 }
            byDay[s.days] = c
        }
        var atRisk = subjects.count
        var survival = 1.0
        var steps: [Step] = []
        for day in byDay.keys.sorted() {
            let c = byDay[day]!
            if atRisk > 0 { survival *= Double(atRisk - c.replanned) / Double(atRisk) }
            steps.append(
                Step(days: day, atRisk: atRisk, replanned: c.replanned, censored: c.censored, survival: survival))
            atRisk -= c.replanned + c.censored
        }
        return steps
    }

    /// The estimated share re-planned within `days`: 1 − S(days); `nil` beyond the longest follow-up, where the
    /// estimate is not defined (no child was watched that long).
    public func share(within days: Int) -> Double? {
        guard let longest = subjects.map(\.days).max(), days <= longest else { return nil }
        let s = curve.last { $0.days <= days }?.survival ?? 1
        return 1 - s
    }
}
