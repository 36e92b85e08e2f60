import ArgumentParser
import Foundation

@testable import journey

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

/// The built `journey` program beside the test bundle (`swift build` and `swift test` build it there).
var journeyProgram: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/journey")
}

/// Runs a program and returns its exit status and what it wrote to standard output and standard error; `input`
/// names a file to give it as standard input.
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
