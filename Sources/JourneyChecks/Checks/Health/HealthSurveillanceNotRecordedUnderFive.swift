import JourneyCore

/// A child under 5, looked after continuously for 12 months at 31 March, with no development check recorded in the
/// year.
///
/// SSDA903 545: "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health
/// promotion information has not been completed." (An OC2 row of the cohort with `HEALTH_CHECK` blank and 31 March
/// before `DOB + 5 years`.) The return writes `HEALTH_CHECK` from the latest `health-surveillance.recorded` in the
/// year, blank when there is none. Judged on the year ending on the latest 31 March by the as-of date.
struct HealthSurveillanceNotRecordedUnderFive: Check {
    var id: String { "health-surveillance-not-recorded-under-5" }
    var severity: Severity { .error }
    var rule: String? { "903 545" }
    var summary: String {
        "A child under 5 looked after for 12 months at 31 March has no development check recorded in the year."
    }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let year = child.oc2Year, let born = child.record.birthDate, year.to < born.adding(years: 5),
            !child.record.healthSurveillance.contains(where: { year.contains($0.date) })
        else { return }
        let period = child.record.periodOfCare(on: year.to)
        findings.append(
            finding(
                child, on: year.to, events: [period.flatMap { child.start(of: $0) }, child.birthDateEvent],
                "A child under 5 looked after for 12 months at 31 March has no development check recorded in the "
                    + "year: record it with health-surveillance.recorded."))
    }
}
