import JourneyCore

/// A period of care that ends while the child is in a temporary placement.
///
/// SSDA903 381: "A period of care cannot end with a temporary placement." (`PLACE` `T0`–`T4` and a `REC` other than
/// `X1`.) Here, the placement open on the period's last day when it ends; a period the import ended with `X1` (an
/// `X1` row followed by `S`) is not judged, as the validator does not judge `X1`.
///
/// **By design**: a row with a `REC` but no `DEC` is still open here (the import ignores the `REC` until the episode
/// ceases, and says so); the validator reads such a row as ending (another rule fills its `DEC` with 31 March), and
/// flags it.
struct PeriodEndsWithTemporaryPlacement: Check {
    var id: String { "period-ends-with-temporary-placement" }
    var severity: Severity { .error }
    var rule: String? { "903 381" }
    var summary: String { "A period of care ends while the child is in a temporary placement (T0–T4)." }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        // Most children in care were never in a temporary placement: their rows need not be made.
        guard child.hasTemporaryPlacement else { return }
        for period in child.record.periodsOfCare {
            guard let end = period.end, end <= child.asOf, period.endReason?.rawValue != "X1",
                let last = child.episodes(of: period).last, let p = last.placement, p.placementType.isTemporary
            else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: period), p.position],
                    "A period of care ends while the child is in a temporary placement "
                        + "(\(p.placementType.rawValue)): record the placement the child was in when care ended, or "
                        + "correct the dates."))
        }
    }
}
