import JourneyCore

/// Two periods of care open at once.
///
/// A child is looked after once at a time; a period may end on the day the next starts (SSDA903 `X1`, a new episode
/// the same day). Overlaps make every figure taken on a date count the child twice.
struct OverlappingPeriodsOfCare: Check {
    var id: String { "overlapping-periods-of-care" }
    var severity: Severity { .error }
    var summary: String { "A period of care starts while another period of care is still open." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let periods = child.record.periodsOfCare.filter { p in p.start != nil && (p.end.map { $0 >= p.start! } ?? true)
        }
        .sorted { ($0.start!, $0.position) < ($1.start!, $1.position) }
        for (i, later) in periods.enumerated() {
            guard
                let earlier = periods[..<i].first(where: {
                    DateRange(start: $0.start!, end: $0.end).overlaps(DateRange(start: later.start!, end: later.end))
                })
            else { continue }
            findings.append(
                finding(
                    child, on: later.start!,
                    events: [child.start(of: later), child.start(of: earlier), child.end(of: earlier)],
                    "Period of care started \(later.start!) while the period started \(earlier.start!) was "
                        + "\(earlier.end.map { "open until \($0)" } ?? "still open"): end the earlier period on or "
                        + "before \(later.start!), or correct the dates."))
        }
    }
}
