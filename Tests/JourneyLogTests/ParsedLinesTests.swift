import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyLog

/// Lines parsed on a second thread reach the writer in order, with their numbers, and the thread stops however
/// the append ends.
@Suite("Parsing lines ahead of the writer")
struct ParsedLinesTests {
    /// `count` lines: valid events, with a blank line and a broken one here and there.
    static func input(_ count: Int) throws -> (path: String, text: [String]) {
        var lines: [String] = []
        for (i, event) in simpleEvents(count).enumerated() {
            lines.append(i % 1000 == 7 ? "" : i % 1000 == 8 ? "{not json" : event.canonicalJSONString)
        }
        let path = temporaryFile("journey-lines", extension: "jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        return (path, lines)
    }

    @Test func everyLineArrivesInOrderWithItsNumber() throws {
        let (path, text) = try Self.input(10_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = ParsedLines(try LineReader(path: path))
        defer { lines.finish() }
        var seen: [Int] = []
        while let chunk = lines.next() {
            for (line, event) in chunk.lines {
                seen.append(line)
                #expect(event == Event.parse(jsonLine: text[line - 1]))
            }
        }
        #expect(seen == (1...10_000).filter { ($0 - 1) % 1000 != 7 })
    }

    @Test func stoppingEarlyStopsTheReader() throws {
        // More chunks than may wait, so that the reader is blocked when the writer stops.
        let (path, _) = try Self.input(ParsedLines.linesPerChunk * (ParsedLines.chunksAhead + 3))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for taken in [0, 1, 2] {
            let lines = ParsedLines(try LineReader(path: path))
            for _ in 0..<taken { _ = lines.next() }
            lines.finish()
        }
    }

    @Test func aFailedReadEndsTheLines() throws {
        let directory = temporaryDirectory("journey-lines")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let lines = ParsedLines(try LineReader(path: directory))
        defer { lines.finish() }
        let chunk = try #require(lines.next())
        #expect(chunk.failure is LogError)
        #expect(lines.next() == nil)
    }
}
