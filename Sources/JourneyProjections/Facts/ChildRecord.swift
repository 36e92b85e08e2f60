import JourneyCore

/// One child's journey as the log says it was, as known at a given time: corrections applied, retracted events
/// gone, merged records joined. What metrics, checks and cohorts read; they never see raw events.
///
/// Lists are in log order. Things with a lifecycle (an assessment, a plan, a placement) appear once, with the dates
/// of their events; a second event for the same thing (a duplicate record) does not make a second thing.
public struct ChildRecord: Sendable {
    public var id: ChildID
    /// Children whose records were merged into this one (`child.merged`).
    public var mergedFrom: [ChildID] = []
    public var birthDate: CalendarDate?
    /// The position of the `child.registered` or `child.updated` that gave `birthDate`.
    public var birthDatePosition: UInt64?
    public var expectedBirthDate: CalendarDate?
    public var sex: Sex?
    public var ethnicity: Ethnicity?
    public var ward: String?
    /// Whether any disability other than `NONE` is recorded (`nil` when none recorded at all).
    public var hasDisability: Bool?
    /// The disabilities recorded with the value kept (CIN census `Disability`), in the code list's order; empty when
    /// none is recorded (`hasDisability` is then `nil`).
    public var disabilities: [Disability] = []
    /// The unique pupil number (CIN census `UPN`), the latest given, as `ward` is kept.
    public var upn: String?
    public var diedOn: CalendarDate?
    public var allocations: [Allocation] = []
    public var contacts: [Contact] = []
    public var referrals: [Referral] = []
    public var assessments: [Assessment] = []
    public var strategyDiscussions: [StrategyDiscussion] = []
    public var s47Enquiries: [S47Enquiry] = []
    public var conferences: [Conference] = []
    public var cinPlans: [CINPlan] = []
    public var cpPlans: [CPPlan] = []
    public var earlyHelp: [EarlyHelpEpisode] = []
    public var steps: [Step] = []
    public var periodsOfCare: [PeriodOfCare] = []
    public var placements: [Placement] = []
    public var missingEpisodes: [MissingEpisode] = []
    public var visits: [Visit] = []
    public var adoptions: [Adoption] = []
    public var permanenceOrders: [PermanenceOrder] = []
    /// `previous-permanence.recorded`, one entry each.
    public var previousPermanence: [PreviousPermanence] = []
    public var careLeaverContacts: [CareLeaverContact] = []
    /// `pathway-plan.reviewed`, one date each.
    public var pathwayPlanReviews: [CalendarDate] = []
    public var personalAdvisers: [PersonalAdviser] = []
    public var healthAssessments: [CalendarDate] = []
    public var dentalChecks: [CalendarDate] = []
    public var immunisations: [HealthCheck] = []
    /// Development checks of a child under five (903 `HEALTH_CHECK`).
    public var healthSurveillance: [HealthCheck] = []
    public var sdqs: [SDQ] = []
    public var convictions: [CalendarDate] = []
    public var substanceMisuse: [SubstanceMisuse] = []
    public var deprivationOfLibertyOrders: [DeprivationOfLibertyOrder] = []
    /// `motherhood.recorded`, `home-postcode.recorded` and `worker-change.recorded`, one entry each (read through
    /// `motherhood(on:)`, `homePostcode(on:)` and `workerChangeReason(on:)`).
    public var motherhood: [Motherhood] = []
    public var homePostcodes: [HomePostcode] = []
    public var workerChangeReasons: [WorkerChangeReason] = []
    /// The earliest and latest `occurred` of the record's counting events (`nil` when none counts).
    public var firstOccurred: CalendarDate?
    public var lastOccurred: CalendarDate?
    /// How this child's events were recorded, for the data-quality checks: filled only when asked for
    /// (`JourneyState.forEachRecord(asKnownAt:includingRecording:)`), empty otherwise.
    public var recording = Recording()

    public init(id: ChildID) { self.id = id }

    public struct Allocation: Sendable, Hashable {
        public var date: CalendarDate
        public var team: String
        public var worker: String?
        public var position: UInt64
    }

    public struct Contact: Sendable, Hashable {
        public var date: CalendarDate
        public var source: ReferralSource
        public var outcome: ContactOutcome?
    }

    public struct Referral: Sendable, Hashable {
        public var key: UInt64
        public var date: CalendarDate
        public var source: ReferralSource
        public var primaryNeed: PrimaryNeed?
        public var isNFA: Bool
        public var position: UInt64
        /// `case.closed` for this referral's episode of need.
        public var closed: CalendarDate?
        public var closureReason: ClosureReason?
    }

    public struct Assessment: Sendable, Hashable {
        public var key: UInt64
        public var referral: UInt64
        /// The earliest `assessment.started`.
        public var started: CalendarDate?
        /// The first `assessment.completed` recorded (its authorisation date).
        public var completed: CalendarDate?
        public var outcome: AssessmentOutcome?
        /// The factors of that completion (CIN census `AssessmentFactors`), in the code list's order; `nil` when it
        /// gives none.
        public var factors: [AssessmentFactor]? = nil
        public var position: UInt64
    }

    public struct StrategyDiscussion: Sendable, Hashable {
        public var key: UInt64
        public var referral: UInt64
        public var date: CalendarDate
    }

    public struct S47Enquiry: Sendable, Hashable {
        public var key: UInt64
        public var referral: UInt64
        /// The earliest `s47.started`.
        public var started: CalendarDate?
        public var completed: CalendarDate?
        public var icpcRequired: Bool?
        public var position: UInt64
    }

    public struct Conference: Sendable, Hashable {
        public var date: CalendarDate
        /// The S47 named, when one is.
        public var s47: UInt64?
        public var referral: UInt64
        public var outcome: ConferenceOutcome
        public var position: UInt64
    }

    public struct CINPlan: Sendable, Hashable {
        public var key: UInt64
        public var referral: UInt64
        public var start: CalendarDate?
        public var end: CalendarDate?
        public var reviews: [CalendarDate] = []
        public var position: UInt64
    }

    public struct CPPlan: Sendable, Hashable {
        public var key: UInt64
        public var referral: UInt64
        /// The earliest `cp-plan.started`.
        public var start: CalendarDate?
        /// The category at the start.
        public var category: AbuseCategory?
        /// The latest category (`cp-plan.category-changed`).
        public var latestCategory: AbuseCategory?
        /// Each `cp-plan.category-changed`, in log order (the last is `latestCategory`): what a return as at a date
        /// reads.
        public var categoryChanges: [CategoryChange] = []
        /// CP plans before this one that the log may not hold (CIN census `NumberOfPreviousCPP`).
        public var previousPlans: Int?
        /// The latest `cp-plan.ended`.
        public var end: CalendarDate?
        /// Review conferences, in date order.
        public var reviews: [CalendarDate] = []
        /// The position of its start.
        public var position: UInt64
    }

    /// A CP plan's new category of abuse, and the date it took effect.
    public struct CategoryChange: Sendable, Hashable {
        public var date: CalendarDate
        public var category: AbuseCategory
    }

    public struct EarlyHelpEpisode: Sendable, Hashable {
        public var key: UInt64
        public var start: CalendarDate?
        public var end: CalendarDate?
        public var outcome: EarlyHelpOutcome?
    }

    public struct Step: Sendable, Hashable {
        public var date: CalendarDate
        public var from: Level
        public var to: Level
        public var isUp: Bool { to > from }
    }

    public struct PeriodOfCare: Sendable, Hashable {
        public var key: UInt64
        /// The earliest `care.started`.
        public var start: CalendarDate?
        /// The latest `care.ended`.
        public var end: CalendarDate?
        public var endReason: CareEndReason?
        public var isUASC: Bool
        public var needCode: CareNeed?
        /// Legal statuses with the date each took effect, the first from `care.started`.
        public var legalStatuses: [(date: CalendarDate, status: LegalStatus)] = []
        public var reviews: [CalendarDate] = []
        /// The child's participation in each review (903 `REVIEW_CODE`), one for each of `reviews`, in its order.
        public var reviewParticipation: [ReviewParticipation?] = []
        public var position: UInt64

        public static func == (a: Self, b: Self) -> Bool {
            a.key == b.key && a.start == b.start && a.end == b.end && a.position == b.position
        }
        public func hash(into h: inout Hasher) { h.combine(key) }

        /// Looked after on `date`: started on or before it and not ended on or before it (metrics.md).
        public func isOpen(on date: CalendarDate) -> Bool {
            guard let start, start <= date else { return false }
            return end.map { $0 > date } ?? true
        }

        /// A series of short breaks: no legal status other than `V3`/`V4` up to `date`.
        public func isShortBreak(upTo date: CalendarDate) -> Bool {
            let statuses = legalStatuses.filter { $0.date <= date }
            return !statuses.isEmpty && statuses.allSatisfy { $0.status.isShortBreak }
        }
    }

    public struct Placement: Sendable, Hashable {
        public var key: UInt64
        public var period: UInt64
        public var start: CalendarDate
        public var placementType: PlacementType
        public var provider: PlacementProvider?
        public var isSameCarer: Bool
        public var distanceMiles: Double?
        /// The placement's postcode and Ofsted URN, as `placement.started` gives them (903 `PL_POST`, `URN`).
        public var postcode: String?
        public var urn: String?
        /// Its own `placement.ended` (the latest, if several).
        public var ownEnd: CalendarDate?
        /// The reason that `ownEnd`'s event gives (903 `REASON_PLACE_CHANGE`).
        public var endReason: PlacementChangeReason?
        /// When it ended: its own end, else the end of its period of care (events.md).
        public var end: CalendarDate?
        public var position: UInt64

        /// A placement move: not temporary and not a same-carer continuation (metrics.md).
        public var isMove: Bool { !placementType.isTemporary && !isSameCarer }

        public func isOpen(on date: CalendarDate) -> Bool {
            start <= date && (end.map { $0 > date } ?? true)
        }
    }

    public struct MissingEpisode: Sendable, Hashable {
        public var key: UInt64
        public var kind: MissingKind
        public var start: CalendarDate?
        public var end: CalendarDate?
        public var returnInterviewOffered: Bool?
        public var returnInterviewAccepted: Bool?
    }

    public struct Visit: Sendable, Hashable {
        public var date: CalendarDate
        public var kind: VisitKind
        public var wasSeen: Bool
        public var wasSeenAlone: Bool?
    }

    /// When a step of a thing took place, and the event that says so.
    public struct Dated: Sendable, Hashable {
        public var date: CalendarDate
        public var position: UInt64
    }

    /// An adoption, from the decision that the child should be placed for adoption to the order, or the reversal of
    /// the decision. Any event about an adoption makes it: one recorded without its decision has no `decided`.
    public struct Adoption: Sendable, Hashable {
        public var key: UInt64
        /// The earliest `adoption.decided`.
        public var decided: Dated?
        /// The earliest `placement-order.granted`.
        public var placementOrderGranted: Dated?
        /// The latest `adoption.matched` (by date, then log order), with what it says of the adopters.
        public var matched: Dated?
        public var adopters: Int?
        public var adoptersSex: AdopterSex?
        public var adoptersLegalStatus: AdopterLegalStatus?
        public var isFosterCarerAdopting: Bool?
        /// The latest `adoption.placed`, with the placement it names (its key), when it names one.
        public var placed: Dated?
        public var placement: UInt64?
        /// The latest `adoption.placement-ended`, with its reason.
        public var placementEnded: Dated?
        public var placementEndReason: PlacementChangeReason?
        /// The latest `adoption.decision-reversed`, with its reason.
        public var reversed: Dated?
        public var reversalReason: AdoptionReversalReason?
        /// The earliest `adoption.order-granted`.
        public var orderGranted: Dated?
        /// The position of the first event about it.
        public var position: UInt64
    }

    /// A special guardianship or child arrangements order (`permanence-order.granted`).
    public struct PermanenceOrder: Sendable, Hashable {
        public var date: CalendarDate
        public var kind: PermanenceOrderKind
        /// The period of care it ended (its key), when the event names one.
        public var period: UInt64?
        public var position: UInt64
    }

    public struct PreviousPermanence: Sendable, Hashable {
        public var date: CalendarDate
        public var kind: PreviousPermanenceKind
        public var la: String?
        /// As the 903 writes it (`DD/MM/YYYY`, `ZZ` for a part not known).
        public var orderDate: String?
        public var position: UInt64
    }

    public struct CareLeaverContact: Sendable, Hashable {
        public var date: CalendarDate
        public var inTouch: CareLeaverContactStatus
        public var activity: CareLeaverActivity?
        public var accommodation: CareLeaverAccommodation?
        public var position: UInt64

        /// Whether the accommodation is suitable, as its code says (`nil` when none is given or it is not known).
        public var isAccommodationSuitable: Bool? { accommodation?.isSuitable }
    }

    public struct PersonalAdviser: Sendable, Hashable {
        public var date: CalendarDate
        /// Personal data, as a worker's name.
        public var adviser: String?
        public var position: UInt64
    }

    /// Immunisations or development checks, up to date or not.
    public struct HealthCheck: Sendable, Hashable {
        public var date: CalendarDate
        public var isUpToDate: Bool
    }

    /// A Strengths and Difficulties Questionnaire: a score, or why there is none.
    public struct SDQ: Sendable, Hashable {
        public var date: CalendarDate
        public var score: Int?
        public var reasonNotTaken: SDQReason?
    }

    public struct SubstanceMisuse: Sendable, Hashable {
        public var date: CalendarDate
        public var interventionOffered: Bool?
        public var interventionReceived: Bool?
    }

    public struct DeprivationOfLibertyOrder: Sendable, Hashable {
        public var key: UInt64
        /// The earliest `deprivation-of-liberty.started`.
        public var start: CalendarDate?
        /// The latest `deprivation-of-liberty.ended`.
        public var end: CalendarDate?
        public var position: UInt64
    }
}

extension ChildRecord {
    /// The team responsible on `date`: the latest allocation on or before it (metrics.md, breakdowns).
    public func team(on date: CalendarDate) -> String? {
        Self.team(in: allocations, on: date)
    }

    /// `team(on:)` among `allocations`, a record's: for what keeps a record's allocations without the record.
    static func team(in allocations: [Allocation], on date: CalendarDate) -> String? {
        var best: Allocation?
        for a in allocations where a.date <= date {
            if let b = best, (b.date, b.position) > (a.date, a.position) { continue }
            best = a
        }
        return best?.team
    }

    /// The personal adviser allocated on `date`: the latest allocation on or before it, as for teams.
    public func personalAdviser(on date: CalendarDate) -> PersonalAdviser? {
        var best: PersonalAdviser?
        for a in personalAdvisers where a.date <= date {
            if let b = best, (b.date, b.position) > (a.date, a.position) { continue }
            best = a
        }
        return best
    }

    public func age(on date: CalendarDate) -> Int? {
        birthDate.map { $0.completedYears(at: date) }
    }

    /// The period of care open on `date` (the latest started, if the record has two).
    public func periodOfCare(on date: CalendarDate) -> PeriodOfCare? {
        periodsOfCare.filter { $0.isOpen(on: date) }.max { ($0.start!, $0.position) < ($1.start!, $1.position) }
    }

    public func isLookedAfter(on date: CalendarDate) -> Bool { periodOfCare(on: date) != nil }

    /// The CP plan open on `date` (the latest started, if several).
    public func cpPlan(on date: CalendarDate) -> CPPlan? {
        cpPlans.filter { p in
            guard let s = p.start, s <= date else { return false }
            return p.end.map { $0 > date } ?? true
        }.max { ($0.start!, $0.position) < ($1.start!, $1.position) }
    }

    /// An episode of need open on `date`: a referral that is not NFA, received on or before it and not closed on or
    /// before it.
    public func hasOpenEpisodeOfNeed(on date: CalendarDate) -> Bool {
        referrals.contains { r in !r.isNFA && r.date <= date && (r.closed.map { $0 > date } ?? true) }
    }

    public func referral(_ key: UInt64) -> Referral? { referrals.first { $0.key == key } }
}

extension ChildRecord {
    /// The events behind a record as they were recorded, not as they resolve: what the checks on recording itself
    /// (late, back-dated, duplicated, merged) read, and how a finding names the events it is about.
    public struct Recording: Sendable, Hashable {
        /// Every event of the child (merged records included) recorded by the as-known-at time, in log order,
        /// whether it counts or was replaced or retracted. Corrections (`corrects`) appear as events; retractions and
        /// merges do not (they are in `corrections` and `merges`).
        public var events: [RecordedEvent] = []
        /// The counting corrections and retractions of this child's events, in the order of the events they drop.
        public var corrections: [Correction] = []
        /// The records merged into this one (`child.merged`).
        public var merges: [MergedRecord] = []

        public init() {}
    }

    /// The record `event` was written to, when that was a record merged into this one; `nil` for this record's own
    /// (and for an index this record's `mergedFrom` does not hold: an event of another record).
    public func mergedFrom(of event: RecordedEvent) -> ChildID? {
        guard let index = event.mergedFrom.map(Int.init), mergedFrom.indices.contains(index) else { return nil }
        return mergedFrom[index]
    }

    /// One event as recorded.
    public struct RecordedEvent: Sendable, Hashable {
        public var type: EventType
        public var occurred: CalendarDate
        /// `nil` when the event came without one (a JSON Lines file read directly).
        public var recorded: Timestamp?
        public var position: UInt64
        /// The event's id, hashed (`Identifier.stableHash`).
        public var idHash: UInt64
        /// What the event is about, as the facts' `key` (an assessment, a plan, a placement…), 0 when nothing.
        public var key: UInt64
        /// What that belongs to, as the facts' `referral` or `period`, 0 when nothing.
        public var ref: UInt64
        /// The type, date and fields together, hashed: the same fact recorded twice has the same hash.
        public var contentHash: UInt64
        /// Whether it counts: not replaced by a correction nor retracted.
        public var counts: Bool
        /// The record it was written to, when that was a record merged into this one: its index in the record's
        /// `mergedFrom` (`ChildRecord.mergedFrom(of:)` names it). An index, not the child's id, so that an event is
        /// plain bytes: a record's events are copied and freed without retaining or releasing any of them (ten
        /// million events a run at 10M).
        public var mergedFrom: Int32?

        public init(
            type: EventType, occurred: CalendarDate, recorded: Timestamp?, position: UInt64, idHash: UInt64,
            key: UInt64, ref: UInt64, contentHash: UInt64, counts: Bool, mergedFrom: Int32?
        ) {
            self.type = type
            self.occurred = occurred
            self.recorded = recorded
            self.position = position
            self.idHash = idHash
            self.key = key
            self.ref = ref
            self.contentHash = contentHash
            self.counts = counts
            self.mergedFrom = mergedFrom
        }
    }

    /// A counting `corrects` or `event.retracted` of one of the child's events.
    public struct Correction: Sendable, Hashable {
        /// `event.retracted` rather than a replacing event.
        public var isRetraction: Bool
        /// The correcting (or retracting) event.
        public var position: UInt64
        public var recorded: Timestamp?
        /// The replacing event's date; `nil` for a retraction.
        public var occurred: CalendarDate?
        /// The event it drops.
        public var targetPosition: UInt64
        public var targetType: EventType
        public var targetOccurred: CalendarDate
    }

    /// A record merged into this one.
    public struct MergedRecord: Sendable, Hashable {
        public var child: ChildID
        /// The `child.merged` event.
        public var position: UInt64
        public var recorded: Timestamp?
    }
}
