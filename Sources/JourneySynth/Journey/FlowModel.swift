import JourneyCore

/// The journey model: every probability and distribution the simulation draws from.
///
/// The published figures (`CalibrationTargets`) enter here and nowhere else. A target that is a share of a single
/// decision is that decision's probability, corrected by `CalibrationState` for the cases the decision cannot
/// apply to; a timescale is a distribution drawn through the published quantiles; the rest (the practice
/// rhythms, the shares between routes) are plausible values for England, documented where they are set.
///
/// A class, immutable: every child's simulation reads it, and a struct of some sixty tables would be copied (and
/// each table retained) for every child.
final class FlowModel: Sendable {
    let targets: CalibrationTargets

    init(targets: CalibrationTargets) {
        self.targets = targets
        referralSources = WeightedChoice(
            targets.referralSourcePercent.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        assessmentDuration = Self.assessmentDuration(
            within45: targets.assessmentsWithin45WorkingDaysPercent / 100, median: targets.assessmentMedianWorkingDays)
        icpcDelay = Self.icpcDelay(within15: targets.icpcWithin15WorkingDaysPercent / 100)
        // Plans end at 18 and some children go into care before a repeat plan is due, so the long tail and the
        // chance of a repeat are drawn heavier than the targets, by the shares lost that way (measured by
        // `CalibrationTests`).
        cpDuration = Self.cpDuration(twoYearsOrMore: targets.cpPlansLasting2YearsOrMorePercent / 100 * 1.25)
        repeatPlanShare = targets.secondOrSubsequentCPPlansPercent / 100
        repeatPlanChance = min(1, repeatPlanShare * 1.12)
        placementStability = PlacementStability(
            longTerm: targets.longTermPlacementStabilityPercent / 100,
            threeOrMore: targets.threeOrMorePlacementsPercent / 100)
        let cin = QuantileTable([(0, 45), (0.25, 130), (0.5, 230), (0.8, 400), (1, 800)])
        let gap = QuantileTable([(0, 60), (0.25, 300), (0.5, 700), (0.75, 1_300), (1, 2_500)])
        cinDuration = cin
        repeatPlanGap = gap
        priorPlanLag = Self.priorPlanLag(cpDuration: cpDuration, cinDuration: cin, gap: gap)
        // Adoptions come from care proceedings for young children. The shares at the final hearing are England's
        // shape (babies most, a few from 5 to 7) scaled so that adoptions per child looked after meet the target,
        // with reversed decisions drawn more often by the share they take away; the scale at England's target is
        // measured (`adoptionShareCalibration`).
        let adoptionScale =
            targets.adoptionsPerHundredLookedAfter / 3.7 / (1 - targets.adoptionDecisionsReversedPercent / 100)
            * Self.adoptionShareCalibration
        adoptionShareUnder2 = min(0.95, 0.55 * adoptionScale)
        adoptionShareUnder5 = min(0.9, 0.35 * adoptionScale)
        adoptionShareUnder8 = min(0.5, 0.1 * adoptionScale)
        adoptionReversalShare = targets.adoptionDecisionsReversedPercent / 100
        adoptionDisruptionShare = targets.adoptionPlacementsDisruptedPercent / 100
        // Days from the placement order (the final hearing) to placement: the target less the mean wait from entry
        // to the hearing (about 11 days to the interim order, then 182–364 days).
        adoptionPlacementDelayMean = max(60, targets.adoptionEntryToPlacementDays - 284)
        let inTouch = targets.careLeaversInTouchPercent / 100
        careLeaverInTouchShare = inTouch
        // What is known of a young person not in touch (through a third party), and how much of it is EET or
        // suitable, is fixed; the rest of each target falls on those in touch.
        let knownNotInTouch = (1 - inTouch) * Self.careLeaverKnownWhenNotInTouch
        careLeaverEETWhenInTouch = min(
            1, max(0, (targets.careLeaversEETPercent / 100 - knownNotInTouch * 0.4) / inTouch))
        careLeaverSuitableWhenInTouch = min(
            1, max(0, (targets.careLeaversSuitableAccommodationPercent / 100 - knownNotInTouch * 0.7) / inTouch))
        healthAssessmentShare = targets.healthAssessmentsPercent / 100
        dentalCheckShare = targets.dentalChecksPercent / 100
        immunisationsShare = targets.immunisationsPercent / 100
        healthSurveillanceShare = targets.healthSurveillancePercent / 100
        sdqMean = targets.sdqMeanScore
        convictionShare = targets.convictedPercent / 100
        // Substance misuse is identified in children of 11 or more, about half of those looked after for a year.
        substanceMisuseShareFrom11 = min(1, targets.substanceMisusePercent / 100 / Self.shareAged11OrMore)
    }

    // MARK: Children

    /// Age on arrival at the front door (CIN census: children in need by age), in years: band, then uniform.
    let arrivalAgeBands = WeightedChoice<ClosedRange<Int>>([
        (0...0, 9), (1...4, 20), (5...9, 26), (10...15, 36), (16...17, 9),
    ])
    /// Children first referred before birth (pre-birth assessments).
    let knownBeforeBirthShare = 0.025
    /// Unaccompanied asylum-seeking children among arrivals: they come straight into care.
    let uascShare = 0.008
    /// A clean council knows every child's sex: the 903 asks that of every child looked after (rule 232).
    let sexes = WeightedChoice([(Sex("M")!, 51), (Sex("F")!, 49)])
    let ethnicities = WeightedChoice(
        [
            ("WBRI", 62), ("WIRI", 0.5), ("WIRT", 0.5), ("WOTH", 5), ("WROM", 1), ("MWBC", 3), ("MWBA", 1.5),
            ("MWAS", 1.5), ("MOTH", 3), ("AIND", 1), ("APKN", 3), ("ABAN", 1), ("AOTH", 1.5), ("BCRB", 1),
            ("BAFR", 4), ("BOTH", 1), ("CHNE", 0.2), ("OOTH", 3), ("REFU", 0.3), ("NOBT", 6),
        ].map { (Ethnicity($0.0)!, $0.1) })
    let uascEthnicities = WeightedChoice(
        [("AOTH", 30), ("BAFR", 35), ("OOTH", 25), ("WOTH", 5), ("BOTH", 5)].map { (Ethnicity($0.0)!, $0.1) })
    /// About one child in eight in need has a disability (CIN census).
    let disabledShare = 0.12
    let disabilities = WeightedChoice(
        [
            ("AUT", 30), ("LD", 20), ("BEH", 15), ("COMM", 10), ("MOB", 6), ("PC", 4), ("HEAR", 3), ("VIS", 3),
            ("HAND", 2), ("INC", 2), ("CON", 2), ("DDA", 3),
        ].map { (Disability($0.0)!, $0.1) })

    // MARK: Front door

    let referralSources: WeightedChoice<ReferralSource>
    /// Contacts that become referrals; the others are advice, early help or no further action.
    let contactReferralShare = 0.55
    let otherContactOutcomes = WeightedChoice(
        [("early-help", 40), ("advice", 35), ("no-further-action", 25)].map { (ContactOutcome($0.0)!, $0.1) })
    /// CIN census primary need at referral: abuse or neglect leads.
    let primaryNeeds = WeightedChoice(
        [
            ("N0", 3), ("N1", 57), ("N2", 9), ("N3", 3), ("N4", 8), ("N5", 12), ("N6", 3), ("N7", 0.5), ("N8", 2),
            ("N9", 2.5),
        ].map { (PrimaryNeed($0.0)!, $0.1) })
    /// After an involvement that did not lead to a re-referral, the chance of another contact later.
    let laterContactChance = 0.3
    /// Days from the end of an involvement to a later contact.
    let laterContactGap = QuantileTable([(0, 30), (0.5, 400), (0.9, 1_100), (1, 2_000)])

    // MARK: Assessment

    /// Working days from referral to the assessment's start.
    let assessmentDelay = WeightedChoice([(0, 30), (1, 35), (2, 18), (3, 10), (5, 7)])
    /// Working days from start to authorisation: through (median, 50%) and (45, target share).
    let assessmentDuration: QuantileTable
    /// Children assessed as not in need who are passed to early help (RC9) rather than closed (RC8).
    let notInNeedToEarlyHelpShare = 0.3
    let inNeedRoutes = WeightedChoice<InNeedRoute>([
        (.protection, 40), (.cinPlan, 30), (.support, 26), (.emergencyCare, 4),
    ])
    /// Children first known before birth whose first referral goes to a strategy discussion.
    let unbornProtectionShare = 0.6
    /// Factors identified at assessment (CIN census): parental mental health and domestic abuse lead.
    let factors = WeightedChoice(
        [
            ("4B", 16), ("3A", 10), ("3B", 14), ("3C", 5), ("2B", 8), ("1B", 7), ("18B", 8), ("19B", 7), ("4A", 5),
            ("14A", 3), ("22A", 3), ("11A", 2), ("15A", 2), ("10A", 2), ("5B", 2), ("6B", 1), ("20", 3),
        ].map {
            (AssessmentFactor($0.0)!, $0.1)
        })

    // MARK: Section 47 and conference

    /// Section 47 enquiries that lead to an initial conference (about 2 in 5 nationally).
    let icpcRequiredShare = 0.42
    /// Initial conferences that make a CP plan (about 4 in 5).
    let icpcPlanShare = 0.78
    /// Working days from S47 start to the ICPC: through (15, target share).
    let icpcDelay: QuantileTable
    /// After an ICPC without a plan, children who get a CIN plan; the others are closed after support.
    let noPlanToCINShare = 0.6
    /// After an S47 with no conference, children who get a CIN plan.
    let noConferenceToCINShare = 0.4

    // MARK: Plans

    /// Days a CP plan lasts: through (2 years, 1 − target share), with England's shape below it.
    let cpDuration: QuantileTable
    /// Category of abuse at the start of a CP plan (neglect and emotional abuse lead).
    let categories = WeightedChoice(
        [("NEG", 50), ("EMO", 36), ("PHY", 6), ("SAB", 4), ("MUL", 4)].map { (AbuseCategory($0.0)!, $0.1) })
    let categoryChangeChance = 0.06
    let cpEndRoutes = WeightedChoice<PlanEnd>([
        (.stepDownToCIN, 50), (.close, 25), (.stepDownToEarlyHelp, 12), (.stepUpToCare, 13),
    ])
    /// The steady-state share of CP plans that are second or subsequent.
    let repeatPlanShare: Double
    /// The chance that a CP plan is followed, after it ends, by another.
    let repeatPlanChance: Double
    /// Days from the end of a CP plan to the referral that leads to the next.
    let repeatPlanGap: QuantileTable
    /// Days from one CP plan's start to the next one's (for `priorPlanShare(at:)`), sorted.
    let priorPlanLag: [Double]
    /// Days a CIN plan lasts.
    let cinDuration: QuantileTable
    let cinEndRoutes = WeightedChoice<PlanEnd>([
        (.close, 72), (.stepDownToEarlyHelp, 12), (.stepUpToCP, 10), (.stepUpToCare, 6),
    ])
    /// Disabled children on a CIN plan who also have an agreed series of short breaks (a V4 period of care).
    let shortBreaksShare = 0.15

    // MARK: Early help

    let earlyHelpDays = 60...300
    /// Early help episodes that end with a step up to a referral.
    let earlyHelpStepUpShare = 0.15

    // MARK: Care

    let placementStability: PlacementStability
    /// Placements by stage, before the age rules in `JourneyBuilder+Placements.swift`.
    let fosterPlacements = WeightedChoice(
        [("U6", 62), ("U3", 22), ("U5", 2), ("U2", 1), ("P1", 5), ("K2", 6), ("R3", 2)].map {
            (PlacementType($0.0)!, $0.1)
        })
    let teenagePlacements = WeightedChoice(
        [("U6", 50), ("U3", 12), ("K2", 28), ("K1", 2), ("R1", 2), ("S1", 2), ("P1", 4)].map {
            (PlacementType($0.0)!, $0.1)
        })
    let olderTeenagePlacements = WeightedChoice(
        [("H5", 40), ("U6", 30), ("K2", 22), ("U3", 5), ("Z1", 3)].map { (PlacementType($0.0)!, $0.1) })
    let temporaryPlacements = WeightedChoice(
        [("T3", 30), ("T2", 25), ("T4", 25), ("T1", 15), ("T0", 5)].map { (PlacementType($0.0)!, $0.1) })
    /// Temporary placements a year, per placement in family settings.
    let temporaryPlacementsPerYear = 0.3
    /// Settled foster placements that become long-term with the same carer (U6 → U4, U3 → U1).
    let longTermMatchShare = 0.4
    let placementEndReasons = WeightedChoice(
        [
            ("CARPL", 30), ("CREQB", 15), ("CREQO", 12), ("CHILD", 8), ("LAREQ", 10), ("ALLEG", 3), ("STAND", 2),
            ("CLOSE", 3), ("APPRR", 1), ("OTHER", 16),
        ].map { (PlacementChangeReason($0.0)!, $0.1) })
    /// Children aged 11 or more in care who go missing at times, and how often.
    let missingProneShare = 0.22
    let missingEpisodesPerYear = 5.0
    let returnInterviewOffered = 0.85
    let returnInterviewAccepted = 0.55
    let participation = WeightedChoice(
        [("PN1", 50), ("PN2", 8), ("PN3", 4), ("PN4", 3), ("PN5", 10), ("PN6", 15), ("PN7", 10)].map {
            (ReviewParticipation($0.0)!, $0.1)
        })
    let careNeeds = WeightedChoice(
        [("N1", 65), ("N2", 3), ("N3", 3), ("N4", 8), ("N5", 12), ("N6", 3), ("N7", 0.5), ("N8", 5.5)].map {
            (CareNeed($0.0)!, $0.1)
        })
    /// How a period of care ends at 18.
    let leavingCareReasons = WeightedChoice(
        [("E17", 25), ("E5", 40), ("E6", 6), ("E7", 3), ("E8", 10), ("E13", 10), ("E9", 2), ("E4A", 4)].map {
            (CareEndReason($0.0)!, $0.1)
        })

    // MARK: Permanence

    /// Children under 2, 2 to 4, and 5 to 7 at the start of care proceedings for whom the plan at the final hearing
    /// is adoption.
    let adoptionShareUnder2: Double
    let adoptionShareUnder5: Double
    let adoptionShareUnder8: Double
    /// The scale that gives England's adoptions per child looked after, measured with `Scripts/synth-calibration.py`
    /// on a 100,000-child council (the shares of the few young children in proceedings, against all in care).
    static let adoptionShareCalibration = 1.16
    /// Decisions to place for adoption later reversed.
    let adoptionReversalShare: Double
    let adoptionReversalReasons = WeightedChoice(
        [("RD1", 30), ("RD2", 25), ("RD3", 20), ("RD4", 25)].map { (AdoptionReversalReason($0.0)!, $0.1) })
    /// Mean days from the placement order to the child moving in with the adopters.
    let adoptionPlacementDelayMean: Double
    /// Children placed with consent (A3/A4), without a placement order.
    let adoptionWithConsentShare = 0.08
    /// Children fostered for adoption (U5, U2 with relatives or friends) before the match, by the carers who adopt.
    let fosteringForAdoptionShare = 0.15
    /// Others adopted by their current foster carers (A5 with the same carer).
    let adoptedByFosterCarersShare = 0.2
    /// Adoptive placements that end before the order (a disruption); half are placed again.
    let adoptionDisruptionShare: Double
    /// Adoptions with the application unopposed (`E11`) rather than consent dispensed with (`E12`). England 2025:
    /// 1,760 of 3,040.
    let adoptionUnopposedShare = 0.58
    let adopterSexes = WeightedChoice(
        [("MF", 72), ("FF", 7), ("MM", 6), ("F1", 13), ("M1", 2)].map { (AdopterSex($0.0)!, $0.1) })

    // MARK: Leaving care

    /// Of care leavers not in touch, those whose activity and accommodation are known all the same (NO and REFU a
    /// quarter, NREQ more).
    static let careLeaverKnownWhenNotInTouch = 0.37
    let careLeaverInTouchShare: Double
    let careLeaverEETWhenInTouch: Double
    let careLeaverSuitableWhenInTouch: Double
    /// A care leaver who died, each year.
    let careLeaverDeathShare = 0.002
    /// Of those who went home (E4A, E4B, E13), those recorded as returned home for 6 months or more (RHOM).
    let careLeaverReturnedHomeShare = 0.5
    let notInTouch = WeightedChoice(
        [("NO", 45), ("REFU", 20), ("NREQ", 35)].map { (CareLeaverContactStatus($0.0)!, $0.1) })
    let eetActivities = WeightedChoice(
        [("F1", 10), ("P1", 2), ("F2", 30), ("P2", 8), ("F4", 6), ("P4", 1), ("F5", 30), ("P5", 13)].map {
            (CareLeaverActivity($0.0)!, $0.1)
        })
    let neetActivities = WeightedChoice(
        [("G4", 30), ("G5", 55), ("G6", 15)].map { (CareLeaverActivity($0.0)!, $0.1) })
    /// Accommodation letters (the digit says whether it is suitable): semi-independent and independent living lead.
    let suitableAccommodation = WeightedChoice(
        [("D1", 30), ("U1", 30), ("B1", 12), ("E1", 6), ("Z1", 10), ("T1", 4), ("C1", 3), ("K1", 3), ("Y1", 2)].map {
            (CareLeaverAccommodation($0.0)!, $0.1)
        })
    let unsuitableAccommodation = WeightedChoice(
        [("S2", 20), ("X2", 15), ("B2", 15), ("U2", 15), ("K2", 10), ("V2", 10), ("W2", 5), ("D2", 10)].map {
            (CareLeaverAccommodation($0.0)!, $0.1)
        })
    /// Pathway plan reviews on time (every 6 months).
    let pathwayReviewOnTimeShare = 0.85

    // MARK: Health

    let healthAssessmentShare: Double
    let dentalCheckShare: Double
    let immunisationsShare: Double
    let healthSurveillanceShare: Double
    /// SDQ: the mean total difficulties score, its spread, and how many of those aged 4–16 have a score.
    let sdqMean: Double
    let sdqSpread = 7.5
    let sdqScoredShare = 0.78
    let sdqReasons = WeightedChoice(
        [("SDQ2", 25), ("SDQ3", 15), ("SDQ4", 40), ("SDQ5", 20)].map { (SDQReason($0.0)!, $0.1) })
    let convictionShare: Double
    /// The share of children looked after for 12 months who are 11 or more (England: about half).
    static let shareAged11OrMore = 0.55
    let substanceMisuseShareFrom11: Double
    /// Of those with substance misuse: an intervention received, else offered (and refused) or not.
    let interventionReceivedShare = 0.55
    let interventionOfferedShare = 0.6
    /// Periods of care of a child of 12 or more with a deprivation of liberty order at some point.
    let deprivationOfLibertyShare = 0.02

    // MARK: Practice

    /// Statutory visits: CP every 10 working days, CIN about monthly, children in care about every six weeks.
    let cpVisitWorkingDays = 8...10
    let cinVisitWorkingDays = 15...22
    let careVisitWorkingDays = 25...32
    let seenShare = 0.93
    let seenAloneShare = 0.7
    /// Reviews on time: within 3 months of the start, then within 6 months of the last (CIN census D6).
    let reviewOnTimeShare = 0.92
    /// Months between changes of worker in an open case.
    let workerChangeMonths = 8...18

    // MARK: Derived distributions

    /// Assessment working days: a knot at the median (so half are at or below it) and one at 46 (so the target
    /// share is 45 or less), with England's spread at either end.
    static func assessmentDuration(within45 target: Double, median: Double) -> QuantileTable {
        let within45 = min(0.98, max(0.52, target))
        let m = median + 0.5
        let quarter = max(1.5, min(m - 1, m * 0.62))
        let p95 = min(0.99, within45 + (1 - within45) * 0.6)
        return QuantileTable([
            (0, 0), (0.03, 1), (0.25, quarter), (0.5, m), (within45, 46), (p95, 62), (1, 110),
        ])
    }

    /// ICPC working days after the S47 start: the target share at 15 or less.
    static func icpcDelay(within15 target: Double) -> QuantileTable {
        let within15 = min(0.98, max(0.02, target))
        let middle = min(within15 * 0.5, 0.45)
        return QuantileTable([(0, 2), (middle, 10), (within15, 16), (within15 + (1 - within15) * 0.75, 25), (1, 45)])
    }

    /// CP plan days: England's shape (a fifth end within 3 months, a third between 6 months and a year), scaled
    /// so that the target share lasts 2 years or more.
    static func cpDuration(twoYearsOrMore target: Double) -> QuantileTable {
        let twoYearsOrMore = min(0.9, max(0.001, target))
        let scale = (1 - twoYearsOrMore) / 0.96
        return QuantileTable([
            (0, 20), (0.20 * scale, 91), (0.37 * scale, 182), (0.71 * scale, 365), (1 - twoYearsOrMore, 731),
            (1, 1_200),
        ])
    }

    /// The lag from one CP plan's start to the next one's in the log: the plan, the time to the case closing
    /// (a step down to a CIN plan for half), the gap, and about a month from referral to conference.
    static func priorPlanLag(cpDuration: QuantileTable, cinDuration: QuantileTable, gap: QuantileTable) -> [Double] {
        var random = SynthRandom(seed: 0x5EED, stream: 1)
        var lags: [Double] = []
        for _ in 0..<4_000 {
            let plan = cpDuration.draw(&random)
            let afterPlan = random.chance(0.5) ? cinDuration.draw(&random) : 0
            lags.append(plan + max(afterPlan + 14, gap.draw(&random)) + 30)
        }
        return lags.sorted()
    }

    /// For a child's first CP plan in the log, starting `days` after the log began: the chance that it is really a
    /// repeat plan whose predecessor came before the log (recorded as `previousPlans`).
    ///
    /// With a share ρ of plans followed by another, and a lag whose CDF is F, a plan started at log age x is a
    /// repeat with probability ρ; its predecessor is in the log with probability F(x). Of the plans that are first
    /// in the log (1 − ρF), those that are repeats (ρ(1 − F)) need `previousPlans`, so that repeats stay at ρ
    /// from the log's first day on.
    func priorPlanShare(daysSinceLogBegan days: Int) -> Double {
        let x = Double(days)
        var lo = 0
        var hi = priorPlanLag.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if priorPlanLag[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        let f = Double(lo) / Double(priorPlanLag.count)
        let rho = repeatPlanShare
        return rho * (1 - f) / (1 - rho * f)
    }
}

/// Where an assessment that finds the child in need leads.
enum InNeedRoute: Sendable {
    /// A strategy discussion and section 47 enquiry.
    case protection
    case cinPlan
    /// Support under section 17 without a plan, then closure.
    case support
    /// Straight into care (police protection, an emergency protection order, or accommodation under section 20).
    case emergencyCare
}

/// How a plan ends.
enum PlanEnd: Sendable {
    case close, stepDownToCIN, stepDownToEarlyHelp, stepUpToCP, stepUpToCare
}
