import JourneyCore

/// `adoption-entry-to-placement-days` (SSDA903; DfE adoption scorecard A1, the ASGLB's A10): for the children adopted
/// in the period, the average days from entering care to moving in with the family that adopted them.
///
/// Entered care: the start of the period of care that ended in adoption (the one `adoptions` counts). Moved in: the
/// start of the last adoptive placement (`A3`–`A6`) of that period; when that placement is a same-carer change, the
/// start of the earliest fostering-for-adoption placement (`U2`, `U5`) reached by following the placements back
/// through same-carer changes (A10); and an earlier `adoption.placed` than either. A child with no start to the
/// period, or nothing to say when they moved in, is `unknown`.
struct AdoptionEntryToPlacement: AverageMetric {
    static let ids = ["adoption-entry-to-placement-days"]
    static let dimensions = childDimensions
    /// Fostering for adoption: foster carers who are also approved adopters.
    static let fosteringForAdoption: Set<String> = ["U2", "U5"]

    let context: MetricContext
    var unknown = 0
    var average: AverageTally

    /// When the child moved in with the adopters of the period of care `period`, which ended in adoption.
    static func movedIn(_ child: ChildRecord, _ period: ChildRecord.PeriodOfCare) -> CalendarDate? {
        guard let end = period.end else { return nil }
        // Temporary placements neither count nor break a run with the same carer (metrics.md, stability).
        let chain = child.placements.filter { !$0.placementType.isTemporary }
            .sorted { ($0.start, $0.position) < ($1.start, $1.position) }
        var date: CalendarDate?
        if let i = chain.lastIndex(where: {
            $0.period == period.key && $0.placementType.isPlacedForAdoption && $0.start <= end
        }) {
            date = chain[i].start
            // Back through same-carer changes: each placement reached is the same carers', and the earliest
            // fostering-for-adoption one is when the child began living with the adopters.
            var j = i
            while chain[j].isSameCarer && j > 0 {
                j -= 1
                if Self.fosteringForAdoption.contains(chain[j].placementType.rawValue) { date = chain[j].start }
            }
        }
        let placed = child.adoptions.compactMap(\.placed).filter { $0.date <= end }
            .max { ($0.date, $0.position) < ($1.date, $1.position) }
        if let placed, date.map({ placed.date < $0 }) ?? true { date = placed.date }
        return date
    }

    mutating func add(_ child: ChildRecord) {
        guard let period = child.latestEnd(in: context.period, reasons: Adoptions.reasons) else { return }
        guard let entered = period.start, let movedIn = Self.movedIn(child, period) else {
            unknown += 1
            return
        }
        // Never negative: a child recorded as moving in before entering care counts 0 (and a check reports it).
        average.add(Subject(child: child, date: period.end!), max(0, entered.days(to: movedIn)))
    }
}

/// `adoption-order-to-match-days` (SSDA903; DfE adoption scorecard A2): for the children matched with adopters in
/// the period, the average days from the placement order (the court's authority to place) to the match.
///
/// The match: the latest `adoption.matched` in the period, of the adoption matched latest. The order: that
/// adoption's `placement-order.granted`, else the first `E1` (placement order) or `D1` (freeing order) legal status
/// of the period of care open on the match date. A match before the order counts 0 (A2); no order is `unknown`.
struct AdoptionOrderToMatch: AverageMetric {
    static let ids = ["adoption-order-to-match-days"]
    static let dimensions = childDimensions
    static let orderStatuses: Set<String> = ["E1", "D1"]

    let context: MetricContext
    var unknown = 0
    var average: AverageTally

    mutating func add(_ child: ChildRecord) {
        let period = context.period
        guard
            let adoption = child.adoptions.filter({ $0.matched.map { period.contains($0.date) } ?? false })
                .max(by: { ($0.matched!.date, $0.matched!.position) < ($1.matched!.date, $1.matched!.position) })
        else { return }
        let match = adoption.matched!.date
        var order = adoption.placementOrderGranted?.date
        if order == nil, let care = child.periodOfCare(on: match) {
            order = care.legalStatuses.filter { Self.orderStatuses.contains($0.status.rawValue) }.map(\.date).min()
        }
        guard let order else {
            unknown += 1
            return
        }
        average.add(Subject(child: child, date: match), max(0, order.days(to: match)))
    }
}
