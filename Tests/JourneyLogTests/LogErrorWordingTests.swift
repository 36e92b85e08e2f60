import JourneyCore
import Testing

@testable import JourneyLog

/// A log's errors say what is wrong, not which command or option to use about it: a service using the library
/// words that its own way, and the command line adds its own (`Remedies.swift`).
@Suite("Log errors speak of the problem")
struct LogErrorWordingTests {
    static let errors: [LogError] = [
        .notDurable(path: "log/segment-1", reason: "Input/output error"),
        .locked(path: "log/writer.lock"),
        .notFound(path: "log"),
        .notALog(path: "log"),
        .damaged(path: "log/segment-1", offset: 42, reason: "the record is damaged"),
        .versionMismatch(child: "C1", expected: 2, actual: 3),
    ]

    @Test("no command and no option", arguments: errors)
    func noCommandLine(error: LogError) {
        for command in ["journey verify", "journey append"] {
            #expect(!error.description.contains(command), "\(error)")
        }
        #expect(!error.description.contains("--"), "\(error)")
    }

    @Test func aLockHeldByAnotherWriter() {
        #expect(
            LogError.locked(path: "log/writer.lock").description
                == "another process is appending to the log (log/writer.lock is locked)")
    }
}
