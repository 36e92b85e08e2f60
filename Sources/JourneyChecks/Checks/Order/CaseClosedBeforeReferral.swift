import JourneyCore

/// An episode of need closed before its referral was received.
///
/// CIN 8630: "CIN Closure Date is before CIN Referral Date for the same CIN episode" (a closure on the referral date
/// is allowed).
struct CaseClosedBeforeReferral: Check {
    var id: String { "case-closed-before-referral" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8630" }
    var summary: String { "A case is closed on a date before its referral was received." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for r in child.record.referrals {
            guard let closed = r.closed, closed < r.date else { continue }
            findings.append(
                finding(
                    child, on: closed, events: [child.closure(of: r), r.position],
                    "Case closed \(closed), before its referral was received on \(r.date): correct the closure date "
                        + "or the referral date."))
        }
    }
}
