import JourneyCore

extension RecordBuilder.Draft {
    /// `child.registered`, `child.updated`, `child.died` and `worker.allocated`.
    mutating func addChildEvent(_ atom: Atom, strings: FoldedStrings) {
        let date = atom.date
        switch atom.type {
        case .childRegistered, .childUpdated:
            // Each characteristic the event gives replaces the one in force if it took effect no earlier.
            let at = (atom.occurred, atom.position)
            func later(_ previous: (Int32, UInt64)?) -> Bool { previous.map { at >= $0 } ?? true }
            if let sex = atom.sex, later(sexAt) {
                r.sex = sex
                sexAt = at
            }
            if let ethnicity = atom.ethnicity, later(ethnicityAt) {
                r.ethnicity = ethnicity
                ethnicityAt = at
            }
            if atom.wardNumber > 0, later(wardAt) {
                r.ward = strings.wards.string(atom.wardNumber)
                wardAt = at
            }
            if let birthDate = atom.birthDate, later(birthAt) {
                r.birthDate = birthDate
                birthAt = at
                r.birthDatePosition = atom.position
            }
            if let expected = atom.expectedBirthDate, later(expectedAt) {
                r.expectedBirthDate = expected
                expectedAt = at
            }
            if let hasDisability = atom.hasDisability, later(disabilityAt) {
                r.hasDisability = hasDisability
                disabilityAt = at
            }
        case .childDied:
            r.diedOn = r.diedOn.map { min($0, date) } ?? date
        case .workerAllocated:
            r.allocations.append(
                .init(
                    date: date, team: strings.teams.string(atom.teamNumber) ?? "",
                    worker: strings.workers.string(atom.workerNumber), position: atom.position))
        default:
            break
        }
    }
}
