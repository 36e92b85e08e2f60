import JourneyCore

/// The child: details, death, motherhood, the home postcode, allocations and why they changed.
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
            r.disabilities = Self.codes(atom.disabilityMask)
            disabilityAt = at
        }
        if atom.upnNumber > 0, later(upnAt) {
            r.upn = strings.texts.string(atom.upnNumber)
            upnAt = at
        }
    }

    /// The codes whose bits a mask sets, in the list's order.
    static func codes<L: CodeList>(_ mask: UInt64, of: L.Type = L.self) -> [Code<L>] {
        var out: [Code<L>] = []
        var m = mask
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m - 1
            if let code = Code<L>(index: UInt8(i)) { out.append(code) }
        }
        return out
    }

    static func codes(_ mask: UInt32) -> [Disability] { codes(UInt64(mask), of: Disabilities.self) }

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

    @inline(__always)
    func addMotherhood(_ atom: Atom, to r: inout ChildRecord) {
        r.motherhood.append(
            .init(
                date: atom.date, isMother: atom.isMother, firstChildBirthDate: atom.firstChildBirthDate,
                position: atom.position))
    }

    @inline(__always)
    func addHomePostcode(_ atom: Atom, to r: inout ChildRecord, strings: FoldedStrings) {
        guard let postcode = strings.texts.string(atom.homePostcodeNumber) else { return }
        r.homePostcodes.append(.init(date: atom.date, postcode: postcode, position: atom.position))
    }

    /// `worker-change.recorded`.
    @inline(__always)
    func addWorkerChangeReason(_ atom: Atom, to r: inout ChildRecord) {
        r.workerChangeReasons.append(.init(date: atom.date, reason: atom.workerChangeReason, position: atom.position))
    }
}
