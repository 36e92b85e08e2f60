/// A statutory collection year: 1 April to the next 31 March (`2017-18` is 2017-04-01…2018-03-31), the year a
/// CIN census or an SSDA903 return covers.
public struct CollectionYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year the collection year starts in (2017 for 2017-18).
    public let startYear: Int

    /// The years a collection year may start in: from 1900 to the last whose 31 March a time can hold, so that a
    /// return's `recorded` time (the last second of its 31 March) is always a time (`Timestamp.supportedYears`).
    public static let startYears = 1900...(Timestamp.supportedYears.upperBound - 1)

    /// The collection year starting in `startYear`, or `nil` outside `startYears`.
    public init?(startYear: Int) {
        guard Self.startYears.contains(startYear) else { return nil }
        self.startYear = startYear
    }

    /// The collection year that contains a date, or `nil` when it would start outside `startYears`.
    public init?(containing date: CalendarDate) {
        self.init(startYear: date.month >= 4 ? date.year : date.year - 1)
    }

    /// Reads `2017-18`, `2017-2018` or `2017/18`, from 1900-01 to the last year whose 31 March a time can hold.
    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 2, parts[0].count == 4, let first = Int(parts[0]), let second = Int(parts[1]),
            Self.startYears.contains(first)
        else { return nil }
        let next = first + 1
        guard (parts[1].count == 2 && second == next % 100) || (parts[1].count == 4 && second == next) else {
            return nil
        }
        startYear = first
    }

    /// 1 April.
    public var start: CalendarDate { CalendarDate(year: startYear, month: 4, day: 1)! }
    /// 31 March: the reference date of the returns.
    public var end: CalendarDate { CalendarDate(year: startYear + 1, month: 3, day: 31)! }
    /// The year the collection year ends in: the DfE names a return by it (the 2024 CIN census is 2023-24).
    public var endYear: Int { startYear + 1 }

    public func contains(_ date: CalendarDate) -> Bool { date >= start && date <= end }

    /// `2017-18`.
    public var description: String {
        let next = (startYear + 1) % 100
        return "\(startYear)-" + (next < 10 ? "0" : "") + "\(next)"
    }

    public static func < (a: CollectionYear, b: CollectionYear) -> Bool { a.startYear < b.startYear }
}
