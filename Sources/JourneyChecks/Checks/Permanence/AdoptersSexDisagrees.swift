import JourneyCore

/// A match with adopters whose sex code (`SEX_ADOPTR`) does not fit what else the match says of them: how many they
/// are (`NB_ADOPTR`) or their legal status (`LS_ADOPTR`).
///
/// The SSDA903 rules 511, 514, 517, 518, 519, 520 and 524 each read one AD1 row: one legal status (or number of
/// adopters) and the sex codes it allows. Here each adoption's latest `adoption.matched` (the AD1 row's), matched by
/// the as-of date. One check per rule, so that each finding names the one rule it breaks.
protocol AdoptersSexDisagrees: Check {
    /// Whether the match's details break the rule.
    func breaks(adopters: Int?, sex: String, legalStatus: String?) -> Bool
    /// What the message says is wrong, before what to do.
    var problem: String { get }
}

extension AdoptersSexDisagrees {
    var severity: Severity { .error }
    var judges: RecordFacts { [.adoptions] }

    // The SSDA903 codes of SEX_ADOPTR: M1, F1 for a single adopter; MM, FF for a couple of one gender; MF for a
    // couple of different genders. The rules judge a sex code by these groups.

    /// Whether `sex` is a single adopter's code (M1, F1).
    func isSingleAdopter(_ sex: String) -> Bool { sex == "M1" || sex == "F1" }

    /// Whether `sex` is the code of a couple of the same gender (MM, FF).
    func isSameGenderCouple(_ sex: String) -> Bool { sex == "MM" || sex == "FF" }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for a in child.record.adoptions {
            guard let match = a.matched, match.date <= child.asOf, let sex = a.adoptersSex?.rawValue,
                breaks(adopters: a.adopters, sex: sex, legalStatus: a.adoptersLegalStatus?.rawValue)
            else { continue }
            findings.append(
                finding(
                    child, on: match.date, events: [match.position],
                    "\(problem): correct the adopters' details of the match (adopters, adoptersSex, "
                        + "adoptersLegalStatus)."))
        }
    }
}
