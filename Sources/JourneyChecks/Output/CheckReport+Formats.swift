import Dispatch
import JourneyCore
import JourneyProjections

extension CheckReport {
    /// A heading line: what was checked, when, and how much was found.
    var heading: String {
        var s = "Data-quality checks as of \(asOf)"
        s += asKnownAt.map { ", as known at \($0)" } ?? ", everything in the log"
        if let newSince { s += ", new since \(newSince)" }
        let total = findings.count
        s += ": \(total) finding\(total == 1 ? "" : "s") in \(Set(findings.map(\.child)).count) of \(children) children"
        s += " (\(count(.error)) error\(count(.error) == 1 ? "" : "s"), \(count(.warning)) warning"
        s += "\(count(.warning) == 1 ? "" : "s"), \(count(.query)) quer\(count(.query) == 1 ? "y" : "ies"))"
        return s
    }

    /// An aligned table for a person at a terminal: the counts by check first, then the findings grouped by check
    /// (or by team, then check, with `byTeam`).
    public func table(byTeam: Bool = false) -> String {
        var out = heading + "\n\n"
        let found = checks.filter { $0.findings > 0 }
        if found.isEmpty {
            out += "No findings from \(checks.count) check\(checks.count == 1 ? "" : "s").\n"
            return out
        }
        var rows: [[String]] = [["check", "severity", "rule", "findings"]]
        for c in found { rows.append([c.id, c.severity.rawValue, c.rule ?? "", String(c.findings)]) }
        out += alignedTable(rows, rightAligned: [3])
        let clean = checks.count - found.count
        if clean > 0 { out += "\(clean) other check\(clean == 1 ? "" : "s") found nothing.\n" }
        if byTeam {
            out += "\nBy team\n"
            var teamRows: [[String]] = [["team", "errors", "warnings", "queries", "findings", "children"]]
            for t in self.byTeam {
                teamRows.append([t.team] + [t.errors, t.warnings, t.queries, t.findings, t.children].map(String.init))
            }
            out += alignedTable(teamRows, rightAligned: [1, 2, 3, 4, 5])
            for t in self.byTeam {
                out += "\n== \(t.team): \(t.findings) finding\(t.findings == 1 ? "" : "s")\n"
                out += findingsText(findings.filter { $0.teamName == t.team }, showTeam: false)
            }
        } else {
            out += findingsText(findings, showTeam: true)
        }
        return out
    }

    /// The findings, grouped by check, two lines each: who and which events, then what to fix.
    func findingsText(_ list: [Finding], showTeam: Bool) -> String {
        var out = ""
        var current: String?
        for f in list {
            if f.check != current {
                current = f.check
                let c = CheckCatalogue.check(f.check)
                out += "\n\(f.check) (\(f.severity.rawValue)\(c?.rule.map { ", \($0)" } ?? "")): \(c?.summary ?? "")\n"
            }
            var line = "  \(f.child)"
            if showTeam { line += "  team \(f.teamName)" }
            line += "  events " + f.eventLabels.joined(separator: ", ")
            out += line + "\n    " + f.message + "\n"
        }
        return out
    }

    /// The report as JSON: the run, a summary, every check run with its count, and the findings (and the team
    /// summary with `byTeam`).
    public func json(byTeam: Bool = false) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "asOf", value: .string(asOf.description)),
            JSONMember(key: "asKnownAt", value: asKnownAt.map { .string($0.description) } ?? .null),
            JSONMember(key: "newSince", value: newSince.map { .string($0.description) } ?? .null),
            JSONMember(
                key: "summary",
                value: .object([
                    JSONMember(key: "children", value: .number(String(children))),
                    JSONMember(key: "childrenWithFindings", value: .number(String(Set(findings.map(\.child)).count))),
                    JSONMember(key: "findings", value: .number(String(findings.count))),
                    JSONMember(key: "error", value: .number(String(count(.error)))),
                    JSONMember(key: "warning", value: .number(String(count(.warning)))),
                    JSONMember(key: "query", value: .number(String(count(.query)))),
                ])),
            JSONMember(
                key: "checks",
                value: .array(
                    checks.map { c in
                        .object([
                            JSONMember(key: "id", value: .string(c.id)),
                            JSONMember(key: "severity", value: .string(c.severity.rawValue)),
                            JSONMember(key: "rule", value: c.rule.map { .string($0) } ?? .null),
                            JSONMember(key: "description", value: .string(c.summary)),
                            JSONMember(key: "findings", value: .number(String(c.findings))),
                        ])
                    })),
        ]
        if byTeam {
            members.append(
                JSONMember(
                    key: "byTeam",
                    value: .array(
                        self.byTeam.map { t in
                            .object([
                                JSONMember(key: "team", value: .string(t.team)),
                                JSONMember(key: "findings", value: .number(String(t.findings))),
                                JSONMember(key: "error", value: .number(String(t.errors))),
                                JSONMember(key: "warning", value: .number(String(t.warnings))),
                                JSONMember(key: "query", value: .number(String(t.queries))),
                                JSONMember(key: "children", value: .number(String(t.children))),
                                JSONMember(
                                    key: "checks",
                                    value: .object(
                                        t.byCheck.map { JSONMember(key: $0.id, value: .number(String($0.findings))) })),
                            ])
                        })))
        }
        members.append(JSONMember(key: "findings", value: .array(findings.map(\.json))))
        return .object(members)
    }

    /// CSV that opens in a spreadsheet (`CSVWriter`: text guarded against formula injection): one row per finding;
    /// with `byTeam`, one row per team and check instead.
    public func csv(byTeam: Bool = false) -> String { String(decoding: csvBytes(byTeam: byTeam), as: UTF8.self) }

    /// The CSV as UTF-8 bytes.
    public func csvBytes(byTeam: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        writeCSV(byTeam: byTeam) { bytes += $0 }
        return bytes
    }

    /// The CSV's bytes handed to `write` a piece at a time, in order: what a command writes out.
    ///
    /// The findings' rows are made in runs of at least 10,000 findings, up to 8, on the other cores, each run into
    /// bytes of its own, while this thread hands each run to `write` as soon as it and those before it are made: a
    /// report of a hundred thousand findings is tens of megabytes, and writing them out overlaps making them.
    public func writeCSV(byTeam: Bool = false, _ write: ([UInt8]) -> Void) {
        if byTeam {
            var csv = CSVWriter(header: ["team", "check", "severity", "rule", "findings"])
            for t in self.byTeam {
                for (id, n) in t.byCheck {
                    let c = CheckCatalogue.check(id)
                    csv.append([
                        .text(t.team), .text(id), .text(c?.severity.rawValue ?? ""), .text(c?.rule ?? ""), .number(n),
                    ])
                }
            }
            return write(csv.bytes)
        }
        write(
            CSVWriter(header: [
                "check", "severity", "rule", "child", "team", "date", "event_ids", "positions", "message",
            ]).bytes)
        let runs = min(8, max(1, findings.count / 10_000))
        guard runs > 1 else { return write(Self.csvRows(findings[...])) }
        let findings = self.findings
        // Each run's bytes go into its own slot, and its semaphore says they are there: the slots outlive every run
        // (each is waited for below before they are freed), and no two runs touch one slot.
        let slots = UnsafeMutablePointer<[UInt8]>.allocate(capacity: runs)
        nonisolated(unsafe) let shared = slots
        let made = (0..<runs).map { _ in DispatchSemaphore(value: 0) }
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: runs) { run in
                let range = (findings.count * run / runs)..<(findings.count * (run + 1) / runs)
                (shared + run).initialize(to: Self.csvRows(findings[range]))
                made[run].signal()
            }
        }
        for run in 0..<runs {
            made[run].wait()
            write((slots + run).move())
        }
        slots.deallocate()
    }

    /// The CSV rows of `findings`, without the header.
    static func csvRows(_ findings: ArraySlice<Finding>) -> [UInt8] {
        var csv = CSVWriter(capacity: findings.count * 320)
        // Findings come check by check, so the rule looked up for one serves the next.
        var rule: (check: String, rule: String) = ("", "")
        for f in findings {
            if f.check != rule.check { rule = (f.check, CheckCatalogue.check(f.check)?.rule ?? "") }
            csv.appendText(f.check)
            csv.appendText(f.severity.rawValue)
            csv.appendText(rule.rule)
            csv.appendText(f.child.rawValue)
            csv.appendText(f.teamName)
            csv.appendText(f.date.description)
            csv.appendText(joining: f.eventIDs)
            csv.appendText(joining: f.positions)
            csv.appendText(f.message)
            csv.endRecord()
        }
        return csv.bytes
    }
}

extension Finding {
    /// Each event as `id (#position)`, or `#position` while ids are not looked up: how the terminal table and the
    /// findings-by-team page name a finding's events.
    package var eventLabels: [String] {
        positions.enumerated().map { i, p in
            i < eventIDs.count ? "\(eventIDs[i]) (#\(p))" : "#\(p)"
        }
    }

    var json: JSONValue {
        .object([
            JSONMember(key: "check", value: .string(check)),
            JSONMember(key: "severity", value: .string(severity.rawValue)),
            JSONMember(key: "child", value: .string(child.rawValue)),
            JSONMember(key: "team", value: team.map { .string($0) } ?? .null),
            JSONMember(key: "date", value: .string(date.description)),
            JSONMember(
                key: "events",
                value: .array(
                    positions.enumerated().map { i, p in
                        .object([
                            JSONMember(key: "id", value: i < eventIDs.count ? .string(eventIDs[i].rawValue) : .null),
                            JSONMember(key: "position", value: .number(String(p))),
                        ])
                    })),
            JSONMember(key: "message", value: .string(message)),
        ])
    }
}

extension CheckCatalogue {
    /// The catalogue as a table: id, severity, rule, description (`journey check --list`).
    public static var listing: String {
        var rows: [[String]] = [["check", "severity", "rule", "description"]]
        for c in all { rows.append([c.id, c.severity.rawValue, c.rule ?? "", c.summary]) }
        return alignedTable(rows, rightAligned: [])
    }
}

/// Rows padded to their columns' widths, two spaces apart; the first row is the heading.
func alignedTable(_ rows: [[String]], rightAligned: Set<Int>) -> String {
    var widths: [Int] = []
    for row in rows {
        for (i, cell) in row.enumerated() {
            if i >= widths.count { widths.append(0) }
            widths[i] = max(widths[i], cell.count)
        }
    }
    return rows.map { row in
        row.enumerated().map { i, cell in
            let pad = String(repeating: " ", count: widths[i] - cell.count)
            if i == row.count - 1 && !rightAligned.contains(i) { return cell }
            return rightAligned.contains(i) ? pad + cell : cell + pad
        }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
}
