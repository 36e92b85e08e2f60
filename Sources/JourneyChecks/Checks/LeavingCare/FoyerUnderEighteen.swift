import JourneyCore

/// A care leaver under 18 whose accommodation is a foyer (`T1`, `T2`).
///
/// SSDA903 347: "Care leavers aged under 18 years, can not be accommodated in a Foyer." The validator tests `ACCOM`
/// equal to "T", which no code is, so it never fires; the rule's text is followed here: a contact giving
/// accommodation T1 or T2 (foyer or similar) before the 18th birthday.
struct FoyerUnderEighteen: Check {
    var id: String { "foyer-under-18" }
    var severity: Severity { .error }
    var rule: String? { "903 347" }
    var summary: String {
        "A care leaver contact gives a foyer (T1, T2) as the accommodation of a young person under 18."
    }
    var judges: RecordFacts { [.careLeaverContacts] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.record.careLeaverContacts.isEmpty, let born = child.record.birthDate else { return }
        let eighteen = born.adding(years: 18)
        for c in child.record.careLeaverContacts where c.date <= child.asOf && c.date < eighteen {
            guard let accommodation = c.accommodation?.rawValue, accommodation == "T1" || accommodation == "T2"
            else { continue }
            findings.append(
                finding(
                    child, on: c.date, events: [c.position, child.birthDateEvent],
                    "A care leaver contact gives a foyer as the accommodation of a young person under 18: a foyer is "
                        + "not for under-18s; correct the accommodation or the birth date."))
        }
    }
}
