import JourneyCore

/// A council of two children small enough to work out by hand, 12 events from 2024-04-01 to 2024-10-01:
///
/// - C1: referred 2024-04-10 (R1), assessed 11 April to 20 May; a CP plan (P1) from 1 May to 1 July; referred
///   again 2024-09-02 (R3), a re-referral (within 12 months of R1), and a second CP plan (P2) from 1 October, a
///   repeat plan 92 days after the first ended.
/// - C2: referred 2024-06-03 (R2), an assessment started 10 June and authorised on 5 June, before it started
///   (recorded on 11 June).
public var tinyCouncil: EventBuilder {
    var log = EventBuilder()
    let born = ChildDetails(birthDate: d("2015-01-01"), sex: Sex("F")!)
    log.add("C1", "2024-04-01", .childRegistered(born))
    log.add("C2", "2024-04-01", .childRegistered(born))
    log.add("C1", "2024-04-10", .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("6")!)))
    log.add("C1", "2024-04-11", .assessmentStarted(assessment: "A1", referral: "R1"))
    log.add(
        "C1", "2024-05-01", .cpPlanStarted(CPPlanStarted(plan: "P1", referral: "R1", category: AbuseCategory("NEG")!)))
    log.add("C1", "2024-05-20", .assessmentCompleted(AssessmentCompleted(assessment: "A1")))
    log.add("C2", "2024-06-03", .referralReceived(ReferralReceived(referral: "R2", source: ReferralSource("6")!)))
    log.add("C2", "2024-06-10", .assessmentStarted(assessment: "A2", referral: "R2"))
    // Authorised on 5 June, recorded the next day.
    log.add("C2", "2024-06-05", .assessmentCompleted(AssessmentCompleted(assessment: "A2")), recorded: "2024-06-11")
    log.add("C1", "2024-07-01", .cpPlanEnded(plan: "P1"))
    log.add("C1", "2024-09-02", .referralReceived(ReferralReceived(referral: "R3", source: ReferralSource("6")!)))
    log.add(
        "C1", "2024-10-01", .cpPlanStarted(CPPlanStarted(plan: "P2", referral: "R3", category: AbuseCategory("NEG")!)))
    return log
}
