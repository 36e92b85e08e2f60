import JourneyChecks
import JourneyCore
import JourneyProjections

/// The data-quality findings grouped by the child's team, for each team's manager: a count per check per team, and
/// the findings of one team ("my team").
///
/// Read from a `CheckReport` as `journey check` makes it, never by running the checks another way: the team is the
/// finding's own (`Finding.team`, the allocation in force on the as-of date), and the counts are the report's
/// (`CheckReport.byTeam`).
public struct FindingsByTeam: Sendable {
    public var report: CheckReport
    /// The team whose findings are listed; `nil` for the counts alone. `unallocated` names the children with no team.
    public var team: String?

    public init(report: CheckReport, team: String?) {
        self.report = report
        self.team = team
    }

    /// The counts for `report`, with `team`'s findings.
    public static func build(_ report: CheckReport, team: String? = nil) -> FindingsByTeam {
        FindingsByTeam(report: report, team: team)
    }

    /// Each team's counts, by team name (`unallocated` last).
    public var teams: [CheckReport.TeamSummary] { report.byTeam }

    /// The checks with a finding, in report order.
    public var checks: [CheckReport.CheckSummary] { report.checks.filter { $0.findings > 0 } }

    /// `team`'s findings in report order; empty when no team is chosen.
    public var teamFindings: [Finding] {
        guard let team else { return [] }
        return report.findings.filter { $0.teamName == team }
    }

    /// The report cut to `team`'s findings, each check's count recounted from them: what `journey check --team`
    /// prints in every format. The whole report when no team is chosen.
    public var teamReport: CheckReport {
        guard team != nil else { return report }
        var cut = report
        cut.findings = teamFindings
        var counts: [String: Int] = [:]
        for f in cut.findings { counts[f.check, default: 0] += 1 }
        for i in cut.checks.indices { cut.checks[i].findings = counts[cut.checks[i].id] ?? 0 }
        return cut
    }

    /// The findings of `check` for `team`'s children.
    public func count(check: String, team: String) -> Int {
        teams.first { $0.team == team }?.byCheck.first { $0.id == check }?.findings ?? 0
    }
}
