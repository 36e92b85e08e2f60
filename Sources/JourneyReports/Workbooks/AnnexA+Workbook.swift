import JourneyCore
import JourneyWorkbook

extension AnnexA {
    /// The lists as one Excel workbook (`journey annex-a --out annex-a.xlsx`), laid out for a council analyst who
    /// pastes each list into Ofsted's template, or sends it as it is:
    ///
    /// - A sheet per list, in the template's order, named `List 1 - Contacts` … `List 11 - Adopters`: Ofsted's
    ///   headings in row 1 (bold, frozen, filterable), then the rows. Nothing else is on a list's sheet, so that a
    ///   list can be copied whole from A1, and a reader that finds a list by its headings in the first row (the
    ///   Social Finance / LIIA pipeline does) reads every row below as data. Dates are Excel dates shown
    ///   dd/mm/yyyy, counts and ages numbers, everything else text.
    /// - **Notes**, last, so that the lists keep the template's positions 1 to 11: what the lists are drawn for,
    ///   then a row per list with its sheet, its rows, and its note (why it is headings only, or which columns are
    ///   blank because the log does not hold them). A note row on a list's own sheet would be pasted, sorted and
    ///   imported as a child's row.
    ///
    /// `notes` are lines for the top of the Notes sheet beyond the window and the log's dates (the command's
    /// caveats).
    public static func workbook(_ lists: [List], window: Window, span: String?, notes: [String] = []) -> Workbook {
        var sheets = lists.map { list in
            Worksheet(
                name: list.sheetName, headings: list.headings,
                rows: list.rows.map { row in row.map(\.workbookCell) })
        }
        var about = Worksheet(
            name: "Notes",
            columns: [.init("List"), .init("Sheet"), .init("Rows"), .init("Note", width: 100)])
        var general = [
            "Ofsted Annex A lists, written by journey from the event log.",
            "Lists drawn for \(written(window.asOf)); lists of activity cover \(written(window.from)) to "
                + "\(written(window.asOf)) (\(window.months) months), lists of children those open on "
                + "\(written(window.asOf)) and those closed in that time.",
        ]
        if let span { general.append("The log covers \(span).") }
        general += notes
        general += [
            "These lists hold personal data about children: keep them as the case records are kept.",
            "docs/annex-a.md says where each column comes from.",
        ]
        for line in general { about.append([.empty, .empty, .empty, .text(line)]) }
        for list in lists {
            about.append([.integer(list.number), .text(list.sheetName), .integer(list.rows.count), .text(list.note)])
        }
        sheets.append(about)
        return Workbook(sheets)
    }
}

extension AnnexA.List {
    /// The list's sheet: `List 3 - Referrals`. Excel allows 31 characters in a sheet's name, so list 5's
    /// "Section 47 enquiries and ICPCs" is shortened to "Section 47 and ICPCs".
    public var sheetName: String {
        "List \(number) - " + (number == 5 ? "Section 47 and ICPCs" : name)
    }
}

extension AnnexA.Cell {
    /// The cell in a workbook: a date as a date, a whole number as a number, text as text (never read as a
    /// formula, so it needs none of the CSV's guarding).
    var workbookCell: JourneyWorkbook.Cell {
        switch self {
        case .text(let s): .text(s)
        case .integer(let n): .integer(n)
        case .date(let d): .date(d)
        case .empty: .empty
        }
    }
}
