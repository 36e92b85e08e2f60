import JourneyCore

/// A CP plan that started before its referral was received.
///
/// CIN 1105: "The child protection plan start date cannot be before the referral date".
struct CPPlanBeforeReferral: Check {
    var id: String { "cp-plan-before-referral" }
    var severity: Severity { .error }
    var rule: String? { "CIN 1105" }
    var summary: String { "A CP plan started before its referral was received." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.cpPlans {
            guard let start = p.start, let referral = child.record.referral(p.referral), start < referral.date
            else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: p), referral.position],
                    "CP plan started \(start), before its referral was received on \(referral.date): correct the "
                        + "plan's start date, or link it to the referral it belongs to."))
        }
    }
}
