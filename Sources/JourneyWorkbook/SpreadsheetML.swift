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

    /// The parts, by their paths in the package, in the order they are zipped: each part's bytes, and for a
    /// sheet, its index (`Workbook.data()` zips a sheet a row at a time).
    var parts: [(path: String, sheet: Int?, bytes: () -> [UInt8])] {
        var parts: [(path: String, sheet: Int?, bytes: () -> [UInt8])] = [
            ("[Content_Types].xml", nil, { self.contentTypes }),
            ("_rels/.rels", nil, { Self.packageRelationships }),
            ("xl/workbook.xml", nil, { self.workbook }),
            ("xl/_rels/workbook.xml.rels", nil, { self.workbookRelationships }),
            ("xl/styles.xml", nil, { self.styles.part }),
        ]
        for i in sheets.indices {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", i, { self.worksheet(i) }))
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

    /// One sheet: its extent, the frozen heading row, the columns' widths, the rows, the autofilter; whole
    /// (`Workbook.data()` zips a sheet a piece at a time instead, `SheetPieces`).
    func worksheet(_ index: Int) -> [UInt8] {
        let pieces = SheetPieces(self, index)
        var x = pieces.head
        for row in pieces.sheet.rows.indices { pieces.appendRow(row, to: &x) }
        x.append(contentsOf: pieces.tail)
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
        // A reader keeps leading and trailing white space (XML's: space, tab, LF, CR) only when told to.
        let padded = Self.isXMLSpace(text.utf8.first) || Self.isXMLSpace(text.utf8.last)
        x.append(padded ? #"<t xml:space="preserve">"# : "<t>")
        XML.append(text, to: &x)
        x.append("</t></is></c>")
    }

    static func isXMLSpace(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

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
