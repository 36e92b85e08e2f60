import JourneyCore

/// A reason for placement change given at the end of a temporary placement (`T0`-`T4`).
///
/// SSDA903 226: "Reason for placement change is not required for temporary placements." (`PLACE` T0-T4 with
/// `REASON_PLACE_CHANGE` given on the row, or on the row before it.) A temporary placement interrupts the one before
/// without ending it, and ends with a return to it: neither is a change of placement. Here the `placement.ended` of
/// a temporary placement with a reason; the return writes no reason on the row before a temporary placement, so the
/// validator's second half is the return's.
struct ChangeReasonOnTemporaryPlacement: Check {
    var id: String { "change-reason-on-temporary-placement" }
    var severity: Severity { .error }
    var rule: String? { "903 226" }
    var summary: String { "A temporary placement (T0-T4) ends with a reason for placement change." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.placements where p.placementType.isTemporary && p.endReason != nil {
            guard let end = p.ownEnd, end <= child.asOf else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p)],
                    "A temporary placement ends with a reason for placement change: the 903 takes none for a "
                        + "temporary placement; leave the reason out."))
        }
    }
}
