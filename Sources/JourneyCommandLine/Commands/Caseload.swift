import ArgumentParser
import JourneyCore
import JourneyProjections
import JourneyReports

extension Journey {
    struct CaseloadCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "caseload",
            abstract: "Each worker's open cases on a date, by level of help, with days open and the last visit.",
            discussion: """
                One row per open case, grouped by team and worker: the child, the level of help (child in need, \
                child protection plan, child looked after, care leaver), when the case and the level began and how \
                many days ago, and the last statutory visit (visit.made) since the case began, with whether the \
                child was seen.

                Open: the referral's involvement not closed (case.closed) on the date, as the returns decide \
                involvement; a child looked after is open while care is; a care leaver is one whose care ended and \
                whom the log's leaving-care events follow, under 25. The worker and team are those of the latest \
                worker.allocated on or before the date; a child allocated to a team with no worker is shown as \
                unallocated in that team, a child with no allocation in the team unallocated. Definitions: \
                docs/caseload-and-audit-sample.md.

                --on defaults to the latest date an event occurred in the log (never today's date), so the same \
                log always gives the same caseload. A date outside the log's dates is refused (exit 1) unless \
                --allow-uncovered.

                Examples:
                  journey caseload --log event-logs/main --team North
                  journey caseload --log event-logs/main --on 2025-03-31 --format csv > caseload.csv
                  journey caseload --log events.jsonl --team North --on 2025-03-31 --format html > north.html
                  journey caseload --log event-logs/main --as-known-at 2025-04-07 --format json
                """
        )

        @OptionGroup var log: ReplayedLogOptions

        @OptionGroup var progressOptions: ProgressOptions

        @Option(help: ArgumentHelp("Only this team's cases (unallocated: children with no team).", valueName: "team"))
        var team: String?

        @Option(
            help: ArgumentHelp(
                "The date of the caseload. Default: the latest date an event occurred in the log.",
                valueName: "yyyy-mm-dd"), transform: CalendarDate.parse)
        var on: CalendarDate?

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Flag(help: "Take an --on date outside the log's dates (refused otherwise).")
        var allowUncovered = false

        @Option(help: ArgumentHelp("text, csv, json or html.", valueName: "format"))
        var format: PageFormat = .text

        func run() throws {
            try reportingErrors {
                let progress = Terminal.Progress(progressOptions)
                let state = try replayState(log.path, useCache: true, progress: progress)
                let cutoff = asKnownAt.timestamp
                let day = try state.openCasesDay(on: on, allowUncovered: allowUncovered, asKnownAt: cutoff)
                let caseload = Caseload.build(state, on: day, team: team, asKnownAt: cutoff)
                let out = StandardOutput()
                out.write(caseload.rendered(format))
                out.flush()
            }
        }
    }
}

extension PageFormat: ExpressibleByArgument {}
