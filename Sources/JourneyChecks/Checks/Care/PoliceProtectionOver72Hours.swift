import JourneyCore

/// Police protection (`L1`) held for more than 72 hours.
///
/// Children Act 1989, section 46(6): no child may be kept in police protection for more than 72 hours. The legal
/// status `L1` lasts from the day it takes effect to the next change of legal status, the end of the period of care,
/// or (still in force) the as-of date; dates have no time of day, so more than 3 days apart is over 72 hours.
///
/// SSDA903 361: "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act
/// 1989" (consecutive `L1` episodes taken together, more than 3 days from the first `DECOM` to the last `DEC`, an
/// open one to the end of the collection year; here, to the as-of date).
struct PoliceProtectionOver72Hours: Check {
    var id: String { "police-protection-over-72-hours" }
    var severity: Severity { .error }
    var rule: String? { "903 361" }
    var summary: String { "Legal status L1 (police protection) lasts more than 72 hours." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for period in child.record.periodsOfCare {
            let statuses = period.legalStatuses
            for (i, s) in statuses.enumerated() where s.status.rawValue == "L1" && s.date <= child.asOf {
                let next = statuses[(i + 1)...].first { $0.date > s.date && $0.status != s.status }?.date
                let until = child.endOrAsOf([next, period.end].compactMap { $0 }.min())
                let days = s.date.days(to: until)
                guard days > 3 else { continue }
                let event =
                    child.position(.careStarted, key: period.key, on: s.date)
                    ?? child.position(.legalStatusChanged, key: period.key, on: s.date)
                let state =
                    until == child.asOf && next == nil && period.end == nil
                    ? "is still in force" : "lasted until \(until)"
                findings.append(
                    finding(
                        child, on: s.date, events: [event],
                        "Police protection (L1) from \(s.date) \(state), \(days) days: police protection ends "
                            + "within 72 hours; record the legal status that followed it, or correct the dates."))
            }
        }
    }
}
