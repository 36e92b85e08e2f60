import JourneyCore

extension JourneyBuilder {
    /// Placements from `start` until `phaseEnd`; returns the placement in force at `phaseEnd`, left open.
    mutating func placementsUntil(_ phaseEnd: CalendarDate, period: Int32, from start: CalendarDate) -> PlacementFact? {
        let stability = model.placementStability
        var cur = start
        var index = 0
        var inForce: PlacementFact?
        while cur < phaseEnd && cur <= horizon {
            let age = profile.age(at: cur)
            var place = newPlacement(period: period, age: age)
            // Teenagers' placements break down more often.
            let settledChance = (index == 0 ? stability.firstSettled : stability.laterSettled) * (age >= 13 ? 0.85 : 1)
            let settled = random.chance(settledChance)
            let length =
                settled
                ? Int(random.exponential(mean: 365 / stability.settledDisruptionPerYear))
                : 3 + Int(random.exponential(mean: stability.unsettledMeanDays))
            var placeEnd = cur.adding(days: length)
            let moves = placeEnd < phaseEnd
            if !moves { placeEnd = phaseEnd }
            // Other placements are Z11-Z14 from 2025-26 (lac2025_26 rule 146): one that starts on or after 1 April
            // 2025 is recorded so, and so is one still open on that day, as the council re-codes it and its case
            // system then holds (a return before 2025-26 writes them Z1). Those that end before it stay Z1, as do
            // all in an extract that ends before it: the codes do not exist yet.
            if place.placementType.rawValue == "Z1" && placeEnd >= Self.otherPlacementsSplit
                && horizon >= Self.otherPlacementsSplit
            {
                place.placementType = WeightedChoice.otherPlacementsFrom2025.draw(&random)
            }
            emit(.placementStarted(place), on: cur)
            var segmentStart = cur
            // A settled foster placement often becomes long-term with the same carer (U6 → U4, U3 → U1).
            if settled, let longTerm = place.placementType.longTermEquivalent,
                segmentStart.days(to: placeEnd) > 400, random.chance(model.longTermMatchShare)
            {
                let change = cur.adding(days: random.int(in: 180...min(540, cur.days(to: placeEnd) - 30)))
                temporaryPlacements(period: period, within: segmentStart, change, of: place)
                emit(.placementEnded(placement: place.placement, reason: PlacementChangeReason("PLACE")!), on: change)
                placements += 1
                place.placement = placements
                place.placementType = longTerm
                place.isSameCarer = true
                emit(.placementStarted(place), on: change)
                segmentStart = change
            }
            temporaryPlacements(period: period, within: segmentStart, placeEnd, of: place)
            if moves {
                emit(
                    .placementEnded(placement: place.placement, reason: model.placementEndReasons.draw(&random)),
                    on: placeEnd)
            }
            place.isSameCarer = false
            inForce = place
            cur = placeEnd
            index += 1
        }
        return inForce
    }

    /// The first day of the collection year 2025-26, from which other placements are Z11-Z14.
    static let otherPlacementsSplit = CalendarDate(year: 2025, month: 4, day: 1)!

    /// A new placement for a child of `age`: type, provider, distance and, for a home Ofsted registers, its URN.
    mutating func newPlacement(period: Int32, age: Int) -> PlacementFact {
        var type: PlacementType
        if profile.isUASC && age >= 16 {
            type = WeightedChoice.uascPlacements.draw(&random)
        } else if age >= 16 {
            type = model.olderTeenagePlacements.draw(&random)
        } else if age >= 11 {
            type = model.teenagePlacements.draw(&random)
        } else {
            type = model.fosterPlacements.draw(&random)
            // A mother and baby unit is for babies.
            if type.rawValue == "R3" && age >= 1 { type = PlacementType("U6")! }
        }
        // A child accommodated under section 20 is not placed with parents (903 rule 378): foster care instead.
        if type.rawValue == "P1" && isAccommodated { type = PlacementType("U6")! }
        placements += 1
        let provider: PlacementProvider
        let miles: Double
        var home: Int16 = 0
        switch type.rawValue {
        case "P1":
            provider = PlacementProvider("PR0")!
            miles = WeightedChoice.nearbyDistance.draw(&random)
        case "U1", "U2", "U3":
            provider = random.chance(0.9) ? PlacementProvider("PR1")! : PlacementProvider("PR4")!
            miles = WeightedChoice.nearbyDistance.draw(&random)
        case "U4", "U5", "U6":
            let isOwn = random.chance(0.6)
            provider = isOwn ? PlacementProvider("PR1")! : PlacementProvider(random.chance(0.95) ? "PR4" : "PR5")!
            miles =
                isOwn ? WeightedChoice.nearbyDistance.draw(&random) : WeightedChoice.fosterAgencyDistance.draw(&random)
        case "H5":
            provider = WeightedChoice.supportedProviders.draw(&random)
            miles = WeightedChoice.nearbyDistance.draw(&random)
        default:
            provider = WeightedChoice.residentialProviders.draw(&random)
            miles = WeightedChoice.residentialDistance.draw(&random)
            home = Int16(random.int(in: 1...60))
            // No Ofsted URN for a placement Ofsted does not register (903 rule 222): an adult residential care
            // home (R1), other placements (Z1, and Z11-Z14 that `placementsUntil` may make of it).
            if type.rawValue == "R1" || type.isOtherPlacement { home = 0 }
        }
        // Each choice is a typical distance; the spread around it gives every distance a chance.
        let tenths = Int32(miles * (0.3 + 1.4 * random.unit()) * 10)
        // Other placements (Z1, Z11-Z14) have no placement provider (903 rule 178); an unaccompanied asylum-seeking
        // child has no home to measure a distance from (903 rule 406).
        return PlacementFact(
            placement: placements, period: period, placementType: type,
            provider: type.isOtherPlacement ? nil : provider, distanceTenths: profile.isUASC ? -1 : tenths,
            home: home, isSameCarer: false)
    }

    /// Temporary placements (holidays, respite, hospital) inside a family placement, between `start` and `end`.
    mutating func temporaryPlacements(
        period: Int32, within start: CalendarDate, _ end: CalendarDate, of place: PlacementFact
    ) {
        guard place.placementType.isFamilySetting else { return }
        let meanGap = 365 / model.temporaryPlacementsPerYear
        var t = start.adding(days: 1 + Int(random.exponential(mean: meanGap)))
        while t.adding(days: 16) < end && t <= horizon {
            let type = model.temporaryPlacements.draw(&random)
            let days = type.rawValue == "T4" ? random.int(in: 1...7) : random.int(in: 1...14)
            placements += 1
            emit(
                .placementStarted(
                    PlacementFact(
                        placement: placements, period: period, placementType: type, provider: nil, distanceTenths: -1,
                        home: 0, isSameCarer: false)),
                on: t)
            emit(.placementEnded(placement: placements, reason: nil), on: t.adding(days: days))
            t = t.adding(days: days + 1 + Int(random.exponential(mean: meanGap)))
        }
    }
}

extension Code where List == PlacementTypes {
    /// The long-term placement with the same carer that a settled foster placement can become.
    var longTermEquivalent: PlacementType? {
        switch rawValue {
        case "U6": PlacementType("U4")!
        case "U3": PlacementType("U1")!
        default: nil
        }
    }

    /// Foster care and placements with parents: where holidays and respite are temporary placements.
    var isFamilySetting: Bool { rawValue.first == "U" || rawValue == "P1" }
}

extension WeightedChoice where Value == PlacementType {
    /// The codes that replace other placements (Z1) from 2025-26, in equal shares: the sources at hand give their
    /// meanings no weights (returns-ssda903.md).
    static let otherPlacementsFrom2025 = WeightedChoice(
        ["Z11", "Z12", "Z13", "Z14"].map { (PlacementType($0)!, 1.0) })

    static let uascPlacements = WeightedChoice(
        [("H5", 60), ("U6", 30), ("K2", 10)].map { (PlacementType($0.0)!, $0.1) })
}

extension WeightedChoice where Value == PlacementProvider {
    static let supportedProviders = WeightedChoice(
        [("PR4", 60), ("PR1", 30), ("PR5", 10)].map { (PlacementProvider($0.0)!, $0.1) })
    static let residentialProviders = WeightedChoice(
        [("PR4", 70), ("PR1", 20), ("PR5", 10)].map { (PlacementProvider($0.0)!, $0.1) })
    static let adoptionProviders = WeightedChoice(
        [("PR1", 60), ("PR2", 15), ("PR5", 25)].map { (PlacementProvider($0.0)!, $0.1) })
}

extension WeightedChoice where Value == Double {
    /// Typical miles from home: most children are placed near home; agency foster care and children's homes
    /// further away (about one child in seven is placed over 20 miles away).
    static let nearbyDistance = WeightedChoice([(1.5, 30), (4.0, 40), (9.0, 20), (20.0, 8), (40.0, 2)])
    static let fosterAgencyDistance = WeightedChoice([(4.0, 25), (10.0, 35), (20.0, 25), (40.0, 15)])
    static let residentialDistance = WeightedChoice([(6.0, 20), (15.0, 30), (30.0, 30), (60.0, 20)])
    static let adoptionDistance = WeightedChoice([(8.0, 30), (18.0, 40), (40.0, 30)])
}
