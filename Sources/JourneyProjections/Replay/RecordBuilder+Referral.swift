import JourneyCore

/// From a contact to a conference: contacts, referrals and their closure, assessments, strategy discussions, S47
/// enquiries and ICPCs.
extension RecordBuilder.Progress {
    @inline(__always)
    func addContact(_ atom: Atom, to r: inout ChildRecord) {
        r.contacts.append(.init(date: atom.date, source: atom.referralSource, outcome: atom.contactOutcome))
    }

    /// `referral.received`: the first of an id stands.
    @inline(__always)
    mutating func addReferral(_ atom: Atom, to r: inout ChildRecord) {
        guard referralAt.index(of: atom.key, in: r.referrals, keyOf: { $0.key }) == nil else { return }
        r.referrals.append(
            .init(
                key: atom.key, date: atom.date, source: atom.referralSource, primaryNeed: atom.primaryNeed,
                isNFA: atom.isNFA, position: atom.position))
    }

    /// `case.closed`, once its referral is in the record (false until then): the latest closure stands.
    @inline(__always)
    mutating func closeReferral(_ atom: Atom, to r: inout ChildRecord) -> Bool {
        let date = atom.date
        guard let i = referralAt.index(of: atom.key, in: r.referrals, keyOf: { $0.key }) else { return false }
        if r.referrals[i].closed.map({ date >= $0 }) ?? true {
            r.referrals[i].closed = date
            r.referrals[i].closureReason = atom.closureReason
        }
        return true
    }

    @inline(__always)
    mutating func startAssessment(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        if let i = assessmentAt.index(of: atom.key, in: r.assessments, keyOf: { $0.key }) {
            r.assessments[i].started = r.assessments[i].started.map { min($0, date) } ?? date
        } else {
            r.assessments.append(.init(key: atom.key, referral: atom.ref, started: date, position: atom.position))
        }
    }

    @inline(__always)
    mutating func completeAssessment(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        if let i = assessmentAt.index(of: atom.key, in: r.assessments, keyOf: { $0.key }) {
            if r.assessments[i].completed == nil {
                r.assessments[i].completed = date
                r.assessments[i].outcome = atom.assessmentOutcome
                r.assessments[i].factors = Self.factors(atom.assessmentFactorMask)
            }
        } else {
            r.assessments.append(
                .init(
                    key: atom.key, referral: 0, started: nil, completed: date, outcome: atom.assessmentOutcome,
                    factors: Self.factors(atom.assessmentFactorMask), position: atom.position))
        }
    }

    /// The factors of an `assessment.completed` (`Atom.assessmentFactorMask`): `nil` when it gives none.
    static func factors(_ mask: UInt64) -> [AssessmentFactor]? {
        mask == 0 ? nil : codes(mask & ~(1 << 63), of: AssessmentFactors.self)
    }

    @inline(__always)
    func addStrategyDiscussion(_ atom: Atom, to r: inout ChildRecord) {
        r.strategyDiscussions.append(.init(key: atom.key, referral: atom.ref, date: atom.date))
    }

    @inline(__always)
    mutating func startS47(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        if let i = s47At.index(of: atom.key, in: r.s47Enquiries, keyOf: { $0.key }) {
            r.s47Enquiries[i].started = r.s47Enquiries[i].started.map { min($0, date) } ?? date
            // An enquiry whose completion was written first (its start recorded late) learns its referral here:
            // without one, the CIN census left it and its conference out of the referral's episode.
            if r.s47Enquiries[i].referral == 0 { r.s47Enquiries[i].referral = atom.ref }
        } else {
            r.s47Enquiries.append(.init(key: atom.key, referral: atom.ref, started: date, position: atom.position))
        }
    }

    @inline(__always)
    mutating func completeS47(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        if let i = s47At.index(of: atom.key, in: r.s47Enquiries, keyOf: { $0.key }) {
            r.s47Enquiries[i].completed = date
            r.s47Enquiries[i].icpcRequired = atom.icpcRequired
        } else {
            r.s47Enquiries.append(
                .init(
                    key: atom.key, referral: 0, started: nil, completed: date, icpcRequired: atom.icpcRequired,
                    position: atom.position))
        }
    }

    @inline(__always)
    func addConference(_ atom: Atom, to r: inout ChildRecord) {
        r.conferences.append(
            .init(
                date: atom.date, s47: atom.key == 0 ? nil : atom.key, referral: atom.ref,
                outcome: atom.conferenceOutcome, position: atom.position))
    }
}
