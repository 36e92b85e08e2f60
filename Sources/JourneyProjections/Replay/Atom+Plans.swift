import JourneyCore

/// What an atom holds for plans, early help, steps between levels of help and visits: `key` is the plan or the
/// episode, `ref` the referral a plan belongs to.
extension Atom {
    // MARK: cp-plan.started, cp-plan.category-changed

    /// `a`: a required code.
    var abuseCategory: AbuseCategory {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    /// `extra` of a CP plan's start: an optional count.
    var previousPlans: Int? {
        get { Slot.number(extra).map { Int($0) } }
        set { extra = Slot.word(newValue.map { Int64($0) }) }
    }

    // MARK: early-help.ended

    /// `a`: an optional code.
    var earlyHelpOutcome: EarlyHelpOutcome? {
        get { Slot.optionalCode(a) }
        set { a = Slot.byte(newValue) }
    }

    // MARK: stepped-up, stepped-down

    /// `a`: a required code.
    var stepFrom: Level {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    /// `b`: a required code.
    var stepTo: Level {
        get { Slot.code(b) }
        set { b = newValue.index }
    }

    // MARK: visit.made

    /// `a`: a required code.
    var visitKind: VisitKind {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    /// `b`: a Boolean.
    var wasSeen: Bool {
        get { Slot.bool(b) }
        set { b = Slot.byte(newValue) }
    }

    /// `c`: an optional Boolean.
    var wasSeenAlone: Bool? {
        get { Slot.optionalBool(c) }
        set { c = Slot.byte(newValue) }
    }
}
