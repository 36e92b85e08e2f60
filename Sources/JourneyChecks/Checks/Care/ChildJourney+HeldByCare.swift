import JourneyCore
import JourneyProjections

extension ChildJourney {
    /// The child's periods of care started by the as-of date, with an end after it read as not yet known.
    var periodsOfCareKnownByAsOf: [(start: CalendarDate, end: CalendarDate?)] {
        record.periodsOfCare.compactMap { p in
            guard let s = p.start, s <= asOf else { return nil }
            return (s, p.end.flatMap { $0 <= asOf ? $0 : nil })
        }
    }

    /// Whether a spell from `start` (to `end`, `nil` while open) is held by one of `periods`, as the DfE's validator
    /// reads 903 rule 577 and the rules built on it (707): its end falls within a period, or, still open, a period
    /// is still open and began on or before its start.
    static func isHeldByCare(
        start: CalendarDate, end: CalendarDate?, in periods: [(start: CalendarDate, end: CalendarDate?)]
    ) -> Bool {
        periods.contains { p in
            if let end { return p.start <= end && (p.end.map { end <= $0 } ?? true) }
            return p.end == nil && p.start <= start
        }
    }
}
