import JourneyCore
import JourneyProjections

extension AuditSample: PageReport {
    /// What the sample is of, in a line.
    public var title: String {
        Caseload.title("Case-file audit sample on \(on)", team: team, asKnownAt: asKnownAt)
    }

    /// How it was drawn, in a line: enough to draw it again.
    var method: String {
        "\(picks.count) of \(population) open case\(population == 1 ? "" : "s") (size \(size) asked for), seed "
            + "\(seed), \(strata.count) strat\(strata.count == 1 ? "um" : "a") of team and level of help; drawn "
            + "with SplitMix64, in proportion to each stratum with at least one from each where the size allows"
    }

    func stratumRow(_ s: Stratum) -> [String] {
        [s.team, s.level.meaning, String(s.size), String(s.allocated)]
    }

    static let pickHeader = [
        "draw", "child", "team", "level", "worker", "stratum size", "drawn from stratum", "draw in stratum",
        "case start", "days open", "last visit", "seen",
    ]

    func pickRow(_ p: Pick) -> [String] {
        let c = p.openCase
        return [
            String(p.draw), c.child.description, p.stratum.team, p.stratum.level.meaning, c.workerName,
            String(p.stratum.size), String(p.stratum.allocated), String(p.drawInStratum), c.caseStart.description,
            String(c.daysOpen), c.lastVisit?.description ?? "none", c.wasSeen.map { $0 ? "yes" : "no" } ?? "",
        ]
    }

    /// For a terminal: the strata, then the cases in draw order.
    public var text: String {
        var out = title + "\n" + method + "\n"
        if picks.isEmpty { return out + "\nNo open cases to sample.\n" }
        out +=
            "\n"
            + ServicePage.alignedText(
                [["team", "level", "cases", "drawn"]] + strata.map(stratumRow), rightAligned: [2, 3])
        out += "\n" + ServicePage.alignedText([Self.pickHeader] + picks.map(pickRow), rightAligned: [0, 5, 6, 7, 9])
        return out
    }

    /// One row per case drawn, in draw order, with why it was chosen.
    public var csv: String {
        var csv = CSVWriter(header: [
            "draw", "child", "team", "level", "worker", "stratum_size", "stratum_drawn", "draw_in_stratum",
            "case_start", "days_open", "last_visit", "seen", "seed", "on",
        ])
        for p in picks {
            let c = p.openCase
            csv.append([
                .number(p.draw), .text(c.child.description), .text(p.stratum.team), .text(p.stratum.level.rawValue),
                .text(c.workerName), .number(p.stratum.size), .number(p.stratum.allocated), .number(p.drawInStratum),
                .text(c.caseStart.description), .number(c.daysOpen), .text(c.lastVisit?.description ?? ""),
                .text(c.wasSeen.map { $0 ? "yes" : "no" } ?? ""), .number(String(seed)), .text(on.description),
            ])
        }
        return csv.text
    }

    public var json: JSONValue {
        func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object(
            Caseload.jsonHeading(on: on, team: team, asKnownAt: asKnownAt) + [
                JSONMember(key: "size", value: .number(String(size))),
                JSONMember(key: "seed", value: .number(String(seed))),
                JSONMember(key: "generator", value: .string("SplitMix64")),
                JSONMember(key: "population", value: .number(String(population))),
                JSONMember(
                    key: "strata",
                    value: .array(
                        strata.map { s in
                            .object([
                                JSONMember(key: "team", value: .string(s.team)),
                                JSONMember(key: "level", value: .string(s.level.rawValue)),
                                JSONMember(key: "size", value: .number(String(s.size))),
                                JSONMember(key: "drawn", value: .number(String(s.allocated))),
                            ])
                        })),
                JSONMember(
                    key: "cases",
                    value: .array(
                        picks.map { p in
                            .object([
                                JSONMember(key: "draw", value: .number(String(p.draw))),
                                JSONMember(key: "child", value: .string(p.openCase.child.description)),
                                JSONMember(key: "team", value: .string(p.stratum.team)),
                                JSONMember(key: "level", value: .string(p.stratum.level.rawValue)),
                                JSONMember(key: "worker", value: string(p.openCase.worker)),
                                JSONMember(key: "stratumSize", value: .number(String(p.stratum.size))),
                                JSONMember(key: "drawInStratum", value: .number(String(p.drawInStratum))),
                                JSONMember(key: "caseStart", value: .string(p.openCase.caseStart.description)),
                                JSONMember(key: "lastVisit", value: string(p.openCase.lastVisit?.description)),
                                JSONMember(key: "seen", value: p.openCase.wasSeen.map { .bool($0) } ?? .null),
                            ])
                        })),
            ])
    }

    /// The page's body, for the server's own layout: how it was drawn, the strata, then the cases in draw order.
    public var htmlFragment: String {
        var out = "<section class=\"audit-sample\">\n<h1>\(escapeHTML(title))</h1>\n<p>\(escapeHTML(method)).</p>\n"
        if picks.isEmpty { return out + "<p>No open cases to sample.</p>\n</section>\n" }
        out += ServicePage.table(
            caption: "Strata: open cases and cases drawn", header: ["Team", "Level of help", "Open cases", "Drawn"],
            rows: strata.map(stratumRow), numeric: [2, 3])
        out += ServicePage.table(
            caption: "Cases drawn, in draw order, with why each was chosen",
            header: [
                "Draw", "Child", "Team", "Level of help", "Worker", "Stratum size", "Drawn from stratum",
                "Draw in stratum", "Case start", "Days open", "Last statutory visit", "Child seen",
            ], rows: picks.map(pickRow), numeric: [0, 5, 6, 7, 9])
        out += "<p class=\"note\">The same seed, log and date draw the same cases on any machine "
        out += "(docs/caseload-and-audit-sample.md).</p>\n"
        return out + "</section>\n"
    }

    /// The page on its own: `htmlFragment` in a whole HTML document.
    public var html: String { ServicePage.standalone(title: title, fragment: htmlFragment) }
}
