import JourneyCore
import JourneyProjections

/// A child's chronology: every event that counts in the record as known at a time, in date order, in plain words,
/// with the level of help as it changes, how long plans and placements lasted, and when each event was recorded
/// when that was more than a day from when it happened.
///
/// Which events count (as known at, corrections, retractions, merges) is the engine's decision, read from
/// `ChildRecord.recording`; the raw events only give the words.
public struct Chronology: Sendable, Hashable {
    public var child: ChildID
    public var asKnownAt: Timestamp?
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// Records merged into this one.
    public var mergedFrom: [ChildID]
    public var entries: [Entry]

    public struct Entry: Sendable, Hashable {
        public var date: CalendarDate
        public var text: String
        /// When recorded, given only when more than a day from `date`.
        public var recordedLate: Timestamp?
        /// The level of help after the day's events, when it changed: on the entry that changed it, else on the
        /// day's last entry.
        public var level: Level?
        /// For an end: how long the thing lasted, in days.
        public var lastedDays: Int?
        /// The merged record the event was written to.
        public var mergedFrom: ChildID?
        /// The event replaced an earlier record of the same thing (`corrects`).
        public var isCorrection: Bool
        public var by: String?
        public var position: UInt64
    }
}

extension Chronology {
    /// The chronology of `record` (with its recording), from `events` (the raw events by position: the record's own
    /// and its merged records'). `includingVisits: false` leaves out statutory visits, the most frequent events.
    public init(
        _ record: ChildRecord, events: [UInt64: Event], asKnownAt: Timestamp? = nil, from: CalendarDate? = nil,
        to: CalendarDate? = nil, includingVisits: Bool = true
    ) {
        var entries: [Entry] = []
        for recorded in record.recording.events where recorded.counts {
            if !includingVisits && recorded.type == .visitMade { continue }
            guard let event = events[recorded.position] else { continue }
            var entry = Entry(
                date: recorded.occurred, text: event.plainWords, recordedLate: nil, level: nil,
                lastedDays: Self.lasted(recorded, in: record), mergedFrom: record.mergedFrom(of: recorded),
                isCorrection: event.corrects != nil, by: event.by, position: recorded.position)
            // "More than a day": the recording date (UTC) two or more days from the date it happened.
            if let r = recorded.recorded, abs(recorded.occurred.days(to: r.utcDate)) > 1 { entry.recordedLate = r }
            entries.append(entry)
        }
        // Same-day events in their natural order, then by log position.
        entries.sort { a, b in
            if a.date != b.date { return a.date < b.date }
            let (ra, rb) = (Self.rank(events[a.position]!.type), Self.rank(events[b.position]!.type))
            return ra != rb ? ra < rb : a.position < b.position
        }
        entries = entries.filter { e in (from.map { e.date >= $0 } ?? true) && (to.map { e.date <= $0 } ?? true) }
        // The level of help after each day, when it changed, on the entry that changed it (the referral that opened
        // the episode, the plan that started, the period of care that ended), or on the day's last entry when no
        // entry of the day did; the first day shown always carries it, so a chronology starting part-way says where
        // the child was. Levels come from the whole record.
        var shown: Level?
        var dayStart = 0
        for i in entries.indices where i == entries.count - 1 || entries[i + 1].date != entries[i].date {
            defer { dayStart = i + 1 }
            let level = Self.level(record, on: entries[i].date)
            guard level != shown else { continue }
            // Before the first day shown the child is taken to have had universal services.
            let previous = shown ?? .universal
            let cause = entries[dayStart...i].firstIndex { e in
                events[e.position].map { Self.changesLevel($0, from: previous, to: level) } ?? false
            }
            entries[cause ?? i].level = level
            shown = level
        }
        self.init(
            child: record.id, asKnownAt: asKnownAt, from: from, to: to, mergedFrom: record.mergedFrom,
            entries: entries)
    }

    /// The natural order of a day (the issue's: contact, referral, early help, assessment start, assessment
    /// authorised, S47, ICPC, CIN plan, CP plan, care, then adoption, permanence orders, leaving care and health);
    /// everything else after, in log order.
    static func rank(_ type: EventType) -> Int {
        switch type {
        case .childRegistered: 0
        case .contactReceived: 1
        case .referralReceived: 2
        case .earlyHelpStarted, .earlyHelpEnded: 3
        case .assessmentStarted: 4
        case .assessmentCompleted: 5
        case .strategyHeld, .s47Started, .s47Completed: 6
        case .icpcHeld: 7
        case .steppedUp, .steppedDown: 8
        case .cinPlanStarted, .cinPlanReviewed, .cinPlanEnded: 9
        case .cpPlanStarted, .cpPlanCategoryChanged, .cpPlanReviewed, .cpPlanEnded: 10
        case .careStarted, .legalStatusChanged, .placementStarted, .placementEnded, .careEnded, .careReviewed,
            .missingStarted, .missingEnded:
            11
        // After care's own events: adoption in the order of its steps, then the orders that end care, then what
        // happens around leaving care, then health.
        case .adoptionDecided, .placementOrderGranted, .adoptionMatched, .adoptionPlaced, .adoptionPlacementEnded,
            .adoptionDecisionReversed, .adoptionOrderGranted:
            12
        case .permanenceOrderGranted, .previousPermanenceRecorded: 13
        case .careLeaverContacted, .pathwayPlanReviewed, .personalAdviserAllocated: 14
        case .healthAssessmentCompleted, .dentalCheckCompleted, .immunisationsRecorded, .healthSurveillanceRecorded,
            .sdqRecorded, .convictionRecorded, .substanceMisuseIdentified, .deprivationOfLibertyStarted,
            .deprivationOfLibertyEnded:
            15
        case .childUpdated, .childDied, .childMerged, .caseClosed, .visitMade, .workerAllocated, .eventRetracted,
            .motherhoodRecorded, .homePostcodeRecorded, .workerChangeRecorded:
            16
        }
    }

    /// Whether an event is one that moves a child from the level `from` to `to`: up, the start of what the new
    /// level is; down, the end of what the old level was.
    static func changesLevel(_ event: Event, from: Level, to: Level) -> Bool {
        let type = event.type
        if to > from {
            switch to {
            case .care: return type == .careStarted
            case .childProtection: return type == .cpPlanStarted
            case .childInNeed:
                if case .referralReceived(let r) = event.body { return !r.isNFA }
                return type == .cinPlanStarted
            case .earlyHelp: return type == .earlyHelpStarted
            default: return false
            }
        }
        switch from {
        case .care: return type == .careEnded
        case .childProtection: return type == .cpPlanEnded
        case .childInNeed: return type == .caseClosed || type == .cinPlanEnded
        case .earlyHelp: return type == .earlyHelpEnded
        default: return false
        }
    }

    /// The level of help on `date`, the highest that applies: looked after, on a CP plan, a child in need (a CIN
    /// plan or an open episode of need), early help, else universal. "On" a date as metrics.md defines it: started
    /// on or before it and not ended on or before it.
    static func level(_ record: ChildRecord, on date: CalendarDate) -> Level {
        func isOpen(_ start: CalendarDate?, _ end: CalendarDate?) -> Bool {
            guard let start, start <= date else { return false }
            return end.map { $0 > date } ?? true
        }
        if record.isLookedAfter(on: date) { return .care }
        if record.cpPlan(on: date) != nil { return .childProtection }
        if record.cinPlans.contains(where: { isOpen($0.start, $0.end) }) || record.hasOpenEpisodeOfNeed(on: date) {
            return .childInNeed
        }
        if record.earlyHelp.contains(where: { isOpen($0.start, $0.end) }) { return .earlyHelp }
        return .universal
    }

    /// How long the plan, placement, period of care or episode an end event closes lasted, in days.
    static func lasted(_ e: ChildRecord.RecordedEvent, in record: ChildRecord) -> Int? {
        let start: CalendarDate?
        switch e.type {
        case .cpPlanEnded: start = record.cpPlans.first { $0.key == e.key }?.start
        case .cinPlanEnded: start = record.cinPlans.first { $0.key == e.key }?.start
        case .placementEnded: start = record.placements.first { $0.key == e.key }?.start
        case .careEnded: start = record.periodsOfCare.first { $0.key == e.key }?.start
        case .earlyHelpEnded: start = record.earlyHelp.first { $0.key == e.key }?.start
        case .missingEnded: start = record.missingEpisodes.first { $0.key == e.key }?.start
        case .adoptionPlacementEnded: start = record.adoptions.first { $0.key == e.key }?.placed?.date
        case .deprivationOfLibertyEnded: start = record.deprivationOfLibertyOrders.first { $0.key == e.key }?.start
        default: return nil
        }
        return start.map { $0.days(to: e.occurred) }
    }
}
