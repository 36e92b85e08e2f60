import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

/// What `--log` names is decided in one place for every command: a log folder, a JSON Lines file whatever its name,
/// or `-`. A JSON Lines file not named `.jsonl` was once read as an empty log (every figure zero, exit 0), and later
/// refused; `stats`, `verify` and `export` took only a folder. Anything else is refused with what was found.
@Suite("--log: a log folder, a JSON Lines file of any name, or standard input")
struct LogSourceTests {
    let folder = temporaryDirectory("journey-log")

    /// The built-in sample, as `council.jsonl` and as `council.json` (the same bytes).
    var jsonl: String { folder + "/council.jsonl" }
    var json: String { folder + "/council.json" }

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sampleLog, toPath: jsonl)
        try FileManager.default.copyItem(atPath: sampleLog, toPath: json)
    }

    @Test(
        "Readers take a JSON Lines file whatever its name, with the same output as for .jsonl",
        arguments: [
            ["metrics", "--year", "2024-25"],
            ["check", "--fail-on", "never"],
            ["cohort", "repeat-cp", "--from", "2023-04-01", "--to", "2025-03-31"],
            ["chronology", "C000526"],
        ])
    func anyName(command: [String]) throws {
        let named = journey(command + ["--log", jsonl])
        let other = journey(command + ["--log", json])
        #expect(named.status == 0, "\(named.errors)")
        #expect(other.status == 0, "\(other.errors)")
        #expect(other.output == named.output)
        #expect(other.errors == named.errors)
    }

    @Test("stats on a JSON Lines file: counts by type, children, dates and the file's SHA-256")
    func stats() throws {
        let result = journey(["stats", "--log", json])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("events        18730 in 18730 lines"))
        #expect(result.output.contains("child.registered"))
        #expect(result.output.contains("SHA-256       \(try sha256(json))"))
        #expect(!result.output.contains("head hash"))
    }

    @Test("verify on a JSON Lines file: every line valid, else the line and field of the first problems, exit 1")
    func verify() throws {
        let good = journey(["verify", "--log", json])
        #expect(good.status == 0, "\(good.errors)")
        #expect(good.output.hasPrefix("ok: 18730 events"))
        #expect(good.output.contains(try sha256(json)))

        var lines = try String(contentsOfFile: json, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[2] = lines[2].replacingOccurrences(of: "\"occurred\":\"", with: "\"occurred\":\"x")
        // Line 2's id again with other content (its ward): a new log would refuse it; the same content it skips.
        lines[5] = lines[1].replacingOccurrences(of: "\"ward\":\"Jubilee\"", with: "\"ward\":\"Dene\"")
        lines[6] = lines[1]
        let bad = folder + "/bad.json"
        try lines.joined(separator: "\n").write(toFile: bad, atomically: false, encoding: .utf8)
        let damaged = journey(["verify", "--log", bad])
        #expect(damaged.status == 1)
        #expect(damaged.output.contains("line 3, field \"occurred\""), "\(damaged.output.prefix(500))")
        #expect(damaged.output.contains("line 6, field \"id\""), "\(damaged.output.prefix(500))")
        #expect(!damaged.output.contains("line 7"))

        // A correction whose event is not in the file: appending the file to a new log would refuse it.
        let correction = try #require(lines.first { $0.contains("\"corrects\"") })
        let orphan = folder + "/orphan.json"
        try (lines.prefix(2) + [correction]).joined(separator: "\n").write(
            toFile: orphan, atomically: false, encoding: .utf8)
        let unresolved = journey(["verify", "--log", orphan])
        #expect(unresolved.status == 1)
        #expect(unresolved.output.contains("line 3, field \"corrects\": names an event that is not in the file"))
    }

    @Test("export on a JSON Lines file: its events as read, canonical, as from a log of the same events")
    func export() throws {
        let log = folder + "/log"
        #expect(journey(["append", json, "--log", log]).status == 0)
        let fromLog = journey(["export", "--log", log, "--child", "C000526"])
        let fromFile = journey(["export", "--log", json, "--child", "C000526"])
        #expect(fromFile.status == 0, "\(fromFile.errors)")
        #expect(fromFile.output == fromLog.output)
        // The sample holds 102 lines naming C000526 (`grep -c '"child":"C000526"' event-logs/sample.jsonl`).
        #expect(fromFile.output.split(separator: "\n").count == 102)
        let asKnown = journey(["export", "--log", json, "--as-known-at", "2020-03-31"])
        let asKnownLog = journey(["export", "--log", log, "--as-known-at", "2020-03-31"])
        #expect(asKnown.output == asKnownLog.output)
        #expect(!asKnown.output.isEmpty)
    }

    @Test("report takes a file of any name; its provenance names the file's SHA-256")
    func report() throws {
        let out = folder + "/pack.html"
        let result = journey(
            ["report", "--log", json, "--year", "2024-25", "--out", out, "--stamp", "2025-05-01T09:00:00Z"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains(try sha256(json)))
    }

    @Test(
        "Anything else is refused, naming what was found and what --log takes, exit 1",
        arguments: [["metrics", "--year", "2024-25"], ["check"], ["stats"], ["verify"], ["export"]])
    func refused(command: [String]) throws {
        let text = folder + "/notes.txt"
        try "Referrals this week\n".write(toFile: text, atomically: false, encoding: .utf8)
        let empty = folder + "/empty.jsonl"
        try "\n\n".write(toFile: empty, atomically: false, encoding: .utf8)
        let marked = folder + "/marked.jsonl"
        try Data([0xEF, 0xBB, 0xBF] + Array("{\"id\":\"e1\"}\n".utf8)).write(to: URL(fileURLWithPath: marked))
        let emptyFolder = folder + "/empty"
        try FileManager.default.createDirectory(atPath: emptyFolder, withIntermediateDirectories: true)
        let cases = [
            (folder + "/missing.json", "no such file or folder"),
            ("/dev/null", "it is a device"),
            (text, "it is a file that is not JSON Lines"),
            (empty, "it is a file with no events"),
            (marked, "byte-order mark"),
            (emptyFolder, "it is a folder with no head file and no segments"),
        ]
        for (path, found) in cases {
            let result = journey(command + ["--log", path])
            #expect(result.status == 1, "\(command[0]) \(path)")
            #expect(result.output.isEmpty, "\(command[0]): \(result.output)")
            #expect(result.errors.contains(path), "\(command[0]): \(result.errors)")
            #expect(result.errors.contains(found), "\(command[0]): \(result.errors)")
            #expect(result.errors.contains("--log takes a log folder, a JSON Lines file"), "\(result.errors)")
        }
    }

    @Test("append writes into a log folder: a file given as --log is refused and left as it was")
    func appendRefusesAFile() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: json))
        let result = journey(["append", jsonl, "--log", json])
        #expect(result.status == 1)
        #expect(result.errors.contains("is a file, not a log folder"), "\(result.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: json)) == before)
    }

    @Test("Standard input is read where the command reads the events once")
    func standardInput() throws {
        let result = try run(journeyProgram.path, ["stats", "--log", "-"], input: json)
        #expect(result.status == 0, "\(result.output.prefix(300))")
        #expect(result.output.contains("events        18730 in 18730 lines"))
        #expect(result.output.contains(try sha256(json)))
        for command in [["metrics", "--year", "2024-25"], ["export", "--child", "C000526"]] {
            let piped = try run(journeyProgram.path, command + ["--log", "-"], input: json)
            let named = try run(journeyProgram.path, command + ["--log", json])
            #expect(piped.status == 0, "\(piped.output.prefix(300))")
            #expect(piped.output == named.output)
        }
        let chronology = try #require(refusal(["chronology", "C000526", "--log", "-"]))
        #expect(chronology.contains("reads the log twice"))
    }

    /// The SHA-256 of a file, by the system's `sha256sum`.
    func sha256(_ path: String) throws -> String {
        let result = try run("/usr/bin/env", ["sha256sum", path])
        return String(result.output.prefix(64))
    }
}
