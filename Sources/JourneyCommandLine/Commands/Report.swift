import ArgumentParser
import Foundation
import JourneyCore
import JourneyLog
import JourneyProjections
import JourneyReports

extension Journey {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write the monthly performance pack: one HTML file with headline figures, trends and charts.",
            discussion: """
                The pack for managers and the improvement board, from one replay of the log: every headline measure \
                for the twelve months to the month's end, with the year before, the direction of travel and a red, \
                amber or green status against its target; a trend chart per measure (the rolling twelve months to \
                each month end, over the last 24 months or as far as the log goes); bar charts by team; the front \
                door funnel and step-ups and step-downs; and the open data-quality findings by check and team.

                One self-contained file: inline CSS and SVG, no scripts, nothing fetched, so it opens in any browser \
                with no network and prints on A4 landscape, each page headed with the log, the period and the \
                log's hash, footed with the journey version and "page N of M", and marked at top and bottom with \
                --marking (default OFFICIAL-SENSITIVE). Aggregates only: no child's id \
                appears. A team's figure over fewer than 5 is shown as "–". Each page names the log's position and hash, \
                the period, "as known at" and when the pack was made; the same log and arguments give the same \
                bytes, apart from that time, which --stamp fixes.

                --log takes a log folder or a JSON Lines file of events; journey-serve also takes a log in \
                PostgreSQL (postgres://USER@HOST:PORT/DATABASE, docs/postgres.md), replayed from its start, and \
                writes the same pack as from a folder holding the same batches (the log's name aside).

                Targets are England's published averages for the year to March 2025 unless --targets names a file \
                (one measure a line: metric id, target, optional tolerance in percentage points, or "none"; see the \
                README; a line "minimum-denominator 10" sets the smallest count a rate is rated on). The file is \
                written readable by its owner only.

                A figure the log covers only in part (its twelve months, or the look-back before them: the 12 \
                months before each referral, 2 years of earlier CP plans, 2½ years in care) is marked "partly \
                covered" and gets no status and no direction of travel; a rate over fewer than --min-denominator \
                (default 10) is "too few to rate". A month whose twelve months have no day in the log is refused \
                (exit 1) unless --allow-uncovered.

                Saved results: on a log folder, what the last pack was made of (its metrics' folds and the counts of \
                its findings) is kept in cache/journey-pack.results, beside the checkpoint. A run for the same month \
                again (the same calendar and minimum denominator, without --as-known-at, and the same build of \
                journey) builds again only the records the events appended since change: a fraction of a second on a \
                log of millions. The findings are as known at the end of the month's last day: for a month that has \
                ended, events recorded after it change none of them; for the month under way (every event recorded \
                by its end), they are the checks' as known now, kept in cache/journey-pack-checks.results. An event \
                recorded by the end of a month that has ended, or any other run, evaluates in full, with the same \
                pack, and saves its results for the next; --no-cache does neither.

                Measures:
                  \(PackMeasure.all.map(\.id).joined(separator: ", "))

                Examples:
                  journey report --log event-logs/sample.jsonl --year 2024-25 --out pack.html
                  journey report --log event-logs/main --year 2024-25 --month 2024-11 --targets targets.txt --out nov.html
                  journey report --year 2024-25 --as-known-at 2025-04-30 --stamp 2025-05-01T09:00:00Z --out pack.html
                  journey report --log event-logs/sample.jsonl --year 2024-25 --marking OFFICIAL --out pack.html
                  journey-serve report --log postgres://journey@db.council.internal/journey --year 2024-25 --out pack.html
                """
        )

        @OptionGroup var log: LogFolderOrFileOptions

        @OptionGroup var progressOptions: ProgressOptions

        @OptionGroup var replayOptions: ReplayOptions

        @Option(help: ArgumentHelp("The statutory year, 1 April to 31 March.", valueName: "2024-25"))
        var year: String

        @Option(
            help: ArgumentHelp(
                "The pack's month, within the year. Default: the year's last month.", valueName: "yyyy-mm"))
        var month: String?

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Option(
            help: ArgumentHelp(
                "A targets file (metric id, target, optional tolerance a line). Default: England's averages.",
                valueName: "file"))
        var targets: String?

        @Option(help: ArgumentHelp("Where to write the HTML file.", valueName: "file"))
        var out: String

        @Option(
            help: ArgumentHelp(
                "The time printed as when the pack was made, a time such as 2025-04-01T09:00:00Z: the same log and "
                    + "arguments then give the same bytes.",
                valueName: "time"))
        var stamp: String?

        @Flag(
            help: "Write a pack for a month whose twelve months are wholly outside the log's dates (refused otherwise)."
        )
        var allowUncovered = false

        @Option(
            help: ArgumentHelp(
                "A rate over fewer than this many is \"too few to rate\", not given a status. Default: the targets "
                    + "file's minimum-denominator line, else 10.", valueName: "n"))
        var minDenominator: Int?

        @Option(
            help: ArgumentHelp(
                "The protective marking printed at the top and bottom of every page.", valueName: "words"))
        var marking: String = PerformancePack.defaultMarking

        var statutoryYear: ReportingPeriod { ReportingPeriod(statutoryYear: year)! }

        /// The last day of the pack's month.
        var monthEnd: CalendarDate {
            guard let month else { return statutoryYear.to }
            return CalendarDate(month + "-01")!.monthEnd
        }

        func validate() throws {
            guard ReportingPeriod(statutoryYear: year) != nil else {
                throw ValidationError("--year takes a statutory year such as 2024-25")
            }
            if let month {
                guard month.count == 7, let first = CalendarDate(month + "-01") else {
                    throw ValidationError("--month takes a month such as 2024-11")
                }
                guard statutoryYear.contains(first) else {
                    throw ValidationError(
                        "--month \(month) is not in the year \(year) (April \(year.prefix(4)) to March)")
                }
            }
            if let stamp, Timestamp(stamp) == nil {
                if let problem = Timestamp.rangeProblem(in: stamp) { throw ValidationError("--stamp: \(problem)") }
                throw ValidationError("--stamp takes a time such as 2025-04-01T09:00:00Z (UTC)")
            }
            if let minDenominator, minDenominator < 0 {
                throw ValidationError("--min-denominator takes 0 or more")
            }
            guard log.path != "-" else {
                throw ValidationError(
                    "the pack needs a log folder or a JSON Lines file, not standard input (its provenance names the "
                        + "log's hash)")
            }
            guard !out.isEmpty else { throw ValidationError("--out needs a file name") }
            guard !marking.trimmingCharacters(in: .whitespaces).isEmpty, marking.count <= 60,
                !marking.contains(where: { $0.isNewline })
            else {
                throw ValidationError(
                    "--marking takes one line of up to 60 characters, such as OFFICIAL-SENSITIVE or OFFICIAL")
            }
        }

        func run() throws {
            try reportingErrors {
                let workingDays = try replayOptions.workingDays()
                let goals =
                    try targets.map { path in
                        try Targets(fileContents: readOptionTextFile(path, option: "--targets"), fileName: path)
                    } ?? .england
                try Self.checkReplaceable(out)
                let madeAt = stamp.flatMap { Timestamp($0) } ?? Self.now
                let progress = Terminal.Progress(progressOptions)
                func provenance(_ source: Provenance.Source) -> Provenance {
                    Provenance(
                        log: LogStores.withoutCredentials(log.path), source: source, madeAt: madeAt,
                        journeyVersion: BuildInfo.version)
                }
                var pack: PerformancePack
                // A log folder's pack as known now keeps what it is made of beside its checkpoint: a run for the
                // same month after an append builds again only the records it changes (SavedPack). Any other log,
                // or an earlier time, is replayed and evaluated in full.
                if asKnownAt.timestamp == nil, let folder = try openLogFolder(log.path) {
                    defer { progress.finish() }
                    pack = try SavedPack.pack(
                        folder, monthEnd: monthEnd, calendar: workingDays, targets: goals,
                        provenance: provenance(.log(lastPosition: folder.lastPosition, headHash: folder.headHash)),
                        minimumDenominator: minDenominator, useCache: replayOptions.useCache,
                        progress: progress.replaying(folder)
                    ).pack
                } else {
                    let (state, source) = try Self.replay(
                        log.path, useCache: replayOptions.useCache, progress: progress)
                    progress.update("evaluating the pack")
                    pack = state.performancePack(
                        monthEnd: monthEnd, asKnownAt: asKnownAt.timestamp, calendar: workingDays, targets: goals,
                        provenance: provenance(source), minimumDenominator: minDenominator)
                }
                pack.marking = marking
                if !allowUncovered {
                    try PeriodOutsideLog.check(pack.period, in: pack.current.span, what: "the pack's twelve months")
                }
                try Self.write(pack.html, to: out)
                progress.finish()
            }
        }

        /// The folded state and where it came from: a log's head as opened (the replay reads up to it and no
        /// further), in a folder or another store, or a JSON Lines file's hash and event count, whatever the file's
        /// name.
        static func replay(_ path: String, useCache: Bool, progress: Terminal.Progress) throws
            -> (JourneyState, Provenance.Source)
        {
            let located = try LogSource(locating: path)
            if let replayed = try LogStores.reading(
                located, command: "report",
                { store in
                    let state = try replayStore(store, useCache: useCache, progress: progress)
                    return (state, Provenance.Source.log(lastPosition: store.lastPosition, headHash: store.headHash))
                })
            {
                return replayed
            }
            if located.isJSONLines {
                // The file is read twice (the replay, then its hash): a file that changed in between would give a
                // pack whose hash is not that of the events counted.
                let before = fileStamp(path)
                let state = try replayFile(path, progress: progress)
                let sha256 = try Provenance.sha256(ofFileAt: path)
                guard before != nil, fileStamp(path) == before else {
                    throw ReportLogChanged(path: path)
                }
                return (state, .file(events: state.eventCount, sha256: sha256))
            }
            let log = try EventLog.open(path)
            if let recovery = log.recovery { Terminal.error("journey: \(recovery)") }
            let source = Provenance.Source.log(lastPosition: log.lastPosition, headHash: log.headHash)
            let state: JourneyState
            if useCache {
                (state, _) = try Checkpoint.replay(log, progress: progress.replaying(log))
            } else {
                state = try JourneyState(replaying: log, progress: progress.replaying(log))
            }
            progress.replayed(log)
            return (state, source)
        }

        /// A file's size, modification time and inode: what changes when anything writes to it or replaces it.
        static func fileStamp(_ path: String) -> [Int]? {
            try? System.status(of: path).stamp
        }

        static var now: Timestamp {
            Timestamp(nanoseconds: Int64(Date().timeIntervalSince1970.rounded(.down)) * 1_000_000_000)
        }

        /// Refuses a path that names anything but a regular file or nothing yet: the pack is renamed into place, and
        /// a rename would replace a device (as root, `/dev/full`), a link or a folder's entry with the pack.
        static func checkReplaceable(_ path: String) throws {
            guard let status = try existingEntry(at: path) else { return }
            guard status.kind == .regular else {
                throw ReportFileError(
                    path: path,
                    reason: "it is not a regular file (a device, a folder or a link): give a new file name for the pack"
                )
            }
        }

        /// Writes the file readable by its owner only (it is about children, even in aggregate), through a temporary
        /// file beside it renamed into place (`System.replaceFile`), so that a reader never sees half a pack.
        static func write(_ text: String, to path: String) throws {
            try checkReplaceable(path)
            // A temporary left by an interrupted run is replaced; anything else by that name is refused.
            let temporary = path + ".partial"
            try checkReplaceable(temporary)
            do {
                try System.replaceFile(path, temporary: temporary) { try $0.write(Array(text.utf8)) }
            } catch let error as SystemCallError {
                throw ReportFileError(path: path, reason: error.reason)
            }
        }
    }
}

/// The pack could not be written.
struct ReportFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write \(path): \(reason)" }
}

/// A JSON Lines file changed between the replay and its hash: the pack would name a hash that is not that of the
/// events it counts.
struct ReportLogChanged: Error, CustomStringConvertible {
    var path: String
    var description: String {
        "\(path) changed while the pack was made, so its figures and its hash would not agree: run the report again "
            + "once nothing is writing to it"
    }
}
