/// One sheet's XML in pieces: what comes before the rows, each row, and what comes after them. A sheet of many
/// rows (a check report of 100,000 findings) is then zipped a row at a time, as it is made, and its XML is never
/// held whole.
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

    /// The size of the whole sheet's XML, in bytes: each row made and counted, and none kept.
    var size: Int {
        var scratch: [UInt8] = []
        var total = head.count + tail.count
        for row in sheet.rows.indices {
            scratch.removeAll(keepingCapacity: true)
            appendRow(row, to: &scratch)
            total += scratch.count
        }
        return total
    }
}
