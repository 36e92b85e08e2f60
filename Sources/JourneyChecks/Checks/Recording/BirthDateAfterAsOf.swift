import JourneyCore

/// A date of birth after the as-of date.
///
/// CIN 8520: "Date of Birth is after data collection period (must be on or before the end of the census period)".
/// The append takes any real date; judged on the as-of date, the end of the census year when a return is checked.
struct BirthDateAfterAsOf: Check {
    var id: String { "birth-date-after-as-of" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8520" }
    var summary: String { "The child's date of birth is after the as-of date." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let born = child.record.birthDate, born > child.asOf else { return }
        findings.append(
            finding(
                child, on: born, events: [child.birthDateEvent],
                "Child's date of birth, \(born), is after \(child.asOf): correct the date of birth, or record an "
                    + "expected date of birth for a child not yet born."))
    }
}
