import JourneyCore
import JourneyProjections

/// What the checks read of the as-of date beyond comparing dates with it (`AsOfDate`), each noting how long its
/// answer holds as the day moves later: a look-up on the day, a count of working days up to it, the collection year
/// it falls in.
extension ChildJourney {
    /// `answer` on the as-of date, for an answer that changes only on the days in `changes`: a look-up among a
    /// record's dated facts (the plan open on a day changes only where a plan starts or ends). Each of those days is
    /// compared with the as-of date, so the answer holds until the first of them after it.
    func onAsOf<T>(changingOn changes: some Sequence<CalendarDate>, _ answer: (CalendarDate) -> T) -> T {
        let asOf = self.asOf
        for day in changes { _ = day <= asOf }
        return answer(asOf.value)
    }

    /// The CP plan open on the as-of date (`ChildRecord.cpPlan(on:)`).
    var cpPlanOnAsOf: ChildRecord.CPPlan? {
        onAsOf(changingOn: record.cpPlans.lazy.flatMap { [$0.start, $0.end].compactMap { $0 } }) {
            record.cpPlan(on: $0)
        }
    }

    /// The period of care open on the as-of date (`ChildRecord.periodOfCare(on:)`).
    var periodOfCareOnAsOf: ChildRecord.PeriodOfCare? {
        onAsOf(changingOn: record.periodsOfCare.lazy.flatMap { [$0.start, $0.end].compactMap { $0 } }) {
            record.periodOfCare(on: $0)
        }
    }

    /// The team responsible on the as-of date (`ChildRecord.team(on:)`: the latest allocation by it).
    var teamOnAsOf: String? {
        onAsOf(changingOn: record.allocations.lazy.map(\.date)) { record.team(on: $0) }
    }

    /// Whether `period` is a series of short breaks up to the as-of date (`PeriodOfCare.isShortBreak(upTo:)`).
    func isShortBreakOnAsOf(_ period: ChildRecord.PeriodOfCare) -> Bool {
        onAsOf(changingOn: period.legalStatuses.lazy.map(\.date)) { period.isShortBreak(upTo: $0) }
    }

    /// `end` when it falls by the as-of date, otherwise the as-of date (which ties the findings to it): how far a
    /// stretch open then has run.
    func endOrAsOf(_ end: CalendarDate?) -> CalendarDate {
        if let end, end <= asOf { return end }
        return asOf.day
    }

    /// The working days from `date` to the as-of date (`wd(date, asOf)`) when they are more than `limit`; `nil` while
    /// they are not, which holds until the day they pass it.
    func workingDaysToAsOf(from date: CalendarDate, over limit: Int) -> Int? {
        let day = asOf.value
        let days = workingDays(from: date, to: day)
        if days > limit { return workingDays(from: date, to: asOf.day) }
        // wd(date, d) = days + wd(asOf, d) for a later day d: over the limit from the (limit + 1 - days)th working day
        // after the as-of date.
        _ = adding(workingDays: limit + 1 - days, to: day) <= asOf
        return nil
    }

    /// The collection year (1 April to 31 March) the as-of date falls in, by the calendar year it starts in: the
    /// same until its 31 March.
    var asOfCollectionYear: Int { collectionYear(inCollectionYear()) }

    /// The 1 April that starts the collection year of the as-of date.
    var asOfCollectionYearStart: CalendarDate { collectionYearStart(inCollectionYear()) }

    /// The 31 March that ends the collection year of the as-of date.
    var asOfCollectionYearEnd: CalendarDate { collectionYearEnd(inCollectionYear()) }

    /// The as-of date, noted as holding until the end of its collection year: for what depends on it only through
    /// that year.
    private func inCollectionYear() -> CalendarDate {
        let day = asOf.value
        _ = collectionYearEnd(day).adding(days: 1) <= asOf
        return day
    }
}
