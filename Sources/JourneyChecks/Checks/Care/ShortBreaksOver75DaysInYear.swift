import JourneyCore

/// More than 75 days of short breaks (`V3`) in one collection year.
///
/// SSDA903 367: "The maximum amount of respite care allowable is 75 days in any 12-month period." The validator adds
/// up, over the return's `V3` rows, `DEC − DECOM` in days with each row cut to the collection year (an open row to
/// 31 March), and flags more than 75. Here the same sum for every collection year up to the as-of date, over the rows
/// read back from the periods (`CareEpisode`), an open row counted to the as-of date in its year.
///
/// **By design**: the validator judges the return's year alone; here every earlier year the log holds is judged too,
/// so breaks of a year before the return's are found here and not by the validator.
struct ShortBreaksOver75DaysInYear: Check {
    var id: String { "short-breaks-over-75-days-in-year" }
    var severity: Severity { .error }
    var rule: String? { "903 367" }
    var summary: String { "Short breaks (V3) add up to more than 75 days in one collection year." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        var days: [Int: Int] = [:]
        var events: [Int: [UInt64?]] = [:]
        for e in child.careEpisodes where e.legalStatus?.rawValue == "V3" {
            let end = child.endOrAsOf(e.end)
            for year in collectionYear(e.start)...collectionYear(end) {
                let from = max(e.start, CalendarDate.civil(year: year, month: 4, day: 1))
                let to = min(end, CalendarDate.civil(year: year + 1, month: 3, day: 31))
                guard from < to else { continue }
                days[year, default: 0] += from.days(to: to)
                events[year, default: []].append(child.event(beginning: e))
            }
        }
        for year in days.keys.sorted() where days[year]! > 75 {
            findings.append(
                finding(
                    child, on: CalendarDate.civil(year: year, month: 4, day: 1), events: events[year]!,
                    "Short breaks (V3) add up to more than 75 days in one collection year, the most allowed: check "
                        + "the breaks' dates, or whether the child is in fact looked after full time."))
        }
    }
}
