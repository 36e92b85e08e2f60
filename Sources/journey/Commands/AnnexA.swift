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
                IRO's last visit, the placement's local authority, the family identifier) are left blank; \
                README.txt in the folder lists every note. docs/annex-a.md says where each column comes from.

                --format csv writes a CSV file per list (list-01-contacts.csv … list-11-adopters.csv) and \
                README.txt into the --out folder, built beside it and renamed into place, so that the folder is \
                never left half written; an existing folder is replaced only if it holds nothing but the files \
                annex-a writes. The lists hold personal data: keep them as the case records are kept.

                An --as-of outside the log's dates is refused (exit 1) unless --allow-uncovered.

                Examples:
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

        @Option(help: ArgumentHelp("csv: a CSV file per list in the --out folder.", valueName: "format"))
        var format: OutputFormat = .csv

        @Option(help: ArgumentHelp("The folder to write the lists to.", valueName: "folder"))
        var out: String

        @Flag(help: "Draw the lists for an --as-of outside the log's dates (refused otherwise).")
        var allowUncovered = false

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case csv
        }

        func validate() throws {
            guard (1...60).contains(months) else { throw ValidationError("--months takes 1 to 60, not \(months)") }
            guard !out.isEmpty else { throw ValidationError("--out takes a folder") }
        }

        func run() throws {
            try reportingErrors {
                let folder = AnnexAFolder(out)
                // Refused before the replay: a file, or a folder holding files of its own.
                try folder.checkReplaceable()
                let progress = Terminal.Progress(progressOptions)
                let state = try replayState(log.path, useCache: !noCache, progress: progress)
                let knownAt = asKnownAt.timestamp
                let span = state.span(asKnownAt: knownAt)
                if !allowUncovered {
                    try PeriodOutsideLog.check(ReportingPeriod(from: asOf, to: asOf), in: span, what: "--as-of")
                }
                let window = AnnexA.Window(asOf: asOf, months: months)
                progress.update("drawing the lists")
                let lists = AnnexA.lists(window) { add in
                    state.forEachRecordPipelined(asKnownAt: knownAt) { add($0) }
                }
                progress.finish()
                var files = lists.map { (name: $0.fileStem + ".csv", text: $0.csv) }
                files.append(
                    (
                        "README.txt",
                        AnnexA.readme(lists, window: window, span: span?.description)
                    ))
                try folder.write(files)
                Terminal.error(Self.summary(lists, window: window, out: out, span: span))
            }
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
            if let span, window.asOf.adding(months: -12) < span.completeFrom {
                lines.append(
                    "note: the log holds every event only from \(span.completeFrom): counts in the 12 months before "
                        + "a row's date may miss earlier events")
            }
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
        let status: System.FileStatus
        do {
            status = try System.status(of: path, followingLinks: false)
        } catch {
            if error.code == ENOENT { return }
            throw ReportFileError(path: path, reason: error.reason)
        }
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
