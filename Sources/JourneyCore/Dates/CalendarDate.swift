/// A calendar date with no time of day and no time zone: the business date of an event (`occurred`),
/// a birth date, a period boundary.
///
/// Stored as a day number (days since 1970-01-01) so that comparisons, differences and working-day
/// counts are integer arithmetic. It is never a `Date` at midnight, so no time zone can move it.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int32

    public init(dayNumber: Int32) {
        self.dayNumber = dayNumber
    }

    /// A date from its parts, or `nil` when they name no day (2023-02-29, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        dayNumber = Int32(CalendarDate.daysFromCivil(year: year, month: month, day: day))
    }

    /// The day `day` of `month` in any year, counted back and forward from the four-digit years by the same
    /// calendar (year 0 before year 1): for a date worked out from another, such as the 1 April before a date in
    /// the first days of year 1, which `init(year:month:day:)` refuses. `month` and `day` must name a day of every
    /// year (not 29 February).
    public static func civil(year: Int, month: Int, day: Int) -> CalendarDate {
        // Cannot fail on input: every caller names a fixed day of the year in literals (1 April, 31 March, 31 August);
        // the year alone comes from data, and every year is counted. Another day is a programming error.
        precondition(
            (1...12).contains(month) && (1...daysIn(month: month, year: 1)).contains(day), "a day of every year")
        return CalendarDate(dayNumber: Int32(clamping: daysFromCivil(year: year, month: month, day: day)))
    }

    /// Parses `YYYY-MM-DD` exactly (ISO 8601 calendar date, four-digit year).
    public init?(_ text: some StringProtocol) {
        var utf8 = Array(text.utf8)
        guard let date = utf8.withUnsafeMutableBufferPointer({ CalendarDate(isoBytes: UnsafeBufferPointer($0)) })
        else { return nil }
        self = date
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes.
    public init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let d = Int(b[i]) &- 48
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
            let date = CalendarDate(year: y, month: m, day: d)
        else { return nil }
        self = date
    }

    public var year: Int { parts.year }
    public var month: Int { parts.month }
    public var day: Int { parts.day }

    /// Year, month and day.
    public var parts: (year: Int, month: Int, day: Int) {
        CalendarDate.civil(fromDays: Int(dayNumber))
    }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (Int(dayNumber) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = parts
        guard (0...9999).contains(y) else { return Self.pad(y, 4) + "-" + Self.pad(m, 2) + "-" + Self.pad(d, 2) }
        // Ten digits and dashes written in place: a small string, made without the five strings the padding makes
        // (a report of a hundred thousand findings writes and reads back one or more dates for each).
        return String(unsafeUninitializedCapacity: 10) { b in
            let zero = UInt8(ascii: "0")
            (b[0], b[1]) = (zero + UInt8(y / 1000), zero + UInt8(y / 100 % 10))
            (b[2], b[3]) = (zero + UInt8(y / 10 % 10), zero + UInt8(y % 10))
            (b[4], b[7]) = (UInt8(ascii: "-"), UInt8(ascii: "-"))
            (b[5], b[6]) = (zero + UInt8(m / 10), zero + UInt8(m % 10))
            (b[8], b[9]) = (zero + UInt8(d / 10), zero + UInt8(d % 10))
            return 10
        }
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + Int32(days))
    }

    /// Calendar arithmetic on months: the day is kept, or clamped to the month's last day
    /// (so 2024-02-29 minus 12 months is 2023-02-28, as the metric conventions require).
    public func adding(months: Int) -> CalendarDate {
        let (y, m, d) = parts
        let total = y * 12 + (m - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        let newDay = min(d, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(dayNumber: Int32(CalendarDate.daysFromCivil(year: newYear, month: newMonth, day: newDay)))
    }

    public func adding(years: Int) -> CalendarDate { adding(months: 12 * years) }

    /// The first day of this date's month.
    public var monthStart: CalendarDate { adding(days: 1 - day) }

    /// The last day of this date's month: a month end, the point of a monthly series and of the performance pack.
    public var monthEnd: CalendarDate {
        let (y, m, d) = parts
        return adding(days: CalendarDate.daysIn(month: m, year: y) - d)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int { Int(other.dayNumber) - Int(dayNumber) }

    /// Completed years from `self` (a birth date) to `date`: age at `date`.
    public func completedYears(at date: CalendarDate) -> Int {
        let (by, bm, bd) = parts
        let (y, m, d) = date.parts
        var age = y - by
        if (m, d) < (bm, bd) { age -= 1 }
        return age
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
