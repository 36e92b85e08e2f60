import JourneyCore

/// A synthetic council's events in output order: by recorded time across all children, and within the same
/// instant by child, then in the order the child's events were recorded.
///
/// A merge, a day at a time. Each child whose journey has more to come waits in the bucket of the day of its next
/// event, or of its next involvement if that comes first. When the merge reaches a day, that day's children
/// simulate any involvement that begins that day, hand over the events they record that day, and move on to the
/// bucket of their next day; the day's events are then sorted and written. A child is simulated from their
/// arrival day, an involvement at a time on the day it begins (every event of it is recorded on or after that
/// day), so memory holds the involvements in progress and one day's events, not the council. Writing from one
/// sorted day also keeps the hot data in cache: a heap over every open child would visit each child's memory for
/// each of its events.
///
/// The merge starts `historyYears` before `from`. Days before `from` are simulated but not written: an
/// involvement over by `from` is dropped whole, and one still open on `from` is kept whole, its earlier events
/// waiting until the merge reaches `from`, when they are written first, in recorded order. So the log opens with
/// the caseload of a council that has been working for years, each open case with its history.
public struct SynthStream: IteratorProtocol, Sequence {
    let council: SyntheticCouncil
    var calibration: CalibrationState
    /// The next child to arrive, not yet simulated.
    var nextOrdinal = 1
    var pending: (arrival: CalendarDate, random: SynthRandom)?
    /// The day being simulated: days since the simulation began, −1 before the first.
    var today = -1
    /// The first day of the simulation, and `from` as days since it: days before it are history.
    let origin: CalendarDate
    let firstWrittenDay: Int
    /// For each day since the simulation began, the first slot of the children whose next event or involvement is
    /// that day (−1 for none); `nextInBucket` chains the others. (Lists threaded through the slots rather than an
    /// array per day, which would cost an allocation per day and per growth.)
    var buckets: [Int32]
    var nextInBucket: [Int32] = []
    var slots: [ChildSlot] = []
    /// Each slot's journey, while it has involvements to come.
    var journeys: [JourneyBuilder?] = []
    /// Who each slot's child is: needed for `child.registered` and to make `Event`s.
    var profiles: [ChildProfile] = []
    var freeSlots: [Int32] = []
    /// Slots with nothing more to come, freed once today's events (which may need their profile) are written.
    var finished: [Int32] = []
    /// Today's events, and the order to write them in (indices into `todayEvents`), and how many are written.
    var todayEvents: [DayEvent] = []
    var order: [Int] = []
    var written = 0
    /// The seed's part of every event id.
    let seedPrefix: ShortBytes
    public private(set) var summary = SynthSummary()

    /// An event of the day being written, numbered, with whose it is.
    struct DayEvent {
        var record: SynthRecord
        var ordinal: Int32
        var slot: Int32
    }

    init(council: SyntheticCouncil) {
        self.council = council
        let p = council.parameters
        origin = p.simulationStart
        firstWrittenDay = origin.days(to: p.from)
        calibration = CalibrationState(targets: p.targets, from: origin, to: p.to)
        buckets = Array(repeating: -1, count: origin.days(to: p.to) + 1)
        seedPrefix = ShortBytes(seedPrefix: p.seed)
    }

    /// The next event, or `nil` when the council is finished.
    public mutating func next() -> Event? {
        guard let e = nextEvent() else { return nil }
        let profile = profiles[Int(e.slot)]
        let names = ChildNames(ordinal: profile.ordinal, width: council.nameWidth, seed: council.parameters.seed)
        return e.record.event(profile: profile, names: names)
    }

    /// Writes the next event as a JSON line at `cursor` (which must have `JSONCursor.maximumLineLength` bytes of
    /// room); false when the council is finished.
    mutating func writeNextLine(_ cursor: inout JSONCursor) -> Bool {
        guard let e = nextEvent() else { return false }
        let child = ShortBytes(
            letter: e.record.isDuplicateChild ? 0x44 : 0x43, ordinal: Int(e.ordinal), width: council.nameWidth)
        // Only identity facts need the profile: the rest leave it, and its array of disabilities, untouched.
        let details = e.record.fact.isIdentity ? profiles[Int(e.slot)].details(of: e.record.fact) : nil
        cursor.line(e.record, seed: seedPrefix, child: child, details: details)
        return true
    }

    public var progress: SynthProgress {
        SynthProgress(
            children: nextOrdinal - 1, totalChildren: council.parameters.simulatedChildren, events: summary.events,
            day: today < 0 ? nil : origin.adding(days: today))
    }

    // MARK: Merging

    /// The next event in output order, gathering days as they are reached.
    private mutating func nextEvent() -> DayEvent? {
        while written == order.count {
            guard today + 1 < buckets.count else { return nil }
            gatherNextDay()
        }
        let e = todayEvents[order[written]]
        written += 1
        summary.count(e.record)
        return e
    }

    /// Moves to the next day: admits the children who arrive that day, simulates the involvements that begin,
    /// and collects and sorts the events recorded that day.
    private mutating func gatherNextDay() {
        for slot in finished {
            slots[Int(slot)].records = []
            journeys[Int(slot)] = nil
            freeSlots.append(slot)
        }
        finished.removeAll(keepingCapacity: true)
        todayEvents.removeAll(keepingCapacity: true)
        written = 0
        today += 1
        let day = origin.adding(days: today)
        while let arrival = nextArrival(), arrival <= day { admit(arrival: arrival) }

        let isHistory = today < firstWrittenDay
        var slot = buckets[today]
        buckets[today] = -1
        let dayEnd = (Int64(day.dayNumber) + 1) * 86_400
        while slot >= 0 {
            let s = Int(slot)
            let following = nextInBucket[s]
            while slots[s].nextInvolvement == today { simulateInvolvement(s) }
            if !isHistory { slots[s].take(before: dayEnd, slot: slot, into: &todayEvents) }
            // Events kept from history wait for the first day written.
            let nextEvent =
                slots[s].hasWaiting ? Swift.max(bucket(of: slots[s].nextRecorded), firstWrittenDay) : Int.max
            let next = Swift.min(nextEvent, slots[s].nextInvolvement ?? Int.max)
            if next == Int.max {
                finished.append(slot)
            } else {
                enqueue(slot, on: next)
            }
            slot = following
        }
        sortToday()
    }

    /// Orders today's events by recorded time, then child, then the child's own order (the order gathered).
    private mutating func sortToday() {
        order.removeAll(keepingCapacity: true)
        let dayStart = Int64(origin.adding(days: today).dayNumber) * 86_400
        // One 64-bit key per event: second of the day (17 bits), ordinal (27 bits), index gathered (20 bits). The
        // first day written also holds the history kept, recorded before it: those take the slower sort.
        if todayEvents.count < 1 << 20 && today != firstWrittenDay {
            var keys = todayEvents.indices.map { i -> UInt64 in
                let e = todayEvents[i]
                return UInt64(e.record.recorded - dayStart) << 47 | UInt64(e.ordinal) << 20 | UInt64(i)
            }
            keys.sort()
            order = keys.map { Int($0 & 0xF_FFFF) }
        } else {
            order = todayEvents.indices.sorted {
                let a = todayEvents[$0]
                let b = todayEvents[$1]
                return (a.record.recorded, a.ordinal, $0) < (b.record.recorded, b.ordinal, $1)
            }
        }
    }

    /// Simulates the slot's next involvement and adds its events to those waiting.
    private mutating func simulateInvolvement(_ slot: Int) {
        journeys[slot]!.calibration = calibration
        journeys[slot]!.advance()
        var records = journeys[slot]!.finishInvolvement()
        calibration = journeys[slot]!.calibration
        let next = journeys[slot]!.entry.map { origin.days(to: $0.date) }
        if today < firstWrittenDay {
            // Kept whole if anything of it happens, or is recorded, on or after `from`; the child's registration
            // (and birth) are kept in any case, in case a later involvement is.
            if journeys[slot]!.isInLog {
                slots[slot].hasKeptInvolvement = true
                records += slots[slot].undecided
                records.sort { ($0.recorded, $0.number) < ($1.recorded, $1.number) }
                slots[slot].undecided = []
            } else if journeys[slot]!.entry?.kind == .stepUpFromEarlyHelp {
                // Early help stepping up into a referral: one case, in the log or not as the next involvement is.
                slots[slot].undecided += records.filter { !$0.fact.isIdentity }
                records.removeAll { !$0.fact.isIdentity }
            } else {
                records.removeAll { !$0.fact.isIdentity }
                slots[slot].undecided = []
                journeys[slot]!.involvementLeftOut()
            }
        } else {
            slots[slot].hasKeptInvolvement = true
        }
        slots[slot].add(records)
        if next == nil && !slots[slot].hasKeptInvolvement {
            // A child whose involvements were all over before `from` is not in the log at all.
            slots[slot].records = []
            slots[slot].cursor = 0
        }
        slots[slot].nextInvolvement = next
        if next == nil { journeys[slot] = nil }
    }

    /// The arrival day of the next child not yet simulated, or `nil` when all have been.
    private mutating func nextArrival() -> CalendarDate? {
        if let pending { return pending.arrival }
        let p = council.parameters
        guard nextOrdinal <= p.simulatedChildren else { return nil }
        // Arrivals spread evenly over the period: child k arrives in the k-th of n equal slices of it, at a
        // random point within it, so arrivals come in order of ordinal.
        var random = SynthRandom(seed: p.seed, stream: UInt64(nextOrdinal))
        let days = Double(origin.days(to: p.to) + 1)
        let offset = Int((Double(nextOrdinal - 1) + random.unit()) * days / Double(p.simulatedChildren))
        let arrival = origin.adding(days: Swift.min(offset, Int(days) - 1))
        pending = (arrival, random)
        return arrival
    }

    /// A new child: drawn, registered, and waiting for their first contact.
    private mutating func admit(arrival: CalendarDate) {
        guard var random = pending?.random else { return }
        pending = nil
        let ordinal = nextOrdinal
        nextOrdinal += 1
        let p = council.parameters
        let profile = ChildProfile.draw(ordinal: ordinal, arrival: arrival, model: council.model, random: &random)
        var journey = JourneyBuilder(
            model: council.model, workingDays: council.workingDays, from: origin, horizon: p.to, profile: profile,
            arrival: arrival, random: random,
            defectRandom: SynthRandom(seed: p.seed, stream: UInt64(ordinal) | 1 << 40), calibration: calibration,
            logStart: p.from)
        journey.drawDefect(rate: p.defectRate)
        journey.begin()
        var slot = ChildSlot(ordinal: Int32(ordinal))
        let first = origin.days(to: journey.entry!.date)
        slot.nextInvolvement = first
        let index: Int
        if let free = freeSlots.popLast() {
            index = Int(free)
            slots[index] = slot
            journeys[index] = journey
            profiles[index] = profile
        } else {
            slots.append(slot)
            journeys.append(journey)
            profiles.append(profile)
            nextInBucket.append(-1)
            index = slots.count - 1
        }
        enqueue(Int32(index), on: first)
    }

    /// Puts a slot in the bucket of a day.
    private mutating func enqueue(_ slot: Int32, on day: Int) {
        nextInBucket[Int(slot)] = buckets[day]
        buckets[day] = slot
    }

    /// The bucket of a recorded time: days since the simulation began.
    private func bucket(of recorded: Int64) -> Int {
        Int(recorded / 86_400) - Int(origin.dayNumber)
    }
}
