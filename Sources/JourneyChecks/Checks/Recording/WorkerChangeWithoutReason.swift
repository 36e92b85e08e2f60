import JourneyCore

/// A looked-after child's social worker allocated, from 1 April 2023, with no reason recorded for the change.
///
/// SSDA903 SW13STG1: "The reason for social worker change is not valid." (`SW_REASON` not of its list, or blank on an
/// episode that began on or after 1 April 2023.) The append takes only codes of the list, but
/// `worker-change.recorded` is optional: the return writes SW_REASON blank for an allocation with none that day.
/// Judged for each allocation naming a worker, from 1 April 2023 to the as-of date, of a child with a period of care
/// started by the as-of date.
struct WorkerChangeWithoutReason: Check {
    var id: String { "worker-change-without-reason" }
    var severity: Severity { .error }
    var rule: String? { "903 SW13STG1" }
    var summary: String { "A looked-after child's social worker changed from April 2023 with no reason recorded." }
    var judges: RecordFacts { [.periodsOfCare] }

    /// The first day of the social worker episodes the 903 asks a reason of.
    static let firstDay = CalendarDate(year: 2023, month: 4, day: 1)!

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard child.firstPeriodOfCare != nil else { return }
        for a in child.record.allocations where a.worker != nil && a.date >= Self.firstDay && a.date <= child.asOf {
            guard child.record.workerChangeReason(on: a.date) == nil else { continue }
            findings.append(
                finding(
                    child, on: a.date, events: [a.position],
                    "A social worker was allocated with no reason recorded for the change: the 903 asks one of each "
                        + "social worker episode (SW_REASON); record it with worker-change.recorded."))
        }
    }
}
