import JourneyCore

extension JourneyBuilder {
    /// A CIN plan from `start` under referral `n`, and how it ends.
    mutating func cinPlan(referral n: Int32, from start: CalendarDate) -> Ending {
        // Children's services end at 18: a plan that would start then is not made.
        guard start < profile.adulthood.adding(days: -1) else { return close(n, "RC7", on: start) }
        cinPlans += 1
        let plan = cinPlans
        emit(.cinPlanStarted(plan: plan, referral: n), on: start)
        var end = start.adding(days: Int(model.cinDuration.draw(&random)))
        // A plan made before birth goes on after it: nothing that follows (care above all) comes before birth.
        if end <= profile.birthDate { end = profile.birthDate.adding(days: random.int(in: 14...120)) }
        let lastDay = profile.adulthood.adding(days: -1)
        if end > lastDay { end = max(start, lastDay) }
        visits(.childInNeed, from: start, to: end, every: model.cinVisitWorkingDays)
        reviews(.cinPlan(plan), firstDue: start.adding(months: 3), every: 3, to: end)
        changesOfWorker(from: start, to: end)
        if profile.isDisabled && random.chance(model.shortBreaksShare) {
            shortBreaks(from: start.adding(days: 30), to: end.adding(days: -1))
        }

        var route = model.cinEndRoutes.draw(&random)
        // Repeat CP plans come only when due (see `protection`), and care ends at 18.
        if route == .stepUpToCP && (cpPlans > 0 || repeatPlanDue != nil) { route = .close }
        if (route == .stepUpToCare || route == .stepUpToCP) && profile.age(at: end) >= 17 { route = .close }
        switch route {
        case .stepUpToCP:
            strategies += 1
            s47s += 1
            emit(.strategyHeld(strategy: strategies, referral: n), on: end)
            emit(.s47Started(s47: s47s, referral: n, strategy: strategies), on: end)
            let icpc = conference(s47: s47s, referral: n, s47Start: end)
            guard icpc < profile.adulthood.adding(days: -1) else {
                // Too close to 18 for a CP plan (see `cpPlan`): the conference makes none.
                emit(.icpcHeld(s47: s47s, referral: n, outcome: .noPlan), on: icpc)
                emit(.cinPlanEnded(plan: plan), on: icpc)
                return close(n, "RC7", on: icpc)
            }
            emit(.icpcHeld(s47: s47s, referral: n, outcome: .plan), on: icpc)
            emit(.cinPlanEnded(plan: plan), on: icpc)
            emit(.steppedUp(from: .childInNeed, to: .childProtection), on: icpc)
            return cpPlan(referral: n, from: icpc)
        case .stepUpToCare:
            emit(.cinPlanEnded(plan: plan), on: end)
            emit(.steppedUp(from: .childInNeed, to: .care), on: end)
            return care(referral: n, from: end, entry: .fromCIN)
        case .stepDownToEarlyHelp:
            emit(.cinPlanEnded(plan: plan), on: end)
            // The step is recorded as the case closes, from the level the child is at until then.
            let day = max(end, latest)
            emit(.steppedDown(from: .childInNeed, to: .earlyHelp), on: day)
            return earlyHelp(from: close(n, "RC7", on: day).date)
        case .close, .stepDownToCIN:
            emit(.cinPlanEnded(plan: plan), on: end)
            return close(n, "RC7", on: end)
        }
    }

    /// A CP plan from `start` under referral `n`, and how it ends.
    mutating func cpPlan(referral n: Int32, from start: CalendarDate) -> Ending {
        guard start < profile.adulthood.adding(days: -1) else { return close(n, "RC7", on: start) }
        cpPlans += 1
        let plan = cpPlans
        var previousPlans: Int8 = -1
        if plan == plansLeftOut + 1 && plansLeftOut > 0 {
            // The first plan of a log that begins after the child's earlier plans: a case system carries their
            // number over (CIN census NumberOfPreviousCPP).
            previousPlans = Int8(min(100, plansBeforeLog + Int(plansLeftOut)))
        } else if plan == 1 {
            // CIN census NumberOfPreviousCPP: plans before this one that the log does not hold.
            let days = from.days(to: start)
            if random.chance(model.priorPlanShare(daysSinceLogBegan: days)) {
                plansBeforeLog = WeightedChoice.priorPlanCounts.draw(&random)
                previousPlans = Int8(plansBeforeLog)
            } else if random.chance(0.6) {
                previousPlans = 0
            }
        } else if random.chance(0.5) {
            previousPlans = Int8(min(100, plansBeforeLog + Int(plan) - 1))
        }
        emit(
            .cpPlanStarted(
                plan: plan, referral: n, category: model.categories.draw(&random), previousPlans: previousPlans),
            on: start)
        var end = start.adding(days: Int(model.cpDuration.draw(&random)))
        // A pre-birth plan goes on after the birth: nothing that follows (care above all) comes before birth.
        if end <= profile.birthDate { end = profile.birthDate.adding(days: random.int(in: 14...120)) }
        let lastDay = profile.adulthood.adding(days: -1)
        if end > lastDay { end = max(start, lastDay) }
        let length = start.days(to: end)
        if length > 90 && random.chance(model.categoryChangeChance) {
            emit(
                .cpPlanCategoryChanged(plan: plan, category: model.categories.draw(&random)),
                on: start.adding(days: random.int(in: 30...(length - 30))))
        }
        visits(.childProtection, from: start, to: end, every: model.cpVisitWorkingDays)
        reviews(.cpPlan(plan), firstDue: start.adding(months: 3), every: 6, to: end)
        changesOfWorker(from: start, to: end)

        var route = model.cpEndRoutes.draw(&random)
        if route == .stepUpToCare && profile.age(at: end) >= 17 { route = .close }
        emit(.cpPlanEnded(plan: plan), on: end)
        scheduleRepeatPlan(after: end)
        switch route {
        case .stepDownToCIN:
            emit(.steppedDown(from: .childProtection, to: .childInNeed), on: end)
            return cinPlan(referral: n, from: end)
        case .stepUpToCare:
            emit(.steppedUp(from: .childProtection, to: .care), on: end)
            return care(referral: n, from: end, entry: .fromCP)
        case .stepDownToEarlyHelp:
            // The step is recorded as the case closes; a case that closes after the plan ended (work still to
            // finish) was at child in need in between.
            let day = max(end, latest)
            emit(.steppedDown(from: day > end ? .childInNeed : .childProtection, to: .earlyHelp), on: day)
            return earlyHelp(from: close(n, "RC7", on: day).date)
        case .close, .stepUpToCP:
            return close(n, "RC7", on: end)
        }
    }

    /// Decides whether the child will have another CP plan, and when it is due: a share of plans are followed by
    /// another (`repeatPlanChance`), after a gap that still leaves time before 18.
    mutating func scheduleRepeatPlan(after end: CalendarDate) {
        guard repeatPlanDue == nil, random.chance(model.repeatPlanChance) else { return }
        let room = end.days(to: profile.adulthood) - 120
        guard room > 60 else { return }
        var gap = Int(model.repeatPlanGap.draw(&random))
        if gap > room {
            // Redrawn within the time left, so that older children are not lost to the target.
            let top = model.repeatPlanGap.probability(atOrBelow: Double(room))
            gap = Int(model.repeatPlanGap.value(at: random.unit() * top))
        }
        repeatPlanDue = end.adding(days: gap)
    }

    // MARK: Practice

    /// Statutory visits of `kind` between `start` and `end` (exclusive), every `every` working days or so.
    mutating func visits(_ kind: VisitKind, from start: CalendarDate, to end: CalendarDate, every: ClosedRange<Int>) {
        let last = min(end.adding(days: -1), horizon)
        let fourth = profile.birthDate.adding(years: 4)
        var d = workingDays.adding(random.int(in: 1...5), to: start)
        while d <= last {
            let seen = random.chance(model.seenShare)
            let alone: Bool? = seen && d >= fourth ? random.chance(model.seenAloneShare) : nil
            emit(.visitMade(kind: kind, seen: seen, seenAlone: alone), on: d)
            d = workingDays.adding(random.int(in: every), to: d)
        }
    }

    /// What a review is of.
    enum Reviewed {
        case cinPlan(Int32)
        case cpPlan(Int32)
        case period(Int32)
    }

    /// Reviews before `end`: the first due on `firstDue`, the second `secondAfter` months after it, each later one
    /// `every` months after the last, most on time (CIN census D6: a CP plan's first review within 3 months, then
    /// every 6; a looked-after child's within 20 working days, 3 months, then every 6).
    mutating func reviews(
        _ of: Reviewed, firstDue: CalendarDate, secondAfter: Int? = nil, every: Int, to end: CalendarDate
    ) {
        var due = firstDue
        var isFirst = true
        let last = min(end.adding(days: -1), horizon)
        while true {
            let onTime = random.chance(model.reviewOnTimeShare)
            let held = onTime ? due.adding(days: -random.int(in: 0...20)) : due.adding(days: random.int(in: 1...30))
            guard held <= last else { break }
            switch of {
            case .cinPlan(let plan): emit(.cinPlanReviewed(plan: plan), on: held)
            case .cpPlan(let plan): emit(.cpPlanReviewed(plan: plan), on: held)
            case .period(let period):
                let participation =
                    profile.age(at: held) < 4 ? ReviewParticipation("PN0")! : model.participation.draw(&random)
                emit(.careReviewed(period: period, participation: participation), on: held)
            }
            due = held.adding(months: isFirst ? (secondAfter ?? every) : every)
            isFirst = false
        }
    }

    /// Changes of worker in a long involvement.
    mutating func changesOfWorker(from start: CalendarDate, to end: CalendarDate) {
        var d = start.adding(months: random.int(in: model.workerChangeMonths))
        let last = min(end.adding(days: -1), horizon)
        while d <= last {
            let day = workingDays.onOrAfter(d)
            reallocate(on: day <= last ? day : d)
            d = d.adding(months: random.int(in: model.workerChangeMonths))
        }
    }
}

extension WeightedChoice where Value == Int {
    /// How many CP plans a child had before the log, when they had any.
    static let priorPlanCounts = WeightedChoice([(1, 70), (2, 20), (3, 7), (4, 3)])
}

extension Code where List == VisitKinds {
    static let childInNeed = VisitKind("cin")!
    static let childProtection = VisitKind("cp")!
    static let care = VisitKind("care")!
}
