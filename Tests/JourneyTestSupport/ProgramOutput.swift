import Foundation

/// Runs `program` with `arguments` (and `environment`, when given, in place of this process's), its standard output a
/// pipe: what it exited with, and what it wrote there.
public func programOutput(
    _ program: URL, _ arguments: [String], environment: [String: String]? = nil
) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
}
