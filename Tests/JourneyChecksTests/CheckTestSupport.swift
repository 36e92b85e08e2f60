import JourneyCore
import JourneyLog
import JourneyProjections
import JourneyTestSupport

@testable import JourneyChecks

/// The as-of date most tests judge timescales on: Monday 31 March 2025, the end of the statutory year 2024-25.
let yearEnd = "2025-03-31"

extension EventBuilder {
    /// Folds the events, in order, into a state: positions are 1, 2, 3… in the order added, so event `eN` is at N.
    var state: JourneyState {
        var s = JourneyState()
        for (i, e) in events.enumerated() { s.apply(StoredEvent(position: UInt64(i + 1), version: 0, event: e)) }
        return s
    }

    /// The findings of one check, judged on `asOf`.
    func findings(_ check: String, asOf: String = yearEnd, asKnownAt: String? = nil, lateDays: Int = 5) -> [Finding] {
        let context = CheckContext(asOf: d(asOf), recordedLateDays: lateDays)
        return state.check(context, asKnownAt: asKnownAt.map { t($0) }, only: [check]).findings
    }

    /// The messages of one check's findings.
    func messages(_ check: String, asOf: String = yearEnd, asKnownAt: String? = nil, lateDays: Int = 5) -> [String] {
        findings(check, asOf: asOf, asKnownAt: asKnownAt, lateDays: lateDays).map(\.message)
    }

    // Short names for the events the check tests use. Each returns the id of the (last) event it adds; its position
    // is the number in the id (`p(_:)`).

    @discardableResult
    mutating func registered(
        _ child: String, _ date: String, born: String? = nil, expected: String? = nil, sex: String? = "F"
    ) -> EventID {
        add(
            child, date,
            .childRegistered(
                ChildDetails(
                    birthDate: born.map(d), expectedBirthDate: expected.map(d), sex: sex.map { Sex($0)! },
                    ethnicity: Ethnicity("WBRI")!)))
    }

    @discardableResult
    mutating func updated(_ child: String, _ date: String, born: String) -> EventID {
        add(child, date, .childUpdated(ChildDetails(birthDate: d(born))))
    }

    @discardableResult
    mutating func referral(_ child: String, _ date: String, _ id: String = "R1", nfa: Bool = false, need: String? = nil)
        -> EventID
    {
        add(
            child, date,
            .referralReceived(
                ReferralReceived(
                    referral: ReferralID(id), source: ReferralSource("6")!, primaryNeed: need.map { PrimaryNeed($0)! },
                    isNFA: nfa)))
    }

    @discardableResult
    mutating func closed(_ child: String, _ date: String, _ referral: String = "R1", reason: String = "RC7") -> EventID
    {
        add(child, date, .caseClosed(referral: ReferralID(referral), reason: ClosureReason(reason)!))
    }

    @discardableResult
    mutating func assessmentStarted(_ child: String, _ date: String, _ id: String = "A1", referral: String = "R1")
        -> EventID
    {
        add(child, date, .assessmentStarted(assessment: AssessmentID(id), referral: ReferralID(referral)))
    }

    @discardableResult
    mutating func assessmentCompleted(_ child: String, _ date: String, _ id: String = "A1") -> EventID {
        add(child, date, .assessmentCompleted(AssessmentCompleted(assessment: AssessmentID(id))))
    }

    @discardableResult
    mutating func s47(_ child: String, _ date: String, _ id: String = "E1", referral: String = "R1") -> EventID {
        add(child, date, .s47Started(s47: S47ID(id), referral: ReferralID(referral), strategy: nil))
    }

    @discardableResult
    mutating func s47Completed(_ child: String, _ date: String, _ id: String = "E1", icpcRequired: Bool) -> EventID {
        add(child, date, .s47Completed(s47: S47ID(id), icpcRequired: icpcRequired))
    }

    @discardableResult
    mutating func icpc(_ child: String, _ date: String, s47: String? = "E1", referral: String = "R1", plan: Bool = true)
        -> EventID
    {
        add(
            child, date,
            .icpcHeld(s47: s47.map { S47ID($0) }, referral: ReferralID(referral), outcome: plan ? .plan : .noPlan))
    }

    @discardableResult
    mutating func cinPlanStarted(_ child: String, _ date: String, _ id: String = "P1", referral: String = "R1")
        -> EventID
    {
        add(child, date, .cinPlanStarted(plan: PlanID(id), referral: ReferralID(referral)))
    }

    @discardableResult
    mutating func cinPlanEnded(_ child: String, _ date: String, _ id: String = "P1") -> EventID {
        add(child, date, .cinPlanEnded(plan: PlanID(id)))
    }

    @discardableResult
    mutating func cpPlanStarted(_ child: String, _ date: String, _ id: String = "CP1", referral: String = "R1")
        -> EventID
    {
        add(
            child, date,
            .cpPlanStarted(
                CPPlanStarted(plan: PlanID(id), referral: ReferralID(referral), category: AbuseCategory("NEG")!)))
    }

    @discardableResult
    mutating func cpPlanReviewed(_ child: String, _ date: String, _ id: String = "CP1") -> EventID {
        add(child, date, .cpPlanReviewed(plan: PlanID(id)))
    }

    @discardableResult
    mutating func cpPlanEnded(_ child: String, _ date: String, _ id: String = "CP1") -> EventID {
        add(child, date, .cpPlanEnded(plan: PlanID(id)))
    }

    @discardableResult
    mutating func careStarted(_ child: String, _ date: String, _ id: String = "L1", status: String = "C2") -> EventID {
        add(
            child, date,
            .careStarted(
                CareStarted(period: PeriodID(id), legalStatus: LegalStatus(status)!, needCode: CareNeed("N1")!)))
    }

    @discardableResult
    mutating func legalStatus(_ child: String, _ date: String, _ status: String, period: String = "L1") -> EventID {
        add(child, date, .legalStatusChanged(period: PeriodID(period), legalStatus: LegalStatus(status)!))
    }

    @discardableResult
    mutating func careEnded(_ child: String, _ date: String, _ id: String = "L1", reason: String = "E4A") -> EventID {
        add(child, date, .careEnded(period: PeriodID(id), reason: CareEndReason(reason)!))
    }

    @discardableResult
    mutating func careReviewed(_ child: String, _ date: String, _ id: String = "L1") -> EventID {
        add(child, date, .careReviewed(period: PeriodID(id), participation: nil))
    }

    @discardableResult
    mutating func placed(
        _ child: String, _ date: String, _ id: String = "PL1", period: String = "L1", type: String = "U4"
    )
        -> EventID
    {
        add(
            child, date,
            .placementStarted(
                PlacementStarted(
                    placement: PlacementID(id), period: PeriodID(period), placementType: PlacementType(type)!)))
    }

    @discardableResult
    mutating func placementEnded(_ child: String, _ date: String, _ id: String = "PL1") -> EventID {
        add(child, date, .placementEnded(placement: PlacementID(id), reason: nil))
    }

    @discardableResult
    mutating func missing(_ child: String, _ date: String, _ id: String = "M1", kind: String = "missing") -> EventID {
        add(child, date, .missingStarted(episode: EpisodeID(id), kind: MissingKind(kind)!))
    }

    @discardableResult
    mutating func returned(_ child: String, _ date: String, _ id: String = "M1", offered: Bool?) -> EventID {
        add(child, date, .missingEnded(MissingEnded(episode: EpisodeID(id), returnInterviewOffered: offered)))
    }

    @discardableResult
    mutating func earlyHelp(_ child: String, _ date: String, _ id: String = "EH1") -> EventID {
        add(child, date, .earlyHelpStarted(episode: EpisodeID(id)))
    }

    @discardableResult
    mutating func earlyHelpEnded(_ child: String, _ date: String, _ id: String = "EH1") -> EventID {
        add(child, date, .earlyHelpEnded(episode: EpisodeID(id), outcome: nil))
    }

    @discardableResult
    mutating func visit(_ child: String, _ date: String, kind: String = "cp", seen: Bool = true) -> EventID {
        add(child, date, .visitMade(VisitMade(kind: VisitKind(kind)!, wasSeen: seen)))
    }

    @discardableResult
    mutating func died(_ child: String, _ date: String) -> EventID {
        add(child, date, .childDied)
    }

    @discardableResult
    mutating func allocated(_ child: String, _ date: String, team: String) -> EventID {
        add(child, date, .workerAllocated(team: team, worker: nil))
    }

    @discardableResult
    mutating func stepped(_ child: String, _ date: String, from: String, to: String) -> EventID {
        let (f, t) = (Level(from)!, Level(to)!)
        return add(child, date, t > f ? .steppedUp(from: f, to: t) : .steppedDown(from: f, to: t))
    }

    @discardableResult
    mutating func contact(_ child: String, _ date: String, _ id: String = "K1", recorded: String? = nil) -> EventID {
        add(
            child, date, .contactReceived(ContactReceived(contact: ContactID(id), source: ReferralSource("6")!)),
            recorded: recorded)
    }

    @discardableResult
    mutating func retract(_ child: String, _ date: String, _ target: EventID, recorded: String? = nil) -> EventID {
        add(child, date, .eventRetracted(event: target, reason: "recorded in error"), recorded: recorded)
    }

    @discardableResult
    mutating func merge(_ child: String, _ date: String, into: String) -> EventID {
        add(child, date, .childMerged(into: ChildID(into)))
    }

    // Permanence, leaving care and health.

    @discardableResult
    mutating func adoptionDecided(_ child: String, _ date: String, _ id: String = "AD1") -> EventID {
        add(child, date, .adoptionDecided(adoption: AdoptionID(id)))
    }

    @discardableResult
    mutating func placementOrder(_ child: String, _ date: String, _ id: String = "AD1") -> EventID {
        add(child, date, .placementOrderGranted(adoption: AdoptionID(id)))
    }

    @discardableResult
    mutating func matched(_ child: String, _ date: String, _ id: String = "AD1") -> EventID {
        add(
            child, date,
            .adoptionMatched(
                AdoptionMatched(
                    adoption: AdoptionID(id), adopters: 2, adoptersSex: AdopterSex("MF")!,
                    adoptersLegalStatus: AdopterLegalStatus("L11")!)))
    }

    @discardableResult
    mutating func placedForAdoption(_ child: String, _ date: String, _ id: String = "AD1", placement: String? = nil)
        -> EventID
    {
        add(child, date, .adoptionPlaced(adoption: AdoptionID(id), placement: placement.map { PlacementID($0) }))
    }

    @discardableResult
    mutating func adoptivePlacementEnded(_ child: String, _ date: String, _ id: String = "AD1") -> EventID {
        add(child, date, .adoptionPlacementEnded(adoption: AdoptionID(id), reason: nil))
    }

    @discardableResult
    mutating func decisionReversed(_ child: String, _ date: String, _ id: String = "AD1") -> EventID {
        add(child, date, .adoptionDecisionReversed(adoption: AdoptionID(id), reason: AdoptionReversalReason("RD3")!))
    }

    @discardableResult
    mutating func adoptionOrder(_ child: String, _ date: String, _ id: String = "AD1") -> EventID {
        add(child, date, .adoptionOrderGranted(adoption: AdoptionID(id)))
    }

    @discardableResult
    mutating func permanenceOrder(_ child: String, _ date: String, period: String?) -> EventID {
        add(
            child, date,
            .permanenceOrderGranted(
                kind: PermanenceOrderKind("special-guardianship")!, period: period.map { PeriodID($0) }))
    }

    @discardableResult
    mutating func careLeaverContact(
        _ child: String, _ date: String, inTouch: String = "YES", activity: String? = "F4",
        accommodation: String? = "D1"
    ) -> EventID {
        add(
            child, date,
            .careLeaverContacted(
                CareLeaverContacted(
                    inTouch: CareLeaverContactStatus(inTouch)!, activity: activity.map { CareLeaverActivity($0)! },
                    accommodation: accommodation.map { CareLeaverAccommodation($0)! })))
    }

    @discardableResult
    mutating func sdq(_ child: String, _ date: String, score: Int? = nil, reason: String? = nil) -> EventID {
        add(
            child, date,
            .sdqRecorded(SDQRecorded(score: score, reasonNotTaken: reason.map { SDQReason($0)! })))
    }

    @discardableResult
    mutating func healthSurveillance(_ child: String, _ date: String) -> EventID {
        add(child, date, .healthSurveillanceRecorded(isUpToDate: true))
    }

    @discardableResult
    mutating func conviction(_ child: String, _ date: String) -> EventID {
        add(child, date, .convictionRecorded)
    }

    @discardableResult
    mutating func dolStarted(_ child: String, _ date: String, _ id: String = "DOL1") -> EventID {
        add(child, date, .deprivationOfLibertyStarted(order: DoLOrderID(id)))
    }

    @discardableResult
    mutating func dolEnded(_ child: String, _ date: String, _ id: String = "DOL1") -> EventID {
        add(child, date, .deprivationOfLibertyEnded(order: DoLOrderID(id)))
    }
}

/// The log position of a test event: `eN` is at N.
func p(_ id: EventID) -> UInt64 { UInt64(id.rawValue.dropFirst())! }
