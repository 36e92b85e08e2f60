import JourneyCore

/// Simulates one child's journey, an involvement at a time, as facts in the order they are decided.
///
/// The journey follows the statutory flow: contact, referral, assessment; then a CIN plan, or a strategy
/// discussion, section 47 enquiry and initial conference leading to a CP plan; plans end, step down or step up to
/// care; children come back (re-referrals, repeat plans). Each stage is a method that returns how the involvement
/// ended (`Ending`), and the front door decides what brings the child back (`entry`). The merge asks for the next
/// involvement only when it reaches its day, so a child waiting years for their next contact holds this state,
/// not years of events. Dates past the extract's last day are simulated only as far as they decide something
/// earlier; their facts are not kept.
struct JourneyBuilder {
    let model: FlowModel
    let workingDays: WorkingDays
    /// The day the simulation began (before the log's `from`, by the council's history).
    let from: CalendarDate
    /// The extract's last day: facts after it are not kept.
    let horizon: CalendarDate
    let profile: ChildProfile
    let arrival: CalendarDate
    var random: SynthRandom
    /// The council's shared calibration, lent to the builder while it simulates an involvement.
    var calibration: CalibrationState
    /// The facts of the involvement being simulated.
    var records: [SynthRecord] = []
    /// What brings the child to the front door next, if anything does before the extract ends.
    private(set) var entry: Entry?
    /// The defect this child is to carry, until an involvement it applies to comes.
    var pendingDefect: SynthDefect?
    /// The first day of the log: an involvement over before it is left out.
    let logStart: CalendarDate
    /// Whether the involvement last simulated is in the log: anything of it happens, or is recorded, on or after
    /// `logStart`. One that is not carries no defect.
    var isInLog = true
    /// Randomness for defects alone: a council with defects has the same journeys as the clean one.
    var defectRandom: SynthRandom
    /// Randomness for the facts added to journeys after their flow was set (motherhood, home postcodes, reasons
    /// for a change of worker: JourneyBuilder+Records.swift), so that adding them moved no journey.
    var recordRandom: SynthRandom
    /// A girl's first child's birth, once she is a mother, and the last day she was recorded as not one.
    var firstChildBirthDate: CalendarDate?
    var notMotherOn: CalendarDate?
    /// The child's home postcode (a number of `HomePostcodes.all`), once recorded, and the last placement's.
    var homePostcode: Int16 = 0
    var lastPlacementPostcode: Int16 = 0

    /// Tags the facts in the order they are made, across all involvements: corrections and retractions name their
    /// target by tag, and the merge numbers events in recorded order as it writes them.
    var nextTag: Int32 = 1
    /// The last recorded time given, so that an involvement starting on the day the last one ended records after
    /// it.
    var lastRecorded: Int64 = 0

    // Lifecycle numbers within the child (`R2` is referral 2).
    var contacts: Int32 = 0
    var referrals: Int32 = 0
    var assessments: Int32 = 0
    var strategies: Int32 = 0
    var s47s: Int32 = 0
    var cinPlans: Int32 = 0
    var cpPlans: Int32 = 0
    var periods: Int32 = 0
    var placements: Int32 = 0
    var earlyHelpEpisodes: Int32 = 0
    var missingEpisodes: Int32 = 0
    var adoptions: Int32 = 0
    var deprivationOfLibertyOrders: Int32 = 0

    /// The order that ended the child's last period of care with permanence (adoption, special guardianship, a
    /// child arrangements order), for the previous permanence of a later period.
    var lastPermanence: (reason: CareEndReason, date: CalendarDate)?
    /// Whether the period of care being simulated has a time under section 20 (V2): no placement with parents then
    /// (903 rule 378).
    var isAccommodated = false
    /// The type of the last placement started that is not temporary: the carers a special guardianship order can
    /// go to as former foster carers (903 rule 516).
    var lastPlacementType: PlacementType?

    // What the child's history decides.
    var lastReferral: CalendarDate?
    /// CP plans before the simulation began, recorded on the first plan in the log as `previousPlans`.
    var plansBeforeLog = 0
    /// CP plans of involvements over before `from`, which the log does not hold.
    var plansLeftOut: Int32 = 0
    /// When the child's next CP plan is due: set when a plan ends and the child will have another.
    var repeatPlanDue: CalendarDate?
    /// The latest day of anything in the case so far: a closure is never dated before it.
    var latest: CalendarDate
    var team: Team?
    var worker: Int8 = 0
    /// The day the current involvement's first worker was allocated.
    var firstContact: CalendarDate?
    /// The day the front door's worker was last allocated.
    var frontDoorDay: CalendarDate?
    /// The day a care leaver died (`child.died`): no involvement comes after it is decided.
    var diedOn: CalendarDate?

    init(
        model: FlowModel, workingDays: WorkingDays, from: CalendarDate, horizon: CalendarDate, profile: ChildProfile,
        arrival: CalendarDate, random: SynthRandom, defectRandom: SynthRandom, calibration: CalibrationState,
        logStart: CalendarDate
    ) {
        self.logStart = logStart
        self.defectRandom = defectRandom
        var copy = defectRandom
        recordRandom = SynthRandom(seed: copy.next(), stream: 3)
        self.model = model
        self.workingDays = workingDays
        self.from = from
        self.horizon = horizon
        self.profile = profile
        self.arrival = arrival
        self.random = random
        self.calibration = calibration
        latest = arrival
    }

    /// What brings the child to the front door next.
    struct Entry {
        enum Kind {
            /// A contact, which may or may not become a referral.
            case contact
            /// A contact that becomes a referral within 12 months of the last one (a re-referral).
            case reReferral
            /// A referral that leads to the child's next CP plan.
            case repeatPlan
            /// A referral from early help (the step up is recorded when early help ends).
            case stepUpFromEarlyHelp
        }
        var date: CalendarDate
        var kind: Kind
    }

    /// How an involvement ended: the day, and what it leads to straight away, if anything.
    struct Ending {
        var date: CalendarDate
        var next: Entry?
    }

    // MARK: The journey

    /// The involvement just simulated is not in the log (it was over before `from`): later plans count its plans
    /// as previous plans the log does not hold.
    mutating func involvementLeftOut() {
        plansLeftOut = cpPlans
    }

    /// Registers the child and sets the first contact as the next entry.
    mutating func begin() {
        // Most contacts are on weekdays: a weekend arrival usually reaches the front door on Monday, unless that
        // Monday is after the extract ends (the simulation holds no day after it).
        var first = arrival
        if first.isWeekend && random.chance(0.7) { first = Swift.min(workingDays.onOrAfter(first), horizon) }
        emit(.childRegistered, on: first)
        if profile.isKnownBeforeBirth { emit(.childBorn, on: profile.birthDate) }
        entry = Entry(date: first, kind: .contact)
    }

    /// Simulates the next involvement into `records`, and sets the entry after it (`nil` when the journey has
    /// nothing more before the extract ends or the child turns 18).
    mutating func advance() {
        guard let next = entry else { return }
        entry = frontDoor(next)
        if let e = entry, e.date > horizon || e.date >= profile.adulthood || diedOn != nil { entry = nil }
    }

    /// A contact (or a step up from early help) and what follows from it.
    mutating func frontDoor(_ entry: Entry) -> Entry? {
        let d = entry.date
        let source = model.referralSources.draw(&random)
        switch entry.kind {
        case .stepUpFromEarlyHelp:
            return referral(on: d, source: source, kind: entry.kind)
        case .reReferral, .repeatPlan:
            contacts += 1
            emit(.contactReceived(contact: contacts, source: source, outcome: .referral), on: d)
            return referral(on: d, source: source, kind: entry.kind)
        case .contact:
            contacts += 1
            let isFirst = contacts == 1
            let becomesReferral =
                profile.isUASC || (isFirst && profile.isKnownBeforeBirth) || random.chance(model.contactReferralShare)
            if becomesReferral {
                emit(.contactReceived(contact: contacts, source: source, outcome: .referral), on: d)
                return referral(on: d, source: source, kind: entry.kind)
            }
            let outcome = model.otherContactOutcomes.draw(&random)
            emit(.contactReceived(contact: contacts, source: source, outcome: outcome), on: d)
            if outcome == .earlyHelp { return successor(after: earlyHelp(from: d)) }
            return successor(after: Ending(date: d))
        }
    }

    /// A referral, its episode of need, and what comes after.
    mutating func referral(on d: CalendarDate, source: ReferralSource, kind: Entry.Kind) -> Entry? {
        referrals += 1
        let n = referrals
        // CIN census: a re-referral is a referral within 12 months of a previous one.
        if d >= calibration.reReferralsCountFrom {
            let isReReferral = lastReferral.map { $0 >= d.adding(months: -12) && $0 < d } ?? false
            calibration.reReferral.countCase(isUncontrolledHit: isReReferral && kind != .reReferral)
        }
        let canBeNFA = kind != .repeatPlan && !profile.isUASC
        let isNFA = canBeNFA && random.chance(calibration.nfa.probability)
        calibration.nfa.observe(isNFA)
        let need = profile.isUASC ? PrimaryNeed("N8")! : model.primaryNeeds.draw(&random)
        emit(.referralReceived(referral: n, source: source, primaryNeed: need, isNFA: isNFA), on: d)
        lastReferral = d
        allocate(.frontDoor, on: d)
        if isNFA {
            team = nil
            return successor(after: Ending(date: d))
        }
        return successor(after: episode(referral: n, on: d, kind: kind))
    }

    /// What brings the child back after an involvement ends: a due repeat plan, a re-referral within 12 months
    /// (decided to keep re-referrals on target), or a later contact.
    mutating func successor(after ending: Ending) -> Entry? {
        if let next = ending.next { return next }
        let end = ending.date
        if let due = repeatPlanDue {
            repeatPlanDue = nil
            return Entry(date: max(due, end.adding(days: 14)), kind: .repeatPlan)
        }
        if let last = lastReferral {
            let earliest = end.adding(days: 7)
            let latestDay = min(last.adding(months: 12), profile.adulthood.adding(days: -1))
            if earliest <= latestDay && earliest >= calibration.reReferralsCountFrom {
                calibration.reReferral.countTrial()
            }
            if earliest <= latestDay && random.chance(calibration.reReferral.probability) {
                let span = earliest.days(to: latestDay)
                return Entry(date: earliest.adding(days: random.int(in: 0...span)), kind: .reReferral)
            }
        }
        guard random.chance(model.laterContactChance) else { return nil }
        var date = end.adding(days: Int(model.laterContactGap.draw(&random)))
        // A later contact is not a re-referral: those are decided above.
        if let last = lastReferral, date <= last.adding(months: 12) {
            date = last.adding(months: 12).adding(days: random.int(in: 1...90))
        }
        return Entry(date: date, kind: .contact)
    }

    /// An episode of early help from `d`.
    mutating func earlyHelp(from d: CalendarDate) -> Ending {
        earlyHelpEpisodes += 1
        let episode = earlyHelpEpisodes
        emit(.earlyHelpStarted(episode: episode), on: d)
        let end = d.adding(days: random.int(in: model.earlyHelpDays))
        if repeatPlanDue == nil && end < profile.adulthood && random.chance(model.earlyHelpStepUpShare) {
            emit(.earlyHelpEnded(episode: episode, outcome: EarlyHelpOutcome("stepped-up")!), on: end)
            emit(.steppedUp(from: .earlyHelp, to: .childInNeed), on: end)
            return Ending(date: end, next: Entry(date: end, kind: .stepUpFromEarlyHelp))
        }
        let outcome = random.chance(0.8) ? EarlyHelpOutcome("needs-met")! : EarlyHelpOutcome("other")!
        emit(.earlyHelpEnded(episode: episode, outcome: outcome), on: end)
        return Ending(date: end)
    }

    /// Closes the episode of need opened by `referral`, never before anything already in it.
    mutating func close(_ referral: Int32, _ reason: String, on date: CalendarDate) -> Ending {
        let day = max(date, latest)
        emit(.caseClosed(referral: referral, reason: ClosureReason(reason)!), on: day)
        team = nil
        return Ending(date: day)
    }

    // MARK: Recording facts

    /// Keeps a fact dated `date`, unless it falls after the extract.
    @discardableResult
    mutating func emit(_ fact: Fact, on date: CalendarDate) -> Bool {
        if case .childBorn = fact {} else if date > latest { latest = date }
        guard date <= horizon else { return false }
        var fact = fact
        if case .placementStarted(var p) = fact {
            if !p.placementType.isTemporary { lastPlacementType = p.placementType }
            p.postcode = placementPostcode(p.placementType)
            if p.home == 0 { p.home = serviceURN(p) }
            fact = .placementStarted(p)
        }
        records.append(SynthRecord(recorded: 0, occurred: date, number: takeTag(), fact: fact))
        return true
    }

    /// The next fact's tag.
    mutating func takeTag() -> Int32 {
        defer { nextTag += 1 }
        return nextTag
    }

    /// Allocates the child to `team` (a new worker when the team changes), with the reason for the change: first
    /// contact for the first worker of an involvement. A worker of another team who takes over on that same day
    /// adds no reason: the day's, first contact, stands for both. The 903 holds one social worker episode a day
    /// (SW19STG2) with the day's reason, and that day's begins the involvement after the episode of the last one
    /// ended with it: any other reason there reads as a change more than 7 days after the last episode ended
    /// (SW10aSTG2).
    ///
    /// A team that takes over from the front door within 3 days of its allocation takes over on that day instead,
    /// the day's later worker standing for it: the 903 reads a social worker episode shorter than 3 days as a
    /// mistake (SW09STG2), and a case passed on a day or two after the referral is one the team took that day.
    mutating func allocate(_ newTeam: Team, on day: CalendarDate) {
        guard newTeam != team else { return }
        var date = day
        if team == .frontDoor, let handed = frontDoorDay, handed < date, date < handed.adding(days: 3) { date = handed }
        if newTeam == .frontDoor { frontDoorDay = date }
        let isFirst = team == nil
        if isFirst { firstContact = date }
        team = newTeam
        worker = Int8(random.int(in: 1...newTeam.size))
        if emit(.workerAllocated(team: newTeam, worker: worker), on: date), isFirst || firstContact != date {
            recordWorkerChange(isFirst ? .firstContact : .newTeam, on: date)
        }
    }

    /// A change of worker within the current team.
    mutating func reallocate(on date: CalendarDate) {
        guard let team else { return }
        var next = Int8(random.int(in: 1...team.size))
        if next == worker { next = next % Int8(team.size) + 1 }
        worker = next
        if emit(.workerAllocated(team: team, worker: worker), on: date) { recordWorkerChange(.sameTeam, on: date) }
    }

    /// The team that assesses and plans for the child: disabled children's team or the ward's locality.
    mutating func assessingTeam() -> Team {
        profile.isDisabled && random.chance(0.6) ? .disabledChildren : Team.locality(ofWard: profile.ward)
    }
}

extension Code where List == ContactOutcomes {
    static let referral = ContactOutcome("referral")!
    static let earlyHelp = ContactOutcome("early-help")!
}
