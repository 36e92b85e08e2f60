import JourneyCore
import JourneyProjections

/// One child's record as the checks read it: the resolved journey, the context, and the lookups that turn a fact
/// back into the events it came from, so that a finding can name them.
public struct ChildJourney: Sendable {
    public let record: ChildRecord
    /// Private: a check reads the as-of date through `asOf`, which notes how long what it read holds.
    private let context: CheckContext
    /// How long the as-of date, as read so far, reads the same (`AsOfDate`).
    private let horizon: AsOfDate.Horizon

    /// The counting events by type and key, for a record with many events: the lookups below are a scan of the
    /// events for an ordinary child, and a check that looks up one event per fact would otherwise take n² steps on
    /// a record of thousands (one child with 32,000 referrals).
    let index: EventLookup?
    /// The conference behind each S47 enquiry, for a record with many conferences.
    let conferences: ConferenceLookup?

    /// The 903 rows of the periods of care started by the as-of date (`careEpisodes(of:asOf:)`) and their reviews
    /// (`careReviews(of:index:asOf:)`). About twenty checks read each: worked out once here rather than by each, which
    /// had cost a twelfth of `journey check`'s time.
    let careEpisodes: [CareEpisode]
    let careReviews: [CareReview]

    public init(_ record: consuming ChildRecord, context: CheckContext) {
        self.init(consume record, context: context, horizon: AsOfDate.Horizon())
    }

    /// The journey, noting what its checks read of the as-of date in `horizon`, which starts again here: a run of
    /// records checked on one thread keeps one, rather than allocate one a record.
    /// The record is taken, not copied (a copy retains and releases every one of its lists): what is worked out of it
    /// here is worked out before it is moved in, its last use.
    init(_ record: consuming ChildRecord, context: CheckContext, horizon: AsOfDate.Horizon) {
        horizon.reset()
        self.horizon = horizon
        self.context = context
        let index = record.recording.events.count > EventLookup.threshold ? EventLookup(record.recording.events) : nil
        self.index = index
        conferences =
            record.conferences.count > ConferenceLookup.threshold ? ConferenceLookup(record.conferences) : nil
        let noCare = record.periodsOfCare.isEmpty
        let asOf = AsOfDate(context.asOf, horizon: horizon)
        careEpisodes = noCare ? [] : Self.careEpisodes(of: record, asOf: asOf)
        careReviews = noCare ? [] : Self.careReviews(of: record, index: index, asOf: asOf)
        self.record = consume record
    }

    public var id: ChildID { record.id }
    /// The day the record is judged on (`CheckContext.asOf`).
    public var asOf: AsOfDate { AsOfDate(context.asOf, horizon: horizon) }
    /// The last as-of day on which the checks made so far of this journey find the same (`AsOfDate`): `nil` when
    /// none of them changes with the day.
    var findingsHoldThrough: CalendarDate? {
        horizon.lastDay == Int32.max ? nil : CalendarDate(dayNumber: horizon.lastDay)
    }
    /// `recorded-late`: an event recorded more than this many working days after it occurred.
    var recordedLateDays: Int { context.recordedLateDays }

    /// `wd(a, b)`: working days `d` with `a < d ≤ b` (metrics.md, conventions); negative when `b` is before `a`.
    func workingDays(from a: CalendarDate, to b: CalendarDate) -> Int {
        context.calendar.workingDays(from: a, to: b)
    }

    /// The last day of a timescale of `n` working days from `date`.
    func adding(workingDays n: Int, to date: CalendarDate) -> CalendarDate {
        context.calendar.adding(workingDays: n, to: date)
    }

    // MARK: Events behind the facts

    /// The position of the first counting event of `type` about `key` (any key when 0), dated `date` when given.
    func position(_ type: EventType, key: UInt64 = 0, on date: CalendarDate? = nil) -> UInt64? {
        Self.position(in: record, index: index, type, key: key, on: date)
    }

    /// `position(_:key:on:)` in `record`, through `index` when it has one.
    static func position(
        in record: ChildRecord, index: EventLookup?, _ type: EventType, key: UInt64 = 0, on date: CalendarDate? = nil
    ) -> UInt64? {
        if let index { return index.first(type, key: key, on: date) }
        return record.recording.events.first { e in
            e.counts && e.type == type && (key == 0 || e.key == key) && (date == nil || e.occurred == date!)
        }?.position
    }

    func closure(of referral: ChildRecord.Referral) -> UInt64? {
        position(.caseClosed, key: referral.key, on: referral.closed)
    }

    func start(of a: ChildRecord.Assessment) -> UInt64? {
        a.started == nil ? nil : position(.assessmentStarted, key: a.key, on: a.started)
    }

    func completion(of a: ChildRecord.Assessment) -> UInt64? {
        a.completed == nil ? nil : position(.assessmentCompleted, key: a.key, on: a.completed)
    }

    func start(of s: ChildRecord.S47Enquiry) -> UInt64? {
        s.started == nil ? nil : position(.s47Started, key: s.key, on: s.started)
    }

    func completion(of s: ChildRecord.S47Enquiry) -> UInt64? {
        s.completed == nil ? nil : position(.s47Completed, key: s.key, on: s.completed)
    }

    func start(of p: ChildRecord.CINPlan) -> UInt64? {
        p.start == nil ? nil : position(.cinPlanStarted, key: p.key, on: p.start)
    }

    func end(of p: ChildRecord.CINPlan) -> UInt64? {
        p.end == nil ? nil : position(.cinPlanEnded, key: p.key, on: p.end)
    }

    func start(of p: ChildRecord.CPPlan) -> UInt64? {
        p.start == nil ? nil : position(.cpPlanStarted, key: p.key, on: p.start)
    }

    func end(of p: ChildRecord.CPPlan) -> UInt64? {
        p.end == nil ? nil : position(.cpPlanEnded, key: p.key, on: p.end)
    }

    func review(of p: ChildRecord.CPPlan, on date: CalendarDate) -> UInt64? {
        position(.cpPlanReviewed, key: p.key, on: date)
    }

    func start(of p: ChildRecord.PeriodOfCare) -> UInt64? {
        p.start == nil ? nil : position(.careStarted, key: p.key, on: p.start)
    }

    func end(of p: ChildRecord.PeriodOfCare) -> UInt64? {
        p.end == nil ? nil : position(.careEnded, key: p.key, on: p.end)
    }

    func start(of p: ChildRecord.Placement) -> UInt64? { p.position }

    func end(of p: ChildRecord.Placement) -> UInt64? {
        p.ownEnd == nil ? nil : position(.placementEnded, key: p.key, on: p.ownEnd)
    }

    func start(of m: ChildRecord.MissingEpisode) -> UInt64? {
        m.start == nil ? nil : position(.missingStarted, key: m.key, on: m.start)
    }

    func end(of m: ChildRecord.MissingEpisode) -> UInt64? {
        m.end == nil ? nil : position(.missingEnded, key: m.key, on: m.end)
    }

    func start(of e: ChildRecord.EarlyHelpEpisode) -> UInt64? {
        e.start == nil ? nil : position(.earlyHelpStarted, key: e.key, on: e.start)
    }

    func end(of e: ChildRecord.EarlyHelpEpisode) -> UInt64? {
        e.end == nil ? nil : position(.earlyHelpEnded, key: e.key, on: e.end)
    }

    /// The registration or update that gave the birth date.
    var birthDateEvent: UInt64? { record.birthDatePosition }

    var deathEvent: UInt64? { record.diedOn.flatMap { position(.childDied, on: $0) } }

    // MARK: Episodes, enquiries and plans

    /// An episode of need (a referral that is not NFA) open on `date`: received on or before it and not closed
    /// before it.
    func isEpisodeOpen(_ r: ChildRecord.Referral, on date: CalendarDate) -> Bool {
        !r.isNFA && r.date <= date && (r.closed.map { $0 >= date } ?? true)
    }

    /// When an S47 enquiry stopped being open: its conference (named, or of its referral on or after its start), or
    /// its completion with no conference required; `nil` while it is open.
    func end(of s: ChildRecord.S47Enquiry) -> CalendarDate? {
        if let conference = conference(of: s) { return conference.date }
        if s.icpcRequired == false { return s.completed }
        return nil
    }

    /// The conference that followed an S47 enquiry: the one naming it, else the first of its referral held at
    /// episode level on or after its start (metrics.md, `icpc-timeliness`, read the other way).
    func conference(of s: ChildRecord.S47Enquiry) -> ChildRecord.Conference? {
        if let conferences { return conferences.conference(of: s.key, referral: s.referral, started: s.started) }
        if let named = record.conferences.filter({ $0.s47 == s.key }).min(by: {
            ($0.date, $0.position) < ($1.date, $1.position)
        }) {
            return named
        }
        guard let started = s.started, s.referral != 0 else { return nil }
        return record.conferences.filter { $0.s47 == nil && $0.referral == s.referral && $0.date >= started }
            .min { ($0.date, $0.position) < ($1.date, $1.position) }
    }

    // MARK: Levels of help

    /// The highest level of help in force just before `date`: things started before it and not ended before it
    /// (so a plan ending on `date` still counts, and one starting on `date` does not yet).
    func level(justBefore date: CalendarDate) -> Level {
        func running(_ start: CalendarDate?, _ end: CalendarDate?) -> Bool {
            guard let start, start < date else { return false }
            return end.map { $0 >= date } ?? true
        }
        if record.periodsOfCare.contains(where: { running($0.start, $0.end) }) { return .care }
        if record.cpPlans.contains(where: { running($0.start, $0.end) }) { return .childProtection }
        if record.cinPlans.contains(where: { running($0.start, $0.end) })
            || record.referrals.contains(where: { !$0.isNFA && running($0.date, $0.closed) })
        {
            return .childInNeed
        }
        if record.earlyHelp.contains(where: { running($0.start, $0.end) }) { return .earlyHelp }
        return .universal
    }

    /// Whether the child is involved at `level` or above on `date` (started on or before it, not ended before it).
    func isInvolved(at level: Level, on date: CalendarDate) -> Bool {
        func open(_ start: CalendarDate?, _ end: CalendarDate?) -> Bool {
            guard let start, start <= date else { return false }
            return end.map { $0 >= date } ?? true
        }
        if record.periodsOfCare.contains(where: { open($0.start, $0.end) }) { return true }
        if level == .care { return false }
        if record.cpPlans.contains(where: { open($0.start, $0.end) }) { return true }
        if level == .childProtection { return false }
        if record.cinPlans.contains(where: { open($0.start, $0.end) })
            || record.referrals.contains(where: { !$0.isNFA && open($0.date, $0.closed) })
        {
            return true
        }
        if level == .childInNeed { return false }
        if record.earlyHelp.contains(where: { open($0.start, $0.end) }) { return true }
        return level == .universal
    }
}

/// Half-open date ranges `[start, end)` for overlaps: a thing ending on the day the next starts does not overlap it
/// (CIN 8820, note), and one with no end runs on.
struct DateRange {
    var start: CalendarDate
    var end: CalendarDate?

    /// Both run on at least one common day.
    func overlaps(_ other: DateRange) -> Bool {
        let latestStart = max(start, other.start)
        let earliestEnd: CalendarDate? =
            switch (end, other.end) {
            case (nil, nil): nil
            case (let a?, nil): a
            case (nil, let b?): b
            case (let a?, let b?): min(a, b)
            }
        return earliestEnd.map { latestStart < $0 } ?? true
    }
}
