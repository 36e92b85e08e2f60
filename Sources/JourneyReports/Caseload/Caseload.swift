import JourneyCore
import JourneyProjections

/// Each worker's open cases on a date, by level of help: what a team manager looks at to balance the work.
///
/// Built from resolved records only (`JourneyState.forEachRecord`), so "as known at", corrections and merges are the
/// engine's. A case is open as the returns decide involvement (`ChildRecord.involvementSpells`), read as metrics.md
/// reads "open on a date"; the definitions are in docs/caseload-and-audit-sample.md.
public struct Caseload: Sendable, Hashable {
    /// The date the caseload is for.
    public var on: CalendarDate
    /// The team asked for; `nil` for every team.
    public var team: String?
    public var asKnownAt: Timestamp?
    /// One row per open case, in caseload order: team (`unallocated` last), worker (no worker last), then child.
    public var cases: [Case]

    /// The level of help a case is at on the date: the highest that applies.
    public enum Level: String, Sendable, Hashable, CaseIterable, Comparable {
        case childInNeed = "cin"
        case childProtection = "cp"
        case lookedAfter = "care"
        case careLeaver = "care-leaver"

        /// In words, for headings.
        public var meaning: String {
            switch self {
            case .childInNeed: "child in need"
            case .childProtection: "child protection plan"
            case .lookedAfter: "child looked after"
            case .careLeaver: "care leaver"
            }
        }

        public static func < (a: Self, b: Self) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// One child's open case.
    public struct Case: Sendable, Hashable {
        public var child: ChildID
        /// The team of the latest `worker.allocated` on or before the date; `nil` when none.
        public var team: String?
        /// The worker that allocation names; `nil` when it names none (unallocated within the team).
        public var worker: String?
        public var level: Level
        /// When the case began: the referral that opened the involvement (for a child looked after with no referral
        /// in the log, the start of care; for a care leaver, the day care ended).
        public var caseStart: CalendarDate
        /// When the present level began.
        public var levelStart: CalendarDate
        /// The latest statutory visit (`visit.made`) on or before the date since the case began, if any.
        public var lastVisit: CalendarDate?
        /// Whether the child was seen at a visit that day; `nil` when there was none.
        public var wasSeen: Bool?
        /// `caseStart` to the date, in days.
        public var daysOpen: Int
        /// `levelStart` to the date, in days.
        public var daysAtLevel: Int

        public init(
            child: ChildID, team: String?, worker: String?, level: Level, caseStart: CalendarDate,
            levelStart: CalendarDate, lastVisit: CalendarDate?, wasSeen: Bool?, on date: CalendarDate
        ) {
            self.child = child
            self.team = team
            self.worker = worker
            self.level = level
            self.caseStart = caseStart
            self.levelStart = levelStart
            self.lastVisit = lastVisit
            self.wasSeen = wasSeen
            self.daysOpen = caseStart.days(to: date)
            self.daysAtLevel = levelStart.days(to: date)
        }

        /// The team's name in reports (`unallocated` when none), as findings name it.
        public var teamName: String { team ?? Caseload.unallocated }
        /// The worker's name in reports (`unallocated` when none).
        public var workerName: String { worker ?? Caseload.unallocated }
    }

    /// One worker's cases (or a team's cases with no worker).
    public struct Worker: Sendable, Hashable {
        public var team: String?
        /// `nil`: the team's unallocated cases.
        public var worker: String?
        public var cases: [Case]

        /// Cases at `level`.
        public func count(_ level: Level) -> Int { cases.lazy.filter { $0.level == level }.count }
        public var teamName: String { team ?? Caseload.unallocated }
        public var workerName: String { worker ?? Caseload.unallocated }
    }

    /// What a missing team or worker is called in reports, as `Finding.teamName` calls a missing team.
    public static let unallocated = "unallocated"

    public init(on: CalendarDate, team: String?, asKnownAt: Timestamp?, cases: [Case]) {
        self.on = on
        self.team = team
        self.asKnownAt = asKnownAt
        self.cases = cases.sorted(by: Self.caseloadOrder)
    }

    /// Each worker's cases, in caseload order.
    public var workers: [Worker] {
        var out: [Worker] = []
        for c in cases {
            if let last = out.last, last.team == c.team, last.worker == c.worker {
                out[out.count - 1].cases.append(c)
            } else {
                out.append(Worker(team: c.team, worker: c.worker, cases: [c]))
            }
        }
        return out
    }

    /// Cases at `level`.
    public func count(_ level: Level) -> Int { cases.lazy.filter { $0.level == level }.count }

    /// Team by name (`unallocated` last), worker by name (none last), then child.
    static func caseloadOrder(_ a: Case, _ b: Case) -> Bool {
        if a.team != b.team { return nameOrder(a.team, b.team) }
        if a.worker != b.worker { return nameOrder(a.worker, b.worker) }
        return a.child < b.child
    }

    /// Names in order, none last.
    static func nameOrder(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (let a?, let b?): a < b
        case (_?, nil): true
        default: false
        }
    }
}

extension Caseload {
    /// The caseload on `date` of `team` (every team when `nil`; `unallocated` names the children with no team), as
    /// the log stood at `asKnownAt` (everything when `nil`).
    public static func build(
        _ state: JourneyState, on date: CalendarDate, team: String? = nil, asKnownAt: Timestamp? = nil
    ) -> Caseload {
        let cases = state.compactMapRecords(asKnownAt: asKnownAt) { child -> Case? in
            guard let c = openCase(child, on: date), team.map({ c.teamName == $0 }) ?? true else { return nil }
            return c
        }
        return Caseload(on: date, team: team, asKnownAt: asKnownAt, cases: cases)
    }

    /// The child's open case on `date`, or `nil` when the child has none.
    static func openCase(_ child: ChildRecord, on date: CalendarDate) -> Case? {
        let allocation = child.allocation(on: date)
        let period = child.periodOfCare(on: date)
        // The involvement, as the returns decide it; open on a date as metrics.md reads it: begun on or before it
        // and not ended on or before it (a case closed that day is off the caseload that day, as a plan ended that
        // day is no longer open).
        let spell = child.involvementSpells.last { s in s.start <= date && (s.end.map { $0 > date } ?? true) }
        var level: Level
        var caseStart: CalendarDate
        var levelStart: CalendarDate
        if let spell {
            caseStart = spell.start
            if let period, let start = period.start {
                (level, levelStart) = (.lookedAfter, start)
            } else if let plan = child.cpPlan(on: date), let start = plan.start {
                (level, levelStart) = (.childProtection, start)
            } else {
                // Child in need since the case began, or since the latest plan or care in it ended.
                level = .childInNeed
                let ends =
                    child.cpPlans.compactMap(\.end) + child.periodsOfCare.compactMap(\.end)
                levelStart = ends.filter { spell.start <= $0 && $0 <= date }.reduce(spell.start, max)
            }
        } else if let period, let start = period.start {
            // Looked after with no referral in the log (a log of SSDA903 returns holds none): care alone is left out
            // of the involvement, since the log does not say when the case closed after it, but while care is open
            // the case is.
            (level, caseStart, levelStart) = (.lookedAfter, start, start)
        } else if let left = careLeft(child, on: date) {
            (level, caseStart, levelStart) = (.careLeaver, left, left)
        } else {
            return nil
        }
        let visits = child.visits.filter { caseStart <= $0.date && $0.date <= date }
        let last = visits.map(\.date).max()
        return Case(
            child: child.id, team: allocation?.team, worker: allocation?.worker, level: level, caseStart: caseStart,
            levelStart: levelStart, lastVisit: last,
            wasSeen: last.map { day in visits.contains { $0.date == day && $0.wasSeen } }, on: date)
    }

    /// The day care ended, when the child is a care leaver on `date`: no open case and not looked after, a period
    /// of care that ended on or before the date, the log's leaving-care events (a personal adviser allocated, or a
    /// care leaver's contact) after it, and under 25 on the date when the birth date is known (the Children and
    /// Social Work Act 2017, section 3: a personal adviser to 25).
    static func careLeft(_ child: ChildRecord, on date: CalendarDate) -> CalendarDate? {
        guard let ended = child.periodsOfCare.compactMap(\.end).filter({ $0 <= date }).max() else { return nil }
        let leavingCare =
            child.personalAdvisers.map(\.date) + child.careLeaverContacts.map(\.date) + child.pathwayPlanReviews
        guard leavingCare.contains(where: { ended <= $0 && $0 <= date }) else { return nil }
        if let age = child.age(on: date), age >= 25 { return nil }
        return ended
    }
}

extension ChildRecord {
    /// The allocation in force on `date`: the latest `worker.allocated` on or before it, the later in the log when
    /// two share a date (events.md), as `team(on:)` reads the team.
    func allocation(on date: CalendarDate) -> Allocation? {
        allocations.filter { $0.date <= date }.max { ($0.date, $0.position) < ($1.date, $1.position) }
    }
}
