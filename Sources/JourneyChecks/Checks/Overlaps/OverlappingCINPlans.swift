import JourneyCore

/// Two CIN plans of one child that overlap.
///
/// CIN 4014: "CIN Plan data contains overlapping dates". One plan may end on the day the next starts.
struct OverlappingCINPlans: Check {
    var id: String { "overlapping-cin-plans" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4014" }
    var summary: String { "A CIN plan starts while another CIN plan of the child is still open." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for (earlier, later) in laterOverlaps(
            child.record.cinPlans, range: { p in p.start.map { DateRange(start: $0, end: p.end) } }, order: \.position)
        {
            findings.append(
                finding(
                    child, on: later.start!,
                    events: [child.start(of: later), child.start(of: earlier), child.end(of: earlier)],
                    "CIN plan started \(later.start!) while the CIN plan started \(earlier.start!) was "
                        + "\(earlier.end.map { "open until \($0)" } ?? "still open"): end the earlier plan, or "
                        + "retract the plan recorded twice."))
        }
    }
}
