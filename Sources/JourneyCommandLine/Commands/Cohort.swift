import ArgumentParser
import JourneyCore
import JourneyProjections
import JourneyReports

extension Journey {
    struct Cohort: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cohort",
            abstract: "Cohorts for research: children coming back onto a child protection plan.",
            discussion: """
                One subcommand per cohort; each is replayed from the log, as known at any time.

                Example:
                  journey cohort repeat-cp --log event-logs/sample.jsonl --from 2023-04-01 --to 2025-03-31
                """,
            subcommands: [RepeatCP.self]
        )
    }
}

extension Journey.Cohort {
    struct RepeatCP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repeat-cp",
            abstract: "Children who started a CP plan in a range, the repeat and first-time groups, time to re-plan.",
            discussion: """
                rows: one row per child who started a CP plan in the range (each child once, by their first plan \
                start in it, as the repeat-cp-plans metric counts them): the first plan start in the log, this \
                plan's start and category, the previous plan's start, end, length and category, the gap, whether the \
                previous plan ended within 3 or 6 months, how the child arrived (step-up from CIN, from early help, \
                new referral), age band, sex, ethnicity group, disability, team, and the group: repeat-within-window \
                (an earlier plan ended within --window of this start), repeat-ever (an earlier plan in the log, or \
                previousPlans recorded, but not within the window) or first-time. A plan before the log \
                (previousPlans only) is never counted as within the window: its end is unknown.

                summary: the repeat group against the first-time group on each characteristic, counts and shares \
                of each group.

                time-to-replan: for children whose CP plan ended in the range (each child once, by the first such \
                end), the Kaplan-Meier estimate of the share followed by a new plan within 3, 6, 12 and 24 months (of 91, 182, 365 and 730 days). Follow-up ends at \
                --as-known-at, else at the log's latest event date (never today's date), and at the child's death \
                or 18th birthday; a child followed for less time is censored, not dropped. The CSV is the curve, one \
                row per step, for a chart.

                --format csv writes one part (--part rows by default); table and json write all parts unless \
                --part says otherwise. The same log and arguments always give the same bytes.

                --format xlsx --out FILE.xlsx writes an Excel workbook (never to standard output) of every part, a \
                sheet each (Cohort, Summary, Time to re-plan): days as dates, counts as numbers, shares as \
                percentages, each heading row frozen and filterable.

                Examples:
                  journey cohort repeat-cp --log event-logs/sample.jsonl --from 2023-04-01 --to 2025-03-31
                  journey cohort repeat-cp --from 2024-04-01 --to 2025-03-31 --window 18m --format csv > cohort.csv
                  journey cohort repeat-cp --from 2022-04-01 --to 2024-03-31 --part time-to-replan --format csv
                  journey cohort repeat-cp --from 2024-04-01 --to 2025-03-31 --as-known-at 2025-05-01 --format json
                  journey cohort repeat-cp --from 2023-04-01 --to 2025-03-31 --format xlsx --out cohort.xlsx
                """
        )

        @OptionGroup var log: ReplayedLogOptions

        @OptionGroup var progressOptions: ProgressOptions

        @Option(help: ArgumentHelp("First day of the range.", valueName: "yyyy-mm-dd"), transform: CalendarDate.parse)
        var from: CalendarDate

        @Option(help: ArgumentHelp("Last day of the range.", valueName: "yyyy-mm-dd"), transform: CalendarDate.parse)
        var to: CalendarDate

        @Option(help: ArgumentHelp("The repeat window, in years or months (2y, 18m).", valueName: "length"))
        var window: RepeatCPCohort.Window = RepeatCPCohort.Window(months: 24)

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Option(help: ArgumentHelp("rows, summary, time-to-replan or all.", valueName: "part"))
        var part: Part?

        @Flag(help: "Give a cohort for a range wholly outside the log's dates (refused otherwise).")
        var allowUncovered = false

        @Option(help: ArgumentHelp("table, csv, json or xlsx (with --out).", valueName: "format"))
        var format: Format = .table

        @Option(help: ArgumentHelp("With --format xlsx: the workbook to write.", valueName: "file.xlsx"))
        var out: String?

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, csv, json, xlsx
        }

        enum Part: String, ExpressibleByArgument, CaseIterable {
            case rows, summary
            case timeToReplan = "time-to-replan"
            case all
        }

        func validate() throws {
            guard from <= to else { throw ValidationError("--from must be on or before --to") }
            if format == .csv, part == .all {
                throw ValidationError("--format csv writes one part: --part rows, summary or time-to-replan")
            }
            if format == .xlsx, part != nil, part != .all {
                throw ValidationError("--format xlsx writes every part, a sheet each: leave out --part")
            }
            try WorkbookOutput.validate(isWorkbook: format == .xlsx, out: out)
        }

        func run() throws {
            try reportingErrors {
                let progress = Terminal.Progress(progressOptions)
                let state = try replayState(log.path, useCache: true, progress: progress)
                let cutoff = asKnownAt.timestamp
                // The span is read from the records the cohort is drawn from, in the same pass: a range outside it is
                // refused once they are read.
                let study = RepeatCPStudy(state, from: from, to: to, window: window, asKnownAt: cutoff)
                let (cohort, replan, span) = (study.cohort, study.timeToReplan, study.span)
                if !allowUncovered {
                    try PeriodOutsideLog.check(ReportingPeriod(from: from, to: to), in: span, what: "the range")
                }
                // Earlier plans are looked for back to the log's start: a child's plan before it is seen only through
                // the plan's previousPlans, so the gap and window figures of a range near the start are partial.
                if let span, from.adding(months: -window.months) < span.completeFrom || to > span.latest {
                    Terminal.error(
                        "journey: note: the log covers \(span); the range and its \(window.months)-month look-back "
                            + "reach outside it, so earlier plans and gaps may be missing (partial)")
                }
                if format == .xlsx, let path = self.out {
                    return try WorkbookOutput.write(cohort.workbook(timeToReplan: replan), to: path)
                }
                let out = StandardOutput()
                switch (format, part ?? (format == .csv ? .rows : .all)) {
                case (.xlsx, _): break
                case (.csv, .rows), (.csv, .all): out.write(cohort.rowsCSV)
                case (.csv, .summary): out.write(cohort.summaryCSV)
                case (.csv, .timeToReplan): out.write(replan.curveCSV)
                case (.json, let p):
                    var members: [JSONMember] = [
                        JSONMember(key: "asKnownAt", value: cutoff.map { .string($0.description) } ?? .null)
                    ]
                    if case .object(let cohortMembers) = cohort.json {
                        for m in cohortMembers {
                            if m.key == "rows" && p != .rows && p != .all { continue }
                            if m.key == "summary" && p != .summary && p != .all { continue }
                            members.append(m)
                        }
                    }
                    if p == .timeToReplan || p == .all {
                        members.append(JSONMember(key: "timeToReplan", value: replan.json))
                    }
                    out.write(JSONValue.object(members).prettyText)
                case (.table, let p):
                    var parts: [String] = []
                    if p == .rows || p == .all { parts.append(cohort.rowsTable) }
                    if p == .summary || p == .all { parts.append(cohort.summaryTable) }
                    if p == .timeToReplan || p == .all { parts.append(replan.table) }
                    out.write(parts.joined(separator: "\n"))
                }
                out.flush()
            }
        }
    }
}

extension RepeatCPCohort.Window: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
