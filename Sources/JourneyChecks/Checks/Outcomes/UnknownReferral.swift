import JourneyCore

/// An assessment, enquiry, conference or plan that names a referral the child's record does not hold.
///
/// Every piece of work belongs to an episode of need (CIN census `CINdetails`); one linked to no recorded referral
/// falls out of every episode-level figure and check.
struct UnknownReferral: Check {
    var id: String { "unknown-referral" }
    var severity: Severity { .error }
    var summary: String {
        "An assessment, enquiry, conference or plan names a referral that is not recorded for the child."
    }
    var judges: RecordFacts { [.assessments, .s47Enquiries, .conferences, .cinPlans, .cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        // A child has a referral or two: a scan of them is cheaper than a set, built for every child, until there are
        // many (one child with 32,000 referrals).
        let table = record.referrals.count > 16 ? Set(record.referrals.map(\.key)) : nil
        let known = { (key: UInt64) in table?.contains(key) ?? record.referrals.contains { $0.key == key } }
        func add(_ what: String, _ date: CalendarDate, _ event: UInt64?) {
            findings.append(
                finding(
                    child, on: date, events: [event],
                    "\(what) \(date) names a referral that is not recorded for this child: record the referral, or "
                        + "link the work to the referral it belongs to."))
        }
        // A fact whose first event carries no referral (`referral` 0: an end with no start) is another check's.
        for a in record.assessments where a.referral != 0 && !known(a.referral) {
            add("Assessment started", a.started!, child.start(of: a))
        }
        for s in record.s47Enquiries where s.referral != 0 && !known(s.referral) {
            add("Section 47 enquiry started", s.started!, child.start(of: s))
        }
        for c in record.conferences where !known(c.referral) {
            add("Initial child protection conference held", c.date, c.position)
        }
        for p in record.cinPlans where p.referral != 0 && !known(p.referral) {
            add("CIN plan started", p.start!, child.start(of: p))
        }
        for p in record.cpPlans where p.referral != 0 && !known(p.referral) {
            add("CP plan started", p.start!, child.start(of: p))
        }
    }
}
