import JourneyCore

/// What the three temporary-placement checks share: a placement of one `T` type held longer than its limit.
///
/// SSDA903 codes temporary placements (`T1` hospital, `T3` carers' holiday, `T4` other, seven days or less) for
/// short interruptions of the placement in force; past the limit, the child has in fact moved and the move should be
/// recorded as a placement. Length is `end − start` in days, the end being the placement's own, else its period of
/// care's, else (still open) the as-of date.
protocol TemporaryPlacementLimit: Check {
    var placementType: String { get }
    var limitDays: Int { get }
    var limitText: String { get }
}

extension TemporaryPlacementLimit {
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.placements where p.placementType.rawValue == placementType && p.start <= child.asOf {
            let end = child.endOrAsOf(p.end)
            let days = p.start.days(to: end)
            guard days > limitDays else { continue }
            let state =
                p.end.map { $0 <= child.asOf ? "lasted \(days) days (to \($0))" : "has lasted \(days) days" }
                ?? "has lasted \(days) days and is still open"
            findings.append(
                finding(
                    child, on: p.start, events: [p.position, child.end(of: p)],
                    "Temporary placement \(placementType) started \(p.start) \(state); the limit is \(limitText): "
                        + "record the move to a new placement, or correct the placement type or dates."))
        }
    }
}
