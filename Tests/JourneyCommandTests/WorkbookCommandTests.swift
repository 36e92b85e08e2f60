import Foundation
import Testing
import ZIPFoundation

/// `--format xlsx` of `metrics`, `check` and `cohort repeat-cp`, run in-process.
@Suite("--format xlsx")
struct WorkbookCommandTests {
    static let metrics = ["metrics", "--log", sampleLog, "--year", "2024-25"]
    static let check = ["check", "--log", sampleLog, "--fail-on", "never"]
    static let cohort = ["cohort", "repeat-cp", "--log", sampleLog, "--from", "2023-04-01", "--to", "2025-03-31"]

    @Test("xlsx needs --out FILE.xlsx: never standard output, never another name", arguments: [metrics, check, cohort])
    func refusals(_ command: [String]) {
        #expect(refusal(command + ["--format", "xlsx"])?.contains("give the file, --out FILE.xlsx") == true)
        #expect(refusal(command + ["--format", "xlsx", "--out", "-"])?.contains("--out FILE.xlsx") == true)
        #expect(refusal(command + ["--format", "xlsx", "--out", "pack.csv"])?.contains("ending .xlsx") == true)
        #expect(
            refusal(command + ["--format", "csv", "--out", "pack.xlsx"])?.contains("goes with --format xlsx") == true)
        #expect(refusal(command + ["--format", "xlsx", "--out", "pack.XLSX"]) == nil)
        // And as the program runs it: exit 64, nothing on standard output.
        let result = journey(command + ["--format", "xlsx"])
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
    }

    @Test("cohort's workbook holds every part: --part is refused with xlsx")
    func cohortPart() {
        #expect(
            refusal(Self.cohort + ["--format", "xlsx", "--out", "c.xlsx", "--part", "rows"])?.contains(
                "leave out --part")
                == true)
    }

    @Test("metrics: a Metrics sheet, a sheet per breakdown, a Monthly grid; the same bytes twice; owner-only")
    func metricsSheets() throws {
        let folder = try workFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = [
            "metrics", "--log", sampleLog, "--from", "2024-04-01", "--to", "2024-06-30", "--by", "team", "--by",
            "age-band", "--monthly", "--format", "xlsx", "--out",
        ]
        let first = journey(arguments + [folder + "/a.xlsx"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.isEmpty)
        #expect(first.errors.contains("journey: wrote \(folder)/a.xlsx: 4 sheets"), "\(first.errors)")
        #expect(try sheetNames(folder + "/a.xlsx") == ["Metrics", "By team", "By age-band", "Monthly"])
        #expect(journey(arguments + [folder + "/b.xlsx"]).status == 0)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: folder + "/a.xlsx"))
                == Data(contentsOf: URL(fileURLWithPath: folder + "/b.xlsx")))
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/a.xlsx")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test("check: Summary, Teams, then a sheet per check found and per team")
    func checkSheets() throws {
        let folder = try workFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = journey(Self.check + ["--format", "xlsx", "--out", folder + "/c.xlsx"])
        #expect(result.status == 0, "\(result.errors)")
        let csv = journey(Self.check + ["--format", "csv"])
        let findings = parseCSV(csv.output).dropFirst()
        let checks = orderedUnique(findings.map { $0[0] })
        let teams = Set(findings.map { $0[4] })
        let names = try sheetNames(folder + "/c.xlsx")
        #expect(names.prefix(2) == ["Summary", "Teams"])
        // Check ids are at most 31 characters, so each is its sheet's name as it is.
        #expect(Array(names.dropFirst(2).prefix(checks.count)) == checks.map { String($0.prefix(31)) })
        #expect(names.count == 2 + checks.count + teams.count)
    }

    @Test("a path that is a folder is refused, and nothing is left behind")
    func folderRefused() throws {
        let folder = try workFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/x.xlsx", withIntermediateDirectories: true)
        let result = journey(Self.cohort + ["--format", "xlsx", "--out", folder + "/x.xlsx"])
        #expect(result.status == 1)
        #expect(result.errors.contains("is not a regular file"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.xlsx.partial"))
    }
}

/// A fresh folder for a test's files.
func workFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "journey-xlsx-\(UInt64.random(in: 0...UInt64.max))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// The sheets' names, in order, from the workbook's `xl/workbook.xml`.
func sheetNames(_ path: String) throws -> [String] {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    let entry = try #require(archive["xl/workbook.xml"])
    var bytes = Data()
    _ = try archive.extract(entry) { bytes.append($0) }
    let xml = String(decoding: bytes, as: UTF8.self)
    return xml.components(separatedBy: "<sheet name=\"").dropFirst().map { piece in
        String(piece.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "&quot;", with: "\"")
    }
}

/// Values in their first order, each once.
func orderedUnique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
}

/// RFC 4180 CSV as rows of fields (quoted fields, doubled quotes, CRLF or LF line ends).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let c = pending ?? scalars.next() {
        pending = nil
        if quoted {
            if c == "\"" {
                if let next = scalars.next() {
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
            continue
        }
        switch c {
        case "\"": quoted = true
        case ",":
            row.append(field)
            field = ""
        case "\r": break
        case "\n":
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        default: field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}
