import Foundation
import Testing

/// Every kind of workbook the commands write, opened by LibreOffice (`soffice --headless`, Debian's
/// libreoffice-calc-nogui, which `.ci/run` installs) and converted back to CSV, a file per sheet: each sheet's cells
/// as LibreOffice shows them must be the figures of the command's own CSV. This is what a reader sees: LibreOffice
/// refuses or repairs a workbook whose parts are wrong, and shows a wrong date serial, style or number format as a
/// wrong cell.
///
/// LibreOffice is required: where `soffice` is missing the test fails, unless JOURNEY_LIBREOFFICE_UNAVAILABLE is
/// set outside CI (a machine without LibreOffice), where it is skipped and says why.
@Suite("LibreOffice opens every workbook")
struct WorkbookLibreOfficeTests {
    static let isSkipped =
        ProcessInfo.processInfo.environment["JOURNEY_LIBREOFFICE_UNAVAILABLE"] != nil
        && ProcessInfo.processInfo.environment["CI"] != "true"

    @Test(
        "metrics, monthly metrics, check, cohort and Annex A workbooks: LibreOffice shows the CSV's figures",
        .enabled(if: !isSkipped, "JOURNEY_LIBREOFFICE_UNAVAILABLE is set: LibreOffice is not installed here"))
    func everyKind() throws {
        let folder = try workFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let metrics = ["metrics", "--log", sampleLog, "--year", "2024-25", "--by", "team", "--by", "age-band"]
        let monthly = ["metrics", "--log", sampleLog, "--from", "2024-01-01", "--to", "2024-06-30", "--monthly"]
        let check = ["check", "--log", sampleLog, "--fail-on", "never"]
        let cohort = ["cohort", "repeat-cp", "--log", sampleLog, "--from", "2023-04-01", "--to", "2025-03-31"]
        for (name, command) in [("metrics", metrics), ("monthly", monthly), ("check", check), ("cohort", cohort)] {
            let result = journey(command + ["--format", "xlsx", "--out", "\(folder)/\(name).xlsx"])
            try #require(result.status == 0, "\(name): \(result.errors)")
        }
        let annexA = ["annex-a", "--log", sampleLog, "--as-of", "2025-03-31"]
        let written = journey(annexA + ["--out", "\(folder)/annexa.xlsx"])
        try #require(written.status == 0, "annex-a: \(written.errors)")
        // Every workbook in one run of LibreOffice: it takes seconds to start.
        let sheets = try convert(["metrics", "monthly", "check", "cohort", "annexa"], in: folder)
        try annexAMatchesCSV(sheets["annexa"] ?? [:], command: annexA, folder: folder)

        // Which metrics are shares (shown as percentages) and which averages, from the catalogue.
        let listing = parseCSV(journey(["metrics", "--list", "--format", "csv"]).output)
        let unitColumn = try #require(listing.first?.firstIndex(of: "unit"), "\(listing.first ?? [])")
        let idColumn = try #require(listing.first?.firstIndex(of: "metric"))
        let units = Dictionary(
            listing.dropFirst().map { ($0[idColumn], $0[unitColumn]) }, uniquingKeysWith: { a, _ in a })
        func value(_ metric: String, _ figure: String) -> String {
            figure.isEmpty || units[metric] != "percentage" ? figure : figure + "%"
        }

        // metrics: the Metrics sheet is the CSV's rows for everyone; each By sheet its rows for that dimension.
        let metricsCSV = parseCSV(journey(metrics + ["--format", "csv"]).output)
        let header = metricsCSV[0]
        let details = Array(header.dropFirst(11))
        let all = metricsCSV.dropFirst().filter { $0[4] == "all" }
        try #require(all.count >= 40, "every metric has a row for everyone")
        #expect(sheets["metrics"]?["Metrics"]?.first == header.filter { $0 != "dimension" && $0 != "key" })
        let expectedHeadline = all.map { r in
            [dmy(r[0]), dmy(r[1]), r[2], r[3], r[6], r[7], value(r[3], r[8]), r[9], r[10]] + Array(r.dropFirst(11))
        }
        #expect(rows(sheets["metrics"]?["Metrics"]) == trimmed(expectedHeadline), "details \(details)")
        for dimension in ["team", "age-band"] {
            let expected = metricsCSV.dropFirst().filter { $0[4] == dimension }.map { r in
                let key = dimension == "age-band" ? r[5].replacingOccurrences(of: " to ", with: "-") : r[5]
                return [dmy(r[0]), dmy(r[1]), r[2], r[3], key, r[6], r[7], value(r[3], r[8]), r[9], r[10]]
            }
            #expect(!expected.isEmpty)
            #expect(rows(sheets["metrics"]?["By \(dimension)"]) == trimmed(expected), "By \(dimension)")
        }

        // monthly: the grid, a share's cells as percentages.
        let grid = parseCSV(journey(monthly + ["--format", "csv"]).output)
        try #require(grid.count > 40 && grid[0].count == 1 + 6 + 2, "a row per metric, a column per month end")
        #expect(sheets["monthly"]?["Monthly"]?.first == grid[0])
        let expectedGrid = grid.dropFirst().map { r in
            [r[0]] + r.dropFirst().dropLast(2).map { value(r[0], $0) } + r.suffix(2)
        }
        #expect(rows(sheets["monthly"]?["Monthly"]) == trimmed(expectedGrid))

        // check: the Summary's counts; each check's sheet and each team's sheet its findings of the CSV.
        let findings = parseCSV(journey(check + ["--format", "csv"]).output).dropFirst().map { $0.map(unguarded) }
        try #require(!findings.isEmpty, "the sample has findings to lay out")
        let checkSheets = try #require(sheets["check"])
        for summary in rows(checkSheets["Summary"]) {
            #expect(summary[4] == String(findings.count { $0[0] == summary[0] }), "\(summary)")
        }
        // The check sheets follow Summary and Teams, in the CSV's order of checks; an id over 31 characters is
        // shortened in its sheet's name.
        let checkIDs = orderedUnique(findings.map { $0[0] })
        let sheetNamed = try sheetNames(folder + "/check.xlsx")
        for (id, sheet) in zip(checkIDs, sheetNamed.dropFirst(2)) {
            #expect(sheet == String(id.prefix(31)))
            let expected = findings.filter { $0[0] == id }.map { f in [f[3], f[4], dmy(f[5]), f[6], f[7], f[8]] }
            #expect(rows(checkSheets[sheet]) == trimmed(expected), "\(id)")
        }
        for team in orderedUnique(findings.map { $0[4] }) {
            let expected = findings.filter { $0[4] == team }.map { f in
                [f[0], f[1], f[2], f[3], dmy(f[5]), f[6], f[7], f[8]]
            }
            #expect(rows(checkSheets[team]) == trimmed(expected), "\(team)")
        }

        // cohort: the rows with dates as dates; the summary and the curve with shares as percentages.
        let cohortCSV = parseCSV(journey(cohort + ["--format", "csv", "--part", "rows"]).output)
        try #require(cohortCSV.count > 1, "the sample has a cohort")
        let dateColumns: Set<String> = ["first_plan_start", "plan_start", "previous_start", "previous_end"]
        let expectedCohort = cohortCSV.dropFirst().map { r in
            zip(cohortCSV[0], r).map { column, cell in
                dateColumns.contains(column)
                    ? dmy(cell) : column == "age_band" ? cell.replacingOccurrences(of: " to ", with: "-") : cell
            }
        }
        #expect(sheets["cohort"]?["Cohort"]?.first == cohortCSV[0])
        #expect(rows(sheets["cohort"]?["Cohort"]) == trimmed(expectedCohort))
        let summaryCSV = parseCSV(journey(cohort + ["--format", "csv", "--part", "summary"]).output)
        let expectedSummary = summaryCSV.dropFirst().map { r in
            [r[0], r[0] == "age-band" ? r[1].replacingOccurrences(of: " to ", with: "-") : r[1]]
                + r.dropFirst(2).enumerated().map { i, cell in i % 2 == 1 && !cell.isEmpty ? cell + "%" : cell }
        }
        #expect(rows(sheets["cohort"]?["Summary"]) == trimmed(expectedSummary))
        let curveCSV = parseCSV(journey(cohort + ["--format", "csv", "--part", "time-to-replan"]).output)
        let expectedCurve = curveCSV.dropFirst().map { r in Array(r.dropLast()) + [r.last! + "%"] }
        #expect(rows(sheets["cohort"]?["Time to re-plan"]) == trimmed(expectedCurve))
    }

    /// Annex A: each list's sheet is its CSV file cell for cell, heading row and all. A date shows as the CSV
    /// writes it (dd/mm/yyyy, the workbook's date format), a count as its digits; text is the CSV's without the
    /// apostrophe that guards a formula. Notes gives each list's rows, as many as its CSV has, and its note, as
    /// the CSV folder's README.txt does.
    func annexAMatchesCSV(_ sheets: [String: [[String]]], command: [String], folder: String) throws {
        let out = folder + "/annexa-csv"
        let result = journey(command + ["--format", "csv", "--out", out])
        try #require(result.status == 0, "\(result.errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".csv") }.sorted()
        try #require(files.count == 11)
        let readme = try String(contentsOfFile: out + "/README.txt", encoding: .utf8)
        let notes = trimmed(sheets["Notes"] ?? []).filter { !$0.isEmpty && !$0[0].isEmpty }
        #expect(notes.count == 12, "the heading row and a row per list")
        var filled = 0
        for (file, note) in zip(files, notes.dropFirst()) {
            let csv = parseCSV(try String(contentsOfFile: out + "/" + file, encoding: .utf8))
                .map { $0.map(unguarded) }
            let sheet = note[1]
            #expect(sheets[sheet]?.first == csv.first, "\(sheet): the headings")
            #expect(rows(sheets[sheet]) == trimmed(Array(csv.dropFirst())), "\(sheet)")
            #expect(note[2] == String(csv.count - 1), "\(sheet): rows in Notes")
            // README.txt's line for the list, and its note, are the Notes row's.
            #expect(readme.contains("(\(file)): \(csv.count - 1) rows"), "\(file)")
            if note.count > 3 { #expect(readme.contains("  note: \(note[3])\n"), "\(sheet)") }
            if csv.count > 1 { filled += 1 }
        }
        // The sample council has one adoption in the window (C001484's decision of 4 February 2025), so lists 1 and 3
        // to 10 have rows; lists 2 and 11 are their headings alone.
        #expect(filled == 9, "lists 1 and 3 to 10 have rows to compare")
        #expect(sheets.count == 12)
    }

    /// Converts the workbooks `names` (`folder/NAME.xlsx`) to CSV in one run of LibreOffice, a file per sheet, and
    /// returns each workbook's sheets by name, each as rows of cells as LibreOffice shows them.
    ///
    /// The filter's options (LibreOffice's CSV filter options): comma, double quote, UTF-8, from line 1, no column
    /// formats, default language, text not forced into quotes, special numbers detected, cells as shown (so a
    /// date's format and a percentage's are what is compared), no formulas, spaces kept, and -1: every sheet to its
    /// own file, `NAME-SHEET.csv` (LibreOffice 7.2 and later).
    func convert(_ names: [String], in folder: String) throws -> [String: [String: [[String]]]] {
        let soffice = try #require(
            ["/usr/bin/soffice", "/usr/local/bin/soffice"].first(where: FileManager.default.isExecutableFile),
            "soffice is not installed: apt-get install libreoffice-calc-nogui (JOURNEY_LIBREOFFICE_UNAVAILABLE=1 skips)"
        )
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // A profile of its own, so that a LibreOffice already running (another test run, a person's) is not asked
        // to do the conversion instead.
        process.arguments =
            [
                "-env:UserInstallation=file://\(folder)/profile", "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,true,false,false,-1", "--outdir",
                folder + "/csv",
            ] + names.map { "\(folder)/\($0).xlsx" }
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let said = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(said)")
        var result: [String: [String: [[String]]]] = [:]
        for name in names {
            for sheet in try sheetNames("\(folder)/\(name).xlsx") {
                let path = "\(folder)/csv/\(name)-\(sheet).csv"
                let text = try #require(try? String(contentsOfFile: path, encoding: .utf8), "no \(path): \(said)")
                result[name, default: [:]][sheet] = parseCSV(text)
            }
        }
        return result
    }

    /// A sheet's rows below its heading, trailing empty cells dropped (LibreOffice writes as many as the widest row).
    func rows(_ sheet: [[String]]?) -> [[String]] { trimmed(Array((sheet ?? []).dropFirst())) }

    /// Rows with their trailing empty cells dropped, to compare with `rows(_:)`.
    func trimmed(_ rows: [[String]]) -> [[String]] {
        rows.map { row in
            var row = row
            while row.last == "" { row.removeLast() }
            return row
        }
    }
}

/// A CSV's `yyyy-mm-dd` as the workbook's date format shows it, `dd/mm/yyyy`; empty stays empty.
func dmy(_ iso: String) -> String {
    let parts = iso.split(separator: "-")
    guard parts.count == 3 else { return iso }
    return "\(parts[2])/\(parts[1])/\(parts[0])"
}

/// A CSV cell without the apostrophe `CSVWriter` puts before text that starts as a formula would: a workbook's text
/// cell needs none.
func unguarded(_ cell: String) -> String {
    guard cell.hasPrefix("'"), let second = cell.dropFirst().first, "=+-@\t\r".contains(second) else { return cell }
    return String(cell.dropFirst())
}
