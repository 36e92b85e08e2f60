import JourneyCore

/// Builds a child's record from its atoms: the events that count, read in log order by family (RecordBuilder+Child,
/// +Referral, +Plans and +Care), then what waits for the end of the record.
struct RecordBuilder: Sendable {
    let strings: FoldedStrings
    let cutoff: Int64
    let dropped: EventIDSet
    /// Set when records should carry their recording (`forEachRecord(asKnownAt:includingRecording:)`).
    var recording: RecordingContext? = nil

    func record(_ child: ChildID, atoms: [Atom], mergedFrom: [ChildID]) -> ChildRecord {
        var draft = Draft(ChildRecord(id: child))
        draft.r.mergedFrom = mergedFrom
        let checkDrops = !dropped.isEmpty
        for atom in atoms {
            if atom.recorded > cutoff { continue }
            if checkDrops && dropped.contains(atom.id) { continue }
            draft.add(atom, strings: strings)
        }
        var r = draft.finished()
        if let recording { r.recording = recording.recording(of: child, atoms: atoms, mergedFrom: mergedFrom) }
        return r
    }

    /// A child's record while its atoms are read, with how to find its facts as events about them arrive.
    struct Draft {
        /// The record being built.
        var r: ChildRecord
        // Characteristics: the latest value of each, by the date it took effect, then log order.
        var sexAt: (Int32, UInt64)?
        var ethnicityAt: (Int32, UInt64)?
        var wardAt: (Int32, UInt64)?
        var birthAt: (Int32, UInt64)?
        var expectedAt: (Int32, UInt64)?
        var disabilityAt: (Int32, UInt64)?
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
        /// An event about a referral, plan, period of care or placement (a closure, review, change or end) written
        /// before the event that records that thing: applied once every event has been read, so that a record does
        /// not depend on the order its events were written in. One whose thing is never recorded is not applied;
        /// the check `parent-not-recorded` reports it.
        var pending: [Atom] = []

        init(_ r: ChildRecord) { self.r = r }

        /// Adds one counting event.
        mutating func add(_ atom: Atom, strings: FoldedStrings) {
            let date = atom.date
            // The span of the record's counting events: what the log's span is made of (`LogSpan`).
            if r.firstOccurred.map({ date < $0 }) ?? true { r.firstOccurred = date }
            if r.lastOccurred.map({ date > $0 }) ?? true { r.lastOccurred = date }
            switch atom.type {
            case .childRegistered, .childUpdated, .childDied, .workerAllocated:
                addChildEvent(atom, strings: strings)
            case .contactReceived, .referralReceived, .caseClosed, .assessmentStarted, .assessmentCompleted,
                .strategyHeld, .s47Started, .s47Completed, .icpcHeld:
                addReferralEvent(atom)
            case .cinPlanStarted, .cinPlanReviewed, .cinPlanEnded, .cpPlanStarted, .cpPlanCategoryChanged,
                .cpPlanReviewed, .cpPlanEnded, .earlyHelpStarted, .earlyHelpEnded, .steppedUp, .steppedDown,
                .visitMade:
                addPlanEvent(atom)
            case .careStarted, .legalStatusChanged, .careReviewed, .careEnded, .placementStarted, .placementEnded,
                .missingStarted, .missingEnded:
                addCareEvent(atom)
            case .childMerged, .eventRetracted:
                break
            }
        }

        /// Applies an event that needs its parent now if the record holds the parent, else once every event has
        /// been read (`pending`).
        mutating func attachOrWait(_ atom: Atom) {
            if !attach(atom) { pending.append(atom) }
        }

        /// Applies an event that needs its parent; false when the record does not hold the parent (yet).
        mutating func attach(_ atom: Atom) -> Bool {
            switch atom.type {
            case .caseClosed: attachReferralEvent(atom)
            case .cinPlanReviewed, .cpPlanCategoryChanged, .cpPlanReviewed: attachPlanEvent(atom)
            case .legalStatusChanged, .careReviewed, .placementEnded: attachCareEvent(atom)
            default: true
            }
        }

        /// The record, once every event has been added.
        mutating func finished() -> ChildRecord {
            for atom in pending { _ = attach(atom) }
            // A placement with no end of its own ends with its period of care (metrics.md, conventions).
            for i in r.placements.indices {
                let period = periodAt.index(of: r.placements[i].period, in: r.periodsOfCare, keyOf: { $0.key })
                let periodEnd = period.flatMap { r.periodsOfCare[$0].end }
                r.placements[i].end = r.placements[i].ownEnd ?? periodEnd
            }
            for i in r.cpPlans.indices { r.cpPlans[i].reviews.sort() }
            for i in r.periodsOfCare.indices { r.periodsOfCare[i].legalStatuses.sort { $0.date < $1.date } }
            return r
        }
    }
}
