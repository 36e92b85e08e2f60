import JourneyCore

/// An assessment, enquiry or conference on a referral marked no further action.
///
/// CIN 8831: "Activity is recorded against a case marked as a referral with no further action". Either the referral
/// was not NFA, or the work belongs to another referral.
struct ActivityOnNFAReferral: Check {
    var id: String { "activity-on-nfa-referral" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8831" }
    var summary: String { "An assessment, enquiry or conference is recorded on a referral marked no further action." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        for r in record.referrals where r.isNFA {
            func add(_ what: String, _ date: CalendarDate, _ event: UInt64?) {
                findings.append(findingOnNFAReferral(child, referral: r, what, on: date, event: event, linking: "work"))
            }
            for a in record.assessments where a.referral == r.key {
                add("Assessment started", a.started ?? a.completed!, child.start(of: a) ?? child.completion(of: a))
            }
            for s in record.s47Enquiries where s.referral == r.key {
                add("Section 47 enquiry started", s.started ?? s.completed!, child.start(of: s))
            }
            for c in record.conferences where c.referral == r.key {
                add("Initial child protection conference held", c.date, c.position)
            }
        }
    }
}
