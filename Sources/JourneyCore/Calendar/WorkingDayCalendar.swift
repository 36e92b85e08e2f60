/// Working days for statutory timescales: Monday to Friday, except bank holidays.
///
/// `wd(a, b)` is the number of working days `d` with `a < d ≤ b` (metric conventions): the same day is 0, and a
/// Monday start with the following Monday's authorisation is 5.
public struct WorkingDayCalendar: Sendable, Hashable {
    /// Day numbers of the bank holidays that fall on a weekday, sorted. Weekend holidays change no count.
    let weekdayHolidays: [Int32]

    /// A calendar with the given bank holidays (weekend dates among them are ignored).
    public init(bankHolidays: some Sequence<CalendarDate>) {
        weekdayHolidays = Array(Set(bankHolidays.filter { !$0.isWeekend }.map(\.dayNumber))).sorted()
    }

    /// The weekday holidays as day numbers, sorted: what makes two calendars count alike, for a cache that must
    /// tell the calendar its figures were counted with (`MetricsPlan.question`).
    package var weekdayHolidayNumbers: [Int32] { weekdayHolidays }

    /// England and Wales, 2000–2040, as shipped with the engine.
    public static let englandAndWales = WorkingDayCalendar(
        bankHolidays: englandAndWalesBankHolidays.map { CalendarDate($0)! }
    )

    /// The first and last holiday year the calendar knows; counts outside it treat every weekday as working.
    public var coveredYears: ClosedRange<Int>? {
        guard let first = weekdayHolidays.first, let last = weekdayHolidays.last else { return nil }
        return CalendarDate(dayNumber: first).year...CalendarDate(dayNumber: last).year
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        !date.isWeekend && !isHoliday(date.dayNumber)
    }

    /// `wd(a, b)`: working days `d` with `a < d ≤ b`; negative (−`wd(b, a)`) when `b` is before `a`.
    public func workingDays(from a: CalendarDate, to b: CalendarDate) -> Int {
        if b < a { return -workingDays(from: b, to: a) }
        let weekdays = Self.weekdaysUpTo(b.dayNumber) - Self.weekdaysUpTo(a.dayNumber)
        let holidays = upperBound(b.dayNumber) - upperBound(a.dayNumber)
        return weekdays - holidays
    }

    /// The date `n` working days after `date` (`n` ≥ 0): the last day of a timescale of `n` working days.
    ///
    /// Stepped over in stretches of weekdays rather than day by day (the checks ask it for every open timescale of
    /// every record): the `left`-th weekday after `d`, and then as many weekdays again as there were holidays in the
    /// stretch, until a stretch holds none, so that its last day is a working day.
    public func adding(workingDays n: Int, to date: CalendarDate) -> CalendarDate {
        var d = date.dayNumber
        var left = n
        while left > 0 {
            let next = Self.weekday(Self.weekdaysUpTo(d) + left)
            left = upperBound(next) - upperBound(d)
            d = next
        }
        return CalendarDate(dayNumber: d)
    }

    /// The weekday that is the `count`-th counted by `weekdaysUpTo` (`weekdaysUpTo` of it is `count`).
    static func weekday(_ count: Int) -> Int32 {
        // Weekdays up to the Friday of week w (from the fixed Monday) are 5w + 5; the one before `count` closes a
        // week when `count - 1` is a multiple of 5. Floored, for days before the fixed Monday.
        let k = count - 1
        let weeks = k >= 0 ? k / 5 : (k - 4) / 5
        return Int32(weeks * 7 + (k - weeks * 5) - 3)
    }

    func isHoliday(_ day: Int32) -> Bool {
        let i = upperBound(day)
        return i > 0 && weekdayHolidays[i - 1] == day
    }

    /// The number of weekday holidays on or before `day`.
    func upperBound(_ day: Int32) -> Int {
        var lo = 0
        var hi = weekdayHolidays.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if weekdayHolidays[mid] <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Weekdays among the days from a fixed Monday (1969-12-29, day −3) up to `day`, so that differences count
    /// weekdays in a half-open range. Negative for days before that Monday, consistently.
    static func weekdaysUpTo(_ day: Int32) -> Int {
        let k = Int(day) + 3
        let weeks = k >= 0 ? k / 7 : (k - 6) / 7
        let rest = k - weeks * 7
        return weeks * 5 + min(rest + 1, 5)
    }
}
