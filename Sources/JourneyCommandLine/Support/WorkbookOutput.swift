import ArgumentParser
import JourneyLog
import JourneyWorkbook

/// `--format xlsx --out FILE.xlsx`, as `metrics`, `check` and `cohort` take it: a workbook goes to a file, never
/// to standard output.
enum WorkbookOutput {
    /// Refuses a workbook with nowhere to go, or `--out` without one. A workbook is a zip, not text: on a terminal
    /// it would be noise, and through a pipe it would be written before anything could check it was wanted.
    static func validate(isWorkbook: Bool, out: String?) throws {
        if isWorkbook {
            guard let out, !out.isEmpty, out != "-" else {
                throw ValidationError(
                    "--format xlsx writes an Excel workbook, which is not text for a terminal or a pipe: "
                        + "give the file, --out FILE.xlsx")
            }
            guard out.lowercased().hasSuffix(".xlsx") else {
                throw ValidationError(
                    "--out names the workbook: give a file name ending .xlsx (Excel refuses to open a workbook "
                        + "whose name does not end so)")
            }
        } else if out != nil {
            throw ValidationError(
                "--out goes with --format xlsx; the other formats are written to standard output (> file)")
        }
    }

    /// Writes the workbook to `path`, readable by its owner only, through `path.partial` renamed into place
    /// (`Workbook.write(to:)`), and says so on standard error.
    static func write(_ workbook: Workbook, to path: String) throws {
        try Journey.Report.checkReplaceable(path)
        // A temporary left by an interrupted run is replaced; anything else by that name is refused.
        try Journey.Report.checkReplaceable(path + ".partial")
        do {
            try workbook.write(to: path)
        } catch let error as SystemCallError {
            throw ReportFileError(path: path, reason: error.reason)
        }
        let count = workbook.sheets.count
        Terminal.error("journey: wrote \(path): \(count) sheet\(count == 1 ? "" : "s")")
    }
}
