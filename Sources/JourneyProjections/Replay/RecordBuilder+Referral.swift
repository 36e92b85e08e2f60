import JourneyCore

extension RecordBuilder.Draft {
    /// From a contact to a conference: contacts, referrals and their closure, assessments, strategy discussions,
    /// S47 enquiries and ICPCs.
    mutating func addReferralEvent(_ atom: Atom) {
        let date = atom.date
        switch atom.type {
        case .contactReceived:
            r.contacts.append(.init(date: date, source: atom.referralSource, outcome: atom.contactOutcome))
        case .referralReceived:
            if referralAt.index(of: atom.key, in: r.referrals, keyOf: { $0.key }) == nil {
                r.referrals.append(
                    .init(
                        key: atom.key, date: date, source: atom.referralSource, primaryNeed: atom.primaryNeed,
                        isNFA: atom.isNFA, position: atom.position))
            }
        case .caseClosed:
            attachOrWait(atom)
        case .assessmentStarted:
            if let i = assessmentAt.index(of: atom.key, in: r.assessments, keyOf: { $0.key }) {
                r.assessments[i].started = r.assessments[i].started.map { min($0, date) } ?? date
            } else {
                r.assessments.append(.init(key: atom.key, referral: atom.ref, started: date, position: atom.position))
            }
        case .assessmentCompleted:
            if let i = assessmentAt.index(of: atom.key, in: r.assessments, keyOf: { $0.key }) {
                if r.assessments[i].completed == nil {
                    r.assessments[i].completed = date
                    r.assessments[i].outcome = atom.assessmentOutcome
                }
            } else {
                r.assessments.append(
                    .init(
                        key: atom.key, referral: 0, started: nil, completed: date, outcome: atom.assessmentOutcome,
                        position: atom.position))
            }
        case .strategyHeld:
            r.strategyDiscussions.append(.init(key: atom.key, referral: atom.ref, date: date))
        case .s47Started:
            if let i = s47At.index(of: atom.key, in: r.s47Enquiries, keyOf: { $0.key }) {
                r.s47Enquiries[i].started = r.s47Enquiries[i].started.map { min($0, date) } ?? date
            } else {
                r.s47Enquiries.append(.init(key: atom.key, referral: atom.ref, started: date, position: atom.position))
            }
        case .s47Completed:
            if let i = s47At.index(of: atom.key, in: r.s47Enquiries, keyOf: { $0.key }) {
                r.s47Enquiries[i].completed = date
                r.s47Enquiries[i].icpcRequired = atom.icpcRequired
            } else {
                r.s47Enquiries.append(
                    .init(
                        key: atom.key, referral: 0, started: nil, completed: date, icpcRequired: atom.icpcRequired,
                        position: atom.position))
            }
        case .icpcHeld:
            r.conferences.append(
                .init(
                    date: date, s47: atom.key == 0 ? nil : atom.key, referral: atom.ref,
                    outcome: atom.conferenceOutcome, position: atom.position))
        default:
            break
        }
    }

    /// `case.closed`, once its referral is in the record: the latest closure stands.
    mutating func attachReferralEvent(_ atom: Atom) -> Bool {
        let date = atom.date
        guard let i = referralAt.index(of: atom.key, in: r.referrals, keyOf: { $0.key }) else { return false }
        if r.referrals[i].closed.map({ date >= $0 }) ?? true {
            r.referrals[i].closed = date
            r.referrals[i].closureReason = atom.closureReason
        }
        return true
    }
}
