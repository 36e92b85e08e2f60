import ArgumentParser
import JourneyCore
import JourneyLog
import JourneyProjections

extension JourneyBench {
    /// Where the time of `journey metrics` on a log with a checkpoint goes: bringing the folded state up to date
    /// (loading the checkpoint, checking it against the log, folding the events appended since), and evaluating
    /// the metrics over every child's record.
    struct CheckpointCost: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint-cost",
            abstract: "Time bringing a log's checkpoint up to date, and the evaluation of the metrics, apart.",
            discussion: """
                The log must have a checkpoint (run `journey metrics` on it once). The checkpoint is not rewritten, \
                so every repeat does the same work.

                Examples:
                  journey-bench checkpoint-cost --log /tmp/bench/biglog --year 2024-25
                """
        )

        @Option(help: ArgumentHelp("A log directory with a checkpoint in its cache folder.", valueName: "dir"))
        var log: String

        @Option(help: ArgumentHelp("The statutory year to evaluate.", valueName: "2024-25"))
        var year = "2024-25"

        @Option(help: ArgumentHelp("How many times to run; the median is reported.", valueName: "n"))
        var repeats = 3

        @Flag(help: "Replay the whole log instead of starting from the checkpoint.")
        var fullReplay = false

        func run() throws {
            guard let period = ReportingPeriod(statutoryYear: year) else {
                throw ValidationError("--year takes a statutory year such as 2024-25")
            }
            print("$ " + CommandLine.arguments.joined(separator: " "))
            var update: [Duration] = []
            var evaluation: [Duration] = []
            let clock = ContinuousClock()
            for _ in 0..<repeats {
                var state = JourneyState()
                if fullReplay {
                    update.append(try clock.measure { state = try JourneyState(replaying: EventLog.open(log)) })
                    print("replayed \(state.eventCount) events")
                } else {
                    var outcome: Checkpoint.Outcome?
                    update.append(
                        try clock.measure {
                            (state, outcome) = try Checkpoint.replay(EventLog.open(log), save: false)
                        })
                    guard let outcome, outcome.resumedFrom != nil else {
                        throw ValidationError("the log has no usable checkpoint: run journey metrics on it once")
                    }
                    print("resumed from position \(outcome.resumedFrom!), folded \(outcome.eventsFolded) events")
                }
                var metrics = 0
                evaluation.append(
                    clock.measure { metrics = state.metrics(MetricContext(period: period)).metrics.count })
                precondition(metrics > 0)
            }
            func median(_ d: [Duration]) -> String {
                let s = d.sorted()[d.count / 2]
                let seconds = Double(s.components.seconds) + Double(s.components.attoseconds) / 1e18
                return "\((seconds * 1000).rounded() / 1000) s"
            }
            print("bring the state up to date: \(median(update))")
            print("evaluate every metric:      \(median(evaluation))")
        }
    }
}
