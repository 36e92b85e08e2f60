import JourneyCore

extension JourneyBuilder {
    /// The episode of need a referral opens: the assessment, and where it leads.
    mutating func episode(referral n: Int32, on d: CalendarDate, kind: Entry.Kind) -> Ending {
        assessments += 1
        let a = assessments
        let start = workingDays.onOrAfter(workingDays.adding(model.assessmentDelay.draw(&random), to: d))
        let completed = workingDays.adding(model.assessmentDuration.drawWhole(&random), to: start)
        emit(.assessmentStarted(assessment: a, referral: n), on: start)

        if profile.isUASC && periods == 0 {
            calibration.notInNeed.observe(false)
            emit(.assessmentCompleted(assessment: a, factors: uascFactors, outcome: .childInNeed), on: completed)
            return care(referral: n, from: d, entry: .uasc)
        }
        if kind == .repeatPlan {
            calibration.notInNeed.observe(false)
            allocate(assessingTeam(), on: start)
            return protection(referral: n, assessment: a, start: start, completed: completed, isRepeatPlan: true)
        }
        let isUnbornProtection =
            profile.isKnownBeforeBirth && n == 1 && random.chance(model.unbornProtectionShare)
        let canBeNotInNeed = !isUnbornProtection
        let notInNeed = canBeNotInNeed && random.chance(calibration.notInNeed.probability)
        calibration.notInNeed.observe(notInNeed)
        if notInNeed {
            allocate(assessingTeam(), on: start)
            let toEarlyHelp = random.chance(model.notInNeedToEarlyHelpShare)
            emit(
                .assessmentCompleted(
                    assessment: a, factors: .none, outcome: toEarlyHelp ? .earlyHelp : .noFurtherAction),
                on: completed)
            // CIN census: RC8 closed after assessment with no further action, RC9 referred to early help.
            guard toEarlyHelp else { return close(n, "RC8", on: completed) }
            // The step is recorded as the case closes, while the child is still at child in need.
            let day = max(completed, latest)
            emit(.steppedDown(from: .childInNeed, to: .earlyHelp), on: day)
            return earlyHelp(from: close(n, "RC9", on: day).date)
        }
        var route: InNeedRoute = isUnbornProtection ? .protection : model.inNeedRoutes.draw(&random)
        // An unborn child cannot come into care: the concern goes to a strategy discussion instead.
        if route == .emergencyCare && start < profile.birthDate { route = .protection }
        // A child going straight into care is allocated to the children in care team instead.
        if route != .emergencyCare { allocate(assessingTeam(), on: start) }
        switch route {
        case .protection:
            return protection(referral: n, assessment: a, start: start, completed: completed, isRepeatPlan: false)
        case .cinPlan:
            emit(.assessmentCompleted(assessment: a, factors: inNeedFactors(), outcome: .childInNeed), on: completed)
            return cinPlan(referral: n, from: workingDays.adding(random.int(in: 0...10), to: completed))
        case .support:
            emit(.assessmentCompleted(assessment: a, factors: inNeedFactors(), outcome: .childInNeed), on: completed)
            return close(n, "RC7", on: completed.adding(days: random.int(in: 14...150)))
        case .emergencyCare:
            emit(.assessmentCompleted(assessment: a, factors: inNeedFactors(), outcome: .childInNeed), on: completed)
            return care(referral: n, from: start, entry: .emergency)
        }
    }

    /// A strategy discussion, section 47 enquiry and, when needed, an initial conference; a CP plan when the
    /// conference makes one.
    mutating func protection(
        referral n: Int32, assessment a: Int32, start: CalendarDate, completed: CalendarDate, isRepeatPlan: Bool
    ) -> Ending {
        strategies += 1
        s47s += 1
        let strategy = strategies
        let s47 = s47s
        let held = min(workingDays.adding(random.int(in: 0...3), to: start), completed)
        emit(.strategyHeld(strategy: strategy, referral: n), on: held)
        let s47Start = random.chance(0.75) ? held : workingDays.adding(1, to: held)
        emit(.s47Started(s47: s47, referral: n, strategy: strategy), on: s47Start)
        emit(.assessmentCompleted(assessment: a, factors: inNeedFactors(), outcome: .s47), on: completed)

        let conferenceNeeded = isRepeatPlan || random.chance(model.icpcRequiredShare)
        guard conferenceNeeded else {
            let s47Done = workingDays.adding(random.int(in: 3...15), to: s47Start)
            emit(.s47Completed(s47: s47, icpcRequired: false), on: s47Done)
            let after = max(s47Done, completed)
            if random.chance(model.noConferenceToCINShare) {
                return cinPlan(referral: n, from: workingDays.adding(random.int(in: 0...5), to: after))
            }
            return close(n, "RC7", on: after.adding(days: random.int(in: 10...90)))
        }
        let icpc = conference(s47: s47, referral: n, s47Start: s47Start)
        // A child who has had a CP plan in the log gets another only when one is due (`repeatPlanDue`), so that
        // repeat plans stay on target.
        // Children's services end at 18: no plan is made for a child about to turn 18 (see `cpPlan`).
        let makesPlan =
            (isRepeatPlan || (cpPlans == 0 && random.chance(model.icpcPlanShare)))
            && icpc < profile.adulthood.adding(days: -1)
        emit(.icpcHeld(s47: s47, referral: n, outcome: makesPlan ? .plan : .noPlan), on: icpc)
        if makesPlan { return cpPlan(referral: n, from: icpc) }
        if random.chance(model.noPlanToCINShare) { return cinPlan(referral: n, from: icpc) }
        return close(n, "RC7", on: max(icpc, completed).adding(days: random.int(in: 10...60)))
    }

    /// Completes the S47 with a conference required and returns the conference date.
    mutating func conference(s47: Int32, referral n: Int32, s47Start: CalendarDate) -> CalendarDate {
        let delay = model.icpcDelay.drawWhole(&random)
        let icpc = workingDays.adding(delay, to: s47Start)
        let s47Done = workingDays.adding(max(0, delay - random.int(in: 0...3)), to: s47Start)
        emit(.s47Completed(s47: s47, icpcRequired: true), on: s47Done)
        return icpc
    }

    /// One to four factors identified at assessment.
    mutating func inNeedFactors() -> FactorList {
        var list = FactorList()
        let n = WeightedChoice.factorCounts.draw(&random)
        for _ in 0..<n { list.append(model.factors.draw(&random)) }
        return list
    }

    var uascFactors: FactorList {
        var list = FactorList()
        list.append(AssessmentFactor("9A")!)
        return list
    }
}

extension WeightedChoice where Value == Int {
    /// How many factors an assessment that finds need records.
    static let factorCounts = WeightedChoice([(1, 35), (2, 35), (3, 20), (4, 10)])
}

extension Code where List == AssessmentOutcomes {
    static let noFurtherAction = AssessmentOutcome("no-further-action")!
    static let earlyHelp = AssessmentOutcome("early-help")!
    static let childInNeed = AssessmentOutcome("cin")!
    static let s47 = AssessmentOutcome("s47")!
}
