import JourneyCore

/// The log's span as `SpanTally` folds it, kept as how many records start and end on each date rather than as the
/// earliest and latest alone, so that records can be taken out again (`LiveMetrics`).
struct SpanCounts: SpanFold {
    /// Records by the date of their first and of their last counting event.
    var firsts: [CalendarDate: Int] = [:]
    var lasts: [CalendarDate: Int] = [:]

    mutating func add(_ child: ChildRecord) {
        guard let first = child.firstOccurred, let last = child.lastOccurred else { return }
        firsts[first, default: 0] += 1
        lasts[last, default: 0] += 1
    }

    mutating func merge(_ other: SpanCounts) {
        firsts.merge(other.firsts, uniquingKeysWith: +)
        lasts.merge(other.lasts, uniquingKeysWith: +)
    }

    /// Takes out the records `other` has counted, every one of which was counted here too.
    mutating func subtract(_ other: SpanCounts) {
        firsts.subtract(other.firsts)
        lasts.subtract(other.lasts)
    }

    /// The span `SpanTally` gives over the same records: from the earliest first event to the latest last one,
    /// complete from the month in which the first record ends; `nil` for no counting event.
    var span: LogSpan? {
        guard let earliest = firsts.keys.min(), let latest = lasts.keys.max(), let firstEnd = lasts.keys.min()
        else { return nil }
        return LogSpan(earliest: earliest, completeFrom: max(earliest, firstEnd.monthStart), latest: latest)
    }
}
