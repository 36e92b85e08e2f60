import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

/// What a `--log` path names is decided by what is there, not by its name.
@Suite("LogSource: a folder, a JSON Lines file of any name, or standard input")
struct LogSourceTests {
    let folder = temporaryDirectory("journey-source")

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    var lines: String {
        simpleEvents(3).map { String(decoding: $0.canonicalJSON(), as: UTF8.self) }.joined(separator: "\n") + "\n"
    }

    @Test("A JSON Lines file is taken whatever its name, after blank lines and with CRLF endings")
    func anyName() throws {
        for name in ["events.jsonl", "events.json", "events.txt", "events"] {
            let path = try file(name, "\n" + lines.replacingOccurrences(of: "\n", with: "\r\n"))
            #expect(try LogSource(locating: path) == .jsonLines(path))
        }
        #expect(try LogSource(locating: "-") == .standardInput)
        #expect(try LogSource(locating: folder) == .directory(folder))
    }

    @Test("Anything else is refused with what was found")
    func refused() throws {
        let cases: [(String, String)] = [
            (try file("a.csv", "id,type,child\n"), "its first line is not a JSON object"),
            (try file("b.json", "[1, 2]\n"), "its first line is not a JSON object"),
            (try file("c.json", "{\"id\": \n"), "its first line does not parse"),
            (try file("d.json", ""), "a file with no events"),
            (try file("e.json", "\n  \n"), "a file with no events"),
            ("/dev/null", "a device"),
        ]
        for (path, found) in cases {
            #expect {
                try LogSource(locating: path)
            } throws: { error in
                (error as? LogSourceError)?.found.contains(found) == true
            }
        }
        #expect(throws: LogError.notFound(path: folder + "/missing")) { try LogSource(locating: folder + "/missing") }
    }

    @Test("Reading a file hashes every byte read and numbers its lines as an editor does")
    func read() throws {
        let path = try file("f.json", "\n" + lines)
        var numbers: [Int] = []
        let sha256 = try JSONLinesEvents.read(.jsonLines(path)) { line, parsed in
            if case .success = parsed { numbers.append(line) }
        }
        #expect(numbers == [2, 3, 4])
        #expect(sha256.count == 64)
        let again = try JSONLinesEvents.read(.jsonLines(try file("g.json", "\n" + lines))) { _, _ in }
        #expect(again == sha256)
        let other = try JSONLinesEvents.read(.jsonLines(try file("h.json", lines))) { _, _ in }
        #expect(other != sha256)
    }

    @Test("verify finds what a new log would refuse, and takes what it would skip")
    func verify() throws {
        let good = try JSONLinesEvents.verify(.jsonLines(try file("i.json", lines + lines)))
        #expect(good.isValid)
        #expect(good.events == 3)
        var changed = simpleEvents(3)
        changed[1].occurred = changed[1].occurred.adding(days: 1)
        let conflicting =
            lines + changed.map { String(decoding: $0.canonicalJSON(), as: UTF8.self) }.joined(separator: "\n")
        let bad = try JSONLinesEvents.verify(.jsonLines(try file("j.json", conflicting)))
        #expect(bad.problems.map(\.line) == [5])
        #expect(bad.problems.first?.problem.field == "id")
    }
}
