import JourneyCore
import JourneyProjections

/// What `journey cohort repeat-cp` and the service's cohort route give: the repeat-CP cohort, the time to a new plan
/// after one ends, and the log's span (for the check of the range and the note on the look-back), drawn in one pass
/// over the records on all cores: each record is built once, where the cohort and the curve drawn apart build every
/// record each. The figures are those each gives on its own (`RepeatCPStudyTests`).
public struct RepeatCPStudy: Sendable {
    public var cohort: RepeatCPCohort
    public var timeToReplan: TimeToReplan
    /// The log's span as known at the time asked (`JourneyState.span(asKnownAt:)`).
    public var span: LogSpan?

    /// The cohort of CP plans started `from`…`to`, and the curve of plans ended in the same range, as the log stood
    /// at `asKnownAt` (everything when `nil`).
    public init(
        _ state: JourneyState, from: CalendarDate, to: CalendarDate, window: RepeatCPCohort.Window,
        asKnownAt: Timestamp?
    ) {
        let followUpEnd = TimeToReplan.followUpEnd(state, to: to, asKnownAt: asKnownAt)
        let (found, span) = state.reduceRecordsWithSpan(
            asKnownAt: asKnownAt, initial: { (rows: [RepeatCPCohort.Row](), subjects: [TimeToReplan.Subject]()) },
            add: { found, record in
                if let row = RepeatCPCohort.row(record, from: from, to: to, window: window) { found.rows.append(row) }
                if let subject = TimeToReplan.subject(record, from: from, to: to, followUpEnd: followUpEnd) {
                    found.subjects.append(subject)
                }
            },
            merge: { found, other in
                found.rows += other.rows
                found.subjects += other.subjects
            })
        cohort = RepeatCPCohort(from: from, to: to, window: window, found: found.rows)
        timeToReplan = TimeToReplan(from: from, to: to, followUpEnd: followUpEnd, found: found.subjects)
        self.span = span
    }
}
