import Foundation
import JourneyLog
import JourneyPostgres
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

/// A command on a log in PostgreSQL saves the log's checkpoint in the database on its first replay and starts from
/// it on the next (`replayState`, `Checkpoint.replay`), with the output of a full replay of the same events in a
/// folder. Needs `JOURNEY_TEST_POSTGRES`, as `PostgresCommandTests`.
@Suite(
    "Commands on a PostgreSQL log's checkpoint",
    .enabled(
        if: ProcessInfo.processInfo.environment["JOURNEY_TEST_POSTGRES"].map { !$0.isEmpty } ?? false,
        "JOURNEY_TEST_POSTGRES is not set: no PostgreSQL to test against"),
    .serialized)
struct PostgresCheckpointCommandTests {
    let server = ProcessInfo.processInfo.environment["JOURNEY_TEST_POSTGRES"] ?? ""

    @Test func theSecondCommandStartsFromTheCheckpoint() throws {
        let folder = temporaryDirectory("journey-pg-checkpoint")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(journey(["append", sampleLog, "--log", folder]).status == 0)
        let address =
            server + (server.contains("?") ? "&" : "?") + "schema=journey_cpt_\(UInt32.random(in: 0...UInt32.max))"
        try LogStores.$offered.withValue([PostgresLogStore()]) {
            #expect(journey(["copy", "--from", folder, "--to", address]).status == 0)
            let metrics = ["metrics", "--year", "2024-25"]
            let full = journey(metrics + ["--no-cache", "--log", folder])
            #expect(full.status == 0, "\(full.errors)")
            // --no-cache neither reads nor writes a checkpoint.
            #expect(journey(metrics + ["--no-cache", "--log", address]).output == full.output)
            let location = try PostgresLocation(url: address)
            func outcome() throws -> Checkpoint.Outcome {
                let log = try PostgresEventLog.open(location)
                defer { log.close() }
                let (_, outcome) = try Checkpoint.replay(log, save: false)
                #expect(outcome.eventsFolded + (outcome.resumedFrom ?? 0) == log.lastPosition)
                return outcome
            }
            #expect(try outcome().resumedFrom == nil)
            let first = journey(metrics + ["--log", address])  // replays the whole log, and saves its checkpoint
            #expect(first.status == 0, "\(first.errors)")
            let saved = try outcome()
            #expect(saved.resumedFrom != nil && saved.eventsFolded == 0)
            let second = journey(metrics + ["--log", address])  // from the checkpoint
            #expect(first.output == full.output && second.output == full.output)
        }
    }
}
