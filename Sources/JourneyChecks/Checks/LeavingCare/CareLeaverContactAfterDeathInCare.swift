import JourneyCore

/// A care leaver's contact for a child whose care ended with their death.
///
/// SSDA903 1000: "This child is recorded as having died in care and therefore should not have the care leaver
/// information completed." The validator flags an OC3 row of a child with a row `REC` `E2` in this year's (or last
/// year's) episodes. Here a contact of a child with a period of care ended with `E2`, at any time in the history.
struct CareLeaverContactAfterDeathInCare: Check {
    var id: String { "care-leaver-contact-after-death-in-care" }
    var severity: Severity { .error }
    var rule: String? { "903 1000" }
    var summary: String { "A care leaver contact is recorded for a child whose care ended with their death (E2)." }
    var judges: RecordFacts { [.careLeaverContacts, .periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard !record.careLeaverContacts.isEmpty,
            let died = record.periodsOfCare.first(where: {
                $0.endReason?.rawValue == "E2" && ($0.end.map { $0 <= child.asOf } ?? false)
            })
        else { return }
        for c in record.careLeaverContacts where c.date <= child.asOf {
            findings.append(
                finding(
                    child, on: c.date, events: [c.position, child.end(of: died)],
                    "A care leaver contact is recorded for a child whose care ended with their death (E2): remove the "
                        + "contact, or correct the reason care ended."))
        }
    }
}
