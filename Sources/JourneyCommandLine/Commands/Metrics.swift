import ArgumentParser
import Foundation
import JourneyCore
import JourneyProjections
import JourneyReports

extension Journey {
    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "metrics",
            abstract: "Compute the statutory metrics for a period, replayed from the log.",
            discussion: """
                Every metric of the metric definitions (timeliness of assessments, conferences and CP reviews; \
                re-referrals; repeat CP plans; CP plan duration; placement stability; placements over 20 miles; \
                adoptions, special guardianship and the adoption scorecard's timeliness; care leavers in touch, \
                suitably housed and in education, employment or training; the health of children looked after for \
                12 months) and the activity counts of the monthly pack, computed in one replay of the log. A figure \
                is a count, a share (a percentage) or an average (days or a score, with its median). The same log \
                and arguments always give the same output, byte for byte.

                What is checked of the log: each record read (its checksum), positions without gaps, each batch \
                closed by its commit, and the head. With a checkpoint in the log's cache/ folder, only the records \
                after it are read, so damage before it goes unnoticed here: journey verify is the check of the \
                whole log.

                Saved results: on a log folder, the metrics' folds of the last run are kept in cache/journey-metrics.results, \
                beside the checkpoint. A run that asks the same question again (the same options, without --as-known-at, \
                and the same build of journey) reads from the checkpoint only the children the events appended \
                since change and brings the saved results up to date: after an append of a few thousand events \
                to a log of millions, a fraction of a second. Any other run evaluates every record, with the \
                same output, and saves its results for the next; --no-cache does neither. A run with --only, when the \
                saved results are those of every metric for the same periods and options, brings them up to date and \
                reports the metrics named: the same output as an evaluation of those metrics alone.

                Metrics:
                  \(MetricCatalogue.ids.joined(separator: ", "))

                Coverage: a period with no day between the log's first and last event is refused (exit 1) \
                unless --allow-uncovered. A figure whose period, or look-back before it (re-referrals: the 12 \
                months before each referral; repeat CP plans: the 2 years before each start; long-term placement \
                stability: 2½ years in care; the health figures: 12 months in care), the log covers only in part is marked "partial" (a column in the \
                table and CSV, "coverage" in JSON), with the reason. A rate over fewer than --min-denominator \
                (default 10) is marked "too few to rate".

                --format xlsx --out FILE.xlsx writes an Excel workbook (never to standard output): a Metrics \
                sheet of the headline figures, a sheet per breakdown (By team, By age-band…) and, with --monthly, \
                a Monthly sheet of the grid; the CSV's figures as numbers (a share as a percentage, 86.4%), days \
                as dates, and each sheet's heading row frozen and filterable.

                journey metrics --list gives each metric's definition, unit, which way is better, England's target \
                where the pack has one, and its statutory source.

                Examples:
                  journey metrics --list
                  journey metrics --log event-logs/sample.jsonl --year 2024-25
                  journey metrics --year 2024-25 --by team --by age-band --format csv > pack.csv
                  journey metrics --from 2023-04-01 --to 2025-03-31 --monthly --only re-referrals --format csv
                  journey metrics --year 2024-25 --as-known-at 2025-05-01 --format json
                  journey metrics --year 2024-25 --by team --by age-band --format xlsx --out pack.xlsx
                """
        )

        @OptionGroup var log: ReplayedLogOptions

        @OptionGroup var progressOptions: ProgressOptions

        @OptionGroup var replayOptions: ReplayOptions

        @Flag(
            help: ArgumentHelp(
                "Print every metric, or those of --only: definition, unit, which way is better, England's target, "
                    + "source; and exit."))
        var list = false

        @Option(help: ArgumentHelp("First day of the period.", valueName: "yyyy-mm-dd"), transform: CalendarDate.parse)
        var from: CalendarDate?

        @Option(help: ArgumentHelp("Last day of the period.", valueName: "yyyy-mm-dd"), transform: CalendarDate.parse)
        var to: CalendarDate?

        @Option(help: ArgumentHelp("A statutory year, 1 April to 31 March.", valueName: "2024-25"))
        var year: String?

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Option(
            name: .customLong("by"),
            help: ArgumentHelp(
                "Break down by \(BreakdownDimension.allCases.map(\.rawValue).joined(separator: ", ")). Repeatable.",
                valueName: "dimension"))
        var dimensions: [BreakdownDimension] = []

        @Flag(
            help: ArgumentHelp(
                "A series of rolling 12-month figures, one to each month end in the period: in the table and CSV, a "
                    + "row per metric and a column per month end."))
        var monthly = false

        @Option(help: ArgumentHelp("Only these metrics (comma-separated ids).", valueName: "ids"))
        var only: String?

        @Option(help: ArgumentHelp("table, json, csv or xlsx (with --out).", valueName: "format"))
        var format: OutputFormat = .table

        @Option(help: ArgumentHelp("With --format xlsx: the workbook to write.", valueName: "file.xlsx"))
        var out: String?

        @Flag(help: "Measure assessment timeliness from the referral, not the assessment start.")
        var fromReferral = false

        @Flag(
            help:
                "Compute figures for a period wholly outside the log's dates (refused otherwise); they are marked partial."
        )
        var allowUncovered = false

        @Option(
            help: ArgumentHelp(
                "Mark a rate over fewer than this many \"too few to rate\" (default 10).", valueName: "n"))
        var minDenominator: Int = MetricContext.defaultMinimumDenominator

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case table, json, csv, xlsx
        }

        var period: ReportingPeriod {
            if let year { return ReportingPeriod(statutoryYear: year)! }
            return ReportingPeriod(from: from!, to: to!)
        }

        var onlyIDs: Set<String>? {
            only.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        }

        func validate() throws {
            if list {
                if format == .xlsx { throw ValidationError("--list is printed as a table, csv or json") }
                return try validateOnly()
            }
            try WorkbookOutput.validate(isWorkbook: format == .xlsx, out: out)
            if let year {
                guard ReportingPeriod(statutoryYear: year) != nil else {
                    throw ValidationError("--year takes a statutory year such as 2024-25")
                }
                guard from == nil && to == nil else {
                    throw ValidationError("give --year, or --from and --to, not both")
                }
            } else {
                guard let from, let to else {
                    throw ValidationError("give the period: --year 2024-25, or --from and --to")
                }
                guard from <= to else { throw ValidationError("--from must be on or before --to") }
            }
            guard minDenominator >= 0 else { throw ValidationError("--min-denominator takes 0 or more") }
            if monthly, period.monthEnds.count > Self.monthlyLimit {
                throw ValidationError(
                    "--monthly gives a figure for each month end, at most \(Self.monthlyLimit) (50 years): "
                        + "shorten --from/--to")
            }
            try validateOnly()
        }

        /// `--only` names metrics of the catalogue.
        func validateOnly() throws {
            guard let ids = onlyIDs else { return }
            let unknown = ids.subtracting(MetricCatalogue.ids)
            guard unknown.isEmpty else {
                throw ValidationError(
                    unknownIDsMessage("metric", unknown, known: MetricCatalogue.ids)
                        + "; known: \(MetricCatalogue.ids.joined(separator: ", ")) (see journey metrics --help)")
            }
        }

        /// Month ends a `--monthly` series may have: each is a full evaluation of every metric.
        static let monthlyLimit = 600

        func run() throws {
            if list {
                let listings = MetricListing.all().filter { onlyIDs?.contains($0.description.id) ?? true }
                let out = StandardOutput()
                switch format {
                case .table: out.write(MetricListing.table(listings))
                case .csv: out.write(MetricListing.csv(listings))
                case .json, .xlsx: out.write(MetricListing.json(listings).prettyText)
                }
                out.flush()
                return
            }
            try reportingErrors {
                let workingDays = try replayOptions.workingDays()
                let progress = Terminal.Progress(progressOptions)
                let contexts: [MetricContext]
                if monthly {
                    contexts = period.monthEnds.map {
                        MetricContext(
                            period: .rollingYear(to: $0), calendar: workingDays, dimensions: dimensions,
                            assessmentFromReferral: fromReferral, minimumDenominator: minDenominator)
                    }
                } else {
                    contexts = [
                        MetricContext(
                            period: period, calendar: workingDays, dimensions: dimensions,
                            assessmentFromReferral: fromReferral, minimumDenominator: minDenominator)
                    ]
                }
                let reports: [MetricsReport]
                // A log folder asked as known now keeps this question's folds beside its checkpoint: a run after an
                // append builds again only the records it changes (SavedMetrics). Any other log, or an earlier time,
                // is replayed and evaluated in full.
                if asKnownAt.timestamp == nil, let folder = try openLogFolder(log.path) {
                    defer { progress.finish() }
                    reports = try SavedMetrics.reports(
                        folder, contexts: contexts, only: onlyIDs, useCache: replayOptions.useCache,
                        progress: progress.replaying(folder)
                    ).reports
                } else {
                    let state = try replayState(log.path, useCache: replayOptions.useCache, progress: progress)
                    reports = state.metrics(contexts, asKnownAt: asKnownAt.timestamp, only: onlyIDs)
                }
                if !allowUncovered, let first = reports.first { try PeriodOutsideLog.check(period, in: first.span) }
                if format == .xlsx, let path = self.out {
                    return try WorkbookOutput.write(MetricsReport.workbook(reports, monthly: monthly), to: path)
                }
                let out = StandardOutput()
                switch format {
                case .xlsx: break
                case .json:
                    if monthly {
                        let series = JSONValue.object([
                            JSONMember(
                                key: "asKnownAt", value: asKnownAt.timestamp.map { .string($0.description) } ?? .null),
                            JSONMember(key: "series", value: .array(reports.map(\.json))),
                        ])
                        out.write(series.prettyText)
                    } else {
                        out.write(reports[0].json.prettyText)
                    }
                case .csv:
                    out.write(monthly ? MetricsReport.monthlyCSV(reports) : MetricsReport.csv(reports))
                case .table:
                    out.write(monthly ? MetricsReport.monthlyTable(reports) : reports[0].table)
                }
                out.flush()
            }
        }
    }
}

extension BreakdownDimension: ExpressibleByArgument {}
