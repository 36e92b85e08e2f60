import JourneyCore

/// A care leaver's contact for a child with no period of care before it.
///
/// Contacts with care leavers (SSDA903 OC3) are for young people who were looked after; one for a child the record
/// never shows in care is on the wrong child, wrongly dated, or the period of care is not recorded, and it makes the
/// care leaver figures count a child who is not one. SSDA903 1002: "This child has no previous episodes of care,
/// therefore should not have care leaver information recorded." The validator looks for episodes in this year's and
/// last year's returns (and does not run without last year's); here the whole history before the contact.
struct CareLeaverContactWithoutCare: Check {
    var id: String { "care-leaver-contact-without-care" }
    var severity: Severity { .error }
    var rule: String? { "903 1002" }
    var summary: String { "A care leaver contact is recorded for a child with no period of care before it." }
    var judges: RecordFacts { [.careLeaverContacts] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard !record.careLeaverContacts.isEmpty else { return }
        // The earliest start of care: a contact after it follows care.
        let firstCare = record.periodsOfCare.compactMap(\.start).min()
        for c in record.careLeaverContacts where firstCare.map({ $0 > c.date }) ?? true {
            findings.append(
                finding(
                    child, on: c.date, events: [c.position],
                    "Care leaver contact \(c.date) for a child with no period of care before it: record the period "
                        + "of care, or check that the contact belongs to this child."))
        }
    }
}
