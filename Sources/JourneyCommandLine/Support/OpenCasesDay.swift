import JourneyCore
import JourneyProjections

extension JourneyState {
    /// The day of a list of open cases (`caseload`, `audit-sample`): the `--on` date asked for, or the latest date an
    /// event occurred in the log, so that the same log always gives the same list (never today's date).
    ///
    /// A day outside the log would show no cases, which would look like a team with none: refused unless
    /// `allowUncovered`.
    func openCasesDay(on: CalendarDate?, allowUncovered: Bool, asKnownAt cutoff: Timestamp?) throws -> CalendarDate {
        if let on, !allowUncovered {
            try PeriodOutsideLog.check(
                ReportingPeriod(from: on, to: on), in: span(asKnownAt: cutoff), what: "--on",
                consequence: "It would show no open cases, as if the teams had none.")
        }
        return on ?? latestOccurred(asKnownAt: cutoff) ?? CalendarDate(dayNumber: 0)
    }
}
