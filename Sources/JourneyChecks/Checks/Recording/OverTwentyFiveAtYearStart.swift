import JourneyCore

/// A child in the 903 who was over 25 at the start of the collection year.
///
/// SSDA903 351: "Child was over 25 at the start of the current collection year." (1 April after `DOB + 25 years`.)
/// Here a child with a period of care open at some time in the collection year of the as-of date (a child of the
/// year's 903). `child-over-25` (CIN 8775Q) asks it of the CIN census.
struct OverTwentyFiveAtYearStart: Check {
    var id: String { "over-25-at-year-start" }
    var severity: Severity { .error }
    var rule: String? { "903 351" }
    var summary: String { "A child looked after in the year was over 25 at its start." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let born = child.record.birthDate, let period = child.firstPeriodOfCareInCollectionYear else { return }
        let yearStart = child.asOfCollectionYearStart
        guard yearStart > born.adding(years: 25) else { return }
        findings.append(
            finding(
                child, on: max(period.start!, yearStart), events: [child.start(of: period), child.birthDateEvent],
                "A child looked after in the year was over 25 at its start: correct the birth date, or the period of "
                    + "care."))
    }
}
