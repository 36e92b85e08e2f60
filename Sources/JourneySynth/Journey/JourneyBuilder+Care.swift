import JourneyCore

/// How a child comes into care.
enum CareEntry: Sendable {
    /// Straight after a referral: police protection, an emergency protection order or section 20.
    case emergency
    case fromCP
    case fromCIN
    /// An unaccompanied asylum-seeking child.
    case uasc
}

/// What a period of care is for: it decides the legal statuses, how long the period lasts and how it ends.
enum CarePlan: Sendable {
    /// A short stay, mostly accommodation under section 20, ending in a return home.
    case shortStay
    /// Care proceedings: an interim care order, then a final hearing.
    case proceedings
    /// Longer accommodation under section 20 (mostly older children).
    case accommodated
    /// Remand to local authority accommodation.
    case remand
    case uasc
}

/// Outcomes of care proceedings at the final hearing.
enum ProceedingsOutcome: Sendable {
    case adoption, specialGuardianship, childArrangements, reunification, longTermCare
}

extension JourneyBuilder {
    /// A period of care from `start` under referral `n`: legal statuses, placements, reviews, visits, missing
    /// episodes; then the case closes or steps down.
    mutating func care(referral n: Int32, from start: CalendarDate, entry: CareEntry) -> Ending {
        guard start < profile.adulthood.adding(days: -1) else { return close(n, "RC7", on: start) }
        periods += 1
        let period = periods
        let age = profile.age(at: start)
        let plan = carePlan(for: entry, age: age)
        var course = courseOfCare(plan, from: start, age: age)
        if course.end >= profile.adulthood {
            // SSDA903: care ends on the 18th birthday.
            course.end = max(start.adding(days: 1), profile.adulthood)
            course.reason =
                plan == .uasc && random.chance(0.2) ? CareEndReason("E17")! : model.leavingCareReasons.draw(&random)
            if let placed = course.adoption?.first?.placed, placed >= course.end { course.adoption?.first = nil }
        }
        let need = entry == .uasc ? CareNeed("N8")! : model.careNeeds.draw(&random)
        isAccommodated = course.statuses.contains { $0.1.rawValue == "V2" }
        lastPlacementType = nil
        emit(
            .careStarted(period: period, legalStatus: course.statuses[0].1, need: need, isUASC: entry == .uasc),
            on: start)
        previousPermanence(on: start)
        recordMotherhood(on: start)
        recordHomePostcode(on: start)
        allocate(age >= 16 ? .leavingCare : .childrenInCare, on: start)
        for (date, status) in course.statuses.dropFirst() where date < course.end {
            emit(.legalStatusChanged(period: period, legalStatus: status), on: date)
        }
        let adoption = course.adoption.map { adoptionDecisions($0) }
        placements(period: period, from: start, to: course.end, adoption: course.adoption, number: adoption ?? 0)
        // 903 rule 516: a special guardianship order to former foster carers (E45), or to other carers (E46), is
        // only from foster care (U1–U6); from anywhere else the order goes to relatives or friends (E48).
        if ["E45", "E46"].contains(course.reason.rawValue), lastPlacementType?.rawValue.first != "U" {
            course.reason = CareEndReason("E48")!
        }
        visits(.care, from: start, to: course.end, every: model.careVisitWorkingDays)
        reviews(
            .period(period), firstDue: workingDays.adding(20, to: start), secondAfter: 3, every: 6, to: course.end)
        missingEpisodes(from: start, to: course.end)
        health(from: start, to: course.end)
        let sixteenth = profile.birthDate.adding(years: 16)
        if start < sixteenth && sixteenth < course.end { allocate(.leavingCare, on: sixteenth) }
        changesOfWorker(from: start, to: course.end)
        permanenceOrder(period: period, adoption: adoption, ended: course.end, reason: course.reason)
        emit(.careEnded(period: period, reason: course.reason), on: course.end)
        let ending = afterCare(referral: n, ended: course.end, reason: course.reason)
        leavingCare(from: start, ended: course.end, reason: course.reason)
        return ending
    }

    /// The case after care ends: closed with the matching CIN census reason, or stepped down to a CIN plan for
    /// some children who go home.
    mutating func afterCare(referral n: Int32, ended end: CalendarDate, reason: CareEndReason) -> Ending {
        switch reason.rawValue {
        case "E11", "E12": return close(n, "RC1", on: end)
        case "E41": return close(n, "RC3", on: end)
        case "E45", "E46", "E47", "E48": return close(n, "RC4", on: end)
        case "E3": return close(n, "RC5", on: end)
        case "E7": return close(n, "RC6", on: end)
        case "E4A", "E4B", "E13":
            if profile.age(at: end) < 17 && random.chance(0.4) {
                emit(.steppedDown(from: .care, to: .childInNeed), on: end)
                allocate(Team.locality(ofWard: profile.ward), on: end)
                return cinPlan(referral: n, from: end)
            }
            return close(n, "RC7", on: end)
        default: return close(n, "RC7", on: end)
        }
    }

    mutating func carePlan(for entry: CareEntry, age: Int) -> CarePlan {
        let plan: CarePlan
        switch entry {
        case .uasc: return .uasc
        case .emergency:
            if age >= 12 && random.chance(0.08) { return .remand }
            plan = WeightedChoice.emergencyCarePlans.draw(&random)
        case .fromCP: plan = WeightedChoice.carePlansFromCP.draw(&random)
        case .fromCIN: plan = WeightedChoice.carePlansFromCIN.draw(&random)
        }
        // A care order cannot be made for a child of 17, and is rare from 16.
        return plan == .proceedings && age >= 16 ? .accommodated : plan
    }

    /// The legal statuses, end and reason of a period of care, before the 18th-birthday rule.
    struct CourseOfCare {
        var statuses: [(CalendarDate, LegalStatus)]
        var end: CalendarDate
        var reason: CareEndReason
        /// The decision to place for adoption and what follows it, if there is one.
        var adoption: AdoptionCourse?
    }

    mutating func courseOfCare(_ plan: CarePlan, from start: CalendarDate, age: Int) -> CourseOfCare {
        func status(_ code: String) -> LegalStatus { LegalStatus(code)! }
        func reason(_ code: String) -> CareEndReason { CareEndReason(code)! }
        switch plan {
        case .shortStay:
            let first = WeightedChoice.shortStayStatuses.draw(&random)
            var end = start.adding(days: 1 + min(200, Int(random.exponential(mean: 40))))
            var statuses = [(start, first)]
            if first != status("V2") {
                // Police protection ends within 72 hours, an EPO within 8 days: the child goes home, or stays
                // accommodated under section 20.
                let limit = first == status("L1") ? 3 : 8
                if random.chance(0.6) {
                    statuses.append((start.adding(days: random.int(in: 1...limit)), status("V2")))
                } else {
                    end = min(end, start.adding(days: random.int(in: 1...limit)))
                }
            }
            return CourseOfCare(statuses: statuses, end: end, reason: WeightedChoice.shortStayEnds.draw(&random))
        case .remand:
            let end = start.adding(days: random.int(in: 7...120))
            return CourseOfCare(
                statuses: [(start, random.chance(0.9) ? status("J1") : status("J2"))], end: end, reason: reason("E14"))
        case .uasc:
            let u = random.unit()
            if u < 0.03 {
                // SSDA903 E15: an age assessment found the child to be 18 or over.
                return CourseOfCare(
                    statuses: [(start, status("V2"))], end: start.adding(days: random.int(in: 30...180)),
                    reason: reason("E15"))
            }
            return CourseOfCare(statuses: [(start, status("V2"))], end: profile.adulthood, reason: reason("E8"))
        case .accommodated:
            let days = Int(WeightedChoice.accommodatedDays.draw(&random) * (0.5 + random.unit()))
            var statuses = [(start, status("V2"))]
            if random.chance(0.15) {
                let order = start.adding(days: random.int(in: 30...180))
                statuses.append((order, status("C1")))
                statuses.append((order.adding(days: random.int(in: 182...364)), status("C2")))
            }
            return CourseOfCare(
                statuses: statuses, end: start.adding(days: max(30, days)),
                reason: WeightedChoice.accommodatedEnds.draw(&random))
        case .proceedings:
            return proceedings(from: start, age: age)
        }
    }

    /// Care proceedings: an interim care order (after police protection, an EPO or section 20 for some), a final
    /// hearing 26 to 52 weeks later, and its outcome.
    mutating func proceedings(from start: CalendarDate, age: Int) -> CourseOfCare {
        func status(_ code: String) -> LegalStatus { LegalStatus(code)! }
        func reason(_ code: String) -> CareEndReason { CareEndReason(code)! }
        let first = WeightedChoice.proceedingsStatuses.draw(&random)
        var statuses = [(start, first)]
        var interim = start
        switch first.rawValue {
        // Police protection lasts at most 72 hours (Children Act 1989 s46(6)), an emergency protection order at
        // most 8 days (s45(1)).
        case "L1": interim = start.adding(days: random.int(in: 1...3))
        case "L2": interim = start.adding(days: random.int(in: 1...8))
        case "V2": interim = start.adding(days: random.int(in: 14...120))
        default: break
        }
        if interim > start { statuses.append((interim, status("C1"))) }
        let hearing = interim.adding(days: random.int(in: 182...364))
        let adoptionShare =
            age < 2
            ? model.adoptionShareUnder2 : age < 5 ? model.adoptionShareUnder5 : age < 8 ? model.adoptionShareUnder8 : 0
        let outcome: ProceedingsOutcome =
            random.chance(adoptionShare) ? .adoption : WeightedChoice.proceedingsOutcomes.draw(&random)
        if outcome == .adoption {
            return adoption(statuses: statuses, start: start, interim: interim, hearing: hearing)
        }
        return finalHearing(outcome, statuses: statuses, hearing: hearing)
    }

    /// The course after a final hearing that makes an order other than a placement order.
    mutating func finalHearing(
        _ outcome: ProceedingsOutcome, statuses: [(CalendarDate, LegalStatus)], hearing: CalendarDate
    ) -> CourseOfCare {
        func status(_ code: String) -> LegalStatus { LegalStatus(code)! }
        func reason(_ code: String) -> CareEndReason { CareEndReason(code)! }
        var statuses = statuses
        switch outcome {
        case .adoption, .longTermCare:
            statuses.append((hearing, status("C2")))
            let end = hearing.adding(days: Int(random.exponential(mean: 6 * 365)))
            return CourseOfCare(statuses: statuses, end: end, reason: WeightedChoice.longTermCareEnds.draw(&random))
        case .specialGuardianship:
            return CourseOfCare(
                statuses: statuses, end: hearing, reason: WeightedChoice.specialGuardianship.draw(&random))
        case .childArrangements:
            return CourseOfCare(statuses: statuses, end: hearing, reason: reason("E41"))
        case .reunification:
            return CourseOfCare(
                statuses: statuses, end: hearing.adding(days: random.int(in: 0...60)), reason: reason("E4A"))
        }
    }

    /// Missing and away episodes for a child of 11 or more who goes missing at times, with return interviews.
    mutating func missingEpisodes(from start: CalendarDate, to end: CalendarDate) {
        let eleventh = profile.birthDate.adding(years: 11)
        let begin = max(start, eleventh)
        guard begin < end, random.chance(model.missingProneShare) else { return }
        let meanGap = 365 / model.missingEpisodesPerYear
        var t = begin.adding(days: Int(random.exponential(mean: meanGap)))
        let last = min(end, horizon)
        while t < last {
            let back = t.adding(days: WeightedChoice.missingDays.draw(&random))
            guard back < end else { break }
            missingEpisodes += 1
            let isMissing = random.chance(0.8)
            emit(.missingStarted(episode: missingEpisodes, kind: isMissing ? .missing : .away), on: t)
            // Statutory guidance: a return interview is offered after every missing episode (most are).
            let offered = random.chance(isMissing ? model.returnInterviewOffered : 0.3)
            let accepted = offered && random.chance(model.returnInterviewAccepted)
            emit(.missingEnded(episode: missingEpisodes, offered: offered, accepted: accepted), on: back)
            t = back.adding(days: 1 + Int(random.exponential(mean: meanGap)))
        }
    }

    /// An agreed series of short breaks for a disabled child (a V4 period of care), alongside a CIN plan.
    mutating func shortBreaks(from start: CalendarDate, to end: CalendarDate) {
        guard start.days(to: end) >= 60 else { return }
        periods += 1
        placements += 1
        let period = periods
        emit(
            .careStarted(period: period, legalStatus: LegalStatus("V4")!, need: CareNeed("N2")!, isUASC: false),
            on: start)
        let isHome = random.chance(0.6)
        emit(
            .placementStarted(
                PlacementFact(
                    placement: placements, period: period, placementType: PlacementType(isHome ? "K2" : "U6")!,
                    provider: PlacementProvider("PR1")!, distanceTenths: Int32(random.int(in: 5...150)),
                    home: isHome ? Int16(random.int(in: 1...60)) : 0, isSameCarer: false)),
            on: start)
        emit(.careEnded(period: period, reason: CareEndReason("E8")!), on: end)
    }
}

extension WeightedChoice where Value == CarePlan {
    static let emergencyCarePlans = WeightedChoice([(.shortStay, 45), (.proceedings, 35), (.accommodated, 20)])
    static let carePlansFromCP = WeightedChoice([(.proceedings, 75), (.shortStay, 10), (.accommodated, 15)])
    static let carePlansFromCIN = WeightedChoice([(.accommodated, 50), (.proceedings, 30), (.shortStay, 20)])
}

extension WeightedChoice where Value == ProceedingsOutcome {
    static let proceedingsOutcomes = WeightedChoice([
        (.specialGuardianship, 22), (.childArrangements, 8), (.reunification, 18), (.longTermCare, 52),
    ])
}

extension WeightedChoice where Value == LegalStatus {
    static let shortStayStatuses = WeightedChoice(
        [("V2", 65), ("L1", 25), ("L2", 10)].map { (LegalStatus($0.0)!, $0.1) })
    static let proceedingsStatuses = WeightedChoice(
        [("C1", 55), ("L1", 15), ("L2", 15), ("V2", 15)].map { (LegalStatus($0.0)!, $0.1) })
}

extension WeightedChoice where Value == CareEndReason {
    static let shortStayEnds = WeightedChoice(
        [("E4A", 55), ("E4B", 15), ("E13", 15), ("E41", 5), ("E8", 10)].map { (CareEndReason($0.0)!, $0.1) })
    static let accommodatedEnds = WeightedChoice(
        [("E4A", 50), ("E13", 20), ("E8", 15), ("E41", 5), ("E4B", 10)].map { (CareEndReason($0.0)!, $0.1) })
    static let specialGuardianship = WeightedChoice(
        [("E45", 20), ("E46", 15), ("E47", 35), ("E48", 30)].map { (CareEndReason($0.0)!, $0.1) })
    static let longTermCareEnds = WeightedChoice(
        [("E4A", 35), ("E45", 20), ("E47", 15), ("E41", 10), ("E8", 20)].map { (CareEndReason($0.0)!, $0.1) })
}

extension WeightedChoice where Value == Double {
    /// Days of accommodation under section 20 for a longer stay.
    static let accommodatedDays = WeightedChoice([(60.0, 20), (200, 25), (400, 20), (800, 20), (1_600, 15)])
}

extension WeightedChoice where Value == Int {
    /// Days a missing episode lasts (0: back the same day).
    static let missingDays = WeightedChoice([(0, 60), (1, 25), (2, 8), (3, 4), (5, 3)])
}

extension Code where List == MissingKinds {
    static let missing = MissingKind("missing")!
    static let away = MissingKind("away")!
}
