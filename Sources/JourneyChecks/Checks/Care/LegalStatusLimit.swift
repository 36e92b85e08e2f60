import JourneyCore

/// What the legal-status duration checks share: a legal status held longer than the law allows.
///
/// SSDA903 362, 363 and 364 join a child's consecutive rows with the status (each `DEC` the next `DECOM`) and flag
/// them when the last `DEC` (an open row: the year's 31 March) is more than the limit in days after the first
/// `DECOM`. Here a status lasts from the day it takes effect to the next change to another status, the end of the
/// period of care, or (still in force) the as-of date; rows of the same status one after another are one stretch
/// either way. A status still in force is judged to the as-of date, where the validator judges it to 31 March.
///
/// **By design**: rows of one child that overlap (a row `S` while an earlier one is open, which 501 flags) are read
/// by the import as a new period of care, the earlier one left open, with the rows after sorted by `DECOM`; so a
/// stretch can end sooner here than the overlapping row's own `DEC` says.
protocol LegalStatusLimit: Check {
    var status: String { get }
    var limitDays: Int { get }
    /// The status, for the message: "An emergency protection order (L2)".
    var statusText: String { get }
    /// The limit, for the message: "21 days".
    var limitText: String { get }
}

extension LegalStatusLimit {
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for period in child.record.periodsOfCare {
            let statuses = period.legalStatusesByDate
            for (i, s) in statuses.enumerated() where s.status.rawValue == status && s.date <= child.asOf {
                // A repeat of the status (a placement change under it) carries the stretch on.
                if i > 0, statuses[i - 1].status == s.status { continue }
                let next = statuses[(i + 1)...].first { $0.date > s.date && $0.status != s.status }?.date
                let until = child.endOrAsOf([next, period.end].compactMap { $0 }.min())
                guard s.date.days(to: until) > limitDays else { continue }
                let event =
                    child.position(.careStarted, key: period.key, on: s.date)
                    ?? child.position(.legalStatusChanged, key: period.key, on: s.date)
                findings.append(
                    finding(
                        child, on: s.date, events: [event],
                        "\(statusText) lasts more than \(limitText), the most the law allows: record the legal "
                            + "status that followed it, or correct the dates."))
            }
        }
    }
}
