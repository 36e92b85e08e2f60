import Foundation
import JourneyTestSupport
import Testing

/// `journey append`, run in-process: a batch all or nothing, duplicates skipped, a rejected file listed by line.
@Suite("journey append")
struct AppendCommandTests {
    let folder: String
    let events: String

    init() throws {
        folder = try scratchFolder("journey-append")
        events = try writeEvents(tinyCouncil, to: folder + "/events.jsonl")
    }

    @Test("A file is appended as one batch; appended again, every event is skipped as already in the log")
    func appendTwice() {
        let log = folder + "/log"
        let first = journey(["append", events, "--log", log])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output == "appended 12 events (positions 1…12)\n")
        #expect(first.errors.isEmpty)
        let again = journey(["append", events, "--log", log])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output == "appended 0 events; 12 already in the log with the same content, skipped\n")
    }

    @Test("A rejected line: nothing appended, the log as it was, the line and field on standard error, exit 1")
    func rejected() throws {
        var lines = tinyCouncil.jsonLines.split(separator: "\n").map(String.init)
        lines[2] = lines[2].replacingOccurrences(of: "\"occurred\":\"2024-04-10\"", with: "\"occurred\":\"10/04/2024\"")
        let bad = folder + "/bad.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: bad, atomically: false, encoding: .utf8)
        let log = folder + "/log"
        #expect(journey(["append", events, "--log", log]).status == 0)
        let before = journey(["export", "--log", log]).output
        let result = journey(["append", bad, "--log", log])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors.hasPrefix("journey: "), "\(result.errors)")
        #expect(result.errors.contains("line 3, field \"occurred\""), "\(result.errors)")
        #expect(journey(["export", "--log", log]).output == before)
    }

    @Test("A motherhood record with a first child's date but mother false is refused by line, field and rule")
    func motherhoodRefused() throws {
        let bad = folder + "/mother.jsonl"
        let lines = [
            #"{"id":"m1","type":"motherhood.recorded","child":"C1","occurred":"2024-05-01","data":{"mother":true,"firstChildBirthDate":"2024-04-20"}}"#,
            #"{"id":"m2","type":"motherhood.recorded","child":"C2","occurred":"2024-05-01","data":{"mother":false,"firstChildBirthDate":"2024-04-20"}}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: bad, atomically: false, encoding: .utf8)
        let log = folder + "/log"
        let result = journey(["append", bad, "--log", log])
        #expect(result.status == 1)
        #expect(result.errors.contains("line 2, field \"data.firstChildBirthDate\""), "\(result.errors)")
        #expect(result.errors.contains("rule 612"), "\(result.errors)")
        // The batch goes in whole or not at all: line 1 is not appended either.
        #expect(journey(["export", "--log", log]).output.isEmpty)
    }

    @Test("A missing file creates no log, exit 1")
    func missingFile() {
        let log = folder + "/log"
        let result = journey(["append", folder + "/missing.jsonl", "--log", log])
        #expect(result.status == 1)
        #expect(result.errors.contains(folder + "/missing.jsonl"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: log))
    }

    @Test("--expect-version takes CHILD=N: anything else is refused, exit 64")
    func badExpectVersion() {
        let result = journey(["append", events, "--log", folder + "/log", "--expect-version", "C1"])
        #expect(result.status == 64)
        #expect(result.errors.contains("--expect-version takes CHILD=N, for example C100=12"), "\(result.errors)")
    }
}
