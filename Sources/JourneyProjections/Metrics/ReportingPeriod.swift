import JourneyCore

/// An inclusive range of dates `from`…`to` (metrics.md, conventions).
public struct ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    /// The statutory year `2024-25`: 1 April 2024 to 31 March 2025.
    public init?(statutoryYear text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let start = Int(parts[0]),
            let end = Int(parts[1]), (start + 1) % 100 == end,
            let from = CalendarDate(year: start, month: 4, day: 1),
            let to = CalendarDate(year: start + 1, month: 3, day: 31)
        else { return nil }
        self.init(from: from, to: to)
    }

    public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }

    /// The twelve months to `monthEnd`: from the day after `monthEnd − 12 months` (a rolling year).
    public static func rollingYear(to monthEnd: CalendarDate) -> ReportingPeriod {
        ReportingPeriod(from: monthEnd.adding(months: -12).adding(days: 1), to: monthEnd)
    }

    /// The last day of each month that ends within the period: the points of a monthly series.
    public var monthEnds: [CalendarDate] {
        var ends: [CalendarDate] = []
        var end = from.monthEnd
        while end <= to {
            ends.append(end)
            // After December 9999 there is no next month to end: the series stops there.
            guard end.year < 9999 || end.month < 12 else { break }
            end = end.adding(days: 1).monthEnd
        }
        return ends
    }

    public var description: String { "\(from) to \(to)" }
}
