import Foundation
import JourneyCore
import JourneyTestSupport
import Testing
import ZIPFoundation

@testable import JourneyWorkbook

@Suite struct WorkbookTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// One sheet of two rows: text to escape, a date, a percentage, text with a leading space, an empty cell and
    /// a whole number.
    static let tiny = Workbook([
        Worksheet(
            name: "Findings",
            columns: [.init("child", width: 10), .init("date"), .init("share")],
            rows: [
                [.text("C1 & <x>"), .date(CalendarDate("2024-03-31")!), .number(0.864, format: .percentage)],
                [.text(" pad"), .empty, .integer(7)],
            ])
    ])

    @Test func worksheetPartByHand() {
        let xml = String(decoding: SpreadsheetML(Self.tiny).worksheet(0), as: UTF8.self)
        // Widths: "child" is given 10. "date" fitted: its heading, 4 characters + 3 for the filter's button = 7,
        // against a date's 10 + 1 = 11, so 11. "share": 5 + 3 = 8, against 0.864's 5 + 1 = 6 and 7's 1 + 1 = 2,
        // so 8 (and never under 8).
        // Cells: the date is serial 45382 (worked below) in style 2 (the date style); the share 0.864 in style 3,
        // the first number format used after the default (0), the heading (1) and the date (2); the whole number
        // in the default style; the empty cell B3 is not written; " pad" keeps its space (xml:space).
        let expected =
            Self.declaration
            + #"<worksheet xmlns="\#(Self.main)" xmlns:r="\#(Self.relationships)">"#
            + #"<dimension ref="A1:C3"/>"#
            + #"<sheetViews><sheetView workbookViewId="0" tabSelected="1">"#
            + #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            + #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
            + #"<sheetFormatPr defaultRowHeight="15"/>"#
            + #"<cols><col min="1" max="1" width="10.0" customWidth="1"/>"#
            + #"<col min="2" max="2" width="11.0" customWidth="1"/>"#
            + #"<col min="3" max="3" width="8.0" customWidth="1"/></cols>"#
            + "<sheetData>"
            + #"<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>child</t></is></c>"#
            + #"<c r="B1" s="1" t="inlineStr"><is><t>date</t></is></c>"#
            + #"<c r="C1" s="1" t="inlineStr"><is><t>share</t></is></c></row>"#
            + #"<row r="2"><c r="A2" t="inlineStr"><is><t>C1 &amp; &lt;x&gt;</t></is></c>"#
            + #"<c r="B2" s="2"><v>45382</v></c><c r="C2" s="3"><v>0.864</v></c></row>"#
            + #"<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> pad</t></is></c>"#
            + #"<c r="C3"><v>7</v></c></row>"#
            + "</sheetData>"
            + #"<autoFilter ref="A1:C3"/>"#
            + "</worksheet>"
        #expect(xml == expected)
    }

    @Test func workbookAndPackagePartsByHand() {
        let ml = SpreadsheetML(Self.tiny)
        #expect(
            ml.parts.map(\.path) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml",
            ])
        // The autofilter's range, heading and two rows: A1 to C3, named as Excel names it.
        #expect(
            String(decoding: ml.workbook, as: UTF8.self)
                == Self.declaration + #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.relationships)">"#
                + #"<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>"#
                + #"<sheets><sheet name="Findings" sheetId="1" r:id="rId1"/></sheets>"#
                + #"<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">"#
                + "'Findings'!$A$1:$C$3</definedName></definedNames></workbook>")
        // The sheet is rId1, the styles rId2.
        let rels = String(decoding: ml.workbookRelationships, as: UTF8.self)
        #expect(
            rels.contains(
                #"<Relationship Id="rId1" Type="\#(Self.relationships)/worksheet" "#
                    + #"Target="worksheets/sheet1.xml"/>"#))
        #expect(rels.contains(#"<Relationship Id="rId2" Type="\#(Self.relationships)/styles" Target="styles.xml"/>"#))
        let types = String(decoding: ml.contentTypes, as: UTF8.self)
        #expect(
            types.contains(
                #"<Override PartName="/xl/worksheets/sheet1.xml" "#
                    + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#))
        #expect(
            String(decoding: SpreadsheetML.packageRelationships, as: UTF8.self).contains(#"Target="xl/workbook.xml""#))
        // Styles: 164 the date's dd/mm/yyyy, 165 the percentage; xf 1 bold (font 1), xf 2 the date, xf 3 the share.
        let styles = String(decoding: ml.styles.part, as: UTF8.self)
        #expect(
            styles.contains(
                #"<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>"#
                    + #"<numFmt numFmtId="165" formatCode="0.0%"/></numFmts>"#))
        #expect(styles.contains(#"<font><b/><sz val="11"/>"#))
        #expect(
            styles.contains(
                #"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
                    + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
                    + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
                    + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
            ))
    }

    /// Excel's 1900 date system: serial 1 is 1900-01-01, and Excel counts a 29 February 1900 that never was (serial
    /// 60), so from 1 March 1900 a serial is the days since 1899-12-30.
    ///
    /// 2024-03-31: from 1900-01-01 to 2024-01-01 are 124 years, of 365 days each (45,260) plus the leap days of
    /// 1904, 1908, … 2020 ((2020 − 1904) / 4 + 1 = 30; 1900 was not a leap year): 45,290 days. From 1899-12-30
    /// that is 45,292. Then January (31), February (29: 2024 is a leap year) and 30 more days of March: 90.
    /// 45,292 + 90 = 45,382.
    /// 1970-01-01: 70 years from 1900-01-01, 25,550 days plus the 17 leap days 1904…1968: 25,567, plus 2 from
    /// 1899-12-30: 25,569.
    @Test func dateSerials() {
        #expect(SpreadsheetML.serial(CalendarDate("2024-03-31")!) == 45_382)
        #expect(SpreadsheetML.serial(CalendarDate("1970-01-01")!) == 25_569)
        // Before Excel's phantom day: 1900-01-01 is 1, 1900-02-28 is 59; after it, 1900-03-01 is 61.
        #expect(SpreadsheetML.serial(CalendarDate("1900-01-01")!) == 1)
        #expect(SpreadsheetML.serial(CalendarDate("1900-02-28")!) == 59)
        #expect(SpreadsheetML.serial(CalendarDate("1900-03-01")!) == 61)
        // Excel's last day, 9999-12-31, is 2,958,465 (Excel specifications and limits); a day outside is text.
        #expect(SpreadsheetML.serial(CalendarDate("9999-12-31")!) == 2_958_465)
        #expect(SpreadsheetML.serial(CalendarDate("1899-12-31")!) == nil)
        let early = Workbook([Worksheet(name: "a", headings: ["d"], rows: [[.date(CalendarDate("1899-12-31")!)]])])
        #expect(
            String(decoding: SpreadsheetML(early).worksheet(0), as: UTF8.self)
                .contains(#"<c r="A2" t="inlineStr"><is><t>1899-12-31</t></is></c>"#))
    }

    /// A sheet name in a formula is quoted, its own apostrophes doubled (ECMA-376 part 1, 18.17): the autofilter's
    /// range of a sheet called O'Neill's team, one column and no rows, is its heading cell A1 alone.
    @Test func filterRangeQuotesTheSheetName() {
        let book = Workbook([Worksheet(name: "O'Neill's team", headings: ["child"])])
        #expect(
            String(decoding: SpreadsheetML(book).workbook, as: UTF8.self)
                .contains(#"hidden="1">'O''Neill''s team'!$A$1:$A$1</definedName>"#))
    }

    @Test func columnLetters() {
        // A…Z are 0…25; then AA (26), AZ (26 + 25 = 51), BA (52); ZZ is 26 + 26 × 26 − 1 = 701, AAA 702.
        #expect([0, 25, 26, 51, 52, 701, 702].map(SpreadsheetML.column) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test func sheetNamesSanitised() {
        #expect(SheetName.sanitised("a/b:c*d?e[f]g\\h") == "a_b_c_d_e_f_g_h")
        #expect(SheetName.sanitised("'quoted'") == "quoted")
        #expect(SheetName.sanitised("") == "Sheet")
        #expect(SheetName.sanitised("''") == "Sheet")
        // 40 letters cut to 31.
        let long = String(repeating: "abcd", count: 10)
        #expect(SheetName.sanitised(long) == String(long.prefix(31)))
        // A character outside the Basic Multilingual Plane is two UTF-16 units, as Excel counts: 30 letters and
        // one such character would be 32, so the character goes.
        #expect(SheetName.sanitised(String(repeating: "x", count: 30) + "😀") == String(repeating: "x", count: 30))
        // A control character, which XML cannot hold, made _.
        #expect(SheetName.sanitised("a\u{1}b") == "a_b")
        // Cut to 31 and then ending with an apostrophe: the apostrophe goes.
        #expect(SheetName.sanitised(String(repeating: "y", count: 30) + "'z") == String(repeating: "y", count: 30))
    }

    @Test func sheetNamesUnique() {
        // Case is ignored in the comparison; History is Excel's own; a 31-character name's copy is shortened to 27
        // characters to leave room for " (2)".
        let long = String(repeating: "t", count: 31)
        let names = Workbook([
            Worksheet(name: "Team", columns: []), Worksheet(name: "team", columns: []),
            Worksheet(name: "TEAM", columns: []), Worksheet(name: "History", columns: []),
            Worksheet(name: long, columns: []), Worksheet(name: long + "x", columns: []),
            Worksheet(name: "a/b", columns: []), Worksheet(name: "a:b", columns: []),
        ]).sheetNames
        #expect(
            names == [
                "Team", "team (2)", "TEAM (3)", "History (2)", long, String(repeating: "t", count: 27) + " (2)", "a_b",
                "a_b (2)",
            ])
    }

    @Test func escaping() throws {
        var out: [UInt8] = []
        // & < > " as entities; CR as &#13;; a control character (U+0001) and U+FFFE, which XML cannot hold, left
        // out; tab and LF as they are in content.
        XML.append("a&b<c>d\"e\r\nf\u{1}g\u{FFFE}h\ti", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "a&amp;b&lt;c&gt;d&quot;e&#13;\nfgh\ti")
        out = []
        XML.append("x\ty\nz", to: &out, inAttribute: true)
        #expect(String(decoding: out, as: UTF8.self) == "x&#9;y&#10;z")
        // Text a spreadsheet would run as a formula in a CSV stays text here: a string cell is never a formula.
        let book = Workbook([
            Worksheet(
                name: #"R&D "1""#, headings: ["<h>"],
                rows: [[.text("=HYPERLINK(\"x\")")], [.text("é 😀 \u{0}")]])
        ])
        let ml = SpreadsheetML(book)
        let sheet = String(decoding: ml.worksheet(0), as: UTF8.self)
        #expect(sheet.contains(#"<t>=HYPERLINK(&quot;x&quot;)</t>"#))
        #expect(sheet.contains("<t>é 😀 </t>") == false)
        #expect(sheet.contains(#"<t xml:space="preserve">é 😀 </t>"#))
        #expect(String(decoding: ml.workbook, as: UTF8.self).contains(#"<sheet name="R&amp;D &quot;1&quot;""#))
        // Every part is well-formed XML, as xmllint reads it.
        for part in ml.parts {
            #expect(try wellFormed(part.bytes()), "\(part.path)")
        }
    }

    @Test func sameBytesEachTimeAndFixedTimes() throws {
        let first = try Self.tiny.data()
        let second = try Self.tiny.data()
        #expect(first == second)
        let archive = try Archive(data: Data(first), accessMode: .read)
        let entries = Array(archive)
        #expect(entries.map(\.path) == SpreadsheetML(Self.tiny).parts.map(\.path))
        for entry in entries {
            // 1980-01-01 00:00:00 UTC.
            #expect(entry.fileAttributes[.modificationDate] as? Date == Date(timeIntervalSince1970: 315_532_800))
            var bytes: [UInt8] = []
            _ = try archive.extract(entry) { bytes += $0 }
            let part = SpreadsheetML(Self.tiny).parts.first { $0.path == entry.path }!
            #expect(bytes == part.bytes())
        }
    }

    /// A sheet is made and deflated in pieces of 4,096 rows (`SheetPieces.rowsPerPiece`), on all cores, and the pieces
    /// joined: one of 5,000 rows (some 400 KB of XML, rows of different lengths) is two pieces, the second short; one
    /// of exactly two pieces' rows ends on a piece's end; one with no rows is one piece, the head and the tail. Each
    /// must unzip (ZIPFoundation, and Python's `zipfile`, each checking the CRC-32) to the sheet made whole.
    @Test func largeSheetInPieces() throws {
        func rows(_ count: Int) -> [[Cell]] {
            (0..<count).map { i in
                [
                    .text(String(repeating: "x", count: i % 97)), .integer(i),
                    .date(CalendarDate(dayNumber: Int32(i))), .number(Double(i) / 7, format: .oneDecimal),
                ]
            }
        }
        let book = Workbook([
            Worksheet(name: "big", headings: ["a", "b", "c", "d"], rows: rows(5_000)),
            Worksheet(name: "two pieces", headings: ["a", "b", "c", "d"], rows: rows(2 * SheetPieces.rowsPerPiece)),
            Worksheet(name: "none", headings: ["a"], rows: []),
        ])
        let bytes = try book.data()
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let markup = SpreadsheetML(book)
        #expect(book.sheets.indices.map { SheetPieces(markup, $0).pieceCount } == [2, 2, 1])
        for index in book.sheets.indices {
            let entry = try #require(archive["xl/worksheets/sheet\(index + 1).xml"])
            var unzipped: [UInt8] = []
            _ = try archive.extract(entry) { unzipped += $0 }
            let whole = markup.worksheet(index)
            #expect(unzipped == whole, "sheet \(index + 1)")
            let pieces = SheetPieces(markup, index)
            #expect((0..<pieces.pieceCount).flatMap { pieces.piece($0) } == whole, "sheet \(index + 1)")
        }
        #expect(markup.worksheet(0).count > 300_000)
        let parts = Dictionary(uniqueKeysWithValues: markup.parts.map { ($0.path, $0.bytes()) })
        #expect(try ZipArchiveTests.readByPython(bytes) == parts)
    }

    @Test func writtenOwnerOnly() throws {
        let folder = temporaryDirectory("workbook")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/book.xlsx"
        try Self.tiny.write(to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == Self.tiny.data())
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func emptyWorkbookHasOneSheet() {
        #expect(Workbook().sheetNames == ["Sheet1"])
        #expect(
            String(decoding: SpreadsheetML(Workbook()).worksheet(0), as: UTF8.self).contains(#"<dimension ref="A1"/>"#))
    }

    /// Whether xmllint reads the bytes as well-formed XML (false where xmllint is missing: CI installs it).
    func wellFormed(_ bytes: [UInt8]) throws -> Bool {
        let path = NSTemporaryDirectory() + "part-\(UInt64.random(in: 0...UInt64.max)).xml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
