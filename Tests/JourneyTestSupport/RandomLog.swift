import JourneyCore

/// A random but valid log: a few children with referrals, assessments, conferences, plans, care and placements,
/// and corrections, retractions and merges of earlier events, shared out at random between `children` children.
public func randomLog(seed: UInt64, events count: Int, children childCount: Int = 6) -> [Event] {
    var rng = SeededRandom(state: seed)
    var events: [Event] = []
    let children = (0..<childCount).map { ChildID("C\($0)") }
    func date() -> CalendarDate { d("2022-01-01").adding(days: Int.random(in: 0..<1300, using: &rng)) }
    for i in 0..<count {
        let child = children.randomElement(using: &rng)!
        let n = Int.random(in: 0..<4, using: &rng)
        let ref = ReferralID("R\(n)")
        let bodies: [EventBody] = [
            .referralReceived(ReferralReceived(referral: ref, source: ReferralSource("6")!, isNFA: n == 0)),
            .assessmentStarted(assessment: AssessmentID("A\(n)"), referral: ref),
            .assessmentCompleted(AssessmentCompleted(assessment: AssessmentID("A\(n)"))),
            .s47Started(s47: S47ID("S\(n)"), referral: ref, strategy: nil),
            .icpcHeld(s47: n == 1 ? nil : S47ID("S\(n)"), referral: ref, outcome: .plan),
            .cpPlanStarted(
                CPPlanStarted(
                    plan: PlanID("P\(n)"), referral: ref, category: AbuseCategory("NEG")!,
                    previousPlans: n == 2 ? 1 : nil)),
            .cpPlanReviewed(plan: PlanID("P\(n)")),
            .cpPlanEnded(plan: PlanID("P\(n)")),
            .careStarted(
                CareStarted(
                    period: PeriodID("L\(n % 2)"), legalStatus: LegalStatus(n == 3 ? "V3" : "C2")!,
                    needCode: CareNeed("N1")!)),
            .placementStarted(
                PlacementStarted(
                    placement: PlacementID("PL\(i)"), period: PeriodID("L\(n % 2)"),
                    placementType: PlacementType(["U4", "T1", "A5", "K2"][n])!,
                    distanceMiles: Double(n * 9), isSameCarer: n == 1)),
            .careEnded(period: PeriodID("L\(n % 2)"), reason: CareEndReason("E4A")!),
            .workerAllocated(team: ["North", "South"][n % 2], worker: nil),
            .childRegistered(ChildDetails(birthDate: d("2012-01-01").adding(days: n * 400), sex: Sex("F")!)),
            .steppedUp(from: .childInNeed, to: .childProtection),
        ]
        var event = Event(
            id: EventID("e\(i)"), child: child, occurred: date(),
            recorded: Timestamp(startOf: d("2022-01-01").adding(days: i))!, body: bodies.randomElement(using: &rng)!)
        let roll = Int.random(in: 0..<20, using: &rng)
        if roll == 0,
            let target = events.filter({ $0.child == child && $0.type != .eventRetracted && $0.type != .childMerged })
                .randomElement(using: &rng)
        {
            // A correction: the same child and type, another date.
            event.body = target.body
            event.corrects = target.id
        } else if roll == 1, let target = events.randomElement(using: &rng) {
            event.body = .eventRetracted(event: target.id, reason: "error")
        } else if roll == 2 {
            let other = children.randomElement(using: &rng)!
            if other != child { event.body = .childMerged(into: other) }
        }
        events.append(event)
    }
    return events
}
