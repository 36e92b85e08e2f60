import JourneyCore
import JourneyLog
import JourneyTestSupport

@testable import JourneyProjections

/// The statutory year 2024-25.
let year2024 = ReportingPeriod(from: d("2024-04-01"), to: d("2025-03-31"))

extension EventBuilder {
    /// Folds the events, in order, into a state.
    var state: JourneyState {
        var s = JourneyState()
        for (i, e) in events.enumerated() { s.apply(StoredEvent(position: UInt64(i + 1), version: 0, event: e)) }
        return s
    }

    func metric(
        _ id: String, _ period: ReportingPeriod = year2024, asKnownAt: String? = nil, by: [BreakdownDimension] = [],
        fromReferral: Bool = false
    ) -> MetricResult {
        let context = MetricContext(period: period, dimensions: by, assessmentFromReferral: fromReferral)
        let report = state.metrics(context, asKnownAt: asKnownAt.map { t($0) }, only: [id])
        return report.metrics[0]
    }

    // Short names for the events metric tests use most.
    mutating func referral(
        _ child: String, _ date: String, _ id: String = "R1", source: String = "6", nfa: Bool = false
    ) {
        add(
            child, date,
            .referralReceived(ReferralReceived(referral: ReferralID(id), source: ReferralSource(source)!, isNFA: nfa)))
    }
    mutating func assessment(
        _ child: String, _ id: String, started: String?, completed: String?, referral: String = "R1"
    ) {
        if let started {
            add(child, started, .assessmentStarted(assessment: AssessmentID(id), referral: ReferralID(referral)))
        }
        if let completed {
            add(child, completed, .assessmentCompleted(AssessmentCompleted(assessment: AssessmentID(id))))
        }
    }
    mutating func s47(_ child: String, _ id: String, _ date: String, referral: String = "R1") {
        add(child, date, .s47Started(s47: S47ID(id), referral: ReferralID(referral), strategy: nil))
    }
    mutating func icpc(_ child: String, _ date: String, s47: String?, referral: String = "R1", plan: Bool = true) {
        add(
            child, date,
            .icpcHeld(s47: s47.map { S47ID($0) }, referral: ReferralID(referral), outcome: plan ? .plan : .noPlan))
    }
    mutating func cpPlan(
        _ child: String, _ id: String, start: String?, end: String? = nil, category: String = "NEG",
        previous: Int? = nil,
        reviews: [String] = []
    ) {
        if let start {
            add(
                child, start,
                .cpPlanStarted(
                    CPPlanStarted(
                        plan: PlanID(id), referral: "R1", category: AbuseCategory(category)!, previousPlans: previous)))
        }
        for r in reviews { add(child, r, .cpPlanReviewed(plan: PlanID(id))) }
        if let end { add(child, end, .cpPlanEnded(plan: PlanID(id))) }
    }
    mutating func registered(_ child: String, born: String, sex: String = "F", ethnicity: String = "WBRI") {
        add(
            child, born,
            .childRegistered(ChildDetails(birthDate: d(born), sex: Sex(sex)!, ethnicity: Ethnicity(ethnicity)!)))
    }
    mutating func care(
        _ child: String, _ id: String, start: String, end: String? = nil, status: String = "C2", uasc: Bool = false
    ) {
        add(
            child, start,
            .careStarted(
                CareStarted(
                    period: PeriodID(id), legalStatus: LegalStatus(status)!, needCode: CareNeed("N1")!, isUASC: uasc)))
        if let end { add(child, end, .careEnded(period: PeriodID(id), reason: CareEndReason("E4A")!)) }
    }
    mutating func placement(
        _ child: String, _ id: String, period: String = "L1", start: String, end: String? = nil, type: String = "U4",
        sameCarer: Bool = false, miles: Double? = nil
    ) {
        add(
            child, start,
            .placementStarted(
                PlacementStarted(
                    placement: PlacementID(id), period: PeriodID(period), placementType: PlacementType(type)!,
                    distanceMiles: miles, isSameCarer: sameCarer)))
        if let end { add(child, end, .placementEnded(placement: PlacementID(id), reason: nil)) }
    }
}

extension MetricResult {
    func detail(_ key: String) -> JSONValue? { details.first { $0.key == key }?.value }
    func count(_ key: String) -> Int? {
        guard case .number(let n)? = detail(key) else { return nil }
        return Int(n)
    }
    func band(_ key: String) -> Int? {
        guard case .object(let members)? = detail("bands"),
            case .number(let n)? = members.first(where: { $0.key == key })?.value
        else { return nil }
        return Int(n)
    }
}
