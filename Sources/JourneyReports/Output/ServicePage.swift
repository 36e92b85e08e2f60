import JourneyCore

/// The formats of the service's working pages (the caseload, the audit sample, findings by team): text for a
/// terminal, CSV for a spreadsheet, JSON for a program, HTML for a browser.
public enum PageFormat: String, Sendable, CaseIterable {
    case text, csv, json, html
}

/// A working page's report (caseload, audit sample, findings by team), in each of the formats it is written in.
public protocol PageReport {
    var text: String { get }
    var csv: String { get }
    var json: JSONValue { get }
    var html: String { get }
}

extension PageReport {
    /// The report in the format asked for.
    public func rendered(_ format: PageFormat) -> String {
        switch format {
        case .text: text
        case .csv: csv
        case .json: json.prettyText
        case .html: html
        }
    }
}

/// The shell of a working page: one HTML document around a body fragment, in the house look of the performance pack
/// and the chronology (inline CSS, no script, nothing fetched), printable on A4. The server puts the same fragment
/// in its own layout instead.
enum ServicePage {
    /// A whole page around `fragment`, titled `title` (escaped here).
    static func standalone(title: String, fragment: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(escapeHTML(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
            + fragment + "</body>\n</html>\n"
    }

    /// A table with a caption, a heading row in `<thead>` (repeated on each printed page) and header cells scoped to
    /// their columns; every cell escaped. Columns in `numeric` are right-aligned. The first cell of each row is a row
    /// header when `rowHeaders` is set.
    static func table(
        caption: String, header: [String], rows: [[String]], numeric: Set<Int> = [], rowHeaders: Bool = false,
        className: String? = nil
    ) -> String {
        func cls(_ i: Int) -> String { numeric.contains(i) ? " class=\"num\"" : "" }
        var out = "<table\(className.map { " class=\"\(escapeHTML($0))\"" } ?? "")>\n"
        out += "<caption>\(escapeHTML(caption))</caption>\n<thead><tr>"
        for (i, h) in header.enumerated() { out += "<th scope=\"col\"\(cls(i))>\(escapeHTML(h))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                if i == 0 && rowHeaders {
                    out += "<th scope=\"row\"\(cls(i))>\(escapeHTML(cell))</th>"
                } else {
                    out += "<td\(cls(i))>\(escapeHTML(cell))</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// The pack's palette and type, for tables and notes; printing drops the colours and keeps the headings.
    static let css = """
        @page { size: A4; margin: 15mm 12mm; }
        body { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #222; margin: 2em;
          background: #fff; }
        h1 { font-size: 22px; margin: 10px 0 6px; color: #1d4e89; }
        h2 { font-size: 16px; margin: 16px 0 6px; }
        p { font-size: 13px; margin: 4px 0 8px; max-width: 1000px; line-height: 1.4; }
        p.note { font-size: 11px; color: #555; }
        table { border-collapse: collapse; width: 100%; font-size: 12px; margin-bottom: 12px; }
        caption { text-align: left; font-size: 13px; font-weight: 600; padding: 4px 0; }
        th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
        thead th { background: #f1f4f8; font-weight: 600; }
        tbody th { font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        @media print {
          body { margin: 0; font-size: 10pt; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          thead th { background: none; border-bottom: 1.5px solid #111; }
          h1 { color: #000; }
        }

        """

    /// Rows of text in columns for a terminal, each column as wide as its widest cell; `rightAligned` columns padded
    /// on the left.
    static func alignedText(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { i in rows.map { i < $0.count ? $0[i].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let line = row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ")
            // No trailing spaces where the last columns are empty or short: only those are stepped over (reversing
            // the whole line a character at a time had been a third of a caseload's time).
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
            return String(line[..<end])
        }.joined(separator: "\n") + "\n"
    }
}
