import JourneyCore

/// An initial child protection conference held before its referral was received.
///
/// CIN 1104: "The date of the initial child protection conference cannot be before the referral date".
struct ICPCBeforeReferral: Check {
    var id: String { "icpc-before-referral" }
    var severity: Severity { .error }
    var rule: String? { "CIN 1104" }
    var summary: String { "An initial child protection conference is dated before its referral was received." }
    var judges: RecordFacts { [.conferences] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for c in child.record.conferences {
            guard let referral = child.record.referral(c.referral), c.date < referral.date else { continue }
            findings.append(
                finding(
                    child, on: c.date, events: [c.position, referral.position],
                    "Initial child protection conference dated \(c.date), before its referral was received on "
                        + "\(referral.date): correct the conference date, or link it to the referral it belongs to."))
        }
    }
}
