import ArgumentParser
import Foundation
import JourneyChecks
import JourneyCore
import JourneyLog
import JourneyProjections

extension JourneyBench {
    /// What keeping the metrics (`LiveMetrics`) or the checks (`LiveChecks`) live costs after an append: the events
    /// of a JSON Lines file folded onto a log's state and only the records they change built again, against a full
    /// evaluation of the same state, whose reports must be equal.
    struct LiveMetricsCost: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "live-metrics",
            abstract: "Time bringing live metrics or checks up to date after an append, against a full evaluation.",
            discussion: """
                The log's state is read from its checkpoint when it has one (run `journey metrics` on it once), \
                else replayed. Each repeat reads the state afresh, evaluates every metric for the year in full \
                (keeping the folds), appends the file's events to it in memory (the log on disk is not changed) and \
                brings the figures up to date; then evaluates the new state in full, and checks that the two \
                reports are equal. With --checks, the same for the data-quality checks (judged on the year's last \
                day) instead of the metrics; with --judge-on-latest too, judged on the log's latest day and, after \
                the append, on the latest day of the events appended when it is later, in the same update, as the \
                service judges them (the records whose findings change by then are checked again); with \
                --with-figures too, the year's figures kept beside the findings over the same state, as the service \
                keeps them, and compared with a full evaluation as well.

                Examples:
                  journey synth --children 1200 --from 2024-04-01 --to 2025-03-31 --seed 21 --history 0 --out extra.jsonl
                  journey-bench live-metrics --log /tmp/bench/biglog --append extra.jsonl --year 2024-25
                """
        )

        @Option(help: ArgumentHelp("A log directory.", valueName: "dir"))
        var log: String

        @Option(help: ArgumentHelp("A JSON Lines file of events to append in memory.", valueName: "file"))
        var append: String

        @Option(help: ArgumentHelp("The statutory year to evaluate.", valueName: "2024-25"))
        var year = "2024-25"

        @Option(help: ArgumentHelp("How many times to run; the median is reported.", valueName: "n"))
        var repeats = 3

        @Flag(help: "Keep the data-quality checks live rather than the metrics.")
        var checks = false

        @Flag(help: "With --checks: judge on the log's latest day, then on the appended events' latest day.")
        var judgeOnLatest = false

        @Flag(help: "With --checks: keep the year's figures beside the findings, as the service does.")
        var withFigures = false

        func run() throws {
            guard let period = ReportingPeriod(statutoryYear: year) else {
                throw ValidationError("--year takes a statutory year such as 2024-25")
            }
            print("$ " + CommandLine.arguments.joined(separator: " "))
            let events = try String(contentsOfFile: append, encoding: .utf8).split(separator: "\n").map { line in
                guard case .success(let event) = Event.parse(jsonLine: String(line)) else {
                    throw ValidationError("\(append) holds a line that is not a valid event")
                }
                return event
            }
            let contexts = [MetricContext(period: period)]
            var full: [Duration] = []
            var update: [Duration] = []
            var fullAfter: [Duration] = []
            let clock = ContinuousClock()
            for _ in 0..<repeats {
                var (state, _) = try Checkpoint.replay(EventLog.open(log), save: false)
                let position = state.position
                let stored = events.enumerated().map {
                    StoredEvent(position: position + UInt64($0.offset + 1), version: 0, event: $0.element)
                }
                if checks {
                    let firstDay = judgeOnLatest ? state.latestOccurred() ?? period.to : period.to
                    var live: LiveChecks?
                    let figuresFor = withFigures ? contexts : nil
                    full.append(
                        clock.measure {
                            live = LiveChecks(state, context: CheckContext(asOf: firstDay), figuresFor: figuresFor)
                        })
                    state = JourneyState()  // the live checks hold the only copy, so the append copies no atom
                    var result: LiveUpdate?
                    // Judged on the later day in the same update, as the service does.
                    update.append(
                        clock.measure {
                            result = live!.apply(stored) { state in
                                guard judgeOnLatest, let latest = state.latestOccurred(after: position) else {
                                    return nil
                                }
                                return latest > firstDay ? latest : nil
                            }
                        })
                    let context = CheckContext(asOf: live!.report.asOf)
                    var report: CheckReport?
                    fullAfter.append(clock.measure { report = live!.state.check(context) })
                    guard report!.findings == live!.report.findings, report!.children == live!.report.children else {
                        throw ValidationError("the live findings differ from the full run's")
                    }
                    if withFigures, live!.figureReports != live!.state.metrics(contexts) {
                        throw ValidationError("the live figures differ from the full evaluation's")
                    }
                    print(
                        "appended \(result!.events) events, judged on \(context.asOf): \(result!.recordsRemoved) "
                            + "records out, \(result!.recordsAdded) in; \(report!.findings.count) findings, as a full "
                            + "run finds" + (withFigures ? ", and the figures a full evaluation's" : ""))
                    continue
                }
                var live: LiveMetrics?
                full.append(clock.measure { live = LiveMetrics(state, contexts: contexts) })
                state = JourneyState()  // the live metrics hold the only copy, so the append copies no atom
                var result: LiveUpdate?
                update.append(clock.measure { result = live!.apply(stored) })
                var reports: [MetricsReport] = []
                fullAfter.append(clock.measure { reports = live!.state.metrics(contexts) })
                guard reports == live!.reports else {
                    throw ValidationError("the live figures differ from the full evaluation's")
                }
                print(
                    "appended \(result!.events) events: \(result!.recordsRemoved) records out, "
                        + "\(result!.recordsAdded) in; figures equal to a full evaluation")
            }
            func median(_ d: [Duration]) -> String {
                let s = d.sorted()[d.count / 2]
                let seconds = Double(s.components.seconds) + Double(s.components.attoseconds) / 1e18
                return "\((seconds * 1000).rounded() / 1000) s"
            }
            print("evaluate in full, keeping what is needed: \(median(full))")
            print("append and bring the results up to date:  \(median(update))")
            print("evaluate the new state in full:           \(median(fullAfter))")
        }
    }
}
