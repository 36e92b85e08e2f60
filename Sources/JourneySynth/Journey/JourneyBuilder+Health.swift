import JourneyCore

extension JourneyBuilder {
    /// The health of a child looked after for 12 months (SSDA903 OC2): for each year to 31 March that the child
    /// spends in care from its first day to its last, a health assessment, a dental check, immunisations, and by
    /// age health surveillance (under 5), an SDQ (4 to 16), a conviction (10 or more) and substance misuse (11 or
    /// more); and for a few children of 12 or more a deprivation of liberty order.
    mutating func health(from start: CalendarDate, to end: CalendarDate) {
        // The first year to 31 March that starts (1 April) on or after the period's start.
        var yearEnd = CalendarDate(year: start.year, month: 3, day: 31)!
        while yearEnd.adding(years: -1).adding(days: 1) < start { yearEnd = yearEnd.adding(years: 1) }
        let last = min(end.adding(days: -1), horizon)
        while yearEnd <= last {
            healthYear(to: yearEnd)
            yearEnd = yearEnd.adding(years: 1)
        }
        deprivationOfLiberty(from: start, to: end)
    }

    /// One year's health facts, each on a day of the year to `yearEnd`.
    private mutating func healthYear(to yearEnd: CalendarDate) {
        let age = profile.age(at: yearEnd)
        if random.chance(model.healthAssessmentShare) { emit(.healthAssessmentCompleted, on: day(in: yearEnd)) }
        if random.chance(model.dentalCheckShare) { emit(.dentalCheckCompleted, on: day(in: yearEnd)) }
        emit(.immunisationsRecorded(upToDate: random.chance(model.immunisationsShare)), on: day(in: yearEnd))
        if age < 5 {
            emit(
                .healthSurveillanceRecorded(upToDate: random.chance(model.healthSurveillanceShare)),
                on: day(in: yearEnd))
        }
        // The SDQ is for children of 4 to 16 on the day (SSDA903 `SDQ_REASON` SDQ1 otherwise).
        let sdqDay = day(in: yearEnd)
        let year = yearEnd.adding(years: -1).adding(days: 1)...yearEnd
        if (4...16).contains(profile.age(at: sdqDay)) {
            let fact: Fact
            if random.chance(model.sdqScoredShare) {
                // Near-normal around the mean (a sum of four uniforms), within 0–40.
                let z = (random.unit() + random.unit() + random.unit() + random.unit() - 2) * 1.732
                fact = .sdqRecorded(
                    score: Int8(max(0, min(40, (model.sdqMean + z * model.sdqSpread).rounded()))), reason: nil)
            } else {
                let reason =
                    profile.isDisabled && random.chance(0.5) ? SDQReason("SDQ3")! : model.sdqReasons.draw(&random)
                fact = .sdqRecorded(score: -1, reason: reason)
            }
            emit(fact, on: sdqDay)
        } else if [4, 17].contains(where: { year.contains(profile.birthDate.adding(years: $0)) }) {
            // 903 rule 197B: a child who turns 4 or 17 in the year has a score or a reason for none, here SDQ1
            // (under 4 or over 16 on the day).
            emit(.sdqRecorded(score: -1, reason: SDQReason("SDQ1")!), on: sdqDay)
        }
        if age >= 10 && random.chance(model.convictionShare) { emit(.convictionRecorded, on: day(in: yearEnd)) }
        if age >= 11 && random.chance(model.substanceMisuseShareFrom11) {
            let received = random.chance(model.interventionReceivedShare)
            let offered: Bool? = received ? nil : random.chance(model.interventionOfferedShare)
            emit(.substanceMisuseIdentified(offered: offered, received: received), on: day(in: yearEnd))
        }
    }

    /// A day of the year to `yearEnd` (1 April to 31 March).
    private mutating func day(in yearEnd: CalendarDate) -> CalendarDate {
        yearEnd.adding(days: -random.int(in: 0...364))
    }

    /// A deprivation of liberty order for a few children of 12 or more, for 2 to 12 months within the period.
    private mutating func deprivationOfLiberty(from start: CalendarDate, to end: CalendarDate) {
        let from = max(start, profile.birthDate.adding(years: 12))
        guard from.days(to: end) > 120, from <= horizon, random.chance(model.deprivationOfLibertyShare) else { return }
        let begins = from.adding(days: random.int(in: 0...(from.days(to: end) - 61)))
        let ends = min(end, begins.adding(days: random.int(in: 60...365)))
        deprivationOfLibertyOrders += 1
        emit(.deprivationOfLibertyStarted(order: deprivationOfLibertyOrders), on: begins)
        emit(.deprivationOfLibertyEnded(order: deprivationOfLibertyOrders), on: ends)
    }
}
