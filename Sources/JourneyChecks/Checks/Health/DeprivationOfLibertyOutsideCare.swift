import JourneyCore

/// A deprivation of liberty order that no period of care holds: it ends outside every period, or is still open when
/// care has ended.
///
/// SSDA903 707 (DoLO, from 2026-27): "Child ceased to be looked after but there is a DoLO without an end date." The
/// validator's test is 577's for missing episodes, on the DoLO table: an order is out of a period of care when it
/// has no `DOLO_END` and the period has ended or began after it started, or its `DOLO_END` is after the period's last
/// `DEC` or before its first `DECOM`; a row out of every period of the child is flagged. So an order is held by a
/// period when its end falls within the period, or, still open, the period is still open and began on or before its
/// start. Here the same over the whole history, ends after the as-of date read as not yet known. A child with no
/// period of care at all is not judged, as the validator sees no episode to compare with.
struct DeprivationOfLibertyOutsideCare: Check {
    var id: String { "deprivation-of-liberty-outside-care" }
    var severity: Severity { .error }
    var rule: String? { "903 707" }
    var summary: String { "A deprivation of liberty order ends outside care, or is still open after care ended." }
    var judges: RecordFacts { [.deprivationOfLibertyOrders] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let periods = child.periodsOfCareKnownByAsOf
        guard !periods.isEmpty else { return }
        for o in child.record.deprivationOfLibertyOrders {
            guard let start = o.start, start <= child.asOf else { continue }
            let end = o.end.flatMap { $0 <= child.asOf ? $0 : nil }
            guard !ChildJourney.isHeldByCare(start: start, end: end, in: periods) else { continue }
            findings.append(
                finding(
                    child, on: end ?? start, events: [child.start(of: o), child.end(of: o)],
                    end == nil
                        ? "A deprivation of liberty order is still open after care ended: record when it ended, at "
                            + "the latest when care ended."
                        : "A deprivation of liberty order ends outside the child's periods of care: correct its dates "
                            + "or the period of care."))
        }
    }
}
