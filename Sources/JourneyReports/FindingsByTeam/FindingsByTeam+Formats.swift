import JourneyChecks
import JourneyCore
import JourneyProjections

extension FindingsByTeam: PageReport {
    public var title: String {
        "Data-quality findings by team as of \(report.asOf)" + (team.map { ", team \($0)" } ?? "")
            + (report.asKnownAt.map { ", as known at \($0)" } ?? "")
    }

    var summary: String {
        let n = report.findings.count
        return "\(n) finding\(n == 1 ? "" : "s") in \(teams.count) team\(teams.count == 1 ? "" : "s")"
            + (team.map { t in ", \(teamFindings.count) for \(t)" } ?? "")
    }

    /// Rows of the counts: a check, its severity, a count for each team, the total.
    var countRows: [[String]] {
        checks.map { c in
            [c.id, c.severity.rawValue] + teams.map { String(count(check: c.id, team: $0.team)) } + [String(c.findings)]
        }
    }

    var countHeader: [String] { ["check", "severity"] + teams.map(\.team) + ["total"] }

    static let findingHeader = ["check", "severity", "child", "date", "events", "what to fix"]

    func findingRow(_ f: Finding) -> [String] {
        [
            f.check, f.severity.rawValue, f.child.description, f.date.description,
            f.eventLabels.joined(separator: ", "), f.message,
        ]
    }

    /// For a terminal: the counts by check and team, then the chosen team's findings.
    public var text: String {
        var out = title + "\n" + summary + "\n"
        if checks.isEmpty { return out + "\nNo findings.\n" }
        let numeric = Set(2..<(3 + teams.count))
        out += "\n" + ServicePage.alignedText([countHeader] + countRows, rightAligned: numeric)
        if let team {
            out += "\n== \(team): \(teamFindings.count) finding\(teamFindings.count == 1 ? "" : "s")\n"
            for f in teamFindings {
                let row = findingRow(f)
                out += "  \(row[0]) (\(row[1]))  \(row[2])  \(row[3])  events \(row[4])\n    \(row[5])\n"
            }
        }
        return out
    }

    /// The counts, one row per team and check with a finding (`team,check,severity,findings`), then nothing else:
    /// the rows of one team are `teamCSV`.
    public var csv: String {
        var csv = CSVWriter(header: ["team", "check", "severity", "findings"])
        for t in teams {
            for (id, n) in t.byCheck {
                let severity = report.checks.first { $0.id == id }?.severity.rawValue ?? ""
                csv.append([.text(t.team), .text(id), .text(severity), .number(n)])
            }
        }
        return csv.text
    }

    /// The chosen team's findings, one row each.
    public var teamCSV: String {
        var csv = CSVWriter(header: ["check", "severity", "child", "date", "events", "message", "team"])
        for f in teamFindings {
            let row = findingRow(f)
            csv.append(row.map { CSVCell.text($0) } + [.text(f.teamName)])
        }
        return csv.text
    }

    public var json: JSONValue {
        .object([
            JSONMember(key: "asOf", value: .string(report.asOf.description)),
            JSONMember(key: "asKnownAt", value: report.asKnownAt.map { .string($0.description) } ?? .null),
            JSONMember(key: "team", value: team.map { .string($0) } ?? .null),
            JSONMember(
                key: "teams",
                value: .array(
                    teams.map { t in
                        .object([
                            JSONMember(key: "team", value: .string(t.team)),
                            JSONMember(key: "findings", value: .number(String(t.findings))),
                            JSONMember(key: "children", value: .number(String(t.children))),
                            JSONMember(
                                key: "byCheck",
                                value: .object(
                                    t.byCheck.map { JSONMember(key: $0.id, value: .number(String($0.findings))) })),
                        ])
                    })),
            JSONMember(
                key: "findings",
                value: .array(
                    teamFindings.map { f in
                        .object([
                            JSONMember(key: "check", value: .string(f.check)),
                            JSONMember(key: "severity", value: .string(f.severity.rawValue)),
                            JSONMember(key: "child", value: .string(f.child.description)),
                            JSONMember(key: "date", value: .string(f.date.description)),
                            JSONMember(
                                key: "events",
                                value: .array(
                                    f.positions.indices.map { i in
                                        .string(i < f.eventIDs.count ? f.eventIDs[i].description : "#\(f.positions[i])")
                                    })),
                            JSONMember(key: "message", value: .string(f.message)),
                        ])
                    })),
        ])
    }

    /// The page's body, for the server's own layout: the counts by check and team, then the chosen team's findings.
    public var htmlFragment: String {
        var out = "<section class=\"findings-by-team\">\n<h1>\(escapeHTML(title))</h1>\n<p>\(escapeHTML(summary))</p>\n"
        if checks.isEmpty { return out + "<p>No findings.</p>\n</section>\n" }
        out += ServicePage.table(
            caption: "Findings per check and team (the child's team on the as-of date)",
            header: ["Check", "Severity"] + teams.map(\.team) + ["Total"], rows: countRows,
            numeric: Set(2..<(3 + teams.count)), rowHeaders: true)
        if let team {
            out += ServicePage.table(
                caption: "Findings for \(team): \(teamFindings.count)",
                header: ["Check", "Severity", "Child", "Date", "Events", "What to fix"],
                rows: teamFindings.map(findingRow))
        }
        return out + "</section>\n"
    }

    /// The page on its own: `htmlFragment` in a whole HTML document.
    public var html: String { ServicePage.standalone(title: title, fragment: htmlFragment) }
}
