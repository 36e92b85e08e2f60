import JourneyCore
import JourneyProjections

/// The repeat child protection plan cohort: one row per child who started a CP plan in a range, with the previous
/// plan and the child's characteristics, for researchers and managers asking which children come back onto a plan.
///
/// Built from resolved records only (`JourneyState.forEachRecord`), so "as known at", corrections and merges are the
/// engine's. The population and the window reading are `repeat-cp-plans`'s (metrics.md, repeat CP plans).
public struct RepeatCPCohort: Sendable, Hashable {
    public var from: CalendarDate
    public var to: CalendarDate
    public var window: Window
    /// One row per child, ordered by plan start, then child id.
    public var rows: [Row]

    /// The repeat window: a number of months or years (`2y`, `18m`).
    public struct Window: Sendable, Hashable, CustomStringConvertible {
        public var months: Int

        public init(months: Int) { self.months = months }

        /// `2y`, `18m`; `nil` for anything else.
        public init?(_ text: String) {
            guard let unit = text.last, let n = Int(text.dropLast()), n > 0, n <= 1200 else { return nil }
            switch unit {
            case "y": months = n * 12
            case "m": months = n
            default: return nil
            }
        }

        public var description: String { months % 12 == 0 ? "\(months / 12)y" : "\(months)m" }
    }

    /// Which group a child is in.
    public enum Group: String, Sendable, Hashable, CaseIterable {
        /// An earlier plan in the log ended within the window before this plan's start.
        case repeatWithinWindow = "repeat-within-window"
        /// A second or subsequent plan (an earlier plan in the log, or `previousPlans` > 0), not within the window.
        case repeatEver = "repeat-ever"
        case firstTime = "first-time"

        public var isRepeat: Bool { self != .firstTime }
    }

    /// How the child came to this plan.
    public enum Arrival: String, Sendable, Hashable, CaseIterable {
        /// On a CIN plan the day before the CP plan started, or stepped up from CIN to CP in the plan's episode.
        case stepUpFromCIN = "step-up-from-cin"
        /// In early help when the plan's referral was received, or stepped up from early help in the plan's episode.
        case fromEarlyHelp = "from-early-help"
        /// Neither: the plan followed a referral.
        case newReferral = "new-referral"
        /// The plan's referral is not in the record.
        case unknown
    }

    public struct Row: Sendable, Hashable {
        public var child: ChildID
        /// The child's first CP plan start in the log (this plan's own start when it is the first).
        public var firstPlanStart: CalendarDate
        public var planStart: CalendarDate
        public var category: AbuseCategory?
        /// `previousPlans` as recorded on this plan (CIN census `NumberOfPreviousCPP`).
        public var previousPlansRecorded: Int?
        /// CP plans of this child in the log that started before this one.
        public var earlierPlansInLog: Int
        /// The latest earlier plan in the log; all `nil` when there is none.
        public var previousStart: CalendarDate?
        public var previousEnd: CalendarDate?
        public var previousCategory: AbuseCategory?
        /// `previousPlans` > 0 but the log holds no earlier plan: the previous plan is unknown (metrics.md).
        public var priorPlanNotInLog: Bool
        public var arrival: Arrival
        public var ageBand: String
        public var sex: String
        public var ethnicity: String
        public var disability: String
        public var team: String
        public var group: Group

        /// The previous plan's length in days, when it has ended.
        public var previousLengthDays: Int? {
            guard let s = previousStart, let e = previousEnd else { return nil }
            return s.days(to: e)
        }

        /// Days from the previous plan's end to this plan's start.
        public var gapDays: Int? { previousEnd.map { $0.days(to: planStart) } }

        /// The previous plan ended on or after `planStart − 3 months`.
        public var previousEndedWithin3Months: Bool? { previousEnd.map { $0 >= planStart.adding(months: -3) } }
        public var previousEndedWithin6Months: Bool? { previousEnd.map { $0 >= planStart.adding(months: -6) } }
    }

    public init(from: CalendarDate, to: CalendarDate, window: Window, rows: [Row]) {
        self.from = from
        self.to = to
        self.window = window
        self.rows = rows
    }
}

extension RepeatCPCohort {
    /// The cohort for plans started `from`…`to`, as the log stood at `asKnownAt` (everything when `nil`).
    public init(
        _ state: JourneyState, from: CalendarDate, to: CalendarDate, window: Window = Window(months: 24),
        asKnownAt: Timestamp? = nil
    ) {
        self.init(
            from: from, to: to, window: window,
            found: state.compactMapRecords(asKnownAt: asKnownAt) { Self.row($0, from: from, to: to, window: window) })
    }

    /// The cohort of the rows `row` found, in any order: sorted by plan start, then child (a child has one row).
    init(from: CalendarDate, to: CalendarDate, window: Window, found rows: [Row]) {
        self.init(
            from: from, to: to, window: window,
            rows: rows.sorted { ($0.planStart, $0.child) < ($1.planStart, $1.child) })
    }

    /// The child's row, or `nil` when no CP plan of theirs started in the range.
    static func row(_ child: ChildRecord, from: CalendarDate, to: CalendarDate, window: Window) -> Row? {
        let plans = child.cpPlans.filter { $0.start != nil }.sorted {
            ($0.start!, $0.position) < ($1.start!, $1.position)
        }
        // Each child once, judged by their first plan start in the range (metrics.md, repeat-cp-plans).
        guard let index = plans.firstIndex(where: { from <= $0.start! && $0.start! <= to }) else { return nil }
        let plan = plans[index]
        let start = plan.start!
        let earlier = plans[..<index]
        let previous = earlier.last
        let hasRecordedPrevious = (plan.previousPlans ?? 0) > 0
        // metrics.md: within the window when an earlier plan ended on `e` with `start − window ≤ e ≤ start`; a plan
        // before the log (`previousPlans` only) is never counted as within it, its end being unknown.
        let windowStart = start.adding(months: -window.months)
        let isWithinWindow = earlier.contains { p in p.end.map { windowStart <= $0 && $0 <= start } ?? false }
        let group: Group =
            isWithinWindow ? .repeatWithinWindow : (!earlier.isEmpty || hasRecordedPrevious) ? .repeatEver : .firstTime
        return Row(
            child: child.id, firstPlanStart: plans[0].start!, planStart: start, category: plan.category,
            previousPlansRecorded: plan.previousPlans, earlierPlansInLog: earlier.count,
            previousStart: previous?.start, previousEnd: previous?.end, previousCategory: previous?.category,
            priorPlanNotInLog: hasRecordedPrevious && earlier.isEmpty, arrival: arrival(child, plan: plan),
            ageBand: BreakdownDimension.ageBand(child.age(on: start)), sex: child.sex?.rawValue ?? "unknown",
            ethnicity: child.ethnicity?.group ?? "N",
            disability: child.hasDisability.map { $0 ? "yes" : "no" } ?? "unknown",
            team: child.team(on: start) ?? "unallocated", group: group)
    }

    /// How the child came to `plan`: from CIN, from early help, or straight from a referral.
    static func arrival(_ child: ChildRecord, plan: ChildRecord.CPPlan) -> Arrival {
        let start = plan.start!
        guard let referral = child.referral(plan.referral) else { return .unknown }
        let dayBefore = start.adding(days: -1)
        // "Open on a date" as metrics.md defines it: started on or before it and not ended on or before it.
        let onCINPlan = child.cinPlans.contains { p in
            guard let s = p.start, s <= dayBefore else { return false }
            return p.end.map { $0 > dayBefore } ?? true
        }
        let inEpisode = { (d: CalendarDate) in referral.date <= d && d <= start }
        if onCINPlan || child.steps.contains(where: { $0.from == .childInNeed && $0.isUp && inEpisode($0.date) }) {
            return .stepUpFromCIN
        }
        let inEarlyHelp = child.earlyHelp.contains { e in
            guard let s = e.start, s <= referral.date else { return false }
            return e.end.map { $0 >= referral.date } ?? true
        }
        if inEarlyHelp || child.steps.contains(where: { $0.from == .earlyHelp && $0.isUp && inEpisode($0.date) }) {
            return .fromEarlyHelp
        }
        return .newReferral
    }
}
