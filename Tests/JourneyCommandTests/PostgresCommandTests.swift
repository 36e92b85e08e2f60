import Foundation
import JourneyLog
import JourneyPostgres
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

/// The commands on a log kept in PostgreSQL, as journey-serve runs them (`LogStores` offering `PostgresLogStore`):
/// the same figures, findings and chronology as on the log folder holding the same events, the same head hash after
/// a copy either way, and a clear refusal from a program that offers no store.
///
/// They need a server: `JOURNEY_TEST_POSTGRES=postgres://USER@HOST:PORT/DB` (`Scripts/postgres.sh start DIR`). Each
/// test uses a schema of its own in that database.
@Suite(
    "Commands on a PostgreSQL log",
    .enabled(
        if: ProcessInfo.processInfo.environment["JOURNEY_TEST_POSTGRES"].map { !$0.isEmpty } ?? false,
        "JOURNEY_TEST_POSTGRES is not set: no PostgreSQL to test against"),
    .serialized)
struct PostgresCommandTests {
    let server = ProcessInfo.processInfo.environment["JOURNEY_TEST_POSTGRES"] ?? ""

    /// A new, empty log's address: a schema of its own.
    func newAddress() -> String {
        server + (server.contains("?") ? "&" : "?") + "schema=journey_cli_\(UInt32.random(in: 0...UInt32.max))"
    }

    func withPostgres<T>(_ body: () throws -> T) rethrows -> T {
        try LogStores.$offered.withValue([PostgresLogStore()], operation: body)
    }

    /// The sample folder copied into PostgreSQL and back: each copy verifies with the original's head hash, and the
    /// commands that read print the same thing from all three.
    @Test func copiedBothWaysTheCommandsAgree() throws {
        let folder = temporaryDirectory("journey-pg-folder")
        let back = temporaryDirectory("journey-pg-back")
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: back)
        }
        #expect(journey(["append", sampleLog, "--log", folder]).status == 0)
        let address = newAddress()
        withPostgres {
            let there = journey(["copy", "--from", folder, "--to", address])
            #expect(there.status == 0, "\(there.errors)")
            let home = journey(["copy", "--from", address, "--to", back])
            #expect(home.status == 0, "\(home.errors)")
            // The head hash is the last line's last word of verify, the same in every store for the same batches.
            let hashes = [folder, address, back].map { log in
                journey(["verify", "--log", log]).output.split(separator: " ").last.map(String.init) ?? ""
            }
            #expect(hashes[0].count == 65)  // 64 hexadecimal digits and the line's end
            #expect(hashes[1] == hashes[0])
            #expect(hashes[2] == hashes[0])
            #expect(there.output.contains(hashes[0].trimmingCharacters(in: .newlines)))
            for arguments in [
                ["metrics", "--year", "2024-25", "--no-cache"],
                ["check", "--as-of", "2025-03-31", "--no-cache", "--fail-on", "never"],
                ["cohort", "repeat-cp", "--from", "2023-04-01", "--to", "2025-03-31"],
            ] {
                let onFolder = journey(arguments + ["--log", folder])
                let onDatabase = journey(arguments + ["--log", address])
                #expect(onFolder.status == 0, "\(arguments[0]): \(onFolder.errors)")
                #expect(onDatabase.status == onFolder.status, "\(arguments[0]): \(onDatabase.errors)")
                #expect(onDatabase.output == onFolder.output, "\(arguments[0])")
            }
        }
    }

    /// An append to a database with no log creates one; a bad line leaves it as it was; a copy into it is refused.
    @Test func appendCreatesTheLogAndRefusesABadBatch() throws {
        let address = newAddress()
        let good = temporaryFile("journey-pg-lines", extension: "jsonl")
        let bad = temporaryFile("journey-pg-bad", extension: "jsonl")
        defer {
            try? FileManager.default.removeItem(atPath: good)
            try? FileManager.default.removeItem(atPath: bad)
        }
        try
            (#"{"id":"e1","type":"referral.received","child":"C1","occurred":"2024-04-02","recorded":"2024-04-02T12:00:00Z","data":{"referral":"R1","source":"6"}}"#
            + "\n").write(toFile: good, atomically: true, encoding: .utf8)
        try
            (#"{"id":"e2","type":"referral.received","child":"C1","occurred":"2024-04-03","data":{"referral":"R2"}}"#
            + "\n").write(toFile: bad, atomically: true, encoding: .utf8)
        withPostgres {
            let first = journey(["append", good, "--log", address])
            #expect(first.status == 0, "\(first.errors)")
            #expect(first.output.hasPrefix("appended 1 event (positions 1…1)"))
            let refused = journey(["append", bad, "--log", address])
            #expect(refused.status == 1)
            #expect(refused.errors.contains("line 1"))
            #expect(journey(["verify", "--log", address]).output.hasPrefix("ok: 1 events in 1 batches"))
            let folder = temporaryDirectory("journey-pg-src")
            defer { try? FileManager.default.removeItem(atPath: folder) }
            #expect(journey(["append", good, "--log", folder]).status == 0)
            let copy = journey(["copy", "--from", folder, "--to", address])
            #expect(copy.status == 1)
            #expect(copy.errors.contains("already holds 1 events"))
        }
    }

    /// Without a store offered (the journey executable), an address is refused, naming the program that opens it;
    /// nothing is created where a folder named after it would go.
    @Test func theJourneyExecutableSaysWhichProgramOpensIt() {
        let result = journey(["metrics", "--log", "postgres://someone@127.0.0.1:1/nothing", "--year", "2024-25"])
        #expect(result.status == 1)
        #expect(result.errors.contains("journey-serve"))
        let append = journey(["append", "-", "--log", "postgres://someone@127.0.0.1:1/nothing"])
        #expect(append.status == 1)
        #expect(!FileManager.default.fileExists(atPath: "postgres:"))
    }
}
