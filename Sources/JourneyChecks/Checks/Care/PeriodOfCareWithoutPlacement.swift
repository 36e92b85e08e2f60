import JourneyCore

/// A period of care with no placement.
///
/// Every SSDA903 episode has a placement (`PLACE`); a looked-after child placed nowhere cannot be returned, and
/// placement stability and distance leave them out. Judged from the day after the period starts, so a placement
/// recorded the same day is not missed.
struct PeriodOfCareWithoutPlacement: Check {
    var id: String { "period-of-care-without-placement" }
    var severity: Severity { .warning }
    var summary: String { "A period of care has no placement recorded." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for period in child.record.periodsOfCare {
            guard let start = period.start, start < child.asOf else { continue }
            guard !child.record.placements.contains(where: { $0.period == period.key }) else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: period)],
                    "Period of care started \(start) has no placement recorded: record where the child is placed."))
        }
    }
}
