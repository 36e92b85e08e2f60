import JourneyCore

/// A looked-after child whose date of birth is not recorded.
///
/// SSDA903 102: "Date of birth is not a valid date." The append refuses a date that is not a real day, but the date
/// of birth is optional (an unborn child has none): the 903 header of a child with none has `DOB` blank, which the
/// rule refuses. Judged for a child with a period of care started by the as-of date; `birth-date-not-recorded`
/// (CIN 8525Q) asks the same of any registered child with no expected date of birth either.
struct BirthDateNotRecordedInCare: Check {
    var id: String { "birth-date-not-recorded-in-care" }
    var severity: Severity { .error }
    var rule: String? { "903 102" }
    var summary: String { "A looked-after child has no date of birth recorded." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard child.record.birthDate == nil, let period = child.firstPeriodOfCare, let start = period.start
        else { return }
        findings.append(
            finding(
                child, on: start, events: [child.start(of: period), child.detailsEvent?.position],
                "A looked-after child has no date of birth recorded: the 903 needs one; record it with "
                    + "child.updated."))
    }
}
