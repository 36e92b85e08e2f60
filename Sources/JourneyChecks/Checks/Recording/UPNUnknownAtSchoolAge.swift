import JourneyCore

/// A looked-after child of school age whose UPN is given as `UN1` (the child is not of school age).
///
/// SSDA903 209: "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code
/// of UN1." The validator's school age: 4 or over on 31 August before the previous collection year began (for
/// 2025-26, 31 August 2024). Here the collection year of the as-of date, for a child looked after in it.
struct UPNUnknownAtSchoolAge: Check {
    var id: String { "upn-un1-at-school-age" }
    var severity: Severity { .error }
    var rule: String? { "903 209" }
    var summary: String { "A looked-after child of school age has UPN UN1 (not of school age)." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard child.record.upn == "UN1", let born = child.record.birthDate else { return }
        let year = child.asOfCollectionYear
        let yearStart = CalendarDate.civil(year: year, month: 4, day: 1)
        let schoolAgeDay = CalendarDate.civil(year: year - 1, month: 8, day: 31)
        guard born.adding(years: 4) <= schoolAgeDay,
            let period = child.firstPeriodOfCareInCollectionYear
        else { return }
        findings.append(
            finding(
                child, on: max(period.start!, yearStart),
                events: [child.detailsEvent?.position, child.start(of: period)],
                "A looked-after child of school age has UPN UN1, the code for a child not of school age: record the "
                    + "UPN, or another of the codes UN2-UN5, with child.updated."))
    }
}
