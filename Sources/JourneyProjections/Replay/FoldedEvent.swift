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
        /// `event.retracted`: `atom.key` is the id hash of the event it drops.
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

    /// For `.merge`: the child merged into, whose id the atom's `key`, `ref` and `extra` hold (its UTF-8 bytes)
    /// and `a` its length.
    var mergedInto: ChildID {
        ChildKey.id(bytes: (atom.key, atom.ref, atom.extra), count: atom.a)
    }
}

/// The strings a fold keeps, each numbered the first time it is met: an atom holds the number. Numbered as events
/// are read, in log order, so the numbers are those a fold of the same events always gives.
struct FoldedStrings: Sendable {
    var teams = Interner()
    var workers = Interner()
    var wards = Interner()
}

extension FoldedEvent {
    /// The `code byte` of a child's disabilities: 0 when not given, 1 for none (`NONE` alone), 2 for any other.
    private static let noDisability = Disability("NONE")!.index

    /// Reads the event stored at `position` (the form of `Event.write(binary:)`).
    ///
    /// The fields of `data` are read in the order of EventBody+Fields.swift, which this must follow; the meaning of
    /// each atom field for each type is `RecordBuilder`'s, and `FoldedEventTests` checks every type against it.
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
            let birth = try e.optionalDate()
            let expected = try e.optionalDate()
            atom.extra = birth.map { UInt64(bitPattern: Int64($0) + 1) } ?? 0
            atom.ref = expected.map { UInt64(bitPattern: Int64($0) + 1) } ?? 0
            atom.a = try e.optionalCode(Sexes.self)
            atom.b = try e.optionalCode(Ethnicities.self)
            var hasDisability = false
            let noDisability = Self.noDisability
            if try e.optionalCodes(Disabilities.self, { if $0 != noDisability { hasDisability = true } }) {
                atom.c = hasDisability ? 2 : 1
            }
            try e.skipOptionalText()  // upn
            atom.key = try e.optionalText().map { strings.wards.number($0) } ?? 0
        case .childDied:
            break
        case .childMerged:
            kind = .merge
            let into = try ChildBytes(e.textBytes())
            (atom.key, atom.ref, atom.extra) = into.words
            atom.a = into.count
        case .contactReceived:
            atom.key = try e.identifier()
            atom.a = try e.code(ReferralSources.self)
            atom.b = try e.optionalCode(ContactOutcomes.self)
        case .referralReceived:
            atom.key = try e.identifier()
            atom.a = try e.code(ReferralSources.self)
            atom.b = try e.optionalCode(PrimaryNeeds.self)
            atom.c = try e.optionalBool() == 2 ? 1 : 0
        case .caseClosed:
            atom.key = try e.identifier()
            atom.a = try e.code(ClosureReasons.self)
        case .assessmentStarted, .strategyHeld, .cinPlanStarted:
            atom.key = try e.identifier()
            atom.ref = try e.identifier()
        case .assessmentCompleted:
            atom.key = try e.identifier()
            _ = try e.optionalCodes(AssessmentFactors.self) { _ in }
            atom.a = try e.optionalCode(AssessmentOutcomes.self)
        case .s47Started:
            atom.key = try e.identifier()
            atom.ref = try e.identifier()
            try e.skipOptionalText()  // strategy
        case .s47Completed:
            atom.key = try e.identifier()
            atom.a = try e.bool() ? 1 : 0
        case .icpcHeld:
            atom.key = try e.optionalIdentifier()
            atom.ref = try e.identifier()
            atom.a = try e.code(ConferenceOutcomes.self)
        case .cinPlanReviewed, .cinPlanEnded, .cpPlanReviewed, .cpPlanEnded, .earlyHelpStarted:
            atom.key = try e.identifier()
        case .cpPlanStarted:
            atom.key = try e.identifier()
            atom.ref = try e.identifier()
            atom.a = try e.code(AbuseCategories.self)
            atom.extra = try e.optionalCount().map { $0 + 1 } ?? 0
        case .cpPlanCategoryChanged:
            atom.key = try e.identifier()
            atom.a = try e.code(AbuseCategories.self)
        case .earlyHelpEnded:
            atom.key = try e.identifier()
            atom.a = try e.optionalCode(EarlyHelpOutcomes.self)
        case .steppedUp, .steppedDown:
            atom.a = try e.code(Levels.self)
            atom.b = try e.code(Levels.self)
        case .careStarted:
            atom.key = try e.identifier()
            atom.a = try e.code(LegalStatuses.self)
            atom.b = try e.code(CareNeeds.self)
            atom.c = try e.optionalBool() == 2 ? 1 : 0
        case .legalStatusChanged:
            atom.key = try e.identifier()
            atom.a = try e.code(LegalStatuses.self)
        case .placementStarted:
            atom.key = try e.identifier()
            atom.ref = try e.identifier()
            atom.a = try e.code(PlacementTypes.self)
            atom.b = try e.optionalCode(PlacementProviders.self)
            try e.skipOptionalText()  // postcode
            try e.skipOptionalText()  // urn
            atom.extra = try e.optionalMeasure()?.bitPattern ?? Atom.noDistance
            atom.c = try e.optionalBool() == 2 ? 1 : 0
        case .placementEnded:
            atom.key = try e.identifier()
            atom.a = try e.optionalCode(PlacementChangeReasons.self)
        case .careEnded:
            atom.key = try e.identifier()
            atom.a = try e.code(CareEndReasons.self)
        case .careReviewed:
            atom.key = try e.identifier()
            atom.a = try e.optionalCode(ReviewParticipations.self)
        case .missingStarted:
            atom.key = try e.identifier()
            atom.a = try e.code(MissingKinds.self)
        case .missingEnded:
            atom.key = try e.identifier()
            atom.a = try e.optionalBool()
            atom.b = try e.optionalBool()
        case .visitMade:
            atom.a = try e.code(VisitKinds.self)
            atom.b = try e.bool() ? 1 : 0
            atom.c = try e.optionalBool()
        case .workerAllocated:
            atom.key = strings.teams.number(try e.text())
            atom.ref = try e.optionalText().map { strings.workers.number($0) } ?? 0
        case .eventRetracted:
            kind = .retraction
            atom.key = try e.identifier()
            try e.skipText()  // reason
        }
        try e.finish()
    }

    /// Reads an event record as a replay lends it.
    init(_ stored: StoredEventBytes, strings: inout FoldedStrings) throws(BinaryReader.Damage) {
        try self.init(position: stored.position, stored: stored.event, strings: &strings)
    }
}
