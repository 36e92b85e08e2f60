import JourneyCore
import JourneyProjections

/// A placement order (legal status `E1`) in force before the decision that the child should be placed for adoption.
///
/// SSDA903 554: "Date of decision that the child should be placed for adoption should be on or prior to the date
/// that the placement order was granted." The validator compares the child's first row with `LS` `E1` (by `DECOM`)
/// with each `DATE_PLACED` of the placed-for-adoption table, and flags a decision after it. Here the first `E1` of
/// the whole history against each decision (`adoption.decided`) by the as-of date; one finding.
struct PlacementOrderBeforeDecision: Check {
    var id: String { "placement-order-before-decision" }
    var severity: Severity { .error }
    var rule: String? { "903 554" }
    var summary: String { "A placement order (E1) takes effect before the decision to place for adoption." }
    var judges: RecordFacts { [.periodsOfCare, .adoptions] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        var first: (date: CalendarDate, period: ChildRecord.PeriodOfCare)?
        for p in record.periodsOfCare {
            for s in p.legalStatuses where s.status.rawValue == "E1" && s.date <= child.asOf {
                if first.map({ s.date < $0.date }) ?? true { first = (s.date, p) }
            }
        }
        guard let first,
            let decision = record.adoptions.compactMap(\.decided).filter({
                $0.date > first.date && $0.date <= child.asOf
            }).min(by: { ($0.date, $0.position) < ($1.date, $1.position) })
        else { return }
        let event =
            child.position(.careStarted, key: first.period.key, on: first.date)
            ?? child.position(.legalStatusChanged, key: first.period.key, on: first.date)
        findings.append(
            finding(
                child, on: first.date, events: [event, decision.position],
                "A placement order (E1) takes effect before the decision that the child should be placed for "
                    + "adoption: correct the decision's date or the legal status."))
    }
}
