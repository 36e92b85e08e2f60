import JourneyCore

/// An average's sum and children, in all and for each breakdown key, with every value kept for the median
/// (metrics.md, *Percentages*: an average).
struct AverageTally {
    var tally: BreakdownTally
    /// Each child's days (or score), in the order added; sorted only for the median.
    var values: [Int] = []

    init(_ dimensions: [BreakdownDimension]) { tally = BreakdownTally(dimensions) }

    /// One child of the average, with its days (or score).
    mutating func add(_ subject: Subject, _ value: Int) {
        values.append(value)
        tally.add(subject, numerator: value, denominator: 1)
    }

    mutating func merge(_ other: AverageTally) {
        values += other.values
        tally.merge(other.tally)
    }

    mutating func subtract(_ other: AverageTally) {
        values.removeOccurrences(of: other.values)
        tally.subtract(other.tally)
    }

    /// The middle value, or the mean of the two middle values when their number is even, to one decimal place;
    /// `nil` when there are none.
    var median: Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sortedByCounting()
        let mid = sorted.count / 2
        if sorted.count % 2 == 1 { return Double(sorted[mid]) }
        return MetricResult.roundedToOneDecimal(Double(sorted[mid - 1] + sorted[mid]) / 2)
    }

    /// The figure: the sum over the children, `details` first `median` and then `more`.
    func result(_ id: String, details more: [JSONMember] = []) -> MetricResult {
        MetricResult(
            id: id, numerator: tally.numerator, denominator: tally.denominator, kind: .average,
            details: [.decimal("median", median)] + more, breakdown: tally.breakdowns(kind: .average))
    }
}
