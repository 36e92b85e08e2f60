import JourneyCore

/// What an atom holds for the child and their record: details, motherhood, the home postcode, allocations and the
/// reasons they changed, merges and retractions.
extension Atom {
    // MARK: child.registered, child.updated

    /// `a`: an optional code.
    var sex: Sex? {
        get { Slot.optionalCode(a) }
        set { a = Slot.byte(newValue) }
    }

    /// `b`: an optional code.
    var ethnicity: Ethnicity? {
        get { Slot.optionalCode(b) }
        set { b = Slot.byte(newValue) }
    }

    /// `c`: an optional Boolean; absent when the event gives no disabilities, false for `NONE` alone.
    var hasDisability: Bool? {
        get { Slot.optionalBool(c) }
        set { c = Slot.byte(newValue) }
    }

    /// `extra`: an optional date.
    var birthDate: CalendarDate? {
        get { Slot.date(extra) }
        set { extra = Slot.word(newValue) }
    }

    /// `ref`'s low 32 bits: an optional date (`Slot.date32`).
    var expectedBirthDate: CalendarDate? {
        get { Slot.date32(UInt32(truncatingIfNeeded: ref)) }
        set { ref = (ref & ~0xFFFF_FFFF) | UInt64(Slot.word32(newValue)) }
    }

    /// `ref`'s high 32 bits: the disabilities given, one bit per code index of `Disabilities` (13 codes), all
    /// clear when none is given; `hasDisability` says whether a list was given at all.
    var disabilityMask: UInt32 {
        get { UInt32(truncatingIfNeeded: ref >> 32) }
        set { ref = (ref & 0xFFFF_FFFF) | (UInt64(newValue) << 32) }
    }

    /// `key`'s low 32 bits: the ward's number among the fold's wards (`FoldedStrings`), 0 when none is given.
    var wardNumber: UInt64 {
        get { key & 0xFFFF_FFFF }
        set { key = (key & ~0xFFFF_FFFF) | Slot.number32(newValue) }
    }

    /// `key`'s high 32 bits: the UPN's number among the fold's texts (`FoldedStrings.texts`), 0 when none is given.
    var upnNumber: UInt64 {
        get { key >> 32 }
        set { key = (key & 0xFFFF_FFFF) | (Slot.number32(newValue) << 32) }
    }

    // MARK: worker.allocated

    /// `key`: the team's number among the fold's teams.
    var teamNumber: UInt64 {
        get { key }
        set { key = newValue }
    }

    /// `ref`: the worker's number among the fold's workers, 0 when none is given.
    var workerNumber: UInt64 {
        get { ref }
        set { ref = newValue }
    }

    // MARK: motherhood.recorded

    /// `a`: a Boolean.
    var isMother: Bool {
        get { Slot.bool(a) }
        set { a = Slot.byte(newValue) }
    }

    /// `extra`: an optional date.
    var firstChildBirthDate: CalendarDate? {
        get { Slot.date(extra) }
        set { extra = Slot.word(newValue) }
    }

    // MARK: home-postcode.recorded

    /// `key`: the postcode's number among the fold's texts (`FoldedStrings.texts`).
    var homePostcodeNumber: UInt64 {
        get { key }
        set { key = newValue }
    }

    // MARK: worker-change.recorded

    /// `a`: a required code.
    var workerChangeReason: SWReason {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    // MARK: child.merged

    /// The child merged into: `key`, `ref` and `extra` hold its id's UTF-8 bytes, `a` their count.
    var mergedInto: ChildBytes {
        get { ChildBytes(count: a, words: (key, ref, extra)) }
        set {
            (key, ref, extra) = newValue.words
            a = newValue.count
        }
    }

    // MARK: event.retracted

    /// `key`: the id hash of the event retracted.
    var retracted: UInt64 {
        get { key }
        set { key = newValue }
    }
}
