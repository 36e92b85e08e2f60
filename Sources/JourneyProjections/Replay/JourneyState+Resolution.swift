import JourneyCore

extension JourneyState {
    /// Calls `body` with every child's record as known at `asKnownAt` (everything when `nil`).
    ///
    /// This is where the metric conventions on corrections, retractions, merges and "as known at" are applied, once,
    /// for every projection (metrics.md, conventions):
    /// - only events recorded at or before `asKnownAt` count;
    /// - an event named by a counting `corrects` or `event.retracted` is dropped. Naming events are resolved from the
    ///   last to the first, so a retracted correction drops nothing and the event it would have replaced counts;
    /// - after `child.merged` from A into B, every event of A counts as B's (chains followed, cycles broken).
    ///
    /// Children come in no particular order; every consumer must be independent of it.
    ///
    /// With `includingRecording`, each record also carries how its events were recorded (`ChildRecord.recording`:
    /// every event with its times and whether it counts, the corrections and the merges), for the data-quality
    /// checks; metrics leave it off and pay nothing for it.
    public func forEachRecord(
        asKnownAt: Timestamp? = nil, includingRecording: Bool = false, _ body: (ChildRecord) throws -> Void
    ) rethrows {
        let resolution = RecordResolution(self, asKnownAt: asKnownAt, includingRecording: includingRecording)
        try resolution.forEachRecord(inChildren: childIDs.indices, body)
        try resolution.forEachMergedRecord(body)
    }

    /// The record of one child (after merges), or `nil` if the log holds nothing for it.
    public func record(of child: ChildID, asKnownAt: Timestamp? = nil) -> ChildRecord? {
        var found: ChildRecord?
        forEachRecord(asKnownAt: asKnownAt) { if $0.id == child { found = $0 } }
        return found
    }
}

/// What every child's record is built from, worked out once for a time "as known at": which events are dropped,
/// which records are merged, and each child's atoms grouped. Building records from it only reads it, so the
/// children can be shared out between threads (`JourneyState.reduceRecords`).
struct RecordResolution: Sendable {
    let state: JourneyState
    let builder: RecordBuilder
    let streams: ChildStreams
    /// Children who are their own record: not merged into another, and with no other merged into them.
    let isOwnRecord: [Bool]
    /// Merged records: the child each ends up as, and every child whose events it holds.
    let groups: [(target: ChildID, members: [ChildID])]

    init(_ state: JourneyState, asKnownAt: Timestamp?, includingRecording: Bool) {
        let cutoff = asKnownAt?.nanoseconds ?? Int64.max
        var dropped = EventIDSet()
        for drop in state.drops.sorted(by: { $0.position > $1.position }) where drop.recorded <= cutoff {
            if !dropped.contains(drop.source) { dropped.insert(drop.target) }
        }
        var mergedInto: [ChildID: ChildID] = [:]
        for merge in state.merges.sorted(by: { $0.position < $1.position })
        where merge.recorded <= cutoff && !dropped.contains(merge.source) {
            mergedInto[merge.child] = merge.into
        }
        let finalID = Self.finalIDs(mergedInto)

        let streams = ChildStreams(atomChildren: state.atomChildren, childCount: state.childIDs.count)
        var builder = RecordBuilder(strings: state.strings, cutoff: cutoff, dropped: dropped)
        if includingRecording {
            builder.recording = state.recordingContext(cutoff: cutoff, dropped: dropped, streams: streams)
        }
        // Only merged records need grouping: every other child is its own record. Each merged child joins the group
        // of the child it ends up as; that child's own events join it too, unless it is itself merged away.
        var members: [ChildID: [ChildID]] = [:]
        for source in mergedInto.keys { members[finalID[source]!, default: []].append(source) }
        for target in members.keys where mergedInto[target] == nil { members[target]!.append(target) }
        var isOwnRecord = [Bool](repeating: true, count: state.childIDs.count)
        for child in Set(mergedInto.keys).union(members.keys) {
            if let n = state.childNumbers[ChildKey(child)] { isOwnRecord[n] = false }
        }
        self.state = state
        self.builder = builder
        self.streams = streams
        self.isOwnRecord = isOwnRecord
        self.groups = members.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
    }

    /// The child each merged child ends up as: its `into` followed to a child that is not merged, or, where the
    /// merges make a cycle, to the last child before the walk would come back to one already passed (the cycle is
    /// broken there).
    ///
    /// Worked out in one walk over each chain rather than a walk from every child (a chain of n merges once took n²
    /// steps): a child outside a cycle ends up where the child it was merged into ends up, and a child in a cycle
    /// ends up as the child before it in the cycle, the last new one its own walk reaches.
    static func finalIDs(_ mergedInto: [ChildID: ChildID]) -> [ChildID: ChildID] {
        var final: [ChildID: ChildID] = [:]
        final.reserveCapacity(mergedInto.count)
        for start in mergedInto.keys where final[start] == nil {
            // Walk until a child already resolved, a child not merged, or a child on this walk (a cycle).
            var path: [ChildID] = []
            var onPath: [ChildID: Int] = [:]
            var current = start
            var resolved: ChildID?
            while true {
                if let known = final[current] {
                    resolved = known
                    break
                }
                guard let next = mergedInto[current] else {
                    resolved = current  // not merged: the end of the chain
                    break
                }
                if let entry = onPath[current] {
                    // path[entry...] is a cycle: each of its children ends up as the one before it in the cycle.
                    let cycle = path[entry...]
                    var previous = cycle.last!
                    for child in cycle {
                        final[child] = previous
                        previous = child
                    }
                    path.removeSubrange(entry...)
                    resolved = nil
                    break
                }
                onPath[current] = path.count
                path.append(current)
                current = next
            }
            // The children before the end (or before the cycle) end up where the child each was merged into does.
            for child in path.reversed() {
                let next = mergedInto[child]!
                final[child] = final[next] ?? resolved ?? next
            }
        }
        return final
    }

    /// Calls `body` with the record of each child numbered in `children` who is their own record.
    func forEachRecord(inChildren children: Range<Int>, _ body: (ChildRecord) throws -> Void) rethrows {
        for n in children where isOwnRecord[n] {
            try body(builder.record(state.childIDs[n], atoms: streams.atoms(of: n, from: state.atoms), mergedFrom: []))
        }
    }

    /// Calls `body` with each merged record.
    func forEachMergedRecord(_ body: (ChildRecord) throws -> Void) rethrows {
        for (target, group) in groups {
            var atoms: [Atom] = []
            for m in group {
                guard let n = state.childNumbers[ChildKey(m)] else { continue }
                // Ids are unique within a child (events.md), not across children: a merged record's R1 is not the
                // R1 of the record it joins, so its ids are kept apart.
                let scope = m == target ? 0 : m.stableHash
                atoms += streams.atoms(of: n, from: state.atoms).map { $0.scoped(scope) }
            }
            atoms.sort { $0.position < $1.position }
            try body(builder.record(target, atoms: atoms, mergedFrom: group.filter { $0 != target }.sorted()))
        }
    }
}

/// Builds a child's record from its atoms.
struct RecordBuilder: Sendable {
    let strings: FoldedStrings
    let cutoff: Int64
    let dropped: EventIDSet
    /// Set when records should carry their recording (`forEachRecord(asKnownAt:includingRecording:)`).
    var recording: RecordingContext? = nil

    func record(_ child: ChildID, atoms: [Atom], mergedFrom: [ChildID]) -> ChildRecord {
        var r = ChildRecord(id: child)
        r.mergedFrom = mergedFrom
        // Characteristics: the latest value of each, by the date it took effect, then log order.
        var sexAt: (Int32, UInt64)?
        var ethnicityAt: (Int32, UInt64)?
        var wardAt: (Int32, UInt64)?
        var birthAt: (Int32, UInt64)?
        var expectedAt: (Int32, UInt64)?
        var disabilityAt: (Int32, UInt64)?
        func later(_ at: (Int32, UInt64)?, _ atom: Atom) -> Bool {
            guard let at else { return true }
            return (atom.occurred, atom.position) >= at
        }
        // Facts are found by their id's key as events about them arrive (KeyedLookup).
        var referralAt = KeyedLookup()
        var assessmentAt = KeyedLookup()
        var s47At = KeyedLookup()
        var cinPlanAt = KeyedLookup()
        var cpPlanAt = KeyedLookup()
        var earlyHelpAt = KeyedLookup()
        var periodAt = KeyedLookup()
        var placementAt = KeyedLookup()
        var missingAt = KeyedLookup()
        let checkDrops = !dropped.isEmpty
        // An event about a referral, plan, period of care or placement (a closure, review, change or end) written
        // before the event that records that thing: applied once every event has been read, so that a record does
        // not depend on the order its events were written in. One whose thing is never recorded is not applied; the
        // check `parent-not-recorded` reports it.
        var pending: [Atom] = []
        /// Applies an event that needs its parent; false when the record does not hold the parent (yet).
        func attach(_ atom: Atom) -> Bool {
            let date = atom.date
            switch atom.type {
            case .caseClosed:
                guard let i = referralAt.index(of: atom.key, in: r.referrals, keyOf: { $0.key }) else { return false }
                if r.referrals[i].closed.map({ date >= $0 }) ?? true {
                    r.referrals[i].closed = date
                    r.referrals[i].closureReason = ClosureReason(index: atom.a)
                }
            case .cinPlanReviewed:
                guard let i = cinPlanAt.index(of: atom.key, in: r.cinPlans, keyOf: { $0.key }) else { return false }
                r.cinPlans[i].reviews.append(date)
            case .cpPlanCategoryChanged:
                guard let i = cpPlanAt.index(of: atom.key, in: r.cpPlans, keyOf: { $0.key }) else { return false }
                r.cpPlans[i].latestCategory = AbuseCategory(index: atom.a)
            case .cpPlanReviewed:
                guard let i = cpPlanAt.index(of: atom.key, in: r.cpPlans, keyOf: { $0.key }) else { return false }
                r.cpPlans[i].reviews.append(date)
            case .legalStatusChanged:
                guard let i = periodAt.index(of: atom.key, in: r.periodsOfCare, keyOf: { $0.key }) else { return false }
                r.periodsOfCare[i].legalStatuses.append((date, LegalStatus(index: atom.a)!))
            case .careReviewed:
                guard let i = periodAt.index(of: atom.key, in: r.periodsOfCare, keyOf: { $0.key }) else { return false }
                r.periodsOfCare[i].reviews.append(date)
            case .placementEnded:
                guard let i = placementAt.index(of: atom.key, in: r.placements, keyOf: { $0.key }) else { return false }
                r.placements[i].ownEnd = r.placements[i].ownEnd.map { max($0, date) } ?? date
            default:
                return true
            }
            return true
        }
        for atom in atoms {
            if atom.recorded > cutoff { continue }
            if checkDrops && dropped.contains(atom.id) { continue }
            let date = atom.date
            // The span of the record's counting events: what the log's span is made of (`LogSpan`).
            if r.firstOccurred.map({ date < $0 }) ?? true { r.firstOccurred = date }
            if r.lastOccurred.map({ date > $0 }) ?? true { r.lastOccurred = date }
            switch atom.type {
            case .childRegistered, .childUpdated:
                let at = (atom.occurred, atom.position)
                if atom.a > 0, later(sexAt, atom) { r.sex = Sex(byte: atom.a); sexAt = at }
                if atom.b > 0, later(ethnicityAt, atom) { r.ethnicity = Ethnicity(byte: atom.b); ethnicityAt = at }
                if atom.key > 0, later(wardAt, atom) { r.ward = strings.wards.string(atom.key); wardAt = at }
                if atom.extra > 0, later(birthAt, atom) {
                    r.birthDate = CalendarDate(dayNumber: Int32(Int64(bitPattern: atom.extra) - 1))
                    birthAt = at
                    r.birthDatePosition = atom.position
                }
                if atom.ref > 0, later(expectedAt, atom) {
                    r.expectedBirthDate = CalendarDate(dayNumber: Int32(Int64(bitPattern: atom.ref) - 1))
                    expectedAt = at
                }
                if atom.c > 0, later(disabilityAt, atom) { r.hasDisability = atom.c == 2; disabilityAt = at }
            case .childDied:
                r.diedOn = r.diedOn.map { min($0, date) } ?? date
            case .workerAllocated:
                r.allocations.append(
                    .init(
                        date: date, team: strings.teams.string(atom.key) ?? "",
                        worker: strings.workers.string(atom.ref),
                        position: atom.position))
            case .contactReceived:
                r.contacts.append(
                    .init(date: date, source: ReferralSource(index: atom.a)!, outcome: ContactOutcome(byte: atom.b)))
            case .referralReceived:
                if referralAt.index(of: atom.key, in: r.referrals, keyOf: { $0.key }) == nil {
                    r.referrals.append(
                        .init(
                            key: atom.key, date: date, source: ReferralSource(index: atom.a)!,
                            primaryNeed: PrimaryNeed(byte: atom.b), isNFA: atom.c == 1, position: atom.position))
                }
            case .caseClosed, .cinPlanReviewed, .cpPlanCategoryChanged, .cpPlanReviewed, .legalStatusChanged,
                .careReviewed, .placementEnded:
                if !attach(atom) { pending.append(atom) }
            case .assessmentStarted:
                if let i = assessmentAt.index(of: atom.key, in: r.assessments, keyOf: { $0.key }) {
                    r.assessments[i].started = r.assessments[i].started.map { min($0, date) } ?? date
                } else {
                    r.assessments.append(
                        .init(key: atom.key, referral: atom.ref, started: date, position: atom.position))
                }
            case .assessmentCompleted:
                if let i = assessmentAt.index(of: atom.key, in: r.assessments, keyOf: { $0.key }) {
                    if r.assessments[i].completed == nil {
                        r.assessments[i].completed = date
                        r.assessments[i].outcome = AssessmentOutcome(byte: atom.a)
                    }
                } else {
                    r.assessments.append(
                        .init(
                            key: atom.key, referral: 0, started: nil, completed: date,
                            outcome: AssessmentOutcome(byte: atom.a), position: atom.position))
                }
            case .strategyHeld:
                r.strategyDiscussions.append(.init(key: atom.key, referral: atom.ref, date: date))
            case .s47Started:
                if let i = s47At.index(of: atom.key, in: r.s47Enquiries, keyOf: { $0.key }) {
                    r.s47Enquiries[i].started = r.s47Enquiries[i].started.map { min($0, date) } ?? date
                } else {
                    r.s47Enquiries.append(
                        .init(key: atom.key, referral: atom.ref, started: date, position: atom.position))
                }
            case .s47Completed:
                if let i = s47At.index(of: atom.key, in: r.s47Enquiries, keyOf: { $0.key }) {
                    r.s47Enquiries[i].completed = date
                    r.s47Enquiries[i].icpcRequired = atom.a == 1
                } else {
                    r.s47Enquiries.append(
                        .init(
                            key: atom.key, referral: 0, started: nil, completed: date, icpcRequired: atom.a == 1,
                            position: atom.position))
                }
            case .icpcHeld:
                r.conferences.append(
                    .init(
                        date: date, s47: atom.key == 0 ? nil : atom.key, referral: atom.ref,
                        outcome: ConferenceOutcome(index: atom.a)!, position: atom.position))
            case .cinPlanStarted:
                if let i = cinPlanAt.index(of: atom.key, in: r.cinPlans, keyOf: { $0.key }) {
                    r.cinPlans[i].start = r.cinPlans[i].start.map { min($0, date) } ?? date
                } else {
                    r.cinPlans.append(.init(key: atom.key, referral: atom.ref, start: date, position: atom.position))
                }
            case .cinPlanEnded:
                if let i = cinPlanAt.index(of: atom.key, in: r.cinPlans, keyOf: { $0.key }) {
                    r.cinPlans[i].end = r.cinPlans[i].end.map { max($0, date) } ?? date
                } else {
                    r.cinPlans.append(.init(key: atom.key, referral: 0, start: nil, end: date, position: atom.position))
                }
            case .cpPlanStarted:
                let category = AbuseCategory(index: atom.a)
                let previous = atom.extra > 0 ? Int(atom.extra - 1) : nil
                if let i = cpPlanAt.index(of: atom.key, in: r.cpPlans, keyOf: { $0.key }) {
                    if r.cpPlans[i].start.map({ date < $0 }) ?? true {
                        r.cpPlans[i].start = date
                        r.cpPlans[i].category = category
                        r.cpPlans[i].position = atom.position
                    }
                    if r.cpPlans[i].latestCategory == nil { r.cpPlans[i].latestCategory = category }
                    r.cpPlans[i].previousPlans = r.cpPlans[i].previousPlans ?? previous
                } else {
                    r.cpPlans.append(
                        .init(
                            key: atom.key, referral: atom.ref, start: date, category: category,
                            latestCategory: category,
                            previousPlans: previous, position: atom.position))
                }
            case .cpPlanEnded:
                if let i = cpPlanAt.index(of: atom.key, in: r.cpPlans, keyOf: { $0.key }) {
                    r.cpPlans[i].end = r.cpPlans[i].end.map { max($0, date) } ?? date
                } else {
                    r.cpPlans.append(.init(key: atom.key, referral: 0, start: nil, end: date, position: atom.position))
                }
            case .earlyHelpStarted:
                if earlyHelpAt.index(of: atom.key, in: r.earlyHelp, keyOf: { $0.key }) == nil {
                    r.earlyHelp.append(.init(key: atom.key, start: date))
                }
            case .earlyHelpEnded:
                if let i = earlyHelpAt.index(of: atom.key, in: r.earlyHelp, keyOf: { $0.key }) {
                    r.earlyHelp[i].end = date
                    r.earlyHelp[i].outcome = EarlyHelpOutcome(byte: atom.a)
                } else {
                    r.earlyHelp.append(
                        .init(key: atom.key, start: nil, end: date, outcome: EarlyHelpOutcome(byte: atom.a)))
                }
            case .steppedUp, .steppedDown:
                r.steps.append(.init(date: date, from: Level(index: atom.a)!, to: Level(index: atom.b)!))
            case .careStarted:
                let status = LegalStatus(index: atom.a)!
                if let i = periodAt.index(of: atom.key, in: r.periodsOfCare, keyOf: { $0.key }) {
                    r.periodsOfCare[i].start = r.periodsOfCare[i].start.map { min($0, date) } ?? date
                    r.periodsOfCare[i].isUASC = r.periodsOfCare[i].isUASC || atom.c == 1
                    r.periodsOfCare[i].legalStatuses.append((date, status))
                } else {
                    var p = ChildRecord.PeriodOfCare(
                        key: atom.key, start: date, isUASC: atom.c == 1, needCode: CareNeed(index: atom.b),
                        position: atom.position)
                    p.legalStatuses = [(date, status)]
                    r.periodsOfCare.append(p)
                }
            case .careEnded:
                if let i = periodAt.index(of: atom.key, in: r.periodsOfCare, keyOf: { $0.key }) {
                    if r.periodsOfCare[i].end.map({ date >= $0 }) ?? true {
                        r.periodsOfCare[i].end = date
                        r.periodsOfCare[i].endReason = CareEndReason(index: atom.a)
                    }
                } else {
                    var p = ChildRecord.PeriodOfCare(key: atom.key, isUASC: false, position: atom.position)
                    p.end = date
                    r.periodsOfCare.append(p)
                }
            case .placementStarted:
                if placementAt.index(of: atom.key, in: r.placements, keyOf: { $0.key }) == nil {
                    r.placements.append(
                        .init(
                            key: atom.key, period: atom.ref, start: date, placementType: PlacementType(index: atom.a)!,
                            provider: PlacementProvider(byte: atom.b), isSameCarer: atom.c == 1,
                            distanceMiles: atom.extra == Atom.noDistance ? nil : Double(bitPattern: atom.extra),
                            position: atom.position))
                }
            case .missingStarted:
                if missingAt.index(of: atom.key, in: r.missingEpisodes, keyOf: { $0.key }) == nil {
                    r.missingEpisodes.append(.init(key: atom.key, kind: MissingKind(index: atom.a)!, start: date))
                }
            case .missingEnded:
                let offered: Bool? = atom.a == 0 ? nil : atom.a == 2
                let accepted: Bool? = atom.b == 0 ? nil : atom.b == 2
                if let i = missingAt.index(of: atom.key, in: r.missingEpisodes, keyOf: { $0.key }) {
                    r.missingEpisodes[i].end = date
                    r.missingEpisodes[i].returnInterviewOffered = offered
                    r.missingEpisodes[i].returnInterviewAccepted = accepted
                } else {
                    r.missingEpisodes.append(
                        .init(
                            key: atom.key, kind: MissingKind("missing")!, start: nil, end: date,
                            returnInterviewOffered: offered, returnInterviewAccepted: accepted))
                }
            case .visitMade:
                r.visits.append(
                    .init(
                        date: date, kind: VisitKind(index: atom.a)!, wasSeen: atom.b == 1,
                        wasSeenAlone: atom.c == 0 ? nil : atom.c == 2))
            case .childMerged, .eventRetracted:
                break
            }
        }
        for atom in pending { _ = attach(atom) }
        // A placement with no end of its own ends with its period of care (metrics.md, conventions).
        for i in r.placements.indices {
            let period = periodAt.index(of: r.placements[i].period, in: r.periodsOfCare, keyOf: { $0.key })
            let periodEnd = period.flatMap { r.periodsOfCare[$0].end }
            r.placements[i].end = r.placements[i].ownEnd ?? periodEnd
        }
        for i in r.cpPlans.indices { r.cpPlans[i].reviews.sort() }
        for i in r.periodsOfCare.indices { r.periodsOfCare[i].legalStatuses.sort { $0.date < $1.date } }
        if let recording { r.recording = recording.recording(of: child, atoms: atoms, mergedFrom: mergedFrom) }
        return r
    }
}

extension Atom {
    /// The atom with its ids (`key`, `ref`) made distinct for the child record it came from; `scope` 0 leaves it.
    func scoped(_ scope: UInt64) -> Atom {
        guard scope != 0 else { return self }
        switch type {
        case .childRegistered, .childUpdated, .workerAllocated, .childDied, .steppedUp, .steppedDown, .visitMade,
            .childMerged, .eventRetracted:
            return self  // `key` and `ref` hold no ids here
        default:
            var a = self
            if a.key != 0 { a.key = (a.key ^ scope) | 1 }
            if a.ref != 0 { a.ref = (a.ref ^ scope) | 1 }
            return a
        }
    }
}
