import JourneyCore

/// What an atom holds for leaving care: contacts with a care leaver, pathway plan reviews (nothing) and personal
/// advisers. `key` holds the adviser's text number (`holdsIDs` false).
extension Atom {
    // MARK: care-leaver.contacted

    /// `a`: a required code.
    var careLeaverContactStatus: CareLeaverContactStatus {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    /// `b`: an optional code.
    var careLeaverActivity: CareLeaverActivity? {
        get { Slot.optionalCode(b) }
        set { b = Slot.byte(newValue) }
    }

    /// `c`: an optional code.
    var careLeaverAccommodation: CareLeaverAccommodation? {
        get { Slot.optionalCode(c) }
        set { c = Slot.byte(newValue) }
    }

    // MARK: personal-adviser.allocated

    /// `key`: the adviser's number among the fold's texts (`FoldedStrings`), 0 when none is given.
    var adviserNumber: UInt64 {
        get { key }
        set { key = newValue }
    }
}
