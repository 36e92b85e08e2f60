import JourneyCore

/// Working-day arithmetic by table lookup over the days a council's journeys can reach.
///
/// Timescales (assessments, conferences, visits) are set in working days thousands of times per second;
/// `WorkingDayCalendar.adding(workingDays:to:)` walks day by day, so the days are counted once here instead.
/// Outside the table it falls back to the calendar, which gives the same answers.
struct WorkingDays: Sendable {
    let calendar: WorkingDayCalendar
    /// The first day the table covers.
    let first: Int32
    /// `count[i]`: working days among the table's days up to and including `first + i`.
    let count: [Int32]
    /// The day numbers of the working days in the table, in order.
    let days: [Int32]

    init(calendar: WorkingDayCalendar = .englandAndWales, from: CalendarDate, to: CalendarDate) {
        self.calendar = calendar
        first = from.dayNumber
        var count: [Int32] = []
        var days: [Int32] = []
        count.reserveCapacity(Int(to.dayNumber - from.dayNumber) + 1)
        var n: Int32 = 0
        var day = from
        while day <= to {
            if calendar.isWorkingDay(day) {
                n += 1
                days.append(day.dayNumber)
            }
            count.append(n)
            day = day.adding(days: 1)
        }
        self.count = count
        self.days = days
    }

    func isWorkingDay(_ date: CalendarDate) -> Bool {
        calendar.isWorkingDay(date)
    }

    /// `wd(a, b)`: working days `d` with `a < d ≤ b` (metric conventions).
    func between(_ a: CalendarDate, _ b: CalendarDate) -> Int {
        guard let i = index(a), let j = index(b) else { return calendar.workingDays(from: a, to: b) }
        return Int(count[j] - count[i])
    }

    /// The day `n` working days after `date` (`n` ≥ 0), so that `between(date, result) == n`.
    func adding(_ n: Int, to date: CalendarDate) -> CalendarDate {
        if n <= 0 { return date }
        if let i = index(date) {
            let k = Int(count[i]) + n - 1
            if k < days.count { return CalendarDate(dayNumber: days[k]) }
        }
        return calendar.adding(workingDays: n, to: date)
    }

    /// `date` itself if it is a working day, else the next working day.
    func onOrAfter(_ date: CalendarDate) -> CalendarDate {
        isWorkingDay(date) ? date : adding(1, to: date)
    }

    private func index(_ date: CalendarDate) -> Int? {
        let i = Int(date.dayNumber - first)
        return i >= 0 && i < count.count ? i : nil
    }
}
