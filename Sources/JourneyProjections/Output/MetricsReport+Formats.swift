import JourneyCore

extension MetricsReport {
    /// The spec's output object (metrics.md, output), as a JSON value.
    public var json: JSONValue {
        .object([
            JSONMember(
                key: "period",
                value: .object([
                    JSONMember(key: "from", value: .string(period.from.description)),
                    JSONMember(key: "to", value: .string(period.to.description)),
                ])),
            JSONMember(key: "asKnownAt", value: asKnownAt.map { .string($0.description) } ?? .null),
            JSONMember(key: "span", value: span?.json ?? .null),
            JSONMember(key: "metrics", value: .array(metrics.map(\.json))),
        ])
    }

    /// An aligned table for a person at a terminal.
    public var table: String {
        var out = "Period \(period.from) to \(period.to)"
        out += asKnownAt.map { ", as known at \($0)" } ?? ", everything in the log"
        out += "\nThe log covers " + (span?.description ?? "nothing: it holds no event") + "\n\n"
        var rows: [[String]] = [["metric", "numerator", "denominator", "value", "mark"]]
        var notes: [Int: [String]] = [:]
        for m in metrics {
            let marks = [m.isPartlyCovered ? "partial" : nil, m.isTooFewToRate ? "too few to rate" : nil]
            rows.append([
                m.id, String(m.numerator), m.denominator.map(String.init) ?? "", m.valueText(m.value),
                marks.compactMap { $0 }.joined(separator: ", "),
            ])
            var lines: [String] = []
            if let why = m.partialCoverage { lines.append("    partial: " + why) }
            if !m.details.isEmpty { lines.append("    " + Self.describe(m.details)) }
            notes[rows.count - 1] = lines
        }
        let widths = (0..<5).map { c in rows.map { $0[c].count }.max()! }
        for (i, row) in rows.enumerated() {
            let cells = row.enumerated().map { c, cell in
                c == 0 || c == 4
                    ? cell.padding(widths[c]) : String(repeating: " ", count: widths[c] - cell.count) + cell
            }
            out += Self.trailingSpacesRemoved(cells.joined(separator: "  ")) + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
            for note in notes[i] ?? [] { out += note + "\n" }
        }
        out += breakdownTables
        if metrics.contains(where: { $0.isPartlyCovered || $0.isTooFewToRate }) {
            out += "\npartial: the log does not cover all the figure needs (its period, or the look-back before it), "
            out += "so it is lower or higher than the truth by an unknown amount; do not judge it against a target.\n"
            out += "too few to rate: a rate over fewer than \(metrics.first?.minimumDenominator ?? 0); one child more "
            out += "or less moves it a long way.\n"
        }
        return out
    }

    /// The breakdowns, a table per dimension (`--by`): one row per metric and group, with its numerator,
    /// denominator, value and mark, so that it pastes into a spreadsheet or a document as columns.
    var breakdownTables: String {
        var dimensions: [BreakdownDimension] = []
        for m in metrics {
            for b in m.breakdown where !dimensions.contains(b.dimension) { dimensions.append(b.dimension) }
        }
        var out = ""
        for d in dimensions {
            var rows: [[String]] = [["metric", d.rawValue, "numerator", "denominator", "value", "mark"]]
            for m in metrics {
                for row in m.breakdown.first(where: { $0.dimension == d })?.rows ?? [] {
                    let marks = [
                        m.isPartlyCovered ? "partial" : nil,
                        m.isTooFewToRate(row.denominator) ? "too few to rate" : nil,
                    ]
                    rows.append([
                        m.id, row.key, String(row.numerator), row.denominator.map(String.init) ?? "",
                        m.valueText(row.value), marks.compactMap { $0 }.joined(separator: ", "),
                    ])
                }
            }
            out += "\nBy \(d.rawValue)\n" + Self.aligned(rows, rightAligned: [2, 3, 4])
        }
        return out
    }

    /// A `--monthly` series as a grid: a row per metric (and per breakdown key), a column per month end, each cell
    /// the figure for the 12 months to that month end (the value of a rate, the count of a count), marked `*` when
    /// partial and `†` when a rate over too few.
    public static func monthlyTable(_ reports: [MetricsReport]) -> String {
        let grid = MonthlyGrid(reports)
        var out = "Rolling 12 months to each month end"
        out += reports.first?.asKnownAt.map { ", as known at \($0)" } ?? ", everything in the log"
        out += "\nThe log covers " + (reports.first?.span?.description ?? "nothing: it holds no event") + "\n"
        out +=
            reports.contains { $0.metrics.contains { $0.kind == .average } }
            ? "Each figure is a rate's value in per cent, an average (of days, or of scores), or a count.\n\n"
            : "Each figure is a rate's value in per cent, or a count.\n\n"
        var header = ["metric"]
        if grid.isBrokenDown { header += ["dimension", "key"] }
        let first = header.count
        header += grid.monthEnds.map(\.description)
        var rows = [header]
        var marked = (partial: false, tooFew: false)
        for row in grid.rows {
            var cells = [row.metric]
            if grid.isBrokenDown { cells += [row.dimension?.rawValue ?? "all", row.key] }
            cells += row.cells.map { cell in
                guard let cell else { return "" }
                marked.partial = marked.partial || cell.isPartial
                marked.tooFew = marked.tooFew || cell.isTooFewToRate
                return (cell.figure.isEmpty ? "–" : cell.figure) + (cell.isPartial ? "*" : "")
                    + (cell.isTooFewToRate ? "†" : "")
            }
            rows.append(cells)
        }
        out += aligned(rows, rightAligned: Set(first..<header.count))
        if marked.partial { out += "\n* partial: the log does not cover all the figure needs.\n" }
        if marked.tooFew {
            out += (marked.partial ? "" : "\n") + "† too few to rate: a rate over fewer than "
            out += "\(reports.first?.metrics.first?.minimumDenominator ?? 0).\n"
        }
        return out
    }

    /// Rows padded to their columns' widths, two spaces apart, a rule under the first; no trailing spaces.
    static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max()! }
        var out = ""
        for (i, row) in rows.enumerated() {
            let cells = row.enumerated().map { c, cell in
                rightAligned.contains(c)
                    ? String(repeating: " ", count: widths[c] - cell.count) + cell : cell.padding(widths[c])
            }
            out += trailingSpacesRemoved(cells.joined(separator: "  ")) + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    static func trailingSpacesRemoved(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }

    static func describe(_ details: [JSONMember]) -> String {
        details.map { m in
            switch m.value {
            case .object(let inner): return m.key + " (" + describe(inner) + ")"
            case .number(let n): return "\(m.key) \(n)"
            case .null: return "\(m.key) –"
            default: return "\(m.key) \(JSONValue.object([m]).compactText)"
            }
        }.joined(separator: ", ")
    }
}

extension MetricResult {
    var json: JSONValue {
        var members = [
            JSONMember(key: "id", value: .string(id)),
            JSONMember(key: "numerator", value: .number(String(numerator))),
            JSONMember(key: "denominator", value: denominator.map { .number(String($0)) } ?? .null),
            JSONMember(key: "value", value: value.map { .number(formatPercentage($0)) } ?? .null),
            JSONMember(key: "details", value: .object(details)),
            JSONMember(key: "coverage", value: .string(coverageWord)),
        ]
        if let partialCoverage { members.append(JSONMember(key: "coverageNote", value: .string(partialCoverage))) }
        if denominator != nil { members.append(JSONMember(key: "tooFewToRate", value: .bool(isTooFewToRate))) }
        if !breakdown.isEmpty {
            members.append(
                JSONMember(
                    key: "breakdown",
                    value: .object(
                        breakdown.map { b in
                            JSONMember(
                                key: b.dimension.rawValue,
                                value: .array(
                                    b.rows.map { row in
                                        .object(
                                            [
                                                JSONMember(key: "key", value: .string(row.key)),
                                                JSONMember(key: "numerator", value: .number(String(row.numerator))),
                                                JSONMember(
                                                    key: "denominator",
                                                    value: row.denominator.map { .number(String($0)) } ?? .null),
                                                JSONMember(
                                                    key: "value",
                                                    value: row.value.map { .number(formatPercentage($0)) } ?? .null),
                                            ]
                                                + (row.denominator == nil
                                                    ? []
                                                    : [
                                                        JSONMember(
                                                            key: "tooFewToRate",
                                                            value: .bool(isTooFewToRate(row.denominator)))
                                                    ]))
                                    }))
                        })))
        }
        return .object(members)
    }
}

extension MetricResult {
    /// A value as the table prints it: a share's with `%` (`45.2%`), an average's bare (`276.7`), "–" for none.
    func valueText(_ value: Double?) -> String {
        formatPercentage(value, suffix: kind == .average && value != nil ? "" : "%")
    }

    /// "complete" or "partial", as the CSV and JSON say it.
    package var coverageWord: String { isPartlyCovered ? "partial" : "complete" }

    /// "too few to rate" for a rate over too few, else empty (the CSV's `rating` column).
    package func rating(_ denominator: Int?) -> String { isTooFewToRate(denominator) ? "too few to rate" : "" }
}

extension LogSpan {
    var json: JSONValue {
        .object([
            JSONMember(key: "earliest", value: .string(earliest.description)),
            JSONMember(key: "completeFrom", value: .string(completeFrom.description)),
            JSONMember(key: "latest", value: .string(latest.description)),
        ])
    }
}

/// A percentage with one decimal place (`25.0`), or an empty string for none.
func formatPercentage(_ value: Double?, suffix: String = "") -> String {
    guard let value else { return suffix.isEmpty ? "" : "–" }
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))" + suffix
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }

}

extension JSONValue {
    /// Compact JSON text.
    public var compactText: String {
        var w = JSONWriter()
        write(to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Indented JSON text (two spaces), one member per line: for files a person may read.
    public var prettyText: String {
        var out = ""
        pretty(into: &out, indent: 0)
        return out + "\n"
    }

    func write(to w: inout JSONWriter) {
        switch self {
        case .null: w.null()
        case .bool(let b): w.bool(b)
        case .number(let n): w.raw(Array(n.utf8))
        case .string(let s): w.string(s)
        case .array(let items):
            w.beginArray()
            for i in items { i.write(to: &w) }
            w.endArray()
        case .object(let members):
            w.beginObject()
            for m in members {
                w.key(m.key)
                m.value.write(to: &w)
            }
            w.endObject()
        }
    }

    func pretty(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        switch self {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                item.pretty(into: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (i, m) in members.enumerated() {
                out += pad + JSONValue.string(m.key).compactText + ": "
                m.value.pretty(into: &out, indent: indent + 1)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        default:
            out += compactText
        }
    }
}
