import Foundation
import JourneyTestSupport
import Testing

/// `journey metrics` and `journey check` on a log folder save their results beside the checkpoint; the runs after an
/// append bring them up to date, and print what a run without the cache prints, byte for byte.
@Suite("Saved results on the command line")
struct SavedResultsCommandTests {
    @Test func metricsAndCheckAfterAppendsPrintWhatAFullRunPrints() throws {
        let folder = try scratchFolder("journey-saved-results")
        let log = folder + "/log"
        // The sample, all but its last 40 lines first, then 20 and 20.
        let lines = try String(contentsOfFile: sampleLog, encoding: .utf8).split(separator: "\n")
        func append(_ range: Range<Int>) throws {
            let file = folder + "/part.jsonl"
            try (lines[range].joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let result = journey(["append", file, "--log", log])
            #expect(result.status == 0, "\(result.errors)")
        }
        try append(0..<(lines.count - 40))
        let commands = [
            ["metrics", "--log", log, "--year", "2024-25", "--by", "team", "--format", "csv"],
            ["check", "--log", log, "--format", "csv"],
        ]
        // check exits 1 on the sample's findings of error severity (--fail-on error, the default).
        #expect(journey(commands[0]).status == 0)
        #expect(journey(commands[1]).status == 1)
        for file in ["journey-metrics.results", "journey-checks.results"] {
            #expect(FileManager.default.fileExists(atPath: log + "/cache/" + file), "\(file)")
        }
        for range in [(lines.count - 40)..<(lines.count - 20), (lines.count - 20)..<lines.count] {
            try append(range)
            for arguments in commands {
                let saved = journey(arguments)
                let full = journey(arguments + ["--no-cache"])
                #expect(saved.status == full.status)
                #expect(saved.output == full.output, "\(arguments[0])")
                #expect(!saved.output.isEmpty)
            }
        }
    }
}
