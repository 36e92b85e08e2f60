import JourneyCore

/// Development checks up to date in the year of a child looked after continuously for 12 months at 31 March, with no
/// immunisations recorded in the year.
///
/// SSDA903 547: "Any child who has health promotion information completed must also have immunisation, teeth check,
/// health assessment and substance misuse problem identified fields completed." (`HEALTH_CHECK` 1 with any of the
/// four blank.) The return writes `HEALTH_CHECK` 1 when the latest `health-surveillance.recorded` in the year says
/// up to date, and `IMMUNISATIONS` blank when no `immunisations.recorded` falls in it (the other two are never
/// blank). Judged on the year ending on the latest 31 March by the as-of date, for a child in its OC2 cohort.
struct HealthSurveillanceWithoutImmunisations: Check {
    var id: String { "health-surveillance-without-immunisations" }
    var severity: Severity { .error }
    var rule: String? { "903 547" }
    var summary: String {
        "A child with development checks up to date has no immunisations recorded in the year (OC2)."
    }
    var judges: RecordFacts { [.healthSurveillance] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let year = child.oc2Year,
            let latest = child.record.healthSurveillance.filter({ year.contains($0.date) }).max(by: {
                $0.date < $1.date
            }), latest.isUpToDate, !child.hasImmunisations(in: year)
        else { return }
        findings.append(
            finding(
                child, on: year.to, events: [child.position(.healthSurveillanceRecorded, on: latest.date)],
                "A child with development checks up to date has no immunisations recorded in the year: the 903 asks "
                    + "for them with the checks; record them with immunisations.recorded."))
    }
}
