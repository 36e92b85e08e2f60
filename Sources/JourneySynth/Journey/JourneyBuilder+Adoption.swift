import JourneyCore

/// The road to adoption from a final hearing: the decision, the placement order, a match, the move to the adopters
/// and the order; or the decision reversed (RD1–RD4), before or after the placement order; and for a few, a
/// placement with the adopters that ends before the order.
struct AdoptionCourse {
    /// The agency's decision that the child should be placed for adoption.
    var decided: CalendarDate
    /// The placement order (at the final hearing), or `nil` when the child is placed with consent or the court made
    /// none.
    var placementOrder: CalendarDate?
    var reversal: (date: CalendarDate, reason: AdoptionReversalReason)?
    /// Fostering for adoption with the carers who go on to adopt, from this date (`U5`, or `U2` with relatives or
    /// friends).
    var fosteringForAdoption: (date: CalendarDate, type: PlacementType)?
    /// The first match and placement with adopters, if any; and a second, after a disruption.
    var first: AdoptiveMatch?
    var second: AdoptiveMatch?
    var isWithConsent = false
}

/// A match with adopters and the move to them; `disrupted` when the placement ends before the order.
struct AdoptiveMatch {
    var matched: CalendarDate
    var placed: CalendarDate
    var disrupted: CalendarDate?
}

extension JourneyBuilder {
    /// A final hearing in proceedings where the plan is adoption (`E1` from the placement order).
    mutating func adoption(
        statuses: [(CalendarDate, LegalStatus)], start: CalendarDate, interim: CalendarDate, hearing: CalendarDate
    ) -> CourseOfCare {
        var statuses = statuses
        // The agency decision maker's decision comes before the final hearing that makes the placement order.
        var course = AdoptionCourse(decided: hearing.adding(days: -random.int(in: 30...150)))
        if random.chance(model.adoptionReversalShare) {
            let reason = model.adoptionReversalReasons.draw(&random)
            if reason == .courtMadeNoPlacementOrder {
                // The court made another order: the course is that order's.
                course.reversal = (hearing, reason)
                var other = finalHearing(
                    WeightedChoice.proceedingsOutcomes.draw(&random), statuses: statuses, hearing: hearing)
                other.adoption = course
                return other
            }
            statuses.append((hearing, .placementOrder))
            course.placementOrder = hearing
            // The placement order is revoked and a care order made when the plan changes.
            let reversed = hearing.adding(days: random.int(in: 60...400))
            course.reversal = (reversed, reason)
            statuses.append((reversed, LegalStatus("C2")!))
            let end = reversed.adding(days: Int(random.exponential(mean: 6 * 365)))
            return CourseOfCare(
                statuses: statuses, end: end, reason: WeightedChoice.longTermCareEnds.draw(&random), adoption: course)
        }
        course.isWithConsent = random.chance(model.adoptionWithConsentShare)
        if !course.isWithConsent {
            statuses.append((hearing, .placementOrder))
            course.placementOrder = hearing
        }
        let spread = min(model.adoptionPlacementDelayMean - 21, 120)
        let delay = model.adoptionPlacementDelayMean + (2 * random.unit() - 1) * spread
        let placed = hearing.adding(days: max(21, Int(delay)))
        if !course.isWithConsent && random.chance(model.fosteringForAdoptionShare) {
            let from = start.adding(days: random.int(in: 1...max(1, start.days(to: course.decided))))
            course.fosteringForAdoption = (from, PlacementType(random.chance(0.1) ? "U2" : "U5")!)
        }
        var first = AdoptiveMatch(matched: placed.adding(days: -random.int(in: 14...56)), placed: placed)
        var adopted = placed.adding(days: random.int(in: 120...360))
        if random.chance(model.adoptionDisruptionShare) {
            let disrupted = placed.adding(days: random.int(in: 30...max(30, placed.days(to: adopted) - 10)))
            first.disrupted = disrupted
            if random.chance(0.5) {
                // Matched again, placed again, adopted.
                let matched = disrupted.adding(days: random.int(in: 120...300))
                let placedAgain = matched.adding(days: random.int(in: 14...56))
                course.second = AdoptiveMatch(matched: matched, placed: placedAgain)
                adopted = placedAgain.adding(days: random.int(in: 120...360))
            } else {
                // The plan changes: long-term care.
                course.first = first
                let reversed = disrupted.adding(days: random.int(in: 60...240))
                course.reversal = (reversed, AdoptionReversalReason(random.chance(0.6) ? "RD1" : "RD4")!)
                statuses.append((reversed, LegalStatus("C2")!))
                let end = reversed.adding(days: Int(random.exponential(mean: 6 * 365)))
                return CourseOfCare(
                    statuses: statuses, end: end, reason: WeightedChoice.longTermCareEnds.draw(&random),
                    adoption: course)
            }
        }
        course.first = first
        let reason = course.isWithConsent || random.chance(model.adoptionUnopposedShare) ? "E11" : "E12"
        return CourseOfCare(statuses: statuses, end: adopted, reason: CareEndReason(reason)!, adoption: course)
    }

    /// The decision, placement order and any reversal of an adoption; returns its number.
    mutating func adoptionDecisions(_ course: AdoptionCourse) -> Int32 {
        adoptions += 1
        let n = adoptions
        emit(.adoptionDecided(adoption: n), on: course.decided)
        if let order = course.placementOrder { emit(.placementOrderGranted(adoption: n), on: order) }
        if let reversal = course.reversal {
            emit(.adoptionDecisionReversed(adoption: n, reason: reversal.reason), on: reversal.date)
        }
        return n
    }

    /// The order that ends care, for an adoption (`E11`, `E12`), a special guardianship order (`E45`–`E48`) or a
    /// child arrangements order (`E41`).
    mutating func permanenceOrder(period: Int32, adoption: Int32?, ended: CalendarDate, reason: CareEndReason) {
        switch reason.rawValue {
        case "E11", "E12":
            if let adoption { emit(.adoptionOrderGranted(adoption: adoption), on: ended) }
        case "E41": emit(.permanenceOrderGranted(kind: .childArrangements, period: period), on: ended)
        case "E45", "E46", "E47", "E48":
            emit(.permanenceOrderGranted(kind: .specialGuardianship, period: period), on: ended)
        default: return
        }
        lastPermanence = (reason, ended)
    }

    /// The permanence the child had before this period (SSDA903 PrevPerm): the order that ended an earlier period
    /// of care, made in this council (`LA_PERM`, the output's), or none. A council that does not know of one
    /// records none (Z1): 903 rule 630 asks `LA_PERM` and `DATE_PERM` of every other code, `P4` (unknown) too.
    mutating func previousPermanence(on start: CalendarDate) {
        let kind: PreviousPermanenceKind
        var year: Int16 = 0
        switch lastPermanence?.reason.rawValue {
        case "E11", "E12": kind = PreviousPermanenceKind("P1")!
        case "E45", "E46", "E47", "E48": kind = PreviousPermanenceKind("P2")!
        case "E41": kind = PreviousPermanenceKind("P3")!
        default: kind = PreviousPermanenceKind("Z1")!
        }
        if let last = lastPermanence, kind.rawValue != "Z1" { year = Int16(last.date.year) }
        emit(.previousPermanenceRecorded(kind: kind, year: year), on: start)
    }

    /// The placements of a period of care from `start` to `end`: moves, temporary placements, changes with the
    /// same carer, and the adoptive placements when there are any.
    ///
    /// A move is `placement.ended` then `placement.started` on the same day; the last placement is ended by
    /// `care.ended` (events.md). Temporary placements (T0–T4) start and end inside a placement without ending it.
    mutating func placements(
        period: Int32, from start: CalendarDate, to end: CalendarDate, adoption: AdoptionCourse?, number: Int32
    ) {
        guard let adoption, let first = adoption.first else {
            _ = placementsUntil(end, period: period, from: start)
            return
        }
        var current: PlacementFact?
        var isFostering = false
        if let ffa = adoption.fosteringForAdoption, ffa.date < first.placed {
            current = placementsUntil(ffa.date, period: period, from: start)
            guard let before = current, ffa.date <= horizon else { return }
            emit(.placementEnded(placement: before.placement, reason: PlacementChangeReason("CARPL")!), on: ffa.date)
            placements += 1
            let fostering = PlacementFact(
                placement: placements, period: period, placementType: ffa.type,
                provider: WeightedChoice.adoptionProviders.draw(&random),
                distanceTenths: Int32(WeightedChoice.adoptionDistance.draw(&random) * (0.5 + random.unit()) * 10),
                home: 0, isSameCarer: false)
            emit(.placementStarted(fostering), on: ffa.date)
            temporaryPlacements(period: period, within: ffa.date, first.placed, of: fostering)
            current = fostering
            isFostering = true
        } else {
            current = placementsUntil(first.placed, period: period, from: start)
        }
        guard let before = current else { return }
        let adoptive = placeForAdoption(
            number, period: period, match: first, after: before, isFosteringForAdoption: isFostering,
            isWithConsent: adoption.isWithConsent)
        guard let disrupted = first.disrupted, disrupted <= horizon, let adoptive else { return }
        let reason = WeightedChoice.adoptionDisruptions.draw(&random)
        emit(.adoptionPlacementEnded(adoption: number, reason: reason), on: disrupted)
        emit(.placementEnded(placement: adoptive.placement, reason: reason), on: disrupted)
        guard let second = adoption.second else {
            _ = placementsUntil(end, period: period, from: disrupted)
            return
        }
        guard let fostered = placementsUntil(second.placed, period: period, from: disrupted) else { return }
        placeForAdoption(
            number, period: period, match: second, after: fostered, isFosteringForAdoption: false,
            isWithConsent: adoption.isWithConsent)
    }

    /// The match, and the move from the placement in force to the adopters: the same carers for a child fostered
    /// for adoption and for some in foster care (`A5`, `A3` with consent), new parents for the others (`A6`,
    /// `A4`). Returns the adoptive placement, `nil` when it is after the extract.
    @discardableResult
    mutating func placeForAdoption(
        _ number: Int32, period: Int32, match: AdoptiveMatch, after current: PlacementFact,
        isFosteringForAdoption: Bool, isWithConsent: Bool
    ) -> PlacementFact? {
        let withCarers =
            isFosteringForAdoption
            || (current.placementType.rawValue.first == "U" && random.chance(model.adoptedByFosterCarersShare))
        let adopters = model.adopterSexes.draw(&random)
        emit(
            .adoptionMatched(
                adoption: number, adopters: adopters, legalStatus: adopterLegalStatus(adopters),
                isFosterCarer: withCarers),
            on: match.matched)
        guard match.placed <= horizon else { return nil }
        emit(
            .placementEnded(
                placement: current.placement, reason: PlacementChangeReason(withCarers ? "PLACE" : "CARPL")!),
            on: match.placed)
        placements += 1
        var adoptive = current
        adoptive.placement = placements
        adoptive.placementType = PlacementType(isWithConsent ? (withCarers ? "A3" : "A4") : (withCarers ? "A5" : "A6"))!
        adoptive.isSameCarer = withCarers
        adoptive.home = 0
        if !withCarers {
            adoptive.provider = WeightedChoice.adoptionProviders.draw(&random)
            adoptive.distanceTenths = Int32(WeightedChoice.adoptionDistance.draw(&random) * (0.5 + random.unit()) * 10)
        }
        emit(.placementStarted(adoptive), on: match.placed)
        emit(.adoptionPlaced(adoption: number, placement: adoptive.placement), on: match.placed)
        return adoptive
    }

    /// The adopters' legal status (SSDA903 `LS_ADOPTR`) for their sex code: most couples are married.
    mutating func adopterLegalStatus(_ sex: AdopterSex) -> AdopterLegalStatus {
        let code: String
        switch sex.rawValue {
        case "M1", "F1": code = "L0"
        case "MF": code = random.chance(0.75) ? "L11" : "L3"
        default:
            let u = random.unit()
            code = u < 0.5 ? "L12" : u < 0.8 ? "L2" : "L4"
        }
        return AdopterLegalStatus(code)!
    }
}

extension Code where List == LegalStatuses {
    static let placementOrder = LegalStatus("E1")!
}

extension Code where List == AdoptionReversalReasons {
    static let courtMadeNoPlacementOrder = AdoptionReversalReason("RD2")!
}

extension Code where List == PermanenceOrderKinds {
    static let specialGuardianship = PermanenceOrderKind("special-guardianship")!
    static let childArrangements = PermanenceOrderKind("child-arrangements")!
}

extension WeightedChoice where Value == PlacementChangeReason {
    /// Why an adoptive placement ends before the order.
    static let adoptionDisruptions = WeightedChoice(
        [("CREQB", 35), ("CREQO", 25), ("CARPL", 20), ("CHILD", 5), ("OTHER", 15)].map {
            (PlacementChangeReason($0.0)!, $0.1)
        })
}
