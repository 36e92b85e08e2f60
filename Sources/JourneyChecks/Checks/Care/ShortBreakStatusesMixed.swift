import JourneyCore

/// Short breaks under both `V3` and `V4` in one collection year.
///
/// SSDA903 426: "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same
/// year." (`V3` means single short breaks, `V4` a series of them, so one child has one or the other.) The validator
/// reads the return's rows, all of one year; here every collection year (1 April to 31 March) that rows read back
/// from the periods (`CareEpisode`) run in, up to the as-of date. One finding a year, on the first row of the
/// status that came second.
struct ShortBreakStatusesMixed: Check {
    var id: String { "short-break-statuses-mixed" }
    var severity: Severity { .error }
    var rule: String? { "903 426" }
    var summary: String { "Short breaks are recorded under both V3 and V4 in one collection year." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // Only a child with rows of both can be found; for any other, nothing is read of the as-of date.
        // Asked of the rows in place: a set of their statuses was made for every child in care.
        func hasRow(_ status: String) -> Bool { child.careEpisodes.contains { $0.legalStatus?.rawValue == status } }
        guard hasRow("V3") && hasRow("V4") else { return }
        // The first row of each status in each collection year (by the year's start).
        var first: [Int: [String: CareEpisode]] = [:]
        for e in child.careEpisodes {
            guard let status = e.legalStatus, status.isShortBreak else { continue }
            // A row open on the as-of date runs in the years up to its collection year, which holds until 31 March
            // (where the date itself would tie the findings to the day).
            let lastYear =
                if let end = e.end, end <= child.asOf { collectionYear(end) } else { child.asOfCollectionYear }
            for year in collectionYear(e.start)...lastYear where first[year]?[status.rawValue] == nil {
                first[year, default: [:]][status.rawValue] = e
            }
        }
        for year in first.keys.sorted() {
            guard let v3 = first[year]?["V3"], let v4 = first[year]?["V4"] else { continue }
            let later = v3.start > v4.start ? v3 : v4
            let yearStart = CalendarDate.civil(year: year, month: 4, day: 1)
            findings.append(
                finding(
                    child, on: max(later.start, yearStart), events: [child.event(beginning: later)],
                    "Short breaks are recorded under both V3 (single breaks) and V4 (a series) in one collection "
                        + "year: use one of them for the year's short breaks."))
        }
    }
}
