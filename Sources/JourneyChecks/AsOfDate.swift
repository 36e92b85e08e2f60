import JourneyCore

/// The day a child's record is judged on, as a check reads it (`ChildJourney.asOf`): each comparison with it notes
/// how long its answer holds as that day moves later, so that when a log's latest date moves on, only the records
/// whose findings can change are checked again (`LiveChecks.judge(on:)`).
///
/// A comparison whose answer holds on every later day notes nothing: a placement that started by the as-of date
/// still has on any later one. One whose answer changes on a later day notes the last day it holds: an assessment
/// not yet past its timescale holds so until the day it is due. `day` itself, which a check reads to count
/// the working days up to it or to name it in a message, ties the findings to this day alone.
///
/// A date that moves with the as-of date (`lagging(_:by:)`: the start of the census year that ends on it) is
/// compared in the same way.
///
/// Only later days are covered: a move back to an earlier day is a new evaluation.
public struct AsOfDate: CustomStringConvertible {
    /// The date compared: the as-of date, or one that moves with it. Read as it is, it notes nothing: only where what
    /// is made of it is noted another way (`ChildJourney.onAsOf(changingOn:_:)`, `workingDaysToAsOf`).
    var value: CalendarDate
    /// The as-of date.
    let asOf: CalendarDate
    /// Days that `value` keeps at least behind the as-of date on every later day (0 for the as-of date itself).
    var lag: Int32
    let horizon: Horizon

    init(_ asOf: CalendarDate, horizon: Horizon) {
        (value, self.asOf, lag, self.horizon) = (asOf, asOf, 0, horizon)
    }

    /// A date that moves with the as-of date: `value` on this one. On every later as-of day it must be no earlier
    /// (it moves only forward) and at least `lag` days behind that day, so that it reaches a date `d` no sooner than
    /// the as-of date reaches `d + lag`. A comparison then notes a change `lag` days after the one it would note for
    /// the as-of date: never later than the day the answer changes.
    func lagging(_ value: CalendarDate, by lag: Int32) -> AsOfDate {
        var moved = self
        moved.value = value
        moved.lag = lag
        return moved
    }

    /// The date itself, for arithmetic, a message or a look-up: the findings then hold on this as-of day alone.
    public var day: CalendarDate {
        horizon.holds(through: asOf)
        return value
    }

    /// Notes that an answer changes once the compared date reaches `date`.
    private func changes(on date: CalendarDate) {
        horizon.changes(on: CalendarDate(dayNumber: date.dayNumber + lag))
    }

    /// The day as written in a message (`yyyy-mm-dd`): the findings then hold on this day alone.
    public var description: String { day.description }

    /// The last as-of day on which everything a check has read of the as-of date reads the same, as a day number
    /// (`Int32.max` while nothing read changes with the day). One per child's journey, written by the one thread
    /// that checks it.
    final class Horizon: @unchecked Sendable {
        private(set) var lastDay = Int32.max

        /// How many reads have been noted, ever: a check whose run moves it read something that changes with the day
        /// (`DayReadingChecks`). A count to compare before and after each check, two loads, rather than a last day
        /// taken out and put back around each: a full run of a million events makes ten million calls of a check.
        private(set) var notes = 0

        /// Starts again, for the next journey.
        func reset() { lastDay = .max }

        func holds(through day: CalendarDate) {
            lastDay = min(lastDay, day.dayNumber)
            notes &+= 1
        }

        /// A comparison whose answer changes once the as-of date reaches `day`.
        func changes(on day: CalendarDate) {
            lastDay = min(lastDay, day.dayNumber - 1)
            notes &+= 1
        }
    }

    // MARK: Comparisons with a date
    //
    // Each is one of two: `date <= asOf` (true holds on every later day; false changes on `date`), or
    // `date < asOf` (true holds; false changes on the day after `date`). The others are their negations.

    public static func <= (date: CalendarDate, asOf: AsOfDate) -> Bool {
        if date <= asOf.value { return true }
        asOf.changes(on: date)
        return false
    }

    public static func < (date: CalendarDate, asOf: AsOfDate) -> Bool {
        if date < asOf.value { return true }
        asOf.changes(on: date.adding(days: 1))
        return false
    }

    public static func > (date: CalendarDate, asOf: AsOfDate) -> Bool { !(date <= asOf) }
    public static func >= (date: CalendarDate, asOf: AsOfDate) -> Bool { !(date < asOf) }
    public static func >= (asOf: AsOfDate, date: CalendarDate) -> Bool { date <= asOf }
    public static func > (asOf: AsOfDate, date: CalendarDate) -> Bool { date < asOf }
    public static func < (asOf: AsOfDate, date: CalendarDate) -> Bool { date > asOf }
    public static func <= (asOf: AsOfDate, date: CalendarDate) -> Bool { date >= asOf }

    /// Whether `date` is the as-of date: false for an earlier date on every later day; true changes the day after;
    /// false for a later date changes on it.
    public static func == (date: CalendarDate, asOf: AsOfDate) -> Bool {
        if date < asOf.value { return false }
        if date == asOf.value {
            asOf.changes(on: date.adding(days: 1))
            return true
        }
        asOf.changes(on: date)
        return false
    }

    public static func == (asOf: AsOfDate, date: CalendarDate) -> Bool { date == asOf }
    public static func != (date: CalendarDate, asOf: AsOfDate) -> Bool { !(date == asOf) }
    public static func != (asOf: AsOfDate, date: CalendarDate) -> Bool { !(date == asOf) }
}
