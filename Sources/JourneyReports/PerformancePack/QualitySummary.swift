import JourneyChecks
import JourneyCore

/// Counts of data-quality findings by check, team and age: what the pack shows of `journey check`.
///
/// The findings are those open at the month end: in the record as it stood then, about something dated on or before
/// it. Each is charged to the team responsible when it arose (on the date it is about), not to the team holding the
/// case now, and its age is the time from that date to the month end.
public struct QualitySummary: Sendable, Hashable {
    public var asOf: CalendarDate
    /// Teams in report order (`unallocated` last).
    public var teams: [String]
    /// Checks with at least one finding, in catalogue order, with their counts by team (`teams`' order) and by age
    /// (`AgeBand.all`' order).
    public var rows: [Row]

    public struct Row: Sendable, Hashable {
        public var check: String
        public var severity: Severity
        public var summary: String
        public var byTeam: [Int]
        public var byAge: [Int]
        public var total: Int { byTeam.reduce(0, +) }
    }

    /// How long a finding has been open at the month end, by the date it is about.
    public enum AgeBand: Int, Sendable, CaseIterable {
        case underAMonth, oneToThreeMonths, threeToTwelveMonths, overAYear

        public var label: String {
            switch self {
            case .underAMonth: "under a month"
            case .oneToThreeMonths: "1 to 3 months"
            case .threeToTwelveMonths: "3 to 12 months"
            case .overAYear: "over a year"
            }
        }

        /// The band of a finding dated `date`, open on `asOf`: within a month of it (after the same day of the
        /// month before), within three months, within twelve, or longer.
        public init(of date: CalendarDate, asOf: CalendarDate) {
            if date > asOf.adding(months: -1) {
                self = .underAMonth
            } else if date > asOf.adding(months: -3) {
                self = .oneToThreeMonths
            } else if date > asOf.adding(months: -12) {
                self = .threeToTwelveMonths
            } else {
                self = .overAYear
            }
        }
    }

    public var total: Int { rows.reduce(0) { $0 + $1.total } }

    /// Open findings of each age band, over every check.
    public var byAge: [Int] {
        AgeBand.allCases.map { band in rows.reduce(0) { $0 + $1.byAge[band.rawValue] } }
    }

    /// The counts of `report`'s findings dated on or before its as-of date, with nothing of them but their check,
    /// team and age.
    public init(_ report: CheckReport) {
        var open = report
        open.findings = report.findings.filter { $0.date <= report.asOf }
        asOf = report.asOf
        let byTeam = open.byTeam
        teams = byTeam.map(\.team)
        var ages: [String: [Int]] = [:]
        for f in open.findings {
            ages[f.check, default: Array(repeating: 0, count: AgeBand.allCases.count)][
                AgeBand(of: f.date, asOf: report.asOf).rawValue] += 1
        }
        rows = report.checks.compactMap { check in
            guard let byAge = ages[check.id] else { return nil }
            return Row(
                check: check.id, severity: check.severity, summary: check.summary,
                byTeam: byTeam.map { team in team.byCheck.first { $0.id == check.id }?.findings ?? 0 }, byAge: byAge)
        }
    }
}
