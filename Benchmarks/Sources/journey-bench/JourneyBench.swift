import ArgumentParser

@main
struct JourneyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journey-bench",
        abstract: "Measures the event log's hot paths: bulk append, replay and export.",
        discussion: """
            Build in release mode first; the figures of a debug build mean nothing.

              swift build -c release --package-path Benchmarks
              Benchmarks/.build/release/journey-bench log --events 1000000
              Benchmarks/.build/release/journey-bench replay-cost --events 1000000
              Benchmarks/.build/release/journey-bench workbook --rows 200000
            """,
        subcommands: [
            Log.self, ReplayCost.self, Phase.self, CheckpointCost.self, LiveMetricsCost.self, WorkbookCost.self,
        ]
    )
}
