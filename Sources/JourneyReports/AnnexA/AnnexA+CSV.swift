import JourneyCore

extension AnnexA.List {
    /// The list as CSV through the package's writer: Ofsted's headings, then a row each; dates dd/mm/yyyy and
    /// text guarded against formula injection; whole numbers stay numbers. A list the log cannot fill is its
    /// headings alone.
    public var csv: String {
        var writer = CSVWriter(header: headings)
        for row in rows {
            writer.append(
                row.map { cell in
                    switch cell {
                    case .integer(let n): .number(n)
                    default: .text(cell.written)
                    }
                })
        }
        return writer.text
    }
}

extension AnnexA {
    /// The README.txt written beside the lists: the date, the window, `notes` on the whole (as the workbook's Notes
    /// sheet has them), and each list's rows or why it is empty.
    public static func readme(_ lists: [List], window: Window, span: String?, notes: [String] = []) -> String {
        var lines = [
            "Ofsted Annex A lists, written by journey from the event log.",
            "",
            "Lists drawn for \(written(window.asOf)); lists of activity cover \(written(window.from)) to "
                + "\(written(window.asOf)) (\(window.months) months), lists of children those open on "
                + "\(written(window.asOf)) and those closed in that time.",
        ]
        if let span { lines.append("The log covers \(span).") }
        lines += notes
        lines.append("")
        for list in lists {
            lines.append("List \(list.number), \(list.name) (\(list.fileStem).csv): \(list.rows.count) rows")
            if let note = list.note { lines.append("  note: \(note)") }
        }
        lines += [
            "",
            "These files hold personal data about children: keep them as the case records are kept.",
            "docs/annex-a.md says where each column comes from.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
