import JourneyCore

/// Work on an episode of need dated after the case was closed.
///
/// CIN 8565: "Activity shown after a case has been closed": the closure date must be on or after the assessment's
/// start and authorisation, the enquiry's start, the conference, and the CIN and CP plans' dates of the same
/// episode. One finding for each piece of work, naming it and the closure.
///
/// The DfE's validator (cin_validator 0.1.13) compares the closure with a table of CP plans made up inside the rule
/// (a test fixture, `pd.DataFrame(...)` in place of the return's `ChildProtectionPlans`), so it never finds a CP plan
/// ending after its episode's closure; this check does (`Scripts/dfe-agree-cin.py` on `CIN2rows.xml`). On some
/// returns the rule fails outright in the validator (a `ValueError`) and reports nothing.
struct ActivityAfterCaseClosed: Check {
    var id: String { "activity-after-case-closed" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8565" }
    var summary: String {
        "An assessment, enquiry, conference or plan of an episode is dated after the case was closed."
    }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        for r in record.referrals {
            guard let closed = r.closed else { continue }
            // The closure's event is looked up only for a finding: nearly every case closes after its work.
            func add(_ what: String, _ date: CalendarDate, _ event: UInt64?) {
                findings.append(
                    finding(
                        child, on: date, events: [event, child.closure(of: r)],
                        "\(what) \(date), after the case was closed on \(closed): correct the date, link the work to "
                            + "the episode it belongs to, or reopen the case with a new referral."))
            }
            for a in record.assessments where a.referral == r.key {
                if let d = a.started, d > closed { add("Assessment started", d, child.start(of: a)) }
                if let d = a.completed, d > closed { add("Assessment authorised", d, child.completion(of: a)) }
            }
            for s in record.s47Enquiries where s.referral == r.key {
                if let d = s.started, d > closed { add("Section 47 enquiry started", d, child.start(of: s)) }
            }
            for c in record.conferences where c.referral == r.key && c.date > closed {
                add("Initial child protection conference held", c.date, c.position)
            }
            for p in record.cinPlans where p.referral == r.key {
                if let d = p.start, d > closed { add("CIN plan started", d, child.start(of: p)) }
                if let d = p.end, d > closed { add("CIN plan ended", d, child.end(of: p)) }
            }
            for p in record.cpPlans where p.referral == r.key {
                if let d = p.start, d > closed { add("CP plan started", d, child.start(of: p)) }
                if let d = p.end, d > closed { add("CP plan ended", d, child.end(of: p)) }
            }
        }
    }
}
