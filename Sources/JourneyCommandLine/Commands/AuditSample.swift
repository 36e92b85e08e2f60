import ArgumentParser
import JourneyCore
import JourneyProjections
import JourneyReports

extension Journey {
    struct AuditSampleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit-sample",
            abstract:
                "A reproducible sample of open cases for a case-file audit, stratified by team and level of help.",
            discussion: """
                Draws --size open cases (the caseload's: see journey caseload --help) with --seed, and lists each \
                with why it was chosen: its stratum (team and level of help), its draw number and the stratum's \
                size. The same seed, log and date give the same sample on any machine; another seed, another \
                sample.

                The rule: one case from each stratum, then the rest of the size shared in proportion to the cases \
                each stratum has left, by largest remainders; a size smaller than the number of strata takes one \
                from each of the largest strata; a size at or over the open cases takes them all. Within a \
                stratum, cases in child-id order are drawn by a partial Fisher-Yates shuffle from one SplitMix64 \
                generator seeded with --seed, strata in order (team by name, unallocated last; then child in \
                need, CP plan, looked after, care leaver). The rule and the generator, with a worked example: \
                docs/caseload-and-audit-sample.md.

                Examples:
                  journey audit-sample --log event-logs/main --size 20 --seed 20250331
                  journey audit-sample --log event-logs/main --size 5 --seed 7 --team North --on 2025-03-31
                  journey audit-sample --log events.jsonl --size 12 --seed 42 --format csv > sample.csv
                  journey audit-sample --log event-logs/main --size 10 --seed 1 --format html > sample.html
                """
        )

        @OptionGroup var log: ReplayedLogOptions

        @OptionGroup var progressOptions: ProgressOptions

        @Option(help: ArgumentHelp("How many cases to draw (1 to \(Self.sizeLimit)).", valueName: "n"))
        var size: Int

        @Option(help: ArgumentHelp("The seed: a whole number from 0 to 2^64 - 1.", valueName: "seed"))
        var seed: UInt64

        @Option(help: ArgumentHelp("Only this team's cases (unallocated: children with no team).", valueName: "team"))
        var team: String?

        @Option(
            help: ArgumentHelp(
                "The date the cases are open on. Default: the latest date an event occurred in the log.",
                valueName: "yyyy-mm-dd"), transform: CalendarDate.parse)
        var on: CalendarDate?

        @OptionGroup var asKnownAt: AsKnownAtOption

        @Flag(help: "Take an --on date outside the log's dates (refused otherwise).")
        var allowUncovered = false

        @Option(help: ArgumentHelp("text, csv, json or html.", valueName: "format"))
        var format: PageFormat = .text

        /// More than any council's open cases: a bound that keeps a mistyped size from meaning "all" by accident.
        static let sizeLimit = 100_000

        func validate() throws {
            guard (1...Self.sizeLimit).contains(size) else {
                throw ValidationError("--size must be 1 to \(Self.sizeLimit) cases")
            }
        }

        func run() throws {
            try reportingErrors {
                let progress = Terminal.Progress(progressOptions)
                let state = try replayState(log.path, useCache: true, progress: progress)
                let cutoff = asKnownAt.timestamp
                let day = try state.openCasesDay(on: on, allowUncovered: allowUncovered, asKnownAt: cutoff)
                let sample = AuditSample.draw(
                    state, on: day, size: size, seed: seed, team: team, asKnownAt: cutoff)
                let out = StandardOutput()
                out.write(sample.rendered(format))
                out.flush()
            }
        }
    }
}
