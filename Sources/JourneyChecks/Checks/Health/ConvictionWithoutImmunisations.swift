import JourneyCore

/// A conviction in the year of a child looked after continuously for 12 months at 31 March, with no immunisations
/// recorded in the year.
///
/// SSDA903 544: "Any child who has conviction information completed must also have immunisation, teeth check,
/// health assessment and substance misuse problem identified fields completed." (`CONVICTED` 1 with any of the four
/// blank.) The return writes teeth check, health assessment and substance misuse as 0 or 1, never blank, and
/// `IMMUNISATIONS` blank when no `immunisations.recorded` falls in the year; `CONVICTED` is blank for a child under
/// 10 at 31 March. Judged on the year ending on the latest 31 March by the as-of date, for a child in its OC2 cohort.
struct ConvictionWithoutImmunisations: Check {
    var id: String { "conviction-without-immunisations" }
    var severity: Severity { .error }
    var rule: String? { "903 544" }
    var summary: String { "A child convicted in the year has no immunisations recorded in it (OC2)." }
    var judges: RecordFacts { [.convictions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let year = child.oc2Year, let age = child.record.age(on: year.to), age >= 10,
            let convicted = child.record.convictions.filter(year.contains).min(), !child.hasImmunisations(in: year)
        else { return }
        findings.append(
            finding(
                child, on: year.to, events: [child.position(.convictionRecorded, on: convicted)],
                "A child convicted in the year has no immunisations recorded in it: the 903 asks for them with the "
                    + "conviction; record them with immunisations.recorded."))
    }
}
