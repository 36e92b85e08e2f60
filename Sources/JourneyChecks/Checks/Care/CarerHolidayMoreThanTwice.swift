import JourneyCore

/// More than two temporary placements for the foster carers' holiday (`T3`) within 12 months.
///
/// SSDA903 377: "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in
/// any 12- month period." The validator counts the return's rows with `PLACE` `T3` (one year's, a placement split by
/// a change of legal status counting twice) and flags all of them past two. Here each `T3` placement that is the
/// third or later to start within 12 months (after the day 12 months before its start).
struct CarerHolidayMoreThanTwice: Check {
    var id: String { "t3-carer-holiday-more-than-twice" }
    var severity: Severity { .error }
    var rule: String? { "903 377" }
    var summary: String { "More than two temporary placements for the carers' holiday (T3) within 12 months." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let holidays = child.record.placements.filter { $0.placementType.rawValue == "T3" && $0.start <= child.asOf }
            .sorted { ($0.start, $0.position) < ($1.start, $1.position) }
        guard holidays.count > 2 else { return }
        for (i, p) in holidays.enumerated() where i >= 2 {
            let yearBefore = p.start.adding(years: -1)
            let within = holidays[...i].filter { $0.start > yearBefore }
            guard within.count > 2 else { continue }
            findings.append(
                finding(
                    child, on: p.start, events: within.map(\.position),
                    "More than two temporary placements for the foster carers' holiday (T3) start within 12 months: "
                        + "record the further stays as placements, or correct the placement types."))
        }
    }
}
