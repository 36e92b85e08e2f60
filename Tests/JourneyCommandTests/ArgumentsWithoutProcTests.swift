import Foundation
import Testing

/// On Linux the Swift runtime reads the program's arguments from /proc/self/cmdline. Without /proc, every command
/// once ran as if given no arguments: it printed the help and exited 0, so `append` and `verify` "succeeded" doing
/// nothing. `journey` now takes its arguments as the C library hands them over at start.
@Suite("Arguments without /proc")
struct ArgumentsWithoutProcTests {
    /// Whether this test can hide /proc: it needs root and `unshare` (Linux), as CI has.
    static var canHideProc: Bool {
        #if os(Linux)
            getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")
        #else
            false
        #endif
    }

    @Test(
        "verify without /proc reads its arguments: a missing log is an error, not the help and exit 0",
        .enabled(if: canHideProc))
    func verifyWithoutProc() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-log-\(UUID().uuidString)")
        // A private mount namespace: an empty /proc is mounted for this one command and the host's is untouched.
        let script = "mount -t tmpfs none /proc && exec \"$0\" verify --log \"$1\""
        let result = try run("/usr/bin/unshare", ["-m", "sh", "-c", script, journeyProgram.path, missing.path])
        #expect(result.status == 1)
        #expect(result.output.contains("there is no event log at"))
        #expect(!result.output.contains("OVERVIEW"))
    }
}
