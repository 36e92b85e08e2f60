import JourneyCore

/// What an atom holds from a contact to a conference: `key` is the contact, referral, assessment, strategy
/// discussion or S47 enquiry (the enquiry, or 0, for an ICPC), `ref` the referral it belongs to.
extension Atom {
    // MARK: contact.received, referral.received

    /// `a`: a required code.
    var referralSource: ReferralSource {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    /// `b` of a contact: an optional code.
    var contactOutcome: ContactOutcome? {
        get { Slot.optionalCode(b) }
        set { b = Slot.byte(newValue) }
    }

    /// `b` of a referral: an optional code.
    var primaryNeed: PrimaryNeed? {
        get { Slot.optionalCode(b) }
        set { b = Slot.byte(newValue) }
    }

    /// `c` of a referral: a Boolean.
    var isNFA: Bool {
        get { Slot.bool(c) }
        set { c = Slot.byte(newValue) }
    }

    // MARK: case.closed

    /// `a`: a required code.
    var closureReason: ClosureReason {
        get { Slot.code(a) }
        set { a = newValue.index }
    }

    // MARK: assessment.completed

    /// `a`: an optional code.
    var assessmentOutcome: AssessmentOutcome? {
        get { Slot.optionalCode(a) }
        set { a = Slot.byte(newValue) }
    }

    /// `extra`: the factors given (`assessment.completed` `factors`), one bit per code index of
    /// `AssessmentFactors` (44 codes), and bit 63 set when a list is given at all; 0 when none is.
    var assessmentFactorMask: UInt64 {
        get { extra }
        set { extra = newValue }
    }

    // MARK: s47.completed

    /// `a`: a Boolean.
    var icpcRequired: Bool {
        get { Slot.bool(a) }
        set { a = Slot.byte(newValue) }
    }

    // MARK: icpc.held

    /// `a`: a required code.
    var conferenceOutcome: ConferenceOutcome {
        get { Slot.code(a) }
        set { a = newValue.index }
    }
}
