import JourneyCore

/// An assessment that started before its referral was received.
///
/// CIN 1103: "The assessment start date cannot be before the referral date". Judged against the referral the
/// assessment names; one that names no recorded referral is `unknown-referral`'s.
struct AssessmentBeforeReferral: Check {
    var id: String { "assessment-before-referral" }
    var severity: Severity { .error }
    var rule: String? { "CIN 1103" }
    var summary: String { "An assessment started before its referral was received." }
    var judges: RecordFacts { [.assessments] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for a in child.record.assessments {
            guard let started = a.started, let referral = child.record.referral(a.referral), started < referral.date
            else { continue }
            findings.append(
                finding(
                    child, on: started, events: [child.start(of: a), referral.position],
                    "Assessment started \(started), before its referral was received on \(referral.date): correct the "
                        + "start date, or link the assessment to the referral it belongs to."))
        }
    }
}
