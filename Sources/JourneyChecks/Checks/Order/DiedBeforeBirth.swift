import JourneyCore

/// A recorded death before the recorded birth, or with no birth date.
///
/// CIN 8535Q: "Child’s date of death should not be prior to the date of birth" (a `PersonDeathDate` before the
/// `PersonBirthDate`, or with none). A death on the day of birth passes. A child recorded as unborn (an expected
/// date of birth only) who died has no birth date, and is flagged as the rule does: record the birth date.
struct DiedBeforeBirth: Check {
    var id: String { "died-before-birth" }
    var severity: Severity { .query }
    var rule: String? { "CIN 8535Q" }
    var summary: String { "The child's recorded death is before their birth, or they have no birth date." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard let died = record.diedOn else { return }
        if let born = record.birthDate {
            guard died < born else { return }
            findings.append(
                finding(
                    child, on: died, events: [child.deathEvent, child.birthDateEvent],
                    "Child's recorded death on \(died) is before their recorded birth on \(born): correct the date of "
                        + "death or the date of birth."))
        } else {
            findings.append(
                finding(
                    child, on: died, events: [child.deathEvent],
                    "Child's death is recorded on \(died), but no date of birth is: record the date of birth with "
                        + "child.updated."))
        }
    }
}
