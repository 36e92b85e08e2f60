import JourneyCore

/// A looked-after child whose date of birth falls after the end of the collection year.
///
/// SSDA903 301: "Date of birth falls after the year ended." (`DOB` after 31 March of the collection year.) Here the
/// collection year of the as-of date, for a child with a period of care started by it.
struct BirthDateAfterYearEnd: Check {
    var id: String { "birth-date-after-year-end" }
    var severity: Severity { .error }
    var rule: String? { "903 301" }
    var summary: String { "A looked-after child's date of birth falls after the end of the collection year." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // The period first: the year's end, which holds only until 31 March, is read only for a looked-after child.
        guard let born = child.record.birthDate, let period = child.firstPeriodOfCare, let start = period.start,
            born > child.asOfCollectionYearEnd
        else { return }
        findings.append(
            finding(
                child, on: start, events: [child.birthDateEvent, child.start(of: period)],
                "A looked-after child's date of birth falls after the end of the collection year: correct the birth "
                    + "date."))
    }
}
