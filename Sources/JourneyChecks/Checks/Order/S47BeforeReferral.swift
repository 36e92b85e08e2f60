import JourneyCore

/// A section 47 enquiry that started before its referral was received.
///
/// CIN 2889: "The S47 start date cannot be before the referral date" (of the same `CINdetails`): an enquiry
/// belongs to the episode of need its referral opens, and the episode starts on the referral date.
struct S47BeforeReferral: Check {
    var id: String { "s47-before-referral" }
    var severity: Severity { .error }
    var rule: String? { "CIN 2889" }
    var summary: String { "A section 47 enquiry started before its referral was received." }
    var judges: RecordFacts { [.s47Enquiries] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for s in child.record.s47Enquiries {
            guard let started = s.started, let referral = child.record.referral(s.referral), started < referral.date
            else { continue }
            findings.append(
                finding(
                    child, on: started, events: [child.start(of: s), referral.position],
                    "Section 47 enquiry started \(started), before its referral was received on \(referral.date): "
                        + "correct the start date, or link the enquiry to the referral it belongs to."))
        }
    }
}
