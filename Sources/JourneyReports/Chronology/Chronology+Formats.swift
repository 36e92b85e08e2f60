import JourneyCore
import JourneyProjections

/// The output formats of a chronology and of a diff.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json
}

extension Chronology {
    var title: String {
        var s = "Chronology of \(child)"
        if let asKnownAt { s += ", as known at \(asKnownAt)" }
        return s
    }

    var subtitle: [String] {
        var lines: [String] = []
        if from != nil || to != nil {
            lines.append(
                "Events from \(from.map(\.description) ?? "the start") to \(to.map(\.description) ?? "the end")")
        }
        if !mergedFrom.isEmpty {
            lines.append(
                "Includes the merged record\(mergedFrom.count > 1 ? "s" : "") "
                    + mergedFrom.map(\.description).joined(separator: ", "))
        }
        return lines
    }

    /// The notes of an entry: duration, late recording, merged record, correction, who recorded it.
    func notes(_ e: Entry) -> [String] {
        var notes: [String] = []
        if let days = e.lastedDays { notes.append("lasted \(days) day\(days == 1 ? "" : "s")") }
        if let r = e.recordedLate { notes.append("recorded \(r.utcDate)") }
        if let m = e.mergedFrom { notes.append("from merged record \(m)") }
        if e.isCorrection { notes.append("corrects an earlier record") }
        if let by = e.by { notes.append("by \(by)") }
        return notes
    }

    public func rendered(_ format: ReportFormat) -> String {
        let rows = entries.map { e in
            DocumentRow(
                date: e.date.description, text: e.text, level: e.level.map { $0.meaning! }, notes: notes(e))
        }
        let doc = Document(
            title: title, subtitle: subtitle, levelColumn: "Level of help", rows: rows,
            empty: "No events in the record for this range.")
        return doc.rendered(format, json: json)
    }

    public var json: JSONValue {
        .object([
            JSONMember(key: "child", value: .string(child.description)),
            JSONMember(key: "asKnownAt", value: .optionalString(asKnownAt?.description)),
            JSONMember(key: "from", value: .optionalString(from?.description)),
            JSONMember(key: "to", value: .optionalString(to?.description)),
            JSONMember(key: "mergedFrom", value: .array(mergedFrom.map { .string($0.description) })),
            JSONMember(
                key: "entries",
                value: .array(
                    entries.map { e in
                        .object([
                            JSONMember(key: "date", value: .string(e.date.description)),
                            JSONMember(key: "event", value: .string(e.text)),
                            JSONMember(key: "level", value: .optionalString(e.level?.rawValue)),
                            JSONMember(key: "lastedDays", value: e.lastedDays.map { .number(String($0)) } ?? .null),
                            JSONMember(key: "recorded", value: .optionalString(e.recordedLate?.description)),
                            JSONMember(key: "mergedFrom", value: .optionalString(e.mergedFrom?.description)),
                            JSONMember(key: "correction", value: .bool(e.isCorrection)),
                            JSONMember(key: "by", value: .optionalString(e.by)),
                            JSONMember(key: "position", value: .number(String(e.position))),
                        ])
                    })),
        ])
    }
}

extension RecordDiff {
    public func rendered(_ format: ReportFormat) -> String {
        let rows = changes.map { c in
            var notes: [String] = []
            if let r = c.recorded { notes.append("recorded \(r)") }
            if let by = c.by { notes.append("by \(by)") }
            return DocumentRow(date: c.occurred?.description ?? "", text: c.text, level: c.kind.rawValue, notes: notes)
        }
        let doc = Document(
            title: "Changes to the record of \(child) between \(earlier) and \(later)",
            subtitle: [
                "\(changes.count) change\(changes.count == 1 ? "" : "s"); back-dated: recorded after \(earlier) "
                    + "about something before it"
            ], levelColumn: "Change", rows: rows, empty: "No changes.")
        return doc.rendered(format, json: json)
    }

    public var json: JSONValue {
        .object([
            JSONMember(key: "child", value: .string(child.description)),
            JSONMember(key: "from", value: .string(earlier.description)),
            JSONMember(key: "to", value: .string(later.description)),
            JSONMember(
                key: "changes",
                value: .array(
                    changes.map { c in
                        .object([
                            JSONMember(key: "kind", value: .string(c.kind.rawValue)),
                            JSONMember(key: "occurred", value: .optionalString(c.occurred?.description)),
                            JSONMember(key: "recorded", value: .optionalString(c.recorded?.description)),
                            JSONMember(key: "change", value: .string(c.text)),
                            JSONMember(key: "by", value: .optionalString(c.by)),
                            JSONMember(key: "position", value: .number(String(c.position))),
                        ])
                    })),
        ])
    }
}

struct DocumentRow {
    var date: String
    var text: String
    var level: String?
    var notes: [String]
}

/// A dated list for reading: as plain text, Markdown or a self-contained HTML page (inline CSS, no scripts).
extension JSONValue {
    /// A string, or `null` for `nil`.
    fileprivate static func optionalString(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
}

struct Document {
    var title: String
    var subtitle: [String]
    var levelColumn: String
    var rows: [DocumentRow]
    var empty: String

    /// The document in a format; JSON is the report's own (made only when asked for).
    func rendered(_ format: ReportFormat, json: @autoclosure () -> JSONValue) -> String {
        switch format {
        case .text: return text
        case .markdown: return markdown
        case .html: return html
        case .json: return json().prettyText
        }
    }

    var text: String {
        var out = title + "\n" + subtitle.map { $0 + "\n" }.joined() + "\n"
        if rows.isEmpty { out += empty + "\n" }
        for r in rows {
            out += r.date.padded(12) + r.text + "\n"
            if !r.notes.isEmpty {
                out += String(repeating: " ", count: 12) + "(" + r.notes.joined(separator: "; ") + ")\n"
            }
            if let level = r.level { out += String(repeating: " ", count: 12) + "\(levelColumn): \(level)\n" }
        }
        return out
    }

    var markdown: String {
        func cell(_ s: String) -> String {
            var out = ""
            for c in s {
                switch c {
                case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\" + String(c)
                case "\n", "\r": out += " "
                default: out.append(c)
                }
            }
            return out
        }
        var out = "# " + cell(title) + "\n\n" + subtitle.map { cell($0) + "\n\n" }.joined()
        if rows.isEmpty { return out + empty + "\n" }
        out += "| Date | Event | \(levelColumn) | Notes |\n|---|---|---|---|\n"
        for r in rows {
            out +=
                "| \(r.date) | \(cell(r.text)) | \(cell(r.level ?? "")) | \(cell(r.notes.joined(separator: "; "))) |\n"
        }
        return out
    }

    var html: String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escapeHTML(title))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #111; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; }
            td.date { white-space: nowrap; }
            td.level { font-weight: bold; }
            td.notes { color: #555; }
            @page { size: A4; margin: 15mm 12mm; }
            @media print {
              body { margin: 0; font-size: 10pt; }
              thead { display: table-header-group; }
              tr { break-inside: avoid; }
              th { background: none; border-bottom: 1.5px solid #111; }
            }
            </style>
            </head>
            <body>
            <h1>\(escapeHTML(title))</h1>

            """
        for s in subtitle { out += "<p>\(escapeHTML(s))</p>\n" }
        if rows.isEmpty {
            out += "<p>\(escapeHTML(empty))</p>\n"
        } else {
            // The heading row in a <thead>, so that a printed chronology repeats it at the top of every page.
            out += "<table>\n<thead><tr><th>Date</th><th>Event</th><th>\(escapeHTML(levelColumn))</th>"
            out += "<th>Notes</th></tr></thead>\n<tbody>\n"
            for r in rows {
                out += "<tr><td class=\"date\">\(escapeHTML(r.date))</td><td>\(escapeHTML(r.text))</td>"
                out += "<td class=\"level\">\(escapeHTML(r.level ?? ""))</td>"
                out += "<td class=\"notes\">\(escapeHTML(r.notes.joined(separator: "; ")))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</body>\n</html>\n"
    }
}
