import JourneyCore
import JourneyLog

/// One event as `JourneyState.apply` takes it: its atom, the child it belongs to, and what else the fold records
/// (a correction, a retraction, a merge). Read in place from the event's stored form, on the replay's second
/// thread, with the strings the fold keeps (teams, workers, wards) numbered there too (`FoldedStrings`): a plain
/// value of fixed size, which the replay hands between threads by copying memory alone.
struct FoldedEvent: Sendable {
    enum Kind: UInt8, Sendable {
        /// An event of the child's history: `atom` is added to it.
        case atom
        /// `event.retracted`: `atom.retracted` is the id hash of the event it drops.
        case retraction
        /// `child.merged`: `mergedInto` is the child merged into.
        case merge
    }

    var kind: Kind
    /// The child's id, hashed when `child` is asked for.
    var childBytes: ChildBytes
    /// For `.atom`; for the others, its `id`, `position` and `recorded` are the event's.
    var atom: Atom
    /// The id hash of the event that `corrects` names, or 0.
    var corrects: UInt64

    var child: ChildKey { childBytes.key }

    /// For `.merge`: the child merged into (the atom holds its id's bytes).
    var mergedInto: ChildID { atom.mergedInto.child }
}

/// The strings a fold keeps, each numbered the first time it is met: an atom holds the number. Numbered as events
/// are read, in log order, so the numbers are those a fold of the same events always gives.
struct FoldedStrings: Sendable {
    var teams = Interner()
    var workers = Interner()
    var wards = Interner()
    /// The few texts a record keeps of the later types: personal advisers, the authority and order date of a
    /// previous permanence, and home postcodes.
    var texts = Interner()
    /// The texts of the few fields only the returns read (a placement's postcode and URN), numbered among
    /// `texts`, by the position of the event that gives them: no slot of their atoms is free, and most events of
    /// those types give none, so a table keyed by position costs the fold nothing for the others.
    var eventTexts: [UInt64: UInt64] = [:]

    /// The separator of a placement's postcode and URN in their one text (a unit separator, which neither holds).
    static let placeSeparator: Character = "\u{1F}"

    /// Teams, workers, wards and texts, in the order a checkpoint saves them.
    var interners: [Interner] { [teams, workers, wards, texts] }

    /// Calls `body` with each interner in turn, in the order of `interners`.
    mutating func withInterners(_ body: (inout Interner) throws -> Void) rethrows {
        try body(&teams)
        try body(&workers)
        try body(&wards)
        try body(&texts)
    }

    /// The text an event at `position` gave, numbered in `eventTexts`.
    func eventText(at position: UInt64) -> String? {
        eventTexts[position].flatMap { texts.string($0) }
    }
}

extension FoldedEvent {
    /// `NONE`: a child's disabilities are none when it is alone.
    private static let noDisability = Disability("NONE")!.index

    /// Reads the event stored at `position` (the form of `Event.write(binary:)`).
    ///
    /// The fields of `data` are read in the order of EventBody+Fields.swift, which this must follow, and written
    /// through the atom's named properties (Atom+Child.swift and the other family files); `FoldedEventTests`
    /// checks every type against the decoded event.
    init(position: UInt64, stored bytes: UnsafeRawBufferPointer, strings: inout FoldedStrings)
        throws(BinaryReader.Damage)
    {
        var e = try EventScanner(bytes)
        kind = .atom
        childBytes = try ChildBytes(e.child)
        atom = Atom(
            type: e.type, occurred: e.occurred, id: e.idHash, position: position,
            recorded: e.recorded ?? Int64.min)
        corrects = e.correctsHash
        switch e.type {
        case .childRegistered, .childUpdated:
            atom.birthDate = try e.optionalDate().map(CalendarDate.init(dayNumber:))
            atom.expectedBirthDate = try e.optionalDate().map(CalendarDate.init(dayNumber:))
            atom.sex = try e.optionalCode()
            atom.ethnicity = try e.optionalCode()
            var hasDisability = false
            var mask: UInt32 = 0
            let noDisability = Self.noDisability
            if try e.optionalCodes(
                Disabilities.self,
                {
                    if $0 != noDisability { hasDisability = true }
                    mask |= 1 << UInt32($0 & 31)
                })
            {
                atom.hasDisability = hasDisability
                atom.disabilityMask = mask
            }
            atom.upnNumber = try e.optionalText().map { strings.texts.number($0) } ?? 0
            atom.wardNumber = try e.optionalText().map { strings.wards.number($0) } ?? 0
        case .childDied:
            break
        case .childMerged:
            kind = .merge
            atom.mergedInto = try ChildBytes(e.textBytes())
        case .contactReceived:
            atom.key = try e.identifier()
            atom.referralSource = try e.code()
            atom.contactOutcome = try e.optionalCode()
        case .referralReceived:
            atom.key = try e.identifier()
            atom.referralSource = try e.code()
            atom.primaryNeed = try e.optionalCode()
            atom.isNFA = try e.optionalBoolean() ?? false
        case .caseClosed:
            atom.key = try e.identifier()
            atom.closureReason = try e.code()
        case .assessmentStarted, .strategyHeld, .cinPlanStarted:
            atom.key = try e.identifier()
            atom.ref = try e.identifier()
        case .assessmentCompleted:
            atom.key = try e.identifier()
            var factors: UInt64 = 0
            if try e.optionalCodes(AssessmentFactors.self, { factors |= 1 << UInt64($0 & 63) }) {
                factors |= 1 << 63
            }
            atom.assessmentFactorMask = factors
            atom.assessmentOutcome = try e.optionalCode()
        case .s47Started:
            atom.key = try e.identifier()
            atom.ref = try e.identifier()
            try e.skipOptionalText()  // strategy
        case .s47Completed:
            atom.key = try e.identifier()
            atom.icpcRequired = try e.bool()
        case .icpcHeld:
            atom.key = try e.optionalIdentifier()
            atom.ref = try e.identifier()
            atom.conferenceOutcome = try e.code()
        case .cinPlanReviewed, .cinPlanEnded, .cpPlanReviewed, .cpPlanEnded, .earlyHelpStarted:
            atom.key = try e.identifier()
        case .cpPlanStarted:
            atom.key = try e.identifier()
            atom.ref = try e.identifier()
            atom.abuseCategory = try e.code()
            atom.previousPlans = try e.optionalCount().map { Int($0) }
        case .cpPlanCategoryChanged:
            atom.key = try e.identifier()
            atom.abuseCategory = try e.code()
        case .earlyHelpEnded:
            atom.key = try e.identifier()
            atom.earlyHelpOutcome = try e.optionalCode()
        case .steppedUp, .steppedDown:
            atom.stepFrom = try e.code()
            atom.stepTo = try e.code()
        case .careStarted:
            atom.key = try e.identifier()
            atom.legalStatus = try e.code()
            atom.careNeed = try e.code()
            atom.isUASC = try e.optionalBoolean() ?? false
        case .legalStatusChanged:
            atom.key = try e.identifier()
            atom.legalStatus = try e.code()
        case .placementStarted:
            atom.key = try e.identifier()
            atom.ref = try e.identifier()
            atom.placementType = try e.code()
            atom.placementProvider = try e.optionalCode()
            let postcode = try e.optionalText()
            let urn = try e.optionalText()
            if postcode != nil || urn != nil {
                let place = (postcode ?? "") + String(FoldedStrings.placeSeparator) + (urn ?? "")
                strings.eventTexts[position] = strings.texts.number(place)
            }
            atom.distanceMiles = try e.optionalMeasure()
            atom.isSameCarer = try e.optionalBoolean() ?? false
        case .placementEnded:
            atom.key = try e.identifier()
            atom.placementChangeReason = try e.optionalCode()
        case .careEnded:
            atom.key = try e.identifier()
            atom.careEndReason = try e.code()
        case .careReviewed:
            atom.key = try e.identifier()
            atom.reviewParticipation = try e.optionalCode()
        case .missingStarted:
            atom.key = try e.identifier()
            atom.missingKind = try e.code()
        case .missingEnded:
            atom.key = try e.identifier()
            atom.returnInterviewOffered = try e.optionalBoolean()
            atom.returnInterviewAccepted = try e.optionalBoolean()
        case .visitMade:
            atom.visitKind = try e.code()
            atom.wasSeen = try e.bool()
            atom.wasSeenAlone = try e.optionalBoolean()
        case .workerAllocated:
            atom.teamNumber = strings.teams.number(try e.text())
            atom.workerNumber = try e.optionalText().map { strings.workers.number($0) } ?? 0
        case .eventRetracted:
            kind = .retraction
            atom.retracted = try e.identifier()
            try e.skipText()  // reason
        case .adoptionDecided, .placementOrderGranted, .adoptionOrderGranted, .deprivationOfLibertyStarted,
            .deprivationOfLibertyEnded:
            atom.key = try e.identifier()
        case .adoptionMatched:
            atom.key = try e.identifier()
            atom.adopters = Int(try e.count())
            atom.adoptersSex = try e.code()
            atom.adoptersLegalStatus = try e.code()
            atom.isFosterCarerAdopting = try e.optionalBoolean() ?? false
        case .adoptionPlaced:
            atom.key = try e.identifier()
            atom.ref = try e.optionalIdentifier()
        case .adoptionPlacementEnded:
            atom.key = try e.identifier()
            atom.adoptivePlacementEndReason = try e.optionalCode()
        case .adoptionDecisionReversed:
            atom.key = try e.identifier()
            atom.adoptionReversalReason = try e.code()
        case .permanenceOrderGranted:
            atom.permanenceOrderKind = try e.code()
            atom.key = try e.optionalIdentifier()
        case .previousPermanenceRecorded:
            atom.previousPermanenceKind = try e.code()
            atom.previousPermanenceLANumber = try e.optionalText().map { strings.texts.number($0) } ?? 0
            atom.previousPermanenceDateNumber = try e.optionalText().map { strings.texts.number($0) } ?? 0
        case .careLeaverContacted:
            atom.careLeaverContactStatus = try e.code()
            atom.careLeaverActivity = try e.optionalCode()
            atom.careLeaverAccommodation = try e.optionalCode()
        case .pathwayPlanReviewed, .healthAssessmentCompleted, .dentalCheckCompleted, .convictionRecorded:
            break
        case .personalAdviserAllocated:
            atom.adviserNumber = try e.optionalText().map { strings.texts.number($0) } ?? 0
        case .immunisationsRecorded, .healthSurveillanceRecorded:
            atom.isUpToDate = try e.bool()
        case .sdqRecorded:
            atom.sdqScore = try e.optionalCount().map { Int($0) }
            atom.sdqReason = try e.optionalCode()
        case .substanceMisuseIdentified:
            atom.interventionOffered = try e.optionalBoolean()
            atom.interventionReceived = try e.optionalBoolean()
        case .motherhoodRecorded:
            atom.isMother = try e.bool()
            atom.firstChildBirthDate = try e.optionalDate().map(CalendarDate.init(dayNumber:))
        case .homePostcodeRecorded:
            atom.homePostcodeNumber = strings.texts.number(try e.text())
        case .workerChangeRecorded:
            atom.workerChangeReason = try e.code()
        }
        try e.finish()
    }

    /// Reads an event record as a replay lends it.
    init(_ stored: StoredEventBytes, strings: inout FoldedStrings) throws(BinaryReader.Damage) {
        try self.init(position: stored.position, stored: stored.event, strings: &strings)
    }
}

extension EventScanner {
    /// A required code, typed by where it goes.
    @inline(__always)
    fileprivate mutating func code<L>() throws(BinaryReader.Damage) -> Code<L> {
        Code(checkedIndex: try code(L.self))
    }

    /// An optional code, typed by where it goes.
    @inline(__always)
    fileprivate mutating func optionalCode<L>() throws(BinaryReader.Damage) -> Code<L>? {
        let byte = try optionalCode(L.self)
        return byte == 0 ? nil : Code(checkedIndex: byte - 1)
    }

    /// An optional Boolean, as a `Bool?`.
    @inline(__always)
    fileprivate mutating func optionalBoolean() throws(BinaryReader.Damage) -> Bool? {
        switch try optionalBool() {
        case 0: nil
        case 1: false
        default: true
        }
    }
}

extension Code {
    /// The code at an index the scanner has checked against the list, not checked again: `init(index:)` reads the
    /// list's array through its protocol, not inlined from JourneyCore, and would for each code of each event read.
    /// A code is its index alone (`AtomTests` holds its size to one byte).
    @inline(__always)
    fileprivate init(checkedIndex index: UInt8) {
        self = unsafeBitCast(index, to: Code.self)
    }
}
