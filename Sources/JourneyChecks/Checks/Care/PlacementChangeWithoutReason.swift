import JourneyCore
import JourneyProjections

/// A placement that ends with a move to another placement, with no reason for the change.
///
/// SSDA903 225: "Reason for placement change must be recorded." (A row ending `X1` with no `REASON_PLACE_CHANGE`,
/// neither it nor the next a temporary placement, the next starting a placement: `RNE` P, B, T or U.) Here a
/// placement other than a temporary one whose own `placement.ended` gives no reason, when another placement of the
/// period, not a temporary one, starts that day: the row the return writes for it ends `X1` and the next changes
/// placement. The reason is optional at append.
struct PlacementChangeWithoutReason: Check {
    var id: String { "placement-change-without-reason" }
    var severity: Severity { .error }
    var rule: String? { "903 225" }
    var summary: String { "A placement ends with a move to another placement and no reason for the change." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let placements = child.record.placements
        // Only a placement (other than a temporary one) ended with no reason can be found: most children's placements
        // all have one, and need no tables made.
        func endedWithoutReason(_ p: ChildRecord.Placement) -> Bool {
            !p.placementType.isTemporary && p.endReason == nil && p.ownEnd != nil
        }
        guard placements.contains(where: endedWithoutReason) else { return }
        // The days a placement other than a temporary one starts, by period: one set, not a scan for each placement.
        var starts: Set<PeriodDay> = []
        for q in placements where !q.placementType.isTemporary {
            starts.insert(PeriodDay(period: q.period, day: q.start))
        }
        let periods = Dictionary(child.record.periodsOfCare.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for p in placements where endedWithoutReason(p) {
            guard let end = p.ownEnd, end <= child.asOf, end > p.start,
                let period = periods[p.period], period.end.map({ end < $0 }) ?? true,
                starts.contains(PeriodDay(period: p.period, day: end))
            else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p)],
                    "A placement ends with a move to another placement but no reason for the change: record the "
                        + "reason (REASON_PLACE_CHANGE) with placement.ended."))
        }
    }

    private struct PeriodDay: Hashable {
        var period: UInt64
        var day: CalendarDate
    }
}
