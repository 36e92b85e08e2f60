import JourneyCore

/// The child: details, death and allocations.
extension RecordBuilder.Progress {
    /// `child.registered`, `child.updated`: each characteristic the event gives replaces the one in force if it
    /// took effect no earlier (by the date, then log order).
    @inline(__always)
    mutating func updateDetails(_ atom: Atom, to r: inout ChildRecord, strings: FoldedStrings) {
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
        if let upn = strings.eventText(at: atom.position), later(upnAt) {
            r.upn = upn
            upnAt = at
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
    }

    /// `child.died`: the earliest date stands.
    @inline(__always)
    func recordDeath(_ atom: Atom, to r: inout ChildRecord) {
        let date = atom.date
        r.diedOn = r.diedOn.map { min($0, date) } ?? date
    }

    /// `worker.allocated`.
    @inline(__always)
    func allocate(_ atom: Atom, to r: inout ChildRecord, strings: FoldedStrings) {
        r.allocations.append(
            .init(
                date: atom.date, team: strings.teams.string(atom.teamNumber) ?? "",
                worker: strings.workers.string(atom.workerNumber), position: atom.position))
    }
}
