import Dispatch
import JourneyCore

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

    /// The XML of the rows at `indices`, in order.
    func rows(_ indices: Range<Int>) -> [UInt8] {
        var x: [UInt8] = []
        x.reserveCapacity(indices.count * 128)
        for row in indices { appendRow(row, to: &x) }
        return x
    }

    /// How many rows a run holds: the rows a core counts at a time, and those made ahead of the zip.
    static let rowsPerRun = 4_096

    /// The runs of `rowsPerRun` rows of the sheet, in order.
    var runs: [Range<Int>] {
        stride(from: 0, to: sheet.rows.count, by: Self.rowsPerRun).map {
            $0..<min($0 + Self.rowsPerRun, sheet.rows.count)
        }
    }

    /// The size of each sheet's XML, in bytes: the rows made and counted a run at a time on all cores, none kept.
    static func sizes(_ sheets: [SheetPieces]) -> [Int] {
        let runs = sheets.indices.flatMap { i in sheets[i].runs.map { (sheet: i, rows: $0) } }
        var counts = [Int](repeating: 0, count: runs.count)
        counts.withUnsafeMutableBufferPointer { buffer in
            // Each run writes its own element only, and the buffer outlives `concurrentPerform`.
            nonisolated(unsafe) let counts = buffer
            DispatchQueue.concurrentPerform(iterations: runs.count) { n in
                let pieces = sheets[runs[n].sheet]
                var scratch: [UInt8] = []
                var total = 0
                for row in runs[n].rows {
                    scratch.removeAll(keepingCapacity: true)
                    pieces.appendRow(row, to: &scratch)
                    total += scratch.count
                }
                counts[n] = total
            }
        }
        var sizes = sheets.map { $0.head.count + $0.tail.count }
        for (n, run) in runs.enumerated() { sizes[run.sheet] += counts[n] }
        return sizes
    }
}

/// A sheet's XML in order, a run of rows at a time (`SheetPieces.runs`): the head, each run, then the tail. The run
/// after the one given is made on another core meanwhile, so that the zip deflates one run while the next is made.
struct SheetStream {
    let pieces: SheetPieces
    private var runs: [Range<Int>]
    private var next = 0
    private var ahead: Promised<[UInt8]>?
    private var isHeadGiven = false
    private var isEnded = false

    init(_ pieces: SheetPieces) {
        self.pieces = pieces
        runs = pieces.runs
    }

    /// The next bytes of the sheet's XML; `nil` once all have been given.
    mutating func more() -> [UInt8]? {
        if !isHeadGiven {
            isHeadGiven = true
            startNext()
            return pieces.head
        }
        if let ahead {
            self.ahead = nil
            let bytes = ahead.take()!
            startNext()
            return bytes
        }
        if isEnded { return nil }
        isEnded = true
        return pieces.tail
    }

    private mutating func startNext() {
        guard next < runs.count else { return }
        let (pieces, rows) = (pieces, runs[next])
        next += 1
        ahead = Promised { pieces.rows(rows) }
    }
}
