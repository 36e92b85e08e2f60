import JourneyCore

/// An unaccompanied asylum-seeking child (UASC) under 11 at the end of the collection year their care began in.
///
/// SSDA903 231 (a query): "We expect that unaccompanied asylum seeking children are generally older young people.
/// Please check the date of birth is correct." The validator flags a header with `UASC_STATUS` 1 whose `DOB` is after
/// 31 March of the collection year less 11 years. Journey knows UASC by period of care (`care.started` with `uasc`),
/// so here each such period against the 31 March ending the collection year it began in. The validator reads
/// `UASC_STATUS` from the header of 2024-25 and later returns, which older returns do not have. A child with no birth
/// date is not judged.
struct UASCUnderEleven: Check {
    var id: String { "uasc-under-11" }
    var severity: Severity { .query }
    var rule: String? { "903 231" }
    var summary: String { "An unaccompanied asylum-seeking child is under 11 at the end of the year care began in." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let born = child.record.birthDate else { return }
        for p in child.record.periodsOfCare where p.isUASC {
            guard let start = p.start, start <= child.asOf else { continue }
            let yearEnd = collectionYearEnd(start)
            guard born > yearEnd.adding(years: -11) else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: p), child.birthDateEvent],
                    "An unaccompanied asylum-seeking child is under 11 at the end of the year care began in: "
                        + "unaccompanied children are generally older; check the birth date."))
        }
    }
}
