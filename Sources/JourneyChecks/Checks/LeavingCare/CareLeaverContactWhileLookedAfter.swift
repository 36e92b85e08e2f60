import JourneyCore

/// A care leaver's contact dated while the child was still looked after.
///
/// A contact with a care leaver (SSDA903 OC3, around the 17th to 21st birthdays) is for a young person who has left
/// care; dated inside a period of care, it is wrongly dated or the period's end is not recorded. SSDA903 1007 and 1016:
/// care leaver information is not required for a young person still looked after on the birthday, or who ceased to
/// be looked after after it. The check reads them on the contact's own date. The day care ended is not in care.
struct CareLeaverContactWhileLookedAfter: Check {
    var id: String { "care-leaver-contact-while-looked-after" }
    var severity: Severity { .error }
    var rule: String? { "903 1007/1016" }
    var summary: String { "A care leaver contact is dated while the child was still looked after." }
    var judges: RecordFacts { [.careLeaverContacts, .periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        for c in record.careLeaverContacts {
            guard let period = record.periodsOfCare.first(where: { $0.isOpen(on: c.date) }), let start = period.start
            else { continue }
            findings.append(
                finding(
                    child, on: c.date, events: [c.position, child.start(of: period)],
                    "Care leaver contact \(c.date) while the child was looked after (the period of care started "
                        + "\(start)): record the end of the period of care, or correct the contact's date."))
        }
    }
}
