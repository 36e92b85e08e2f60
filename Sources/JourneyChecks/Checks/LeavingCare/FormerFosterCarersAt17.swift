import JourneyCore

/// A care leaver contact in the year of the 17th birthday giving the accommodation as with former foster carers (`Z1`,
/// `Z2`).
///
/// SSDA903 3001: "Where care leavers information is being returned for a young person around their 17th birthday,
/// the accommodation cannot be with their former foster carer(s)." (`ACCOM` Z1 or Z2 and the 17th birthday in the
/// collection year.) At 17 a young person still with foster carers is looked after: staying put begins at 18. Here
/// each contact against the collection year it falls in.
struct FormerFosterCarersAt17: Check {
    var id: String { "former-foster-carers-at-17" }
    var severity: Severity { .error }
    var rule: String? { "903 3001" }
    var summary: String { "A contact in the year of the 17th birthday gives accommodation with former foster carers." }
    var judges: RecordFacts { [.careLeaverContacts] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard !child.record.careLeaverContacts.isEmpty, let born = child.record.birthDate else { return }
        let birthday = born.adding(years: 17)
        for c in child.record.careLeaverContacts where c.date <= child.asOf {
            guard let accommodation = c.accommodation?.rawValue, accommodation == "Z1" || accommodation == "Z2",
                collectionYear(c.date) == collectionYear(birthday)
            else { continue }
            findings.append(
                finding(
                    child, on: c.date, events: [c.position, child.birthDateEvent],
                    "A care leaver contact in the year of the 17th birthday gives the accommodation as with former "
                        + "foster carers (Z1, Z2): a 17-year-old with foster carers is still looked after; correct the "
                        + "accommodation."))
        }
    }
}
