import JourneyCore

/// A CIN plan that started before its referral was received.
///
/// A CIN plan belongs to the episode of need its referral opens (CIN census `CINPlanDates` sit in `CINdetails`), so
/// it cannot start before the referral date. CIN 4015: "The CIN Plan start date cannot be before the referral date".
struct CINPlanBeforeReferral: Check {
    var id: String { "cin-plan-before-referral" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4015" }
    var summary: String { "A CIN plan started before its referral was received." }
    var judges: RecordFacts { [.cinPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.cinPlans {
            guard let start = p.start, let referral = child.record.referral(p.referral), start < referral.date
            else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: p), referral.position],
                    "CIN plan started \(start), before its referral was received on \(referral.date): correct the "
                        + "plan's start date, or link it to the referral it belongs to."))
        }
    }
}
