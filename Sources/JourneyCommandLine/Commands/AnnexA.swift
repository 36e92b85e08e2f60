import ArgumentParser
import Foundation
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneyReports

extension Journey {
    struct AnnexALists: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "annex-a",
            abstract: "Write Ofsted's Annex A lists of children for an inspection, from the log.",
            discussion: """
                The lists a council sends Ofsted when an inspection of its children's services is announced, \
                drawn for --as-of from the log as it stood at --as-known-at, with the template's headings, in its \
                order, and its forms of values (dates dd/mm/yyyy, "a) Male", "a) 1A: Individual"):
                  1 contacts, 3 referrals, 4 assessments and 5 section 47 enquiries and ICPCs: the activity in the \
                --months before --as-of (default 6, Ofsted's six months);
                  6 children in need, 7 child protection, 8 children in care and 10 adoption: those open on \
                --as-of and those closed in those months;
                  9 care leavers: those who are care leavers on --as-of.
                Counts in rows ("Number of Referrals in Last 12 Months", placements, missing episodes) cover the 12 \
                months their headings name, whatever --months, and count as the metrics do.

                Written with their headings only, and a note: 2 early help (the log holds episodes of early help, \
                not early help assessments) and 11 adopters (adopters are not children: the log of children's \
                journeys holds no adopter's own journey). Columns the log does not hold (the permanence plan, the \
                IRO's last visit, the placement's local authority, the family identifier) are left blank; the \
                workbook's Notes sheet (or README.txt in the CSV folder) lists every note. docs/annex-a.md says where \
                each column comes from.

                --out annex-a.xlsx (or --format xlsx) writes an Excel workbook: a sheet per list, "List 1 - \
                Contacts" … "List 11 - Adopters", Ofsted's headings in row 1 and nothing but the list's rows below \
                them (dates as dates shown dd/mm/yyyy, counts as numbers), so that each list can be copied whole into \
                the template; and a Notes sheet, last, with the date, the window, and each list's rows and note. \
                The workbook is written beside --out and renamed into place; a workbook is not text, so it is never \
                written to a terminal or a pipe, and --out must end .xlsx.

                --format csv (the default for an --out not ending .xlsx) writes a CSV file per list \
                (list-01-contacts.csv … list-11-adopters.csv) and README.txt into the --out folder, built beside it \
                and renamed into place, so that the folder is never left half written; an existing folder is \
                replaced only if it holds nothing but the files annex-a writes.

                Either way the files are readable by their owner only: the lists hold personal data, so keep them as \
                the case records are kept.

                An --as-of outside the log's dates is refused (exit 1) unless --allow-uncovered.

                Examples:
                  journey annex-a --log event-logs/main --as-of 2025-03-31 --out annex-a.xlsx
                  journey annex-a --log event-logs/main --as-of 2025-03-31 --format csv --out annex-a/
                  journey annex-a --as-of 2025-03-31 --months 12 --format csv --out annex-a-12-months/
                  journey annex-a --as-of 2025-03-31 --as-known-at 2025-04-02 --format csv --out annex-a/
                """)

        @OptionGroup var log: ReplayedLogOptions

        @OptionGroup var progressOptions: ProgressOptions

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Flag(help: ArgumentHelp("Replay the whole log, ignoring and not saving its cache folder's checkpoint."))
        var noCache = false

        @Option(
            help: ArgumentHelp("The date the lists are drawn for (the inspection's).", valueName: "yyyy-mm-dd"),
            transform: CalendarDate.parse)
        var asOf: CalendarDate

        @Option(
            help: ArgumentHelp(
                "The months before --as-of that the lists of activity cover (1 to 60; default 6).", valueName: "n"))
        var months: Int = AnnexA.defaultMonths

        @Option(
            help: ArgumentHelp(
                "xlsx: an Excel workbook, a sheet per list (the default when --out ends .xlsx); csv: a CSV file per "
                    + "list in the --out folder (the default otherwise).", valueName: "format"))
        var format: OutputFormat?

        @Option(
            help: ArgumentHelp(
                "The workbook (FILE.xlsx) or, with --format csv, the folder to write the lists to.",
                valueName: "file|folder"))
        var out: String

        @Flag(help: "Draw the lists for an --as-of outside the log's dates (refused otherwise).")
        var allowUncovered = false

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case xlsx, csv
        }

        /// --format, or else what --out names: a workbook for a name ending .xlsx, a folder of CSV files otherwise.
        var resolvedFormat: OutputFormat { format ?? (out.lowercased().hasSuffix(".xlsx") ? .xlsx : .csv) }

        func validate() throws {
            guard (1...60).contains(months) else { throw ValidationError("--months takes 1 to 60, not \(months)") }
            switch resolvedFormat {
            case .xlsx:
                // As metrics, check and cohort refuse it: never a terminal or a pipe, never a name Excel refuses.
                try WorkbookOutput.validate(isWorkbook: true, out: out)
            case .csv:
                guard !out.isEmpty else { throw ValidationError("--out takes a folder") }
                guard !out.lowercased().hasSuffix(".xlsx") else {
                    throw ValidationError(
                        "--format csv writes a folder of CSV files, not a workbook: give a folder for --out, or "
                            + "leave out --format csv to write the workbook")
                }
            }
        }

        func run() throws {
            try reportingErrors {
                let format = resolvedFormat
                let folder = AnnexAFolder(out)
                // Refused before the replay: for a workbook, a folder, device or link (or such a thing where its
                // temporary goes); for CSV, a file, or a folder holding files of its own.
                switch format {
                case .xlsx:
                    try Journey.Report.checkReplaceable(out)
                    try Journey.Report.checkReplaceable(out + ".partial")
                case .csv:
                    try folder.checkReplaceable()
                }
                let progress = Terminal.Progress(progressOptions)
                let state = try replayState(log.path, useCache: !noCache, progress: progress)
                let window = AnnexA.Window(asOf: asOf, months: months)
                progress.update("drawing the lists")
                // The span is read from the records the lists are drawn from, so a date outside it is refused once
                // they are drawn: each record is built once.
                let (lists, span) = AnnexA.lists(window, of: state, asKnownAt: asKnownAt.timestamp)
                progress.finish()
                if !allowUncovered {
                    try PeriodOutsideLog.check(ReportingPeriod(from: asOf, to: asOf), in: span, what: "--as-of")
                }
                // The caveat standard error gives, as a sentence on the Notes sheet or in README.txt.
                let caveat = Self.completenessNote(window: window, span: span).map { note in
                    note.prefix(1).uppercased() + note.dropFirst() + "."
                }
                switch format {
                case .xlsx:
                    let workbook = AnnexA.workbook(
                        lists, window: window, span: span?.description, notes: caveat.map { [$0] } ?? [])
                    do {
                        try workbook.write(to: out)
                    } catch let error as SystemCallError {
                        throw ReportFileError(path: out, reason: error.reason)
                    }
                case .csv:
                    var files = lists.map { (name: $0.fileStem + ".csv", text: $0.csv) }
                    files.append(
                        (
                            "README.txt",
                            AnnexA.readme(
                                lists, window: window, span: span?.description, notes: caveat.map { [$0] } ?? [])
                        ))
                    try folder.write(files)
                }
                Terminal.error(Self.summary(lists, window: window, out: out, span: span))
            }
        }

        /// When the 12 months before the date start before the log holds every event: counts over them may miss
        /// earlier events.
        static func completenessNote(window: AnnexA.Window, span: LogSpan?) -> String? {
            guard let span, window.asOf.adding(months: -12) < span.completeFrom else { return nil }
            return "the log holds every event only from \(span.completeFrom): counts in the 12 months before a row's "
                + "date may miss earlier events"
        }

        /// What standard error gets: the window, each list's rows, and the notes.
        static func summary(
            _ lists: [AnnexA.List], window: AnnexA.Window, out: String, span: LogSpan?
        ) -> String {
            var lines = [
                "journey: wrote Annex A to \(out): lists drawn for \(window.asOf), activity from \(window.from) "
                    + "(\(window.months) months)"
            ]
            for list in lists {
                lines.append("  \(list.number) \(list.name): \(list.rows.count) rows")
            }
            for list in lists { if let note = list.note { lines.append("note: list \(list.number), \(note)") } }
            // Counts over the 12 months before the window need every event from then.
            if let note = completenessNote(window: window, span: span) { lines.append("note: " + note) }
            return lines.joined(separator: "\n")
        }
    }
}

/// The --out folder of `annex-a`: written whole beside it and renamed into place, files readable by their owner
/// only (the lists hold personal data).
struct AnnexAFolder {
    var path: String

    init(_ path: String) {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Whether a name is one `annex-a` writes.
    static func isOwn(_ name: String) -> Bool {
        name == "README.txt" || (name.hasPrefix("list-") && name.hasSuffix(".csv"))
    }

    /// Throws unless `path` is free, or a folder holding only what `annex-a` writes.
    func checkReplaceable() throws {
        guard let status = try existingEntry(at: path) else { return }
        guard status.kind == .directory else {
            throw ReportFileError(path: path, reason: "it is not a folder: give a folder for the lists")
        }
        let names: [String]
        do { names = try System.listDirectory(path) } catch { throw ReportFileError(path: path, reason: error.reason) }
        guard names.allSatisfy(Self.isOwn) else {
            throw ReportFileError(
                path: path,
                reason: "the folder holds files annex-a did not write: give a new or empty folder for the lists")
        }
    }

    /// Writes the files into a new folder beside `path`, then puts it in `path`'s place (the old one, if any,
    /// moved aside first and removed once the new one is in).
    func write(_ files: [(name: String, text: String)]) throws {
        let manager = FileManager.default
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)"
        let temporary = path + ".writing-" + suffix
        do {
            if System.exists(temporary) { try manager.removeItem(atPath: temporary) }
            guard mkdir(temporary, 0o700) == 0 else { throw SystemCallError("create directory", path: path) }
            for file in files {
                let target = temporary + "/" + file.name
                try System.replaceFile(target, temporary: target + ".partial") { try $0.write(Array(file.text.utf8)) }
            }
            if System.exists(path) {
                let old = path + ".replaced-" + suffix
                try System.rename(path, old)
                do {
                    try System.rename(temporary, path)
                } catch {
                    try? System.rename(old, path)
                    throw error
                }
                try? manager.removeItem(atPath: old)
            } else {
                try System.rename(temporary, path)
            }
        } catch let error as SystemCallError {
            try? manager.removeItem(atPath: temporary)
            throw ReportFileError(path: path, reason: error.reason)
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw ReportFileError(path: path, reason: "\(error)")
        }
    }
}
