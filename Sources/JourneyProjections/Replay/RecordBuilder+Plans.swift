import JourneyCore

extension RecordBuilder.Draft {
    /// CIN plans, CP plans, early help, steps between levels of help and visits.
    mutating func addPlanEvent(_ atom: Atom) {
        let date = atom.date
        switch atom.type {
        case .cinPlanStarted:
            if let i = cinPlanAt.index(of: atom.key, in: r.cinPlans, keyOf: { $0.key }) {
                r.cinPlans[i].start = r.cinPlans[i].start.map { min($0, date) } ?? date
            } else {
                r.cinPlans.append(.init(key: atom.key, referral: atom.ref, start: date, position: atom.position))
            }
        case .cinPlanEnded:
            if let i = cinPlanAt.index(of: atom.key, in: r.cinPlans, keyOf: { $0.key }) {
                r.cinPlans[i].end = r.cinPlans[i].end.map { max($0, date) } ?? date
            } else {
                r.cinPlans.append(.init(key: atom.key, referral: 0, start: nil, end: date, position: atom.position))
            }
        case .cpPlanStarted:
            let category = atom.abuseCategory
            let previous = atom.previousPlans
            if let i = cpPlanAt.index(of: atom.key, in: r.cpPlans, keyOf: { $0.key }) {
                if r.cpPlans[i].start.map({ date < $0 }) ?? true {
                    r.cpPlans[i].start = date
                    r.cpPlans[i].category = category
                    r.cpPlans[i].position = atom.position
                }
                if r.cpPlans[i].latestCategory == nil { r.cpPlans[i].latestCategory = category }
                r.cpPlans[i].previousPlans = r.cpPlans[i].previousPlans ?? previous
            } else {
                r.cpPlans.append(
                    .init(
                        key: atom.key, referral: atom.ref, start: date, category: category, latestCategory: category,
                        previousPlans: previous, position: atom.position))
            }
        case .cpPlanEnded:
            if let i = cpPlanAt.index(of: atom.key, in: r.cpPlans, keyOf: { $0.key }) {
                r.cpPlans[i].end = r.cpPlans[i].end.map { max($0, date) } ?? date
            } else {
                r.cpPlans.append(.init(key: atom.key, referral: 0, start: nil, end: date, position: atom.position))
            }
        case .cinPlanReviewed, .cpPlanCategoryChanged, .cpPlanReviewed:
            attachOrWait(atom)
        case .earlyHelpStarted:
            if earlyHelpAt.index(of: atom.key, in: r.earlyHelp, keyOf: { $0.key }) == nil {
                r.earlyHelp.append(.init(key: atom.key, start: date))
            }
        case .earlyHelpEnded:
            if let i = earlyHelpAt.index(of: atom.key, in: r.earlyHelp, keyOf: { $0.key }) {
                r.earlyHelp[i].end = date
                r.earlyHelp[i].outcome = atom.earlyHelpOutcome
            } else {
                r.earlyHelp.append(.init(key: atom.key, start: nil, end: date, outcome: atom.earlyHelpOutcome))
            }
        case .steppedUp, .steppedDown:
            r.steps.append(.init(date: date, from: atom.stepFrom, to: atom.stepTo))
        case .visitMade:
            r.visits.append(
                .init(date: date, kind: atom.visitKind, wasSeen: atom.wasSeen, wasSeenAlone: atom.wasSeenAlone))
        default:
            break
        }
    }

    /// A plan's review or change of category, once its plan is in the record.
    mutating func attachPlanEvent(_ atom: Atom) -> Bool {
        let date = atom.date
        switch atom.type {
        case .cinPlanReviewed:
            guard let i = cinPlanAt.index(of: atom.key, in: r.cinPlans, keyOf: { $0.key }) else { return false }
            r.cinPlans[i].reviews.append(date)
        case .cpPlanCategoryChanged:
            guard let i = cpPlanAt.index(of: atom.key, in: r.cpPlans, keyOf: { $0.key }) else { return false }
            r.cpPlans[i].latestCategory = atom.abuseCategory
        case .cpPlanReviewed:
            guard let i = cpPlanAt.index(of: atom.key, in: r.cpPlans, keyOf: { $0.key }) else { return false }
            r.cpPlans[i].reviews.append(date)
        default:
            break
        }
        return true
    }
}
