import Foundation
import JourneyCore
import JourneyTestSupport
import Testing
import ZIPFoundation

@testable import JourneyCommandLine

/// `journey annex-a`, run in-process on the two-child council (`tinyCouncil`, 2024-04-01 to 2024-10-01): the folder
/// it writes, and what it refuses.
@Suite("journey annex-a")
struct AnnexACommandTests {
    static let files =
        [
            "list-01-contacts.csv", "list-02-early-help.csv", "list-03-referrals.csv", "list-04-assessments.csv",
            "list-05-section-47-enquiries-and-icpcs.csv", "list-06-children-in-need.csv",
            "list-07-child-protection.csv", "list-08-children-in-care.csv", "list-09-care-leavers.csv",
            "list-10-adoption.csv", "list-11-adopters.csv", "README.txt",
        ]

    /// Drawn for 2024-10-01 over six months (2 April to 1 October 2024), list 3 holds C1's R1 (10 April; none
    /// before it: 0) and R3 (2 September; R1 in the 12 months before: 1), and C2's R2 (3 June: 0), ordered by child
    /// then date. List 7: C1's P1 (ended 1 July, in the window) and P2 (open); the tiny council records no
    /// previous plans, so P2 has one earlier plan in the log.
    @Test("Writes a CSV file per list and a README into --out")
    func writesFolder() throws {
        let (folder, events) = try tinyCouncilFile()
        let out = folder + "/annex-a"
        let result = journey(["annex-a", "--log", events, "--as-of", "2024-10-01", "--format", "csv", "--out", out])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == Self.files.sorted())
        let referrals = try String(contentsOfFile: out + "/list-03-referrals.csv", encoding: .utf8)
            .components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(
            referrals.map { $0.split(separator: ",", omittingEmptySubsequences: false)[5...8].joined(separator: ",") }
                == [
                    "10/04/2024,q) 6: Police,b) No,0", "02/09/2024,q) 6: Police,b) No,1",
                    "03/06/2024,q) 6: Police,b) No,0",
                ])
        let plans = try String(contentsOfFile: out + "/list-07-child-protection.csv", encoding: .utf8)
            .components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(
            plans.map { $0.split(separator: ",", omittingEmptySubsequences: false)[6] } == ["01/05/2024", "01/10/2024"])
        #expect(plans.map { $0.split(separator: ",", omittingEmptySubsequences: false)[14] } == ["0", "1"])
        let adopters = try String(contentsOfFile: out + "/list-11-adopters.csv", encoding: .utf8)
        #expect(adopters.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1)
        #expect(result.errors.contains("3 Referrals: 3 rows"))
        #expect(result.errors.contains("note: list 11, written with its headings only"))
        let readme = try String(contentsOfFile: out + "/README.txt", encoding: .utf8)
        #expect(readme.contains("List 2, Early help (list-02-early-help.csv): 0 rows"))
        // The tiny council starts in 2024, so the 12 months before 1 October 2024 reach back before the log: the
        // caveat standard error gives is in README.txt too, as the workbook's Notes sheet has it.
        #expect(result.errors.contains("note: the log holds every event only from"))
        #expect(readme.contains("The log holds every event only from"))
        // Owner-only: the lists hold personal data.
        let mode = try FileManager.default.attributesOfItem(atPath: out + "/list-03-referrals.csv")[.posixPermissions]
        #expect((mode as? Int) == 0o600)

        // Written again over its own folder: replaced whole.
        let again = journey(["annex-a", "--log", events, "--as-of", "2024-09-01", "--out", out])
        #expect(again.status == 0, "\(again.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == Self.files.sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["annex-a", "council.jsonl"])
    }

    @Test("An --as-of outside the log is refused, and nothing is written")
    func asOfOutsideLog() throws {
        let (folder, events) = try tinyCouncilFile()
        let out = folder + "/annex-a"
        let result = journey(["annex-a", "--log", events, "--as-of", "2026-01-01", "--out", out])
        #expect(result.status == 1)
        #expect(result.errors.contains("--as-of 2026-01-01 is wholly outside the log"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("An --out that is a file, or a folder holding other files, is refused before anything is written")
    func outRefused() throws {
        let (folder, events) = try tinyCouncilFile()
        let file = journey(["annex-a", "--log", events, "--as-of", "2024-10-01", "--out", events])
        #expect(file.status == 1)
        #expect(file.errors.contains("it is not a folder"))
        let other = folder + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: other + "/notes.txt", contents: Data("kept".utf8)))
        let held = journey(["annex-a", "--log", events, "--as-of", "2024-10-01", "--out", other])
        #expect(held.status == 1)
        #expect(held.errors.contains("holds files annex-a did not write"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: other) == ["notes.txt"])
        let unwritable = journey(["annex-a", "--log", events, "--as-of", "2024-10-01", "--out", "/proc/annex-a"])
        #expect(unwritable.status == 1)
        #expect(unwritable.errors.contains("cannot write /proc/annex-a"))
    }

    @Test("--months outside 1 to 60 is refused")
    func months() {
        #expect(refusal(["annex-a", "--as-of", "2024-10-01", "--months", "0", "--out", "x"]) != nil)
        #expect(refusal(["annex-a", "--as-of", "2024-10-01", "--months", "61", "--out", "x"]) != nil)
        #expect(refusal(["annex-a", "--as-of", "2024-10-01", "--months", "12", "--out", "x"]) == nil)
    }
}

extension AnnexACommandTests {
    /// The help's examples are whole lines of its discussion (ArgumentParser wraps them only when printed).
    @Test("--help teaches, with examples")
    func help() {
        let result = journey(["annex-a", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("--months <n>"))
        let discussion = Journey.AnnexALists.configuration.discussion
        #expect(
            discussion.contains("journey annex-a --log event-logs/main --as-of 2025-03-31 --format csv --out annex-a/"))
        #expect(discussion.contains("journey annex-a --log event-logs/main --as-of 2025-03-31 --out annex-a.xlsx"))
        #expect(result.output.contains("--format <format>"))
        #expect(discussion.contains("11 adopters"))
    }
}

/// `--out annex-a.xlsx`: the workbook, and what it refuses as the other workbooks are refused.
extension AnnexACommandTests {
    /// Drawn for 2024-10-01 as in `writesFolder`: list 3 holds C1's R1 (10 April 2024), R3, and C2's R2. Excel's
    /// serial for 10 April 2024: 1 January 2000 is 36,526; 24 years of 365 days and the 6 leap days 2000…2020 to
    /// 1 January 2024 make 36,526 + 8,766 = 45,292; then 31 + 29 + 31 days of January to March and 9 more: 45,392.
    @Test("--out FILE.xlsx writes the workbook: a sheet per list and Notes, owner-only, nothing left beside it")
    func writesWorkbook() throws {
        let (folder, events) = try tinyCouncilFile()
        let out = folder + "/annex-a.xlsx"
        let result = journey(["annex-a", "--log", events, "--as-of", "2024-10-01", "--out", out])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("journey: wrote Annex A to \(out)"), "\(result.errors)")
        #expect(result.errors.contains("3 Referrals: 3 rows"))
        let names = try sheetNames(out)
        #expect(names.count == 12)
        #expect(names.first == "List 1 - Contacts")
        #expect(names[2] == "List 3 - Referrals")
        #expect(names.last == "Notes")
        let referrals = try workbookPart(out, "xl/worksheets/sheet3.xml")
        #expect(referrals.contains(#"<c r="F2" s="2"><v>45392</v></c>"#), "R1's date, a date cell")
        #expect(referrals.contains(#"<c r="A1" s="1" t="inlineStr"><is><t>Child Unique ID</t></is></c>"#))
        #expect(referrals.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        let notes = try workbookPart(out, "xl/worksheets/sheet12.xml")
        #expect(notes.contains("written with its headings only: adopters are not children"))
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["annex-a.xlsx", "council.jsonl"])

        // --format xlsx writes it again over its own workbook; an --out not ending .xlsx is still the CSV folder.
        let again = journey(["annex-a", "--log", events, "--as-of", "2024-10-01", "--format", "xlsx", "--out", out])
        #expect(again.status == 0, "\(again.errors)")
        let csv = journey(["annex-a", "--log", events, "--as-of", "2024-10-01", "--out", folder + "/lists"])
        #expect(csv.status == 0, "\(csv.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/lists").sorted() == Self.files.sorted())
    }

    @Test("A workbook is refused to a terminal or a pipe, under a name not ending .xlsx, and csv to a .xlsx name")
    func workbookRefusals() {
        let base = ["annex-a", "--as-of", "2024-10-01"]
        #expect(refusal(base + ["--format", "xlsx", "--out", "-"])?.contains("give the file, --out FILE.xlsx") == true)
        #expect(refusal(base + ["--format", "xlsx", "--out", "annex-a/"])?.contains("ending .xlsx") == true)
        #expect(
            refusal(base + ["--format", "csv", "--out", "a.xlsx"])?.contains("writes a folder of CSV files") == true)
        #expect(refusal(base + ["--out", "a.XLSX"]) == nil)
        #expect(refusal(base + ["--format", "xlsx", "--out", "a.xlsx"]) == nil)
        #expect(refusal(base + ["--out", "annex-a/"]) == nil)
        // As the program runs it: exit 64, nothing on standard output.
        let result = journey(base + ["--format", "xlsx", "--out", "-"])
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
    }

    @Test("An --out.xlsx that is a folder is refused before the replay, and left alone")
    func workbookOutRefused() throws {
        let (folder, events) = try tinyCouncilFile()
        let out = folder + "/x.xlsx"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let result = journey(["annex-a", "--log", events, "--as-of", "2024-10-01", "--out", out])
        #expect(result.status == 1)
        #expect(result.errors.contains("is not a regular file"), "\(result.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
        let unwritable = journey(["annex-a", "--log", events, "--as-of", "2024-10-01", "--out", "/proc/annex-a.xlsx"])
        #expect(unwritable.status == 1)
        #expect(unwritable.errors.contains("cannot write /proc/annex-a.xlsx"), "\(unwritable.errors)")
    }
}

/// One part of a workbook, as text.
func workbookPart(_ path: String, _ part: String) throws -> String {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    let entry = try #require(archive[part])
    var bytes = Data()
    _ = try archive.extract(entry) { bytes.append($0) }
    return String(decoding: bytes, as: UTF8.self)
}
