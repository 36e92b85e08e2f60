import JourneyCore

/// What an atom holds for health: assessments, dental checks and convictions hold nothing but their date; for the
/// deprivation of liberty orders `key` is the order.
extension Atom {
    // MARK: immunisations.recorded, health-surveillance.recorded

    /// `a`: a Boolean.
    var isUpToDate: Bool {
        get { Slot.bool(a) }
        set { a = Slot.byte(newValue) }
    }

    // MARK: sdq.recorded

    /// `extra`: an optional whole number (0–40, checked at append).
    var sdqScore: Int? {
        get { Slot.number(extra).map { Int($0) } }
        set { extra = Slot.word(newValue.map { Int64($0) }) }
    }

    /// `a`: an optional code.
    var sdqReason: SDQReason? {
        get { Slot.optionalCode(a) }
        set { a = Slot.byte(newValue) }
    }

    // MARK: substance-misuse.identified

    /// `a`: an optional Boolean.
    var interventionOffered: Bool? {
        get { Slot.optionalBool(a) }
        set { a = Slot.byte(newValue) }
    }

    /// `b`: an optional Boolean.
    var interventionReceived: Bool? {
        get { Slot.optionalBool(b) }
        set { b = Slot.byte(newValue) }
    }
}
