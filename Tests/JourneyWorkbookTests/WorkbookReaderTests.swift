import Foundation
import JourneyCore
import JourneyTestSupport
import Testing
import ZIPFoundation

@testable import JourneyWorkbook

@Suite struct WorkbookReaderTests {
    static func folder() throws -> String {
        let path = temporaryDirectory("journey-workbook-reader")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A zip of the given parts, deflated.
    static func zip(_ parts: [(String, String)], to path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
    }

    static let workbookXML =
        #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        + #"<sheet name="List 3" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    static let rels =
        #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>"#

    @Test func readsBackTheWritersWorkbook() throws {
        let path = try Self.folder() + "/tiny.xlsx"
        try Workbook([
            Worksheet(
                name: "Findings", headings: ["child", "date", "share"],
                rows: [
                    [.text("C1 & <x>"), .date(CalendarDate("2024-03-31")!), .number(0.864, format: .percentage)],
                    [.text(" pad"), .empty, .integer(7)],
                ])
        ]).write(to: path)
        let reader = try WorkbookReader(path: path)
        #expect(reader.sheetNames == ["Findings"])
        let rows = try reader.rows(ofSheet: "findings")
        // The heading row, then the rows as written. 31 March 2024 is serial 45382: 25,569 (1 January 1970) + 19,723
        // days to 1 January 2024 (54 years, 13 of them leap) + 31 + 29 + 30 = 45,382. The empty B3 is not written
        // and reads as empty, between A3 and C3.
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows[0].cells == [.text("child"), .text("date"), .text("share")])
        #expect(rows[1].cells == [.text("C1 & <x>"), .number(45382, raw: "45382"), .number(0.864, raw: "0.864")])
        #expect(rows[2].cells == [.text(" pad"), .empty, .number(7, raw: "7")])
        #expect(WorkbookReader.day(ofSerial: 45382) == CalendarDate("2024-03-31"))
        // Serial 61 is 1 March 1900 (Excel's 29 February 1900, serial 60, never was); serial 1 is 1 January 1900.
        #expect(WorkbookReader.day(ofSerial: 61) == CalendarDate("1900-03-01"))
        #expect(WorkbookReader.day(ofSerial: 1) == CalendarDate("1900-01-01"))
        #expect(WorkbookReader.day(ofSerial: 60) == nil)
        #expect(throws: WorkbookReadError.missingSheet(file: path, sheet: "Nope")) {
            try reader.rows(ofSheet: "Nope")
        }
    }

    @Test func readsSharedStringsBooleansAndGaps() throws {
        let path = try Self.folder() + "/shared.xlsx"
        let sheet =
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>"#
            + #"<row r="4"><c r="B4" t="b"><v>1</v></c><c r="D4"><v>45383</v></c>"#
            + #"<c r="E4" t="inlineStr"><is><t>a) Yes</t></is></c></row></sheetData></worksheet>"#
        let shared =
            #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">"#
            + #"<si><t>Child Unique ID</t></si><si><r><t>Date of </t></r><r><t>referral &amp; more</t></r>"#
            + #"<rPh><t>ignored</t></rPh></si></sst>"#
        try Self.zip(
            [
                ("xl/workbook.xml", Self.workbookXML), ("xl/_rels/workbook.xml.rels", Self.rels),
                ("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", sheet),
            ], to: path)
        let rows = try WorkbookReader(path: path).rows(ofSheet: "List 3")
        // Row 1: shared strings 0 and 1 (its two runs joined, the phonetic run left out), B1 empty. Row 4 keeps its
        // number: A4 empty, B4 TRUE, C4 empty, D4 the number, E4 the inline string.
        #expect(rows.map(\.number) == [1, 4])
        #expect(rows[0].cells == [.text("Child Unique ID"), .empty, .text("Date of referral & more")])
        #expect(rows[1].cells == [.empty, .boolean(true), .empty, .number(45383, raw: "45383"), .text("a) Yes")])
    }

    @Test func refusesAZipBomb() throws {
        let folder = try Self.folder()
        // 8 MB of one character deflates to about 8 KB: a ratio near 1,000, over the 250 allowed a part over 1 MB.
        let bomb = folder + "/bomb.xlsx"
        try Self.zip(
            [
                ("xl/workbook.xml", Self.workbookXML),
                ("xl/worksheets/sheet1.xml", String(repeating: "a", count: 8 << 20)),
            ],
            to: bomb)
        #expect(throws: WorkbookReadError.self) { try WorkbookReader(path: bomb) }
        do {
            _ = try WorkbookReader(path: bomb)
        } catch let error as WorkbookReadError {
            guard case .tooLarge = error else { Issue.record("expected tooLarge, got \(error)"); return }
        }
        // The cap on the whole: a workbook whose parts come to more than the maximum given.
        let small = folder + "/small.xlsx"
        try Self.zip([("xl/workbook.xml", Self.workbookXML)], to: small)
        #expect(
            throws: WorkbookReadError.tooLarge(file: small, reason: "its parts would inflate past 100 bytes in all")
        ) {
            try WorkbookReader(path: small, maximumSize: 100)
        }
    }

    @Test func refusesAPartThatInflatesPastItsHeader() throws {
        let path = try Self.folder() + "/lying.xlsx"
        try Self.zip([("xl/workbook.xml", Self.workbookXML + String(repeating: " ", count: 5000))], to: path)
        // The uncompressed size is at byte 22 of the local header (signature 50 4B 03 04) and byte 24 of the central
        // directory's (50 4B 01 02): both are made to say 10 bytes.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for i in 0..<(bytes.count - 4) where bytes[i] == 0x50 && bytes[i + 1] == 0x4B {
            let offset: Int? =
                bytes[i + 2] == 3 && bytes[i + 3] == 4 ? 22 : bytes[i + 2] == 1 && bytes[i + 3] == 2 ? 24 : nil
            if let offset { bytes.replaceSubrange((i + offset)..<(i + offset + 4), with: [10, 0, 0, 0]) }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(
            throws: WorkbookReadError.tooLarge(
                file: path, reason: "a part (xl/workbook.xml) inflates past the size its header gives")
        ) { try WorkbookReader(path: path) }
    }

    @Test func refusesADocumentTypeDeclaration() throws {
        let path = try Self.folder() + "/laughs.xlsx"
        let xml =
            #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>"#
            + #"<workbook><sheets><sheet name="&lol2;" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        try Self.zip([("xl/workbook.xml", xml)], to: path)
        do {
            _ = try WorkbookReader(path: path)
            Issue.record("a DOCTYPE was read")
        } catch let error as WorkbookReadError {
            guard case .unsafeXML(_, "xl/workbook.xml", _) = error else {
                Issue.record("expected unsafeXML, got \(error)")
                return
            }
        }
        // An entity that is not one of XML's five, with no DOCTYPE to define it, is refused too.
        #expect(throws: WorkbookReadError.self) {
            try XMLScanner(Array("<a>&ext;</a>".utf8), file: "f", part: "p").scan { _ in }
        }
    }

    @Test func refusesWhatIsNotAWorkbook() throws {
        let folder = try Self.folder()
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: folder + "/a.xlsx"))
        #expect(throws: WorkbookReadError.notWorkbook(file: folder + "/a.xlsx", reason: "it is not a zip file")) {
            try WorkbookReader(path: folder + "/a.xlsx")
        }
        try Self.zip([("word/document.xml", "<w/>")], to: folder + "/b.xlsx")
        #expect(throws: WorkbookReadError.notWorkbook(file: folder + "/b.xlsx", reason: "it has no xl/workbook.xml")) {
            try WorkbookReader(path: folder + "/b.xlsx")
        }
    }
}
