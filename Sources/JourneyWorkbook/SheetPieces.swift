import JourneyCore

/// One sheet's XML in pieces: what comes before the rows, each row, and what comes after them. A sheet of many
/// rows (a check report of 100,000 findings) is then made and zipped a piece of rows at a time, on all cores, and its
/// XML is never held whole.
struct SheetPieces {
    let markup: SpreadsheetML
    let sheet: Worksheet
    /// Each column's letters, as bytes.
    let letters: [[UInt8]]
    /// The declaration, the extent, the frozen pane, the widths and the heading row.
    let head: [UInt8]
    /// The end of the rows, the autofilter and the end of the sheet.
    let tail: [UInt8]

    init(_ markup: SpreadsheetML, _ index: Int) {
        self.markup = markup
        let sheet = markup.sheets[index]
        self.sheet = sheet
        let width = max(sheet.columns.count, sheet.rows.lazy.map(\.count).max() ?? 0)
        let letters = (0..<max(width, 1)).map { Array(SpreadsheetML.column($0).utf8) }
        self.letters = letters
        var x: [UInt8] = []
        x.append(SpreadsheetML.declaration)
        x.append(
            #"<worksheet xmlns="\#(SpreadsheetML.mainNamespace)" xmlns:r="\#(SpreadsheetML.relationshipsNamespace)">"#)
        let lastRow = sheet.rows.count + (sheet.columns.isEmpty ? 0 : 1)
        x.append(
            width == 0 || lastRow == 0
                ? #"<dimension ref="A1"/>"#
                : #"<dimension ref="A1:\#(SpreadsheetML.column(width - 1))\#(lastRow)"/>"#)
        x.append(#"<sheetViews><sheetView workbookViewId="0""# + (index == 0 ? #" tabSelected="1""# : "") + ">")
        if !sheet.columns.isEmpty {
            // The heading row frozen: it stays in view while the rows below scroll.
            x.append(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#)
            x.append(#"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#)
        }
        x.append("</sheetView></sheetViews>")
        x.append(#"<sheetFormatPr defaultRowHeight="15"/>"#)
        if !sheet.columns.isEmpty {
            x.append("<cols>")
            for (i, column) in sheet.columns.enumerated() {
                let w = column.width ?? SpreadsheetML.fittedWidth(sheet, column: i)
                x.append(
                    #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(SpreadsheetML.decimal(w))" customWidth="1"/>"#)
            }
            x.append("</cols>")
        }
        x.append("<sheetData>")
        if !sheet.columns.isEmpty {
            x.append(#"<row r="1">"#)
            for (i, column) in sheet.columns.enumerated() {
                markup.appendText(column.heading, style: Styles.heading, column: letters[i], row: 1, to: &x)
            }
            x.append("</row>")
        }
        head = x
        var t: [UInt8] = []
        t.append("</sheetData>")
        if !sheet.columns.isEmpty {
            t.append(
                #"<autoFilter ref="A1:\#(SpreadsheetML.column(sheet.columns.count - 1))\#(sheet.rows.count + 1)"/>"#)
        }
        t.append("</worksheet>")
        tail = t
    }

    /// Appends the row at `index` of the sheet's rows (row `index + 2` of the sheet with a heading row).
    func appendRow(_ index: Int, to x: inout [UInt8]) {
        let r = String(index + (sheet.columns.isEmpty ? 1 : 2))
        x.append(#"<row r="\#(r)">"#)
        for (i, cell) in sheet.rows[index].enumerated() {
            markup.appendCell(cell, column: letters[i], row: r, to: &x)
        }
        x.append("</row>")
    }

    /// How many rows a piece holds at most: the rows a core makes and deflates at a time.
    static let rowsPerPiece = 4_096

    /// How many pieces the sheet is zipped in: one for each `rowsPerPiece` rows, and one at least.
    var pieceCount: Int { max(1, (sheet.rows.count + Self.rowsPerPiece - 1) / Self.rowsPerPiece) }

    /// The XML of piece `index`: its rows, after the head for the first piece and before the tail for the last.
    /// The pieces joined in order are the sheet whole (`SpreadsheetML.worksheet`).
    func piece(_ index: Int) -> [UInt8] {
        let rows = index * Self.rowsPerPiece..<min((index + 1) * Self.rowsPerPiece, sheet.rows.count)
        var x: [UInt8] = []
        x.reserveCapacity(rows.count * 128 + (index == 0 ? head.count : 0) + tail.count)
        if index == 0 { x += head }
        for row in rows { appendRow(row, to: &x) }
        if index == pieceCount - 1 { x += tail }
        return x
    }
}
