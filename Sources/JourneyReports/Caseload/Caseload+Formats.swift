import JourneyCore
import JourneyProjections

extension Caseload: PageReport {
    /// What the caseload is of, in a line: the date, the team, the time known at.
    public var title: String {
        Caseload.title("Caseload on \(on)", team: team, asKnownAt: asKnownAt)
    }

    /// The counts in words: "5 open cases: 2 child in need, 1 child protection plan, …".
    var summary: String {
        "\(cases.count) open case\(cases.count == 1 ? "" : "s"): "
            + Level.allCases.map { "\(count($0)) \($0.meaning)" }.joined(separator: ", ")
    }

    static let levelHeadings = Level.allCases.map(\.meaning)

    /// A worker's counts: team, worker, one count per level, total.
    func countRow(_ w: Worker) -> [String] {
        [w.teamName, w.workerName] + Level.allCases.map { String(w.count($0)) } + [String(w.cases.count)]
    }

    static let caseHeader = [
        "child", "level", "case start", "days open", "level start", "days at level", "last visit", "seen",
    ]

    func caseRow(_ c: Case) -> [String] {
        [
            c.child.description, c.level.meaning, c.caseStart.description, String(c.daysOpen),
            c.levelStart.description, String(c.daysAtLevel), c.lastVisit?.description ?? "none",
            c.wasSeen.map { $0 ? "yes" : "no" } ?? "",
        ]
    }

    /// For a terminal: the counts by worker, then each worker's cases.
    public var text: String {
        var out = title + "\n" + summary + "\n"
        if cases.isEmpty { return out + "\nNo open cases.\n" }
        let countNumeric = Set(2..<(3 + Level.allCases.count))
        out +=
            "\n"
            + ServicePage.alignedText(
                [["team", "worker"] + Self.levelHeadings + ["total"]] + workers.map(countRow),
                rightAligned: countNumeric)
        for w in workers {
            out += "\n== \(w.teamName): \(w.workerName), \(w.cases.count) case\(w.cases.count == 1 ? "" : "s")\n"
            out += ServicePage.alignedText([Self.caseHeader] + w.cases.map(caseRow), rightAligned: [3, 5])
        }
        return out
    }

    /// One row per case (`CSVWriter`: text guarded against formula injection, days as numbers).
    public var csv: String {
        var csv = CSVWriter(header: [
            "team", "worker", "child", "level", "case_start", "days_open", "level_start", "days_at_level",
            "last_visit", "seen",
        ])
        for c in cases {
            csv.append([
                .text(c.teamName), .text(c.workerName), .text(c.child.description), .text(c.level.rawValue),
                .text(c.caseStart.description), .number(c.daysOpen), .text(c.levelStart.description),
                .number(c.daysAtLevel), .text(c.lastVisit?.description ?? ""),
                .text(c.wasSeen.map { $0 ? "yes" : "no" } ?? ""),
            ])
        }
        return csv.text
    }

    public var json: JSONValue {
        func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object(
            Caseload.jsonHeading(on: on, team: team, asKnownAt: asKnownAt) + [
                JSONMember(
                    key: "counts",
                    value: .object(
                        Level.allCases.map { JSONMember(key: $0.rawValue, value: .number(String(count($0)))) }
                            + [JSONMember(key: "total", value: .number(String(cases.count)))])),
                JSONMember(
                    key: "workers",
                    value: .array(
                        workers.map { w in
                            .object([
                                JSONMember(key: "team", value: string(w.team)),
                                JSONMember(key: "worker", value: string(w.worker)),
                                JSONMember(
                                    key: "cases",
                                    value: .array(
                                        w.cases.map { c in
                                            .object([
                                                JSONMember(key: "child", value: .string(c.child.description)),
                                                JSONMember(key: "level", value: .string(c.level.rawValue)),
                                                JSONMember(key: "caseStart", value: .string(c.caseStart.description)),
                                                JSONMember(key: "daysOpen", value: .number(String(c.daysOpen))),
                                                JSONMember(key: "levelStart", value: .string(c.levelStart.description)),
                                                JSONMember(key: "daysAtLevel", value: .number(String(c.daysAtLevel))),
                                                JSONMember(key: "lastVisit", value: string(c.lastVisit?.description)),
                                                JSONMember(key: "seen", value: c.wasSeen.map { .bool($0) } ?? .null),
                                            ])
                                        })),
                            ])
                        })),
            ])
    }

    /// The page's body, for the server's own layout: a heading, the counts by worker, then a table of each worker's
    /// cases. Every name is escaped.
    public var htmlFragment: String {
        var out = "<section class=\"caseload\">\n<h1>\(escapeHTML(title))</h1>\n<p>\(escapeHTML(summary))</p>\n"
        if cases.isEmpty { return out + "<p>No open cases.</p>\n</section>\n" }
        out += ServicePage.table(
            caption: "Open cases by worker and level of help",
            header: ["Team", "Worker"]
                + Self.levelHeadings.map {
                    $0.prefix(1).uppercased() + $0.dropFirst()
                } + ["Total"], rows: workers.map(countRow), numeric: Set(2..<(3 + Level.allCases.count)))
        for w in workers {
            out += ServicePage.table(
                caption: "\(w.teamName): \(w.workerName), \(w.cases.count) case\(w.cases.count == 1 ? "" : "s")",
                header: [
                    "Child", "Level of help", "Case start", "Days open", "Level start", "Days at level",
                    "Last statutory visit", "Child seen",
                ], rows: w.cases.map(caseRow), numeric: [3, 5], rowHeaders: true)
        }
        out += "<p class=\"note\">Open: the referral's involvement not closed on the date; level of help, the "
        out += "highest that applies (care, then a CP plan, then child in need; a care leaver after care); worker "
        out += "and team, the latest allocation on or before the date (docs/caseload-and-audit-sample.md).</p>\n"
        return out + "</section>\n"
    }

    /// The page on its own: `htmlFragment` in a whole HTML document.
    public var html: String { ServicePage.standalone(title: title, fragment: htmlFragment) }
}
