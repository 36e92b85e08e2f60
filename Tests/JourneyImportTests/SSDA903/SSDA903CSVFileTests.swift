import Foundation
import JourneyCore
import JourneyImport
import Testing

/// CSV tables that cannot be read as they stand: another encoding, a column twice, rows with more or fewer fields
/// than the header. Each is an error naming the file (and the column or line), or a rejected row, never a silent
/// reading.
@Suite("SSDA903: CSV files that cannot be read as they stand")
struct SSDA903CSVFileTests {
    static let header = "CHILD,SEX,DOB,ETHNIC,UPN\nC1,1,01/05/2010,WBRI,\nC2,2,02/06/2011,WBRI,\n"
    static let episodes = episodesHeader + "\nC1,01/05/2023,S,C2,N1,U4,PR1,,,,,,\n"

    func writeBytes(_ scratch: Scratch, _ name: String, _ bytes: [UInt8]) -> String {
        let file = scratch.path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    // Issue 16, item 15: a UTF-16 header.csv was skipped as a table "the event format has no events for", exit 0.
    /// The header table in UTF-16: little-endian with its byte-order mark (as Windows writes "Unicode"),
    /// big-endian with its mark, and little-endian without one.
    static let utf16: [(String, [UInt8])] = {
        let little: [UInt8] = header.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = header.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        return [("little-endian", [0xFF, 0xFE] + little), ("big-endian", [0xFE, 0xFF] + big), ("no mark", little)]
    }()

    @Test(arguments: utf16)
    func aTableInUTF16IsRefusedNamingTheFile(_ encoding: String, _ bytes: [UInt8]) throws {
        let scratch = Scratch()
        let files = [writeBytes(scratch, "header.csv", bytes), scratch.write("episodes.csv", Self.episodes)]
        let error = try #require(throws: ImportError.self) { try scratch.importSSDA903(files) }
        #expect(error.description.contains("header.csv"), "\(encoding)")
        #expect(error.description.contains("is UTF-16 text"), "\(encoding): \(error)")
        #expect(try scratch.events().isEmpty)
    }

    @Test func aTableInAnotherEncodingIsRefusedNamingTheLine() throws {
        // Windows-1252 (é is 0xE9): CSV.swift stops at the byte, and the error named a line two further on.
        let scratch = Scratch()
        let bytes =
            Array("CHILD,SEX,DOB,ETHNIC,HOME_POST\nC1,1,01/05/2010,WBRI,\nC2,1,01/05/2010,WBRI,Cr".utf8)
            + [0xE9] + Array("\nC3,1,01/05/2010,WBRI,\n".utf8)
        let file = writeBytes(scratch, "header.csv", bytes)
        let error = try #require(throws: ImportError.self) { try scratch.importSSDA903([file], year: "2023-24") }
        #expect(error.description.contains("header.csv: line 3 is not UTF-8 text"), "\(error)")
        #expect(try scratch.events().isEmpty)
    }

    @Test func aColumnTwiceIsRefusedNamingTheColumn() throws {
        let scratch = Scratch()
        let file = scratch.write("header.csv", "CHILD,SEX,DOB,ETHNIC,sex \nC1,1,01/05/2010,WBRI,2\n")
        let error = try #require(throws: ImportError.self) { try scratch.importSSDA903([file], year: "2023-24") }
        #expect(error.description.contains("header.csv"))
        #expect(error.description.contains("the column SEX appears twice (columns 2 and 5)"), "\(error)")
        #expect(try scratch.events().isEmpty)
    }

    @Test func unnamedColumnsAreNotDuplicates() throws {
        // A header row ending in commas (as a spreadsheet may write it) names no column twice.
        let scratch = Scratch()
        let file = scratch.write("header.csv", "CHILD,SEX,DOB,ETHNIC,,\nC1,1,01/05/2010,WBRI,,\n")
        let report = try scratch.importSSDA903([file], year: "2023-24")
        #expect(report[table: "header"]?.rows == 1 && report.rejectedRows == 0)
    }

    // Ragged rows were read as far as they went (a missing column read as empty), silently.
    @Test func raggedRowsAreInvalidNamingTheirLines() throws {
        let scratch = Scratch()
        let file = scratch.write(
            "header.csv",
            "CHILD,SEX,DOB,ETHNIC,UPN\nC1,1,01/05/2010,WBRI,\nC2,2,02/06/2011,WBRI\nC3,1,,WBRI,,,AB1 2CD\n")
        let error = try #require(throws: ImportError.self) { try scratch.importSSDA903([file], year: "2023-24") }
        guard case .invalid(let problems, _, _) = error else {
            Issue.record("expected .invalid, got \(error)")
            return
        }
        #expect(
            problems.map(\.description) == [
                "header.csv line 3, header: has 4 fields where the header row has 5",
                "header.csv line 4, header: has 7 fields where the header row has 5",
            ])
        #expect(!error.description.contains("AB1 2CD"))
        #expect(try scratch.events().isEmpty)
    }

    @Test func skipInvalidRejectsRaggedRowsWithTheirReason() throws {
        let scratch = Scratch()
        let file = scratch.write(
            "header.csv", "CHILD,SEX,DOB,ETHNIC,UPN\nC1,1,01/05/2010,WBRI,\nC2,2,02/06/2011,WBRI\n")
        let report = try scratch.importSSDA903([file], year: "2023-24", skipInvalid: true)
        #expect(report[table: "header"]?.rejected == 1)
        #expect(report[table: "header"]?.rejections == ["has 4 fields where the header row has 5": 1])
        #expect(report.rejected.map(\.fields) == [["C2", "2", "02/06/2011", "WBRI"]])
        #expect(report.rejected.first?.problems.first?.child == ChildID("C2"))
        #expect(try scratch.events().map(\.child.rawValue) == ["C1"])
    }
}
