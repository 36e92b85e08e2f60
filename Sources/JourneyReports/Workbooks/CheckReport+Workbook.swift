import JourneyChecks
import JourneyCore
import JourneyWorkbook

extension CheckReport {
    /// The findings as an Excel workbook (`journey check --format xlsx`), laid out as a data-quality officer uses
    /// the DfE validator's error workbook, to send each team its own list:
    ///
    /// - **Summary**: every check run, its severity, DfE rule, description and number of findings.
    /// - **Teams**: each team's errors, warnings, queries, findings and children with a finding.
    /// - A sheet per check with a finding, named by the check's id: each finding's child, team, date, events and
    ///   what to fix.
    /// - A sheet per team with a finding, named by the team: the team's findings, by check.
    ///
    /// Sheet names are made ones Excel allows (`Workbook.sheetNames`): an id or team name over 31 characters is
    /// shortened, and a team named as a check (or as another sheet) is numbered.
    public func workbook() -> Workbook {
        var summary = Worksheet(
            name: "Summary",
            columns: [
                .init("check"), .init("severity"), .init("rule"), .init("description", width: 60), .init("findings"),
            ])
        for c in checks {
            summary.append([
                .text(c.id), .text(c.severity.rawValue), .text(c.rule), .text(c.summary), .integer(c.findings),
            ])
        }
        var teams = Worksheet(
            name: "Teams", headings: ["team", "errors", "warnings", "queries", "findings", "children"])
        let teamSummaries = byTeam
        for t in teamSummaries {
            teams.append([
                .text(t.team), .integer(t.errors), .integer(t.warnings), .integer(t.queries), .integer(t.findings),
                .integer(t.children),
            ])
        }
        var sheets = [summary, teams]
        var byCheck: [String: [Finding]] = [:]
        for f in findings { byCheck[f.check, default: []].append(f) }
        for c in checks where c.findings > 0 {
            var sheet = Worksheet(
                name: c.id,
                columns: [
                    .init("child"), .init("team"), .init("date"), .init("event_ids"), .init("positions"),
                    .init("message", width: 80),
                ])
            for f in byCheck[c.id] ?? [] {
                sheet.append(
                    [.text(f.child.rawValue), .text(f.teamName), .date(f.date)] + events(f) + [.text(f.message)])
            }
            sheets.append(sheet)
        }
        var byTeamFindings: [String: [Finding]] = [:]
        for f in findings { byTeamFindings[f.teamName, default: []].append(f) }
        for t in teamSummaries {
            var sheet = Worksheet(
                name: t.team,
                columns: [
                    .init("check"), .init("severity"), .init("rule"), .init("child"), .init("date"),
                    .init("event_ids"), .init("positions"), .init("message", width: 80),
                ])
            for f in byTeamFindings[t.team] ?? [] {
                sheet.append(
                    [
                        .text(f.check), .text(f.severity.rawValue), .text(CheckCatalogue.check(f.check)?.rule),
                        .text(f.child.rawValue), .date(f.date),
                    ] + events(f) + [.text(f.message)])
            }
            sheets.append(sheet)
        }
        return Workbook(sheets)
    }

    /// The events a finding cites, as the CSV gives them: their ids (once looked up) and log positions,
    /// space-separated.
    func events(_ f: Finding) -> [Cell] {
        [
            .text(f.eventIDs.map(\.rawValue).joined(separator: " ")),
            .text(f.positions.map(String.init).joined(separator: " ")),
        ]
    }
}
