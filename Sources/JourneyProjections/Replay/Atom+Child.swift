import JourneyCore

/// What an atom holds for the child and their record: details, allocations, merges and retractions.
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

    /// `ref`: an optional date.
    var expectedBirthDate: CalendarDate? {
        get { Slot.date(ref) }
        set { ref = Slot.word(newValue) }
    }

    /// `key`: the ward's number among the fold's wards (`FoldedStrings`), 0 when none is given.
    var wardNumber: UInt64 {
        get { key }
        set { key = newValue }
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
