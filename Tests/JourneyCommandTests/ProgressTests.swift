import Foundation
import Testing

@testable import JourneyCommandLine

/// Progress on standard error: a total and an estimate when the size is known, shown on a terminal or with
/// `--progress`, throttled, and never on standard output.
@Suite("Progress")
struct ProgressTests {
    @Test("A counted line gives the done, the total, the fraction and the time left")
    func countedLine() {
        #expect(
            ProgressLine.text("replaying", done: 1_200_000, total: 3_400_000, unit: .items("events"), secondsLeft: 12)
                == "replaying: 1,200,000 of 3,400,000 events (35%), about 12 s left")
        #expect(
            ProgressLine.text("replaying", done: 12_345_678, total: 45_600_000, unit: .bytes, secondsLeft: 200.2)
                == "replaying: 12.3 MB of 45.6 MB (27%), about 4 min left")
        #expect(
            ProgressLine.text(
                "synth", done: 10, total: 500, unit: .items("children"), detail: "900 events", secondsLeft: nil)
                == "synth: 10 of 500 children (2%), 900 events")
    }

    @Test("Without a total, the count alone: no fraction, no estimate")
    func noTotal() {
        #expect(
            ProgressLine.text("replaying", done: 5_000_000, total: nil, unit: .bytes, secondsLeft: nil)
                == "replaying: 5.0 MB")
        #expect(
            ProgressLine.secondsLeft(done: 50, total: nil, from: 0, startSeconds: 0, nowSeconds: 1) == nil)
    }

    @Test("The estimate is the rest at the rate since the first report; none before there is a rate")
    func estimate() {
        #expect(ProgressLine.secondsLeft(done: 25, total: 100, from: 0, startSeconds: 10, nowSeconds: 15) == 15)
        #expect(ProgressLine.secondsLeft(done: 60, total: 100, from: 20, startSeconds: 0, nowSeconds: 4) == 4)
        #expect(ProgressLine.secondsLeft(done: 0, total: 100, from: 0, startSeconds: 0, nowSeconds: 4) == nil)
        #expect(ProgressLine.secondsLeft(done: 10, total: 100, from: 0, startSeconds: 3, nowSeconds: 3) == nil)
        #expect(ProgressLine.secondsLeft(done: 100, total: 100, from: 0, startSeconds: 0, nowSeconds: 3) == nil)
    }

    @Test(
        "Durations read as seconds, minutes, hours",
        arguments: [
            (0.2, "1 s"), (59, "59 s"), (61, "2 min"), (3600, "1 h"), (3900, "1 h 5 min"),
        ])
    func durations(seconds: Double, words: String) {
        #expect(ProgressLine.duration(seconds) == words)
    }

    @Test("With --progress off a terminal: a line at a time, at most one a second, the last when the work ends")
    func linesThrottled() {
        var written: [String] = []
        var clock = 100.0
        let progress = Terminal.Progress(
            forced: true, isTerminal: false, write: { written.append($0) }, now: { clock })
        progress.update("replaying", done: 0, total: 100, unit: .items("events"))
        clock += 0.5
        progress.update("replaying", done: 50, total: 100, unit: .items("events"))
        clock += 0.3
        progress.update("replaying", done: 100, total: 100, unit: .items("events"))
        #expect(written == ["replaying: 0 of 100 events (0%)\n"])
        progress.finish()
        #expect(written.last == "replaying: 100 of 100 events (100%)\n")
        #expect(written.count == 2)
    }

    @Test("Off a terminal without --progress, nothing")
    func silent() {
        var written: [String] = []
        let progress = Terminal.Progress(forced: false, isTerminal: false, write: { written.append($0) }, now: { 0 })
        progress.update("replaying", done: 1, total: 2, unit: .bytes)
        progress.finish()
        #expect(written.isEmpty)
    }

    @Test("On a terminal the line rewrites itself, at most four times a second, with an estimate")
    func terminal() {
        var written: [String] = []
        var clock = 0.0
        let progress = Terminal.Progress(isTerminal: true, write: { written.append($0) }, now: { clock })
        progress.update("replaying", done: 0, total: 100, unit: .items("events"))
        clock = 0.1
        progress.update("replaying", done: 10, total: 100, unit: .items("events"))
        clock = 1
        progress.update("replaying", done: 50, total: 100, unit: .items("events"))
        progress.finish()
        #expect(
            written == [
                "\r\u{1B}[Kreplaying: 0 of 100 events (0%)",
                "\r\u{1B}[Kreplaying: 50 of 100 events (50%), about 1 s left", "\r\u{1B}[K",
            ])
    }

    @Test("--progress writes the file's bytes of its size to standard error, none of it to standard output")
    func progressFlag() throws {
        let with = journey(["metrics", "--log", sampleLog, "--year", "2024-25", "--format", "csv", "--progress"])
        #expect(with.status == 0, "\(with.errors)")
        let size = ProgressLine.megabytes(
            Int64(try FileManager.default.attributesOfItem(atPath: sampleLog)[.size] as! Int))
        #expect(with.errors.contains("replaying: 0.0 MB of \(size) (0%)\n"), "\(with.errors)")
        #expect(with.errors.contains("replaying: \(size) of \(size) (100%)\n"), "\(with.errors)")
        #expect(!with.errors.contains("\u{1B}"))
        #expect(!with.output.contains("replaying"))

        let without = journey(["metrics", "--log", sampleLog, "--year", "2024-25", "--format", "csv"])
        #expect(without.status == 0)
        #expect(without.errors.isEmpty, "\(without.errors)")
        #expect(without.output == with.output)
    }

    @Test(
        "On a real terminal, progress rewrites one line, and is cleared before the output",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func realTerminal() throws {
        // `script` runs the program on a pseudo-terminal (standard output and standard error both): the one test
        // that sees `isatty(2)` answer yes, as the program run in-process never does.
        let command =
            "'\(journeyProgram.path)' metrics --log '\(sampleLog)' --year 2024-25 --only contacts --format csv"
        let result = try run("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("\r\u{1B}[Kreplaying: 0.0 MB of "), "\(result.output)")
        // The last line shown (which depends on the clock) is cleared before the output.
        #expect(result.output.contains("%)\r\u{1B}[Kfrom,to,"), "\(result.output)")
    }

    @Test("Every command that replays or imports takes --progress")
    func everyCommand() {
        for arguments in [
            ["metrics", "--year", "2024-25"], ["check"], ["report", "--year", "2024-25", "--out", "pack.html"],
            ["chronology", "C1"],
            ["cohort", "repeat-cp", "--from", "2023-04-01", "--to", "2024-03-31"], ["export"],
            ["import", "ssda903", "returns/"], ["import", "cin-census", "census.xml"], ["append", "x.jsonl"],
            ["synth", "--children", "10", "--from", "2020-04-01", "--to", "2021-03-31"],
        ] {
            #expect(refusal(arguments + ["--progress"]) == nil, "\(arguments)")
        }
    }
}
