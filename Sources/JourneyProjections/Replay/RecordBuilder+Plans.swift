import JourneyCore

/// CIN plans, CP plans (their reviews and ends: `RecordBuilder+BuiltPlan.swift`), early help, steps between levels
/// of help, and visits.
extension RecordBuilder.Progress {
    @inline(__always)
    mutating func startCINPlan(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        if let i = cinPlanAt.index(of: atom.key, in: r.cinPlans, keyOf: { $0.key }) {
            r.cinPlans[i].start = r.cinPlans[i].start.map { min($0, date) } ?? date
        } else {
            r.cinPlans.append(.init(key: atom.key, referral: atom.ref, start: date, position: atom.position))
        }
    }

    /// `cp-plan.started`: the earliest start gives the plan its category.
    @inline(__always)
    mutating func startCPPlan(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
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
    }

    /// `cp-plan.category-changed`, once its plan is in the record (false until then).
    @inline(__always)
    mutating func changeCPPlanCategory(_ atom: Atom, to r: inout ChildRecord) -> Bool {
        guard let i = cpPlanAt.index(of: atom.key, in: r.cpPlans, keyOf: { $0.key }) else { return false }
        r.cpPlans[i].latestCategory = atom.abuseCategory
        r.cpPlans[i].categoryChanges.append(.init(date: atom.date, category: atom.abuseCategory))
        return true
    }

    @inline(__always)
    mutating func startEarlyHelp(_ atom: Atom, to r: inout ChildRecord) {
        guard earlyHelpAt.index(of: atom.key, in: r.earlyHelp, keyOf: { $0.key }) == nil else { return }
        r.earlyHelp.append(.init(key: atom.key, start: atom.date))
    }

    @inline(__always)
    mutating func endEarlyHelp(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        if let i = earlyHelpAt.index(of: atom.key, in: r.earlyHelp, keyOf: { $0.key }) {
            r.earlyHelp[i].end = date
            r.earlyHelp[i].outcome = atom.earlyHelpOutcome
        } else {
            r.earlyHelp.append(.init(key: atom.key, start: nil, end: date, outcome: atom.earlyHelpOutcome))
        }
    }

    /// `stepped-up`, `stepped-down`.
    @inline(__always)
    func addStep(_ atom: Atom, to r: inout ChildRecord) {
        r.steps.append(.init(date: atom.date, from: atom.stepFrom, to: atom.stepTo))
    }

    @inline(__always)
    func addVisit(_ atom: Atom, to r: inout ChildRecord) {
        r.visits.append(
            .init(date: atom.date, kind: atom.visitKind, wasSeen: atom.wasSeen, wasSeenAlone: atom.wasSeenAlone))
    }
}
