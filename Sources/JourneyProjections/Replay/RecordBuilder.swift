import JourneyCore

/// Builds a child's record from its atoms: the events that count, read in log order, each applied by a method of
/// its family (RecordBuilder+Child, +Referral, +Plans, +Care, +Permanence, +LeavingCare and +Health), then what
/// waits for the end of the record.
struct RecordBuilder: Sendable {
    let strings: FoldedStrings
    let cutoff: Int64
    let dropped: EventIDSet
    /// Set when records should carry their recording (`forEachRecord(asKnownAt:includingRecording:)`).
    var recording: RecordingContext? = nil

    func record(_ child: ChildID, atoms: [Atom], mergedFrom: [ChildID]) -> ChildRecord {
        var r = ChildRecord(id: child)
        atoms.withUnsafeBufferPointer { build(&r, atoms: $0, mergedFrom: mergedFrom) }
        return r
    }

    /// `record`, from atoms lent in place: a run of children's atoms gathered at once
    /// (`RecordResolution.forEachRecord(inChildren:)`).
    func record(_ child: ChildID, atoms: UnsafeBufferPointer<Atom>, mergedFrom: [ChildID]) -> ChildRecord {
        var r = ChildRecord(id: child)
        build(&r, atoms: atoms, mergedFrom: mergedFrom)
        return r
    }

    /// Fills in `r` from the child's atoms, for `record`. Apart and never inlined because, built and returned in one
    /// function, the record was copied on the way out: each of its lists retained and released once more, for every
    /// record (seen in the machine code; about 4% of a 1M-event full replay's CPU time).
    @inline(never)
    private func build(_ r: inout ChildRecord, atoms: UnsafeBufferPointer<Atom>, mergedFrom: [ChildID]) {
        let child = r.id
        r.mergedFrom = mergedFrom
        var progress = Progress()
        let checkDrops = !dropped.isEmpty
        for atom in atoms {
            if atom.recorded > cutoff { continue }
            if checkDrops && dropped.contains(atom.id) { continue }
            progress.add(atom, to: &r, strings: strings)
        }
        progress.finish(&r)
        if let recording { r.recording = recording.recording(of: child, atoms: atoms, mergedFrom: mergedFrom) }
    }

    /// How far the building of a record has got: when each characteristic took the value it has, where each fact
    /// is, and the events waiting for theirs. The record itself is the caller's, passed in (`r`), so that it is
    /// never copied.
    struct Progress {
        // Characteristics: the latest value of each, by the date it took effect, then log order.
        var sexAt: (Int32, UInt64)?
        var ethnicityAt: (Int32, UInt64)?
        var wardAt: (Int32, UInt64)?
        var birthAt: (Int32, UInt64)?
        var expectedAt: (Int32, UInt64)?
        var disabilityAt: (Int32, UInt64)?
        var upnAt: (Int32, UInt64)?
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
        var adoptionAt = KeyedLookup()
        var dolOrderAt = KeyedLookup()
        /// An event about a referral, plan, period of care or placement (a closure, review, change or end) written
        /// before the event that records that thing: applied once every event has been read, so that a record does
        /// not depend on the order its events were written in. One whose thing is never recorded is not applied;
        /// the check `parent-not-recorded` reports it.
        var pending: [Atom] = []

        /// Adds one counting event.
        @inline(__always)
        mutating func add(_ atom: Atom, to r: inout ChildRecord, strings: FoldedStrings) {
            let date = atom.date
            // The span of the record's counting events: what the log's span is made of (`LogSpan`).
            if r.firstOccurred.map({ date < $0 }) ?? true { r.firstOccurred = date }
            if r.lastOccurred.map({ date > $0 }) ?? true { r.lastOccurred = date }
            // One switch over the types, each calling its family's method directly, and every one of those inlined
            // (`@inline(__always)`), so that the loop is the one function it was before the split: a switch per
            // family, or calls, cost records a tenth more time to build (perf on a 10M-event log).
            switch atom.type {
            case .childRegistered, .childUpdated: updateDetails(atom, to: &r, strings: strings)
            case .childDied: recordDeath(atom, to: &r)
            case .workerAllocated: allocate(atom, to: &r, strings: strings)
            case .contactReceived: addContact(atom, to: &r)
            case .referralReceived: addReferral(atom, to: &r)
            case .caseClosed: if !closeReferral(atom, to: &r) { pending.append(atom) }
            case .assessmentStarted: startAssessment(atom, to: &r)
            case .assessmentCompleted: completeAssessment(atom, to: &r)
            case .strategyHeld: addStrategyDiscussion(atom, to: &r)
            case .s47Started: startS47(atom, to: &r)
            case .s47Completed: completeS47(atom, to: &r)
            case .icpcHeld: addConference(atom, to: &r)
            case .cinPlanStarted: startCINPlan(atom, to: &r)
            case .cinPlanReviewed: if !Self.reviewPlan(atom, in: &r.cinPlans, at: &cinPlanAt) { pending.append(atom) }
            case .cinPlanEnded: Self.endPlan(atom, in: &r.cinPlans, at: &cinPlanAt)
            case .cpPlanStarted: startCPPlan(atom, to: &r)
            case .cpPlanCategoryChanged: if !changeCPPlanCategory(atom, to: &r) { pending.append(atom) }
            case .cpPlanReviewed: if !Self.reviewPlan(atom, in: &r.cpPlans, at: &cpPlanAt) { pending.append(atom) }
            case .cpPlanEnded: Self.endPlan(atom, in: &r.cpPlans, at: &cpPlanAt)
            case .earlyHelpStarted: startEarlyHelp(atom, to: &r)
            case .earlyHelpEnded: endEarlyHelp(atom, to: &r)
            case .steppedUp, .steppedDown: addStep(atom, to: &r)
            case .visitMade: addVisit(atom, to: &r)
            case .careStarted: startCare(atom, to: &r)
            case .legalStatusChanged: if !changeLegalStatus(atom, to: &r) { pending.append(atom) }
            case .careReviewed: if !reviewCare(atom, to: &r) { pending.append(atom) }
            case .careEnded: endCare(atom, to: &r)
            case .placementStarted: startPlacement(atom, to: &r, strings: strings)
            case .placementEnded: if !endPlacement(atom, to: &r) { pending.append(atom) }
            case .missingStarted: startMissing(atom, to: &r)
            case .missingEnded: endMissing(atom, to: &r)
            case .adoptionDecided, .placementOrderGranted, .adoptionOrderGranted: addAdoptionStep(atom, to: &r)
            case .adoptionMatched: matchAdoption(atom, to: &r)
            case .adoptionPlaced: placeForAdoption(atom, to: &r)
            case .adoptionPlacementEnded: endAdoptivePlacement(atom, to: &r)
            case .adoptionDecisionReversed: reverseAdoptionDecision(atom, to: &r)
            case .permanenceOrderGranted: addPermanenceOrder(atom, to: &r)
            case .previousPermanenceRecorded: addPreviousPermanence(atom, to: &r, strings: strings)
            case .careLeaverContacted: addCareLeaverContact(atom, to: &r)
            case .pathwayPlanReviewed: addPathwayPlanReview(atom, to: &r)
            case .personalAdviserAllocated: allocatePersonalAdviser(atom, to: &r, strings: strings)
            case .healthAssessmentCompleted, .dentalCheckCompleted, .convictionRecorded: addHealthDate(atom, to: &r)
            case .immunisationsRecorded, .healthSurveillanceRecorded: addHealthCheck(atom, to: &r)
            case .sdqRecorded: addSDQ(atom, to: &r)
            case .substanceMisuseIdentified: addSubstanceMisuse(atom, to: &r)
            case .deprivationOfLibertyStarted: startDeprivationOfLiberty(atom, to: &r)
            case .deprivationOfLibertyEnded: endDeprivationOfLiberty(atom, to: &r)
            case .motherhoodRecorded: addMotherhood(atom, to: &r)
            case .homePostcodeRecorded: addHomePostcode(atom, to: &r, strings: strings)
            case .workerChangeRecorded: addWorkerChangeReason(atom, to: &r)
            case .childMerged, .eventRetracted: break
            }
        }

        /// Finishes the record once every event has been added: first the events that waited for their parent
        /// (`pending`), in log order, each applied if its parent is now there.
        mutating func finish(_ r: inout ChildRecord) {
            for atom in pending {
                switch atom.type {
                case .caseClosed: _ = closeReferral(atom, to: &r)
                case .cinPlanReviewed: _ = Self.reviewPlan(atom, in: &r.cinPlans, at: &cinPlanAt)
                case .cpPlanCategoryChanged: _ = changeCPPlanCategory(atom, to: &r)
                case .cpPlanReviewed: _ = Self.reviewPlan(atom, in: &r.cpPlans, at: &cpPlanAt)
                case .legalStatusChanged: _ = changeLegalStatus(atom, to: &r)
                case .careReviewed: _ = reviewCare(atom, to: &r)
                case .placementEnded: _ = endPlacement(atom, to: &r)
                default: break
                }
            }
            // A placement with no end of its own ends with its period of care (metrics.md, conventions).
            for i in r.placements.indices {
                let period = periodAt.index(of: r.placements[i].period, in: r.periodsOfCare, keyOf: { $0.key })
                let periodEnd = period.flatMap { r.periodsOfCare[$0].end }
                r.placements[i].end = r.placements[i].ownEnd ?? periodEnd
            }
            for i in r.cpPlans.indices { r.cpPlans[i].reviews.sort() }
            for i in r.periodsOfCare.indices { r.periodsOfCare[i].legalStatuses.sort { $0.date < $1.date } }
        }
    }
}
