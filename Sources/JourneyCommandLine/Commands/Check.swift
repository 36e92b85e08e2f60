import ArgumentParser
import Foundation
import JourneyChecks
import JourneyCore
import JourneyProjections
import JourneyReports

extension Journey {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Report records that break the data-quality rules, replayed from the log.",
            discussion: """
                Runs every data-quality check (dates out of order, things open at once that cannot be, outcomes \
                that contradict each other, timescales passed, late or duplicated recording, temporary placements \
                and police protection over their limits) over each child's record, in the same replay as the \
                metrics. Each finding names the check, its severity, the child, the events (ids and log positions), \
                the team responsible on the as-of date, and what to fix. Timescales are judged on --as-of, which is \
                the latest date an event occurred in the log unless given, so the same log and arguments always \
                give the same output, byte for byte.

                What is checked of the log: each record read (its checksum), positions without gaps, each batch \
                closed by its commit, and the head. With a checkpoint in the log's cache/ folder, only the records \
                after it are read, so damage before it goes unnoticed here: journey verify is the check of the \
                whole log.

                Saved results: on a log folder, the findings of the last run are kept in cache/journey-checks.results, \
                beside the checkpoint. A run that asks the same question again (the same options, without --as-of, --as-known-at or --since, judged on the same day (the log's latest event), \
                and the same build of journey) reads from the checkpoint only the children the events appended \
                since change and brings the saved results up to date: after an append of a few thousand events \
                to a log of millions, a fraction of a second. Any other run evaluates every record, with the \
                same output, and saves its results for the next; --no-cache does neither. A run with --only, when the \
                saved results are those of every check, brings them up to date and reports the checks named: the \
                same output as a run of those checks alone.

                --format xlsx --out FILE.xlsx writes an Excel workbook (never to standard output), laid out as \
                the DfE validator's error workbook is used, to send each team its list: a Summary sheet of the \
                findings per check, a Teams sheet of each team's counts, a sheet per check with its findings and a \
                sheet per team with its own; dates as dates, each heading row frozen and filterable.

                --team T keeps the findings of one team's children (the team on the as-of date; unallocated for \
                children with no team), each check's count recounted, in every format. --format html writes one \
                page: the count of findings per check per team, and with --team the team's own findings \
                (docs/caseload-and-audit-sample.md).

                Exits 0, or 1 when there is a finding at or above --fail-on (default: error); with --team, among \
                that team's findings.

                The catalogue: --list prints the checks (id, severity, DfE rule, description). As csv or json it \
                also gives the DfE's validation rules (CIN census rule set cin2025_26, SSDA903 lac2025_26), one row \
                each, with where journey stands on each; --rules gives the rules alone, in any format. Columns: \
                kind (check or rule), return (CIN or 903), rule (the DfE's code; for a check, the codes it \
                follows), set (the validators' rule set), status (below), check (the checks that follow the rule), \
                severity (theirs), reason (why a rule is not ported), message (the DfE's; a check's summary), note \
                (a known bug of the DfE's validator in the rule: a port follows the rule's text). A rule's status \
                is ported (a check names it), enforced-at-append (the event format refuses what it refuses), \
                written-by-return (journey return meets it in how it writes the return), needs-reference-data \
                (postcodes, LA codes, Ofsted URNs), needs-previous-return, not-applicable (about something the \
                event format does not record) or not-yet-ported (judgeable on the log, no check yet); a check's is \
                ported, or journey-only when it follows no DfE rule. docs/dfe-rules.md is made from this listing.

                Examples:
                  journey check --list
                  journey check --list --rules
                  journey check --list --format csv > catalogue.csv
                  journey check --log event-logs/main
                  journey check --log event-logs/main --since 2025-03-24 --by team
                  journey check --log events.jsonl --only assessment-open-over-45-days,cp-visit-overdue --format csv
                  journey check --as-known-at 2025-04-30 --as-of 2025-03-31 --format json --fail-on never
                  journey check --log event-logs/main --format xlsx --out findings.xlsx
                  journey check --log event-logs/main --team North --format html > north-findings.html
                """
        )

        @OptionGroup var log: ReplayedLogOptions

        @OptionGroup var progressOptions: ProgressOptions

        @OptionGroup var replayOptions: ReplayOptions

        @Flag(
            help: ArgumentHelp(
                "Print the catalogue of checks (id, severity, rule, description) and exit; as csv or json, with the "
                    + "DfE's validation rules and journey's status on each."))
        var list = false

        @Flag(help: "With --list: the DfE's validation rules alone, with journey's status on each.")
        var rules = false

        @Option(
            help: ArgumentHelp(
                "The date timescales are judged on. Default: the latest date an event occurred in the log.",
                valueName: "yyyy-mm-dd"), transform: CalendarDate.parse)
        var asOf: CalendarDate?

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Option(
            help: ArgumentHelp(
                "Only findings that are new since the log as known at this time (the weekly report). A date means "
                    + "its end; or a time such as 2024-06-30T17:00:00Z.",
                valueName: "time"),
            transform: AsKnownAt.parse)
        var since: AsKnownAt?

        @Option(help: ArgumentHelp("Only these checks (comma-separated ids; see --list).", valueName: "ids"))
        var only: String?

        @Option(help: ArgumentHelp("table, json, csv, html or xlsx (with --out).", valueName: "format"))
        var format: OutputFormat = .table

        @Option(help: ArgumentHelp("With --format xlsx: the workbook to write.", valueName: "file.xlsx"))
        var out: String?

        @Option(
            help: ArgumentHelp(
                "Exit 1 when a finding of this severity or worse exists: error, warning or never.",
                valueName: "severity"))
        var failOn: FailOn = .error

        @Option(
            name: .customLong("by"),
            help: ArgumentHelp("Group by team: a summary for each team's manager.", valueName: "team"))
        var grouping: Grouping?

        @Option(
            help: ArgumentHelp(
                "Only the findings of this team's children (the team on the as-of date; unallocated: no team).",
                valueName: "team"))
        var team: String?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "recorded-late: working days allowed between an event and its recording (0 to \(Self.recordedLateDaysLimit)).",
                valueName: "days"))
        var recordedLateDays: Int = 5

        /// About four years of working days: a standard no council sets, and a bound that keeps the day arithmetic
        /// of `recorded-late` and `back-dated-correction` within the calendar.
        static let recordedLateDaysLimit = 1_000

        @Flag(help: "Judge on an --as-of date outside the log's dates (refused otherwise).")
        var allowUncovered = false

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case table, json, csv, html, xlsx
        }

        enum FailOn: String, ExpressibleByArgument, CaseIterable {
            case error, warning, never
        }

        enum Grouping: String, ExpressibleByArgument, CaseIterable {
            case team
        }

        var onlyIDs: Set<String>? {
            only.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        }

        func validate() throws {
            if rules && !list {
                throw ValidationError("--rules goes with --list: journey check --list --rules")
            }
            if list && (format == .xlsx || format == .html) {
                throw ValidationError("--list is printed as a table, csv or json")
            }
            if !list { try WorkbookOutput.validate(isWorkbook: format == .xlsx, out: out) }
            if let ids = onlyIDs {
                let unknown = ids.subtracting(CheckCatalogue.ids)
                guard unknown.isEmpty else {
                    throw ValidationError(
                        unknownIDsMessage("check", unknown, known: CheckCatalogue.ids)
                            + "; see journey check --list")
                }
            }
            guard (0...Self.recordedLateDaysLimit).contains(recordedLateDays) else {
                throw ValidationError("--recorded-late-days must be 0 to \(Self.recordedLateDaysLimit) working days")
            }
            if let since, let knownAt = asKnownAt.timestamp, since.timestamp >= knownAt {
                throw ValidationError("--since must be before --as-known-at")
            }
        }

        func run() throws {
            if list {
                let out = StandardOutput()
                let entries = CheckCatalogue.entries(rulesOnly: rules)
                switch format {
                case .table: out.write(rules ? CheckCatalogue.rulesTable(entries) : CheckCatalogue.listing)
                case .json, .xlsx, .html: out.write(CheckCatalogue.json(entries).prettyText)
                case .csv: out.write(CheckCatalogue.csv(entries))
                }
                out.flush()
                return
            }
            var failed = false
            try reportingErrors {
                let workingDays = try replayOptions.workingDays()
                let progress = Terminal.Progress(progressOptions)
                let knownAt = asKnownAt.timestamp
                let recordedLateDays = recordedLateDays
                @Sendable func context(_ day: CalendarDate?) -> CheckContext {
                    CheckContext(
                        asOf: day ?? CalendarDate(dayNumber: 0), calendar: workingDays,
                        recordedLateDays: recordedLateDays)
                }
                var report: CheckReport
                // A log folder checked as known now, on its latest day, keeps this question's findings beside its
                // checkpoint: a run after an append checks again only the records it changes (SavedChecks). Any
                // other log, time, day or --since is replayed and checked in full.
                if knownAt == nil, asOf == nil, since == nil, let folder = try openLogFolder(log.path) {
                    report = try SavedChecks.report(
                        folder, only: onlyIDs, useCache: replayOptions.useCache, progress: progress.replaying(folder),
                        context: context
                    ).report
                } else {
                    let state = try replayState(log.path, useCache: replayOptions.useCache, progress: progress)
                    // A day outside the log would judge every open timescale against a date the log knows nothing of.
                    if let asOf, !allowUncovered {
                        try PeriodOutsideLog.check(
                            ReportingPeriod(from: asOf, to: asOf), in: state.span(asKnownAt: knownAt), what: "--as-of",
                            consequence: CheckContext.dayOutsideLog)
                    }
                    let day = asOf ?? state.latestOccurred(asKnownAt: knownAt)
                    report =
                        if let since {
                            state.check(context(day), asKnownAt: knownAt, only: onlyIDs, newSince: since.timestamp)
                        } else {
                            state.check(context(day), asKnownAt: knownAt, only: onlyIDs)
                        }
                }
                progress.finish()
                // Event ids are read back for the events the findings cite, from an index in the log's cache folder
                // (standard input cannot be read twice: its findings name positions only).
                if !report.findings.isEmpty && log.path != "-" {
                    progress.update("looking up event ids")
                    let positions = report.positions
                    let ids =
                        try LogStores.reading(log.source()) { try EventIDLookup.ids(at: positions, in: $0) }
                        ?? EventIDLookup.ids(at: positions, inLogAt: log.path, useCache: replayOptions.useCache)
                    report.resolveEventIDs(ids)
                    progress.finish()
                }
                let byTeam = grouping == .team
                // The page shows every team's counts beside the chosen team's findings; the other formats, the
                // chosen team's findings alone.
                let pages = FindingsByTeam.build(report, team: team)
                report = pages.teamReport
                let stdout = StandardOutput()
                switch format {
                case .html: stdout.write(pages.html)
                case .xlsx: try WorkbookOutput.write(report.workbook(), to: self.out!)
                case .table: stdout.write(report.table(byTeam: byTeam))
                case .json: stdout.write(report.json(byTeam: byTeam).prettyText)
                case .csv: report.writeCSV(byTeam: byTeam) { stdout.write($0) }
                }
                stdout.flush()
                switch failOn {
                case .error: failed = report.hasFinding(atLeast: .error)
                case .warning: failed = report.hasFinding(atLeast: .warning)
                case .never: failed = false
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
