import JourneyCore

/// What an atom holds for care: `key` is the period of care, the placement or the missing episode, `ref` the period
/// a placement belongs to.
extension Atom {
    // MARK: care.started, legal-status.changed

    /// `a`: a required code.
    var legalStatus: LegalStatus {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    /// `b` of a period's start: a required code.
    var careNeed: CareNeed {
        get { Slot.code(b) }
        set { b = newValue.index }
    }

    /// `c` of a period's start: a Boolean.
    var isUASC: Bool {
        get { Slot.bool(c) }
        set { c = Slot.byte(newValue) }
    }

    // MARK: care.ended, care.reviewed

    /// `a`: a required code.
    var careEndReason: CareEndReason {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    /// `a`: an optional code.
    var reviewParticipation: ReviewParticipation? {
        get { Slot.optionalCode(a) }
        set { a = Slot.byte(newValue) }
    }

    // MARK: placement.started, placement.ended

    /// `a`: a required code.
    var placementType: PlacementType {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    /// `b`: an optional code.
    var placementProvider: PlacementProvider? {
        get { Slot.optionalCode(b) }
        set { b = Slot.byte(newValue) }
    }

    /// `c`: a Boolean.
    var isSameCarer: Bool {
        get { Slot.bool(c) }
        set { c = Slot.byte(newValue) }
    }

    /// `extra`: the distance's bits, or `noDistance`.
    var distanceMiles: Double? {
        get { extra == Self.noDistance ? nil : Double(bitPattern: extra) }
        set { extra = newValue?.bitPattern ?? Self.noDistance }
    }

    /// `extra` of a placement with no distance: a NaN pattern no real distance has.
    static let noDistance: UInt64 = 0x7FF8_DEAD_0000_0001

    /// `a` of a placement's end: an optional code.
    var placementChangeReason: PlacementChangeReason? {
        get { Slot.optionalCode(a) }
        set { a = Slot.byte(newValue) }
    }

    // MARK: missing.started, missing.ended

    /// `a`: a required code.
    var missingKind: MissingKind {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    /// `a` of an episode's end: an optional Boolean.
    var returnInterviewOffered: Bool? {
        get { Slot.optionalBool(a) }
        set { a = Slot.byte(newValue) }
    }

    /// `b` of an episode's end: an optional Boolean.
    var returnInterviewAccepted: Bool? {
        get { Slot.optionalBool(b) }
        set { b = Slot.byte(newValue) }
    }
}
