import ArgumentParser
import Foundation
import JourneyCore
import JourneyTestSupport

@testable import JourneyCommandLine

/// Runs `journey` with `arguments` in this process, as the program would run them (`Journey.run(_:)`, which the
/// program's `main` calls), and returns its exit status and what it wrote to standard output and standard error.
///
/// Nothing reaches the process's own descriptors: `Terminal.sink` is bound to memory for this call alone, so tests
/// run side by side each keep their own output, and standard error is not a terminal (no progress unless
/// `--progress`). Standard input is not given: a command reading `-` would read the test runner's, so those are
/// run as a real process (`run(_:_:input:)`).
func journey(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
    let capture = CapturedOutput()
    let status = Terminal.$sink.withValue(capture.sink) { Journey.run(arguments) }
    return (status, capture.output, capture.errors)
}

/// What a command run in-process wrote, kept in memory.
final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var outputBytes: [UInt8] = []
    private var errorBytes: [UInt8] = []

    var output: String { lock.withLock { String(decoding: outputBytes, as: UTF8.self) } }
    var errors: String { lock.withLock { String(decoding: errorBytes, as: UTF8.self) } }

    /// A sink that appends to these buffers; standard error is not a terminal.
    var sink: Terminal.Sink {
        Terminal.Sink(
            output: { bytes in
                self.lock.withLock { self.outputBytes.append(contentsOf: bytes) }
                return nil
            },
            error: { bytes in self.lock.withLock { self.errorBytes.append(contentsOf: bytes) } },
            isErrorATerminal: { false })
    }
}

/// The message the command line prints for arguments it refuses, or `nil` when it takes them.
func refusal(_ arguments: [String]) -> String? {
    do {
        var command = try Journey.parseAsRoot(arguments)
        try command.validate()
        return nil
    } catch {
        return Journey.message(for: error)
    }
}

/// The repository's folder.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The built-in sample council (`event-logs/sample.jsonl`): 18,730 events.
let sampleLog = repository.appendingPathComponent("event-logs/sample.jsonl").path

/// A file of the importers' test fixtures (the public fake returns, copied from shared/data).
func importFixture(_ name: String) -> String {
    repository.appendingPathComponent("Tests/JourneyImportTests/Fixtures/\(name)").path
}

/// A new, empty folder under the temporary folder, for a test's logs and files.
func scratchFolder(_ name: String = "journey-command") throws -> String {
    let folder = temporaryDirectory(name)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// The two-child council as `council.jsonl` in a new scratch folder.
func tinyCouncilFile() throws -> (folder: String, events: String) {
    let folder = try scratchFolder()
    return (folder, try writeEvents(tinyCouncil, to: folder + "/council.jsonl"))
}

/// The two-child council appended to a new log folder, `log` in a new scratch folder (beside `council.jsonl`).
func tinyCouncilLog() throws -> (folder: String, log: String) {
    let (folder, events) = try tinyCouncilFile()
    let appended = journey(["append", events, "--log", folder + "/log"])
    guard appended.status == 0 else { throw CommandFailed(arguments: ["append", events], errors: appended.errors) }
    return (folder, folder + "/log")
}

/// A command a test runs to set up failed.
struct CommandFailed: Error {
    var arguments: [String]
    var errors: String
}

/// Writes `events` as a JSON Lines file at `path`, and returns the path.
@discardableResult
func writeEvents(_ events: EventBuilder, to path: String) throws -> String {
    try events.jsonLines.write(toFile: path, atomically: false, encoding: .utf8)
    return path
}

/// The built `journey` program beside the test bundle (`swift build` and `swift test` build it there).
var journeyProgram: URL { repository.appendingPathComponent(".build/debug/journey") }

/// Runs a program and returns its exit status and what it wrote to standard output and standard error; `input`
/// names a file to give it as standard input. For what needs a real process: arguments as the C library hands them
/// over, standard input, the environment.
func run(_ program: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if let input { process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input)) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
