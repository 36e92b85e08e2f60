import JourneyCore

/// The facts the SSDA903 asks of a child looked after that the flow of a journey does not decide: whether a girl
/// is a mother (header MOTHER, MC_DOB), the child's home postcode (episodes HOME_POST) and why the social worker
/// changed (sw_episodes SW_REASON). Drawn from `recordRandom`, so that the journeys themselves are as they were.
extension JourneyBuilder {
    /// What an allocation of a worker is (`allocate`, `reallocate`).
    enum WorkerChange {
        /// The first worker of an involvement.
        case firstContact
        /// A worker of another team: the case moves between teams as the local process has it.
        case newTeam
        /// Another worker of the same team.
        case sameTeam
    }

    /// Why a worker of the same team takes over: the weights are an assumption (no published figure gives the
    /// spread), with a worker leaving the role the most common.
    static let sameTeamReasons = WeightedChoice([
        (SWReason("LEFTRL")!, 0.4), (SWReason("MANAGE")!, 0.25), (SWReason("ABSENC")!, 0.15),
        (SWReason("ORGRST")!, 0.08), (SWReason("CHCHAN")!, 0.04), (SWReason("PCCHAN")!, 0.04),
        (SWReason("OTHERS")!, 0.04),
    ])

    /// `worker-change.recorded` beside the allocation it explains, on the same day: `FCONTA` for the first worker
    /// of an involvement (which stands for one of another team taking over that day too: `allocate`), `TSPROC` for
    /// a move between teams, and a drawn reason for a change within a team.
    mutating func recordWorkerChange(_ change: WorkerChange, on date: CalendarDate) {
        let reason: SWReason
        switch change {
        case .firstContact: reason = SWReason("FCONTA")!
        case .newTeam: reason = SWReason("TSPROC")!
        case .sameTeam: reason = Self.sameTeamReasons.draw(&recordRandom)
        }
        emit(.workerChangeRecorded(reason: reason), on: date)
    }

    /// At each entry of a girl to care, whether she is a mother: one of 14 or over who is not yet may have become
    /// one, her first child born in the months before she came into care (after her 13th birthday, and after she
    /// was last recorded as not a mother). Births in care are not simulated: the 903 validator's rule 625 reads a
    /// first child born after the latest episode that ended as an error.
    mutating func recordMotherhood(on start: CalendarDate) {
        guard profile.sex.rawValue == "F" else { return }
        if firstChildBirthDate == nil {
            let age = profile.age(at: start)
            let chance = age >= 16 ? 0.05 : age >= 14 ? 0.015 : 0
            if chance > 0, recordRandom.chance(chance) {
                let born = start.adding(days: -recordRandom.int(in: 14...540))
                if born > profile.birthDate.adding(years: 13) && notMotherOn.map({ born > $0 }) ?? true {
                    firstChildBirthDate = born
                }
            }
        }
        emit(
            .motherhoodRecorded(isMother: firstChildBirthDate != nil, firstChildBirthDate: firstChildBirthDate),
            on: start)
        if firstChildBirthDate == nil { notMotherOn = start }
    }

    /// The child's home postcode, recorded as care begins: the family's, kept from one period of care to the next
    /// (a family that moves is not simulated).
    mutating func recordHomePostcode(on start: CalendarDate) {
        // An unaccompanied asylum-seeking child has no home here to measure a distance from (903 rule 406).
        guard !profile.isUASC else { return }
        if homePostcode == 0 { homePostcode = Int16(recordRandom.int(in: 1...HomePostcodes.all.count)) }
        emit(.homePostcodeRecorded(postcode: homePostcode), on: start)
    }

    /// A placement's postcode: the home's for a child placed with parents (P1), else another of the council's,
    /// never the home's (903 rule 392d) nor the last placement's (a move to the same place with the same provider
    /// and service would not read as a move, 903 rule 435). All are in the council's area: the distances of
    /// `distanceMiles` are drawn apart from them.
    mutating func placementPostcode(_ type: PlacementType) -> Int16 {
        let count = Int16(HomePostcodes.all.count)
        var n = homePostcode
        if type.rawValue != "P1" || homePostcode == 0 {
            n = Int16(recordRandom.int(in: 1...Int(count)))
            while n == homePostcode || n == lastPlacementPostcode { n = n % count + 1 }
        }
        lastPlacementPostcode = n
        return n
    }
}

extension JourneyBuilder {
    /// The placement types with no Ofsted URN (903 rules 218, 222): with parents, in residential employment, an
    /// adult care home, a health establishment, a young offender institution, a temporary placement; and other
    /// placements (Z1, Z11-Z14), which the placements already give none.
    static let typesWithoutURN: Set<String> = [
        "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14",
    ]

    /// The URN a placement with none of its own is recorded with, once placements have postcodes and so a place in
    /// England (903 rule 218 asks one of every other placement there): that of the fostering or adoption service
    /// that provides it, the council's own (`PR1`) or one of five agencies. Services are numbered after the 60
    /// registered homes of `LifecycleID.urn(home:)`.
    mutating func serviceURN(_ p: PlacementFact) -> Int16 {
        if Self.typesWithoutURN.contains(p.placementType.rawValue) { return 0 }
        if p.provider?.rawValue == "PR1" { return 61 }
        return Int16(61 + recordRandom.int(in: 1...5))
    }
}

extension Fact {
    /// A fact of JourneyBuilder+Records.swift, which the journey's own randomness plays no part in.
    var isAddedRecord: Bool {
        switch self {
        case .motherhoodRecorded, .homePostcodeRecorded, .workerChangeRecorded: true
        default: false
        }
    }
}
