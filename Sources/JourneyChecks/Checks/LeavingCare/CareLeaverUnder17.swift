import JourneyCore

/// A care leaver's contact for a young person still under 17 at the end of its collection year.
///
/// SSDA903 391: "Young person was not 17, 18, 19, 20 or 21 during the current collection year." The validator flags
/// an OC3 row with any information when `DOB + 17 years` is after the year's 31 March. Here each contact against
/// the 31 March that ends its own collection year. A child with no birth date is not judged.
struct CareLeaverUnder17: Check {
    var id: String { "care-leaver-under-17" }
    var severity: Severity { .error }
    var rule: String? { "903 391" }
    var summary: String { "A care leaver contact is recorded for a young person under 17 at the end of the year." }
    var judges: RecordFacts { [.careLeaverContacts] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.record.careLeaverContacts.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: 17)
        for c in child.record.careLeaverContacts where c.date <= child.asOf {
            let yearEnd = collectionYearEnd(c.date)
            guard birthday > yearEnd else { continue }
            findings.append(
                finding(
                    child, on: c.date, events: [c.position, child.birthDateEvent],
                    "A care leaver contact is recorded for a young person who is not 17 by the end of the collection "
                        + "year: care leaver information is for ages 17 to 21; correct the contact's date or the "
                        + "birth date."))
        }
    }
}
