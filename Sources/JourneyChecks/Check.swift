import JourneyCore

/// A data-quality check: one rule that a child's recorded journey should keep, with what to say when it does not.
///
/// A check reads one child's record (corrections, retractions, merges and "as known at" already applied, with how
/// each event was recorded) and adds a finding for each break of its rule. It is a pure function of the record and
/// the context: no clock, no I/O, so the same log and arguments always give the same findings, and it runs in the
/// same replay as the metrics.
public protocol Check: Sendable {
    /// Kebab-case, stable: what `--only` takes and what reports print.
    var id: String { get }
    var severity: Severity { get }
    /// The DfE validation rule this check follows, where there is one (`CIN 8820`, `903 375`), or several rules of
    /// one return (`903 501/142`).
    var rule: String? { get }
    /// Each DfE rule this check follows, by name (`["903 501", "903 142"]`): by default `rule` split at its slashes.
    /// The catalogue of the DfE's rules (`DfERules`) counts a rule as ported when a check names it here.
    var rules: [String] { get }
    /// One line: what the check looks for.
    var summary: String { get }
    /// The kinds of fact the check judges: on a record with none of them it can find nothing, on any day, so it is
    /// not called (`RecordFacts`). By default, every record. A check that names some must find nothing on a record
    /// whose lists of those kinds are all empty (`RecordFactsTests` tries each on records emptied so).
    var judges: RecordFacts { get }
    /// Adds a finding to `findings` for each break of the rule in `child`'s journey.
    func check(_ child: ChildJourney, into findings: inout [Finding])
}

extension Check {
    public var rule: String? { nil }
    public var judges: RecordFacts { .everything }

    public var rules: [String] {
        guard let rule, let space = rule.firstIndex(of: " ") else { return [] }
        let prefix = rule[..<space]
        return rule[rule.index(after: space)...].split(separator: "/").map { "\(prefix) \($0)" }
    }

    /// A finding of this check about `child`: `events` are the positions of the events it is about, the one to fix
    /// first (absent ones are left out).
    func finding(_ child: ChildJourney, on date: CalendarDate, events: [UInt64?], _ message: String) -> Finding {
        var positions: [UInt64] = []
        positions.reserveCapacity(events.count)
        if events.count <= 8 {
            for case let p? in events where !positions.contains(p) { positions.append(p) }
        } else {
            // A finding may name thousands of events (every open episode of a child): no n² search for repeats.
            var named = Set<UInt64>(minimumCapacity: events.count)
            for case let p? in events where named.insert(p).inserted { positions.append(p) }
        }
        return Finding(
            check: id, severity: severity, child: child.id, date: date, positions: positions, message: message)
    }
}

/// How much a finding matters. `error`: the record is wrong and a return will fail or a figure is wrong; `warning`:
/// practice or recording is out of timescale, or the record is probably wrong; `query`: please check, it may be right.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case error, warning, query

    /// Errors first.
    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .query: 2
        }
    }

    /// More serious is greater: `error > warning > query`.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank > b.rank }
}

/// What every check is evaluated with.
public struct CheckContext: Sendable {
    /// The date timeliness is judged on ("still open on"): by default the latest `occurred` date in the log, never
    /// the wall clock, so that a report can be reproduced.
    public var asOf: CalendarDate
    public var calendar: WorkingDayCalendar
    /// `recorded-late`: an event recorded more than this many working days after it occurred.
    public var recordedLateDays: Int
    /// Which team a finding is charged to.
    public var teamAttribution: TeamAttribution

    /// Which team a finding is charged to: the one that must put it right now, or the one responsible when it arose.
    public enum TeamAttribution: Sendable {
        /// The team responsible on the as-of date: who must put it right (`journey check --by team`).
        case asOf
        /// The team responsible on the finding's date: whose practice or recording it arose in (the pack).
        case findingDate
    }

    public init(
        asOf: CalendarDate, calendar: WorkingDayCalendar = .englandAndWales, recordedLateDays: Int = 5,
        teamAttribution: TeamAttribution = .asOf
    ) {
        self.asOf = asOf
        self.calendar = calendar
        self.recordedLateDays = recordedLateDays
        self.teamAttribution = teamAttribution
    }
}

extension CheckContext {
    /// Why a day to judge on outside the log is refused (`PeriodOutsideLog`): every open timescale would be judged
    /// against a day the log knows nothing of, and overdue work found that may well have been done.
    public static let dayOutsideLog =
        "Its findings would judge every open timescale against a day the log knows nothing of."
}
