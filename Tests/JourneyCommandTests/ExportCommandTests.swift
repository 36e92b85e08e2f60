import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

/// `journey export`, run in-process: the log's events in canonical form, in log order.
@Suite("journey export")
struct ExportCommandTests {
    @Test("A log's events come out as appended, canonical; --child keeps one child's")
    func export() throws {
        let (_, log) = try tinyCouncilLog()
        let all = journey(["export", "--log", log])
        #expect(all.status == 0, "\(all.errors)")
        #expect(all.output == tinyCouncil.jsonLines)
        #expect(all.errors.isEmpty)
        let c2 = journey(["export", "--log", log, "--child", "C2"])
        #expect(
            c2.output == tinyCouncil.events.filter { $0.child == "C2" }.map { $0.canonicalJSONString + "\n" }.joined())
        #expect(c2.output.split(separator: "\n").count == 4)
    }

    @Test("--as-known-at keeps the events recorded by then")
    func asKnownAt() throws {
        let (_, events) = try tinyCouncilFile()
        // Recorded by the end of 2024-06-10: the first 8 events (C2's authorisation is recorded on 11 June).
        let result = journey(["export", "--log", events, "--as-known-at", "2024-06-10"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.split(separator: "\n").count == 8)
    }

    @Test("A line that is not an event stops the export there, with its line, exit 1")
    func badLine() throws {
        let folder = try scratchFolder("journey-export")
        let lines = tinyCouncil.jsonLines.split(separator: "\n").map(String.init)
        let bad = folder + "/bad.jsonl"
        try (lines.prefix(3) + ["{\"id\":\"e4\"}"] + lines.dropFirst(4)).joined(separator: "\n")
            .write(toFile: bad, atomically: false, encoding: .utf8)
        let result = journey(["export", "--log", bad])
        #expect(result.status == 1)
        #expect(result.output == lines.prefix(3).map { $0 + "\n" }.joined())
        #expect(result.errors.contains("line 4"), "\(result.errors)")
    }

    @Test("--child takes a child id: anything else is refused, exit 64")
    func badChild() {
        let result = journey(["export", "--log", sampleLog, "--child", "C 1"])
        #expect(result.status == 64)
        #expect(result.errors.contains("--child"), "\(result.errors)")
    }
}
