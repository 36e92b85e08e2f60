import JourneyCore

extension JourneyBuilder {
    /// After care ends, for a care leaver (a "relevant" or "former relevant" child: looked after for 13 weeks or
    /// more since 14, and at some time after 16): a personal adviser, pathway plan reviews every six months, and a
    /// contact around each birthday from 17 to 21 that falls after care ended (SSDA903 OC3), to 21. The personal
    /// adviser comes while the young person is still looked after, from the day they are an eligible child (16, and
    /// 13 weeks looked after since 14), when that is before care ends (Children Act 1989, Sch. 2 para. 19C); at the
    /// end of care otherwise. A young person whose contact says they died (`DIED`) has their death recorded
    /// (`child.died`) on a day after the last thing before that contact, and no later involvement.
    ///
    /// These facts come after the case closed and years after it, so they move neither the closure (`latest`) nor
    /// the recorded times of the child's next involvement (`Fact.isAftercare`).
    mutating func leavingCare(from start: CalendarDate, ended end: CalendarDate, reason: CareEndReason) {
        let fourteenth = profile.birthDate.adding(years: 14)
        let sixteenth = profile.birthDate.adding(years: 16)
        guard end > sixteenth, max(start, fourteenth).days(to: end) >= 91, reason.isCareLeaverExit else { return }
        let closedOn = latest
        defer { latest = closedOn }
        let twentyFirst = profile.birthDate.adding(years: 21)
        let last = min(twentyFirst, horizon)
        guard end < last else { return }
        let eligible = max(sixteenth, max(start, fourteenth).adding(days: 91))
        emit(.personalAdviserAllocated(adviser: Int8(random.int(in: 1...20))), on: min(eligible, end))
        if random.chance(0.3) {
            let change = end.adding(days: random.int(in: 200...900))
            if change < last { emit(.personalAdviserAllocated(adviser: Int8(random.int(in: 1...20))), on: change) }
        }
        // Returned home: recorded as such once home for six months (RHOM), for some.
        let wentHome = reason.isReturnHome && random.chance(model.careLeaverReturnedHomeShare)
        var died: CalendarDate?
        var review = end.adding(months: 6)
        for age in 17...21 {
            let birthday = profile.birthDate.adding(years: age)
            guard birthday > end else { continue }
            // Pathway plan reviews up to this birthday, until the young person no longer needs them.
            while review < birthday && died == nil {
                let onTime = random.chance(model.pathwayReviewOnTimeShare)
                let held =
                    onTime ? review.adding(days: -random.int(in: 0...20)) : review.adding(days: random.int(in: 1...45))
                if held < last { emit(.pathwayPlanReviewed, on: held) }
                review = held.adding(months: 6)
            }
            // The contact is in the collection year (1 April to 31 March) of the birthday it is for: the 903 asks OC3
            // of the year the birthday falls in, and none of a 17- or 18-year-old looked after in the year after the
            // birthday (rules 1007, 1016).
            let birthdayYearStart = CalendarDate(
                year: birthday.month >= 4 ? birthday.year : birthday.year - 1, month: 4, day: 1)!
            let contact = min(
                birthdayYearStart.adding(years: 1).adding(days: -1),
                max(end.adding(days: 1), birthdayYearStart, birthday.adding(days: random.int(in: -30...30))))
            guard contact <= last.adding(days: 30) else { break }
            if died == nil && random.chance(model.careLeaverDeathShare * Double(age - 16)),
                recordDeath(before: contact)
            {
                died = contact
            }
            emit(
                careLeaverContact(age: age, hasDied: died != nil, isHome: wentHome && end.days(to: contact) >= 183),
                on: contact)
        }
    }

    /// One contact: in touch or not (and why), and what the young person is doing and where they live.
    mutating func careLeaverContact(age: Int, hasDied: Bool, isHome: Bool) -> Fact {
        if hasDied { return .careLeaverContacted(inTouch: .died, activity: .notKnown, accommodation: .notKnown) }
        if isHome { return .careLeaverContacted(inTouch: .returnedHome, activity: .notKnown, accommodation: .notKnown) }
        // The targets are for 19–21; 17- and 18-year-olds are a little more often in touch, and more in education.
        let inTouchShare = min(0.99, model.careLeaverInTouchShare + (age <= 18 ? 0.02 : 0))
        if random.chance(inTouchShare) {
            let eet = min(1, model.careLeaverEETWhenInTouch + (age <= 18 ? 0.1 : 0))
            return .careLeaverContacted(
                inTouch: .inTouch, activity: activity(eetShare: eet),
                accommodation: accommodation(suitableShare: model.careLeaverSuitableWhenInTouch, age: age))
        }
        let status = model.notInTouch.draw(&random)
        // Known through someone else: a quarter of those not in touch or refusing, more of those who need nothing.
        let known = random.chance(status == .noLongerRequired ? 0.6 : 0.25)
        guard known else { return .careLeaverContacted(inTouch: status, activity: .notKnown, accommodation: .notKnown) }
        return .careLeaverContacted(
            inTouch: status, activity: activity(eetShare: 0.4),
            accommodation: accommodation(suitableShare: 0.7, age: age))
    }

    private mutating func activity(eetShare: Double) -> CareLeaverActivity {
        random.chance(eetShare) ? model.eetActivities.draw(&random) : model.neetActivities.draw(&random)
    }

    /// Accommodation: staying put with former foster carers (`Z`) and foyers (`T`) are not for 17-year-olds.
    private mutating func accommodation(suitableShare: Double, age: Int) -> CareLeaverAccommodation {
        guard random.chance(suitableShare) else { return model.unsuitableAccommodation.draw(&random) }
        let code = model.suitableAccommodation.draw(&random)
        if age < 18 && (code.rawValue == "Z1" || code.rawValue == "T1") { return CareLeaverAccommodation("D1")! }
        return code
    }
}

extension Code where List == CareEndReasons {
    /// Care that ends leaving a care leaver: not adoption, an order that gives permanence, a transfer to another
    /// authority (which counts the young person), an age assessment finding an adult, or death.
    var isCareLeaverExit: Bool {
        !["E11", "E12", "E41", "E45", "E46", "E47", "E48", "E3", "E15", "E2"].contains(rawValue)
    }

    /// Went home to parents, relatives or others (`E4A`, `E4B`, `E13`).
    var isReturnHome: Bool { rawValue == "E4A" || rawValue == "E4B" || rawValue == "E13" }
}

extension Code where List == CareLeaverContactStatuses {
    static let inTouch = CareLeaverContactStatus("YES")!
    static let died = CareLeaverContactStatus("DIED")!
    static let returnedHome = CareLeaverContactStatus("RHOM")!
    static let noLongerRequired = CareLeaverContactStatus("NREQ")!
}

extension Code where List == CareLeaverActivities {
    static let notKnown = CareLeaverActivity("0")!
}

extension Code where List == CareLeaverAccommodations {
    static let notKnown = CareLeaverAccommodation("0")!
}
