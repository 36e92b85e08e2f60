import JourneyCore

/// The XML parts of a workbook (Office Open XML, ECMA-376 part 1, SpreadsheetML), written by hand: the few
/// elements a sheet of text, numbers and dates needs, in the order the schema requires them.
///
/// Strings are written inline in each cell (`t="inlineStr"`), not in a shared-strings part: each sheet is then
/// written on its own, in one pass, with no table of every string of the workbook held until the end; the
/// repetition a shared table would save (a team's name on every row) the zip's deflate saves anyway; and Excel,
/// LibreOffice and the common readers (openpyxl, pandas) read both alike.
struct SpreadsheetML {
    let sheets: [Worksheet]
    /// The sheets' names as written (`SheetName.unique`).
    let names: [String]
    let styles: Styles

    init(_ workbook: Workbook) {
        sheets = workbook.sheets.isEmpty ? [Worksheet(name: "Sheet1", columns: [])] : workbook.sheets
        names = SheetName.unique(sheets.map(\.name))
        styles = Styles(sheets)
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The parts, by their paths in the package, in the order they are zipped.
    var parts: [(path: String, bytes: () -> [UInt8])] {
        var parts: [(path: String, bytes: () -> [UInt8])] = [
            ("[Content_Types].xml", { self.contentTypes }),
            ("_rels/.rels", { Self.packageRelationships }),
            ("xl/workbook.xml", { self.workbook }),
            ("xl/_rels/workbook.xml.rels", { self.workbookRelationships }),
            ("xl/styles.xml", { self.styles.part }),
        ]
        for i in sheets.indices {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", { self.worksheet(i) }))
        }
        return parts
    }

    var contentTypes: [UInt8] {
        var x: [UInt8] = []
        x.append(Self.declaration)
        x.append(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#)
        x.append(#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#)
        x.append(#"<Default Extension="xml" ContentType="application/xml"/>"#)
        x.append(
            #"<Override PartName="/xl/workbook.xml" "#
                + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#)
        x.append(
            #"<Override PartName="/xl/styles.xml" "#
                + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#)
        for i in sheets.indices {
            x.append(
                #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" "#
                    + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#)
        }
        x.append("</Types>")
        return x
    }

    static var packageRelationships: [UInt8] {
        var x: [UInt8] = []
        x.append(declaration)
        x.append(#"<Relationships xmlns="\#(packageRelationshipsNamespace)">"#)
        x.append(
            #"<Relationship Id="rId1" "#
                + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" "#
                + #"Target="xl/workbook.xml"/>"#)
        x.append("</Relationships>")
        return x
    }

    /// The workbook: its sheets in order, and for each sheet with a heading row, the range its autofilter covers
    /// (`_xlnm._FilterDatabase`, the name Excel itself writes for a sheet's autofilter).
    var workbook: [UInt8] {
        var x: [UInt8] = []
        x.append(Self.declaration)
        x.append(#"<workbook xmlns="\#(Self.mainNamespace)" xmlns:r="\#(Self.relationshipsNamespace)">"#)
        x.append(#"<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#)
        for (i, name) in names.enumerated() {
            x.append(#"<sheet name=""#)
            XML.append(name, to: &x, inAttribute: true)
            x.append(#"" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#)
        }
        x.append("</sheets>")
        let filtered = sheets.indices.filter { !sheets[$0].columns.isEmpty }
        if !filtered.isEmpty {
            x.append("<definedNames>")
            for i in filtered {
                let sheet = sheets[i]
                let quoted = "'" + names[i].replacingOccurrences(of: "'", with: "''") + "'"
                let range = "$A$1:$\(Self.column(sheet.columns.count - 1))$\(sheet.rows.count + 1)"
                x.append(#"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(i)" hidden="1">"#)
                XML.append(quoted + "!" + range, to: &x)
                x.append("</definedName>")
            }
            x.append("</definedNames>")
        }
        x.append("</workbook>")
        return x
    }

    var workbookRelationships: [UInt8] {
        var x: [UInt8] = []
        x.append(Self.declaration)
        x.append(#"<Relationships xmlns="\#(Self.packageRelationshipsNamespace)">"#)
        for i in sheets.indices {
            x.append(
                #"<Relationship Id="rId\#(i + 1)" "#
                    + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" "#
                    + #"Target="worksheets/sheet\#(i + 1).xml"/>"#)
        }
        x.append(
            #"<Relationship Id="rId\#(sheets.count + 1)" "#
                + #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" "#
                + #"Target="styles.xml"/>"#)
        x.append("</Relationships>")
        return x
    }

    /// One sheet: its extent, the frozen heading row, the columns' widths, the rows, the autofilter.
    func worksheet(_ index: Int) -> [UInt8] {
        let sheet = sheets[index]
        let width = max(sheet.columns.count, sheet.rows.lazy.map(\.count).max() ?? 0)
        let letters = (0..<max(width, 1)).map { Array(Self.column($0).utf8) }
        var x: [UInt8] = []
        x.reserveCapacity(256 + sheet.rows.count * (16 + width * 24))
        x.append(Self.declaration)
        x.append(#"<worksheet xmlns="\#(Self.mainNamespace)" xmlns:r="\#(Self.relationshipsNamespace)">"#)
        let lastRow = sheet.rows.count + (sheet.columns.isEmpty ? 0 : 1)
        x.append(
            width == 0 || lastRow == 0
                ? #"<dimension ref="A1"/>"# : #"<dimension ref="A1:\#(Self.column(width - 1))\#(lastRow)"/>"#)
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
                let w = column.width ?? Self.fittedWidth(sheet, column: i)
                x.append(#"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(Self.decimal(w))" customWidth="1"/>"#)
            }
            x.append("</cols>")
        }
        x.append("<sheetData>")
        var rowNumber = 0
        if !sheet.columns.isEmpty {
            rowNumber = 1
            x.append(#"<row r="1">"#)
            for (i, column) in sheet.columns.enumerated() {
                appendText(column.heading, style: Styles.heading, column: letters[i], row: 1, to: &x)
            }
            x.append("</row>")
        }
        for row in sheet.rows {
            rowNumber += 1
            let r = String(rowNumber)
            x.append(#"<row r="\#(r)">"#)
            for (i, cell) in row.enumerated() {
                appendCell(cell, column: letters[i], row: r, to: &x)
            }
            x.append("</row>")
        }
        x.append("</sheetData>")
        if !sheet.columns.isEmpty {
            x.append(#"<autoFilter ref="A1:\#(Self.column(sheet.columns.count - 1))\#(sheet.rows.count + 1)"/>"#)
        }
        x.append("</worksheet>")
        return x
    }

    func appendCell(_ cell: Cell, column: [UInt8], row: String, to x: inout [UInt8]) {
        switch cell {
        case .empty: return
        case .text(let s): appendText(s, style: 0, column: column, row: row, to: &x)
        case .integer(let n): appendValue(String(n), style: 0, column: column, row: row, to: &x)
        case .number(let v, let format):
            guard v.isFinite else { return }
            appendValue(Self.decimal(v), style: styles.index(format), column: column, row: row, to: &x)
        case .date(let d):
            if let serial = Self.serial(d) {
                appendValue(String(serial), style: Styles.date, column: column, row: row, to: &x)
            } else {
                appendText(d.description, style: 0, column: column, row: row, to: &x)
            }
        }
    }

    func appendValue(_ value: String, style: Int, column: [UInt8], row: String, to x: inout [UInt8]) {
        x.append("<c r=\"")
        x.append(contentsOf: column)
        x.append(row)
        x.append(style == 0 ? "\"><v>" : "\" s=\"\(style)\"><v>")
        x.append(value)
        x.append("</v></c>")
    }

    func appendText(_ text: String, style: Int, column: [UInt8], row: some CustomStringConvertible, to x: inout [UInt8])
    {
        let text = XML.cleaned(Self.limited(text))
        if text.isEmpty { return }
        x.append("<c r=\"")
        x.append(contentsOf: column)
        x.append(row.description)
        x.append(style == 0 ? "\" t=\"inlineStr\"><is>" : "\" s=\"\(style)\" t=\"inlineStr\"><is>")
        // Excel keeps leading and trailing spaces only when told to.
        let padded = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        x.append(padded ? #"<t xml:space="preserve">"# : "<t>")
        XML.append(text, to: &x)
        x.append("</t></is></c>")
    }

    /// The most characters (UTF-16 code units) a cell can hold in Excel (Excel specifications and limits); text
    /// longer than this is cut, as Excel would refuse the file.
    static let cellTextLimit = 32_767

    static func limited(_ text: String) -> String {
        guard text.utf8.count > cellTextLimit, text.utf16.count > cellTextLimit else { return text }
        return SheetName.truncated(text, to: cellTextLimit)
    }

    /// Excel's serial number of a day in the 1900 date system, or `nil` for a day it cannot hold (before 1 January
    /// 1900 or after 31 December 9999).
    ///
    /// Serial 1 is 1900-01-01. Excel counts 29 February 1900, a day that did not exist (kept from Lotus 1-2-3, so
    /// serial 60 is that day), so from 1 March 1900 on a serial is the days since 30 December 1899, and before it
    /// the days since 31 December 1899. `CalendarDate.dayNumber` counts from 1970-01-01, which is 25,569 days after
    /// 1899-12-30 (70 years of 365 days, 25,550, plus the 17 leap days 1904…1968 and the two days 30 and 31
    /// December 1899: 25,550 + 17 + 2 = 25,569).
    static func serial(_ date: CalendarDate) -> Int? {
        let days = Int(date.dayNumber)
        let firstOfMarch1900 = -25_508  // 1900-03-01: 25,569 − 61, serial 61
        let first1900 = -25_567  // 1900-01-01: serial 1
        let last9999 = 2_932_896  // 9999-12-31: serial 2,958,465, Excel's last day
        guard days >= first1900, days <= last9999 else { return nil }
        return days >= firstOfMarch1900 ? days + 25_569 : days + 25_568
    }

    /// A decimal number as the XML writes it: the shortest text that reads back as the same `Double` (`0.864`,
    /// `120.0`, `1e-05`), which `xsd:double` accepts.
    static func decimal(_ v: Double) -> String { v.description }

    /// A column's letters: 0 is `A`, 25 `Z`, 26 `AA`.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// A width fitted to a column: its heading (and the autofilter's button) and its first 1,000 rows, from 8 to
    /// 60 characters.
    static func fittedWidth(_ sheet: Worksheet, column: Int) -> Double {
        var widest = sheet.columns[column].heading.count + 3
        for row in sheet.rows.prefix(1_000) where column < row.count {
            let n: Int
            switch row[column] {
            case .empty: n = 0
            case .text(let s): n = s.count
            case .integer(let i): n = String(i).count
            case .number(let v, _): n = min(decimal(v).count, 12)
            case .date: n = 10
            }
            widest = max(widest, n + 1)
        }
        return Double(min(60, max(8, widest)))
    }
}
