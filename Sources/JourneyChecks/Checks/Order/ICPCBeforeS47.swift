import JourneyCore

/// An initial child protection conference held before the section 47 enquiry it names started, or naming one with
/// no recorded start.
///
/// CIN 8615: "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child
/// Protection Conference". Conferences held at episode level (naming no enquiry) are left out, as the rule does.
struct ICPCBeforeS47: Check {
    var id: String { "icpc-before-s47" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8615" }
    var summary: String { "An initial child protection conference is dated before its section 47 enquiry started." }
    var judges: RecordFacts { [.conferences] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for c in child.record.conferences {
            guard let key = c.s47 else { continue }
            guard let s = child.record.s47Enquiries.first(where: { $0.key == key }), let started = s.started else {
                findings.append(
                    finding(
                        child, on: c.date, events: [c.position],
                        "Initial child protection conference on \(c.date) names a section 47 enquiry with no recorded "
                            + "start: record the enquiry's start, or correct the enquiry the conference names."))
                continue
            }
            guard c.date < started else { continue }
            findings.append(
                finding(
                    child, on: c.date, events: [c.position, child.start(of: s)],
                    "Initial child protection conference on \(c.date), before its section 47 enquiry started on "
                        + "\(started): correct the conference date or the enquiry's start date."))
        }
    }
}
