import Foundation
import JourneyTestSupport
import Testing

/// `journey stats`, run in-process.
@Suite("journey stats")
struct StatsCommandTests {
    @Test("A JSON Lines file: its events, children, dates and counts by type")
    func file() throws {
        let (_, events) = try tinyCouncilFile()
        let result = journey(["stats", "--log", events])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "log           \(events)")
        #expect(lines[1] == "events        12 in 12 lines of JSON Lines")
        #expect(lines[2] == "children      2")
        #expect(lines[3] == "occurred      2024-04-01 to 2024-10-01")
        // Three referrals (R1, R2, R3), two CP plans started (P1, P2), one ended.
        #expect(result.output.contains("  referral.received     3\n"), "\(result.output)")
        #expect(result.output.contains("  cp-plan.started       2\n"), "\(result.output)")
        #expect(result.output.contains("  cp-plan.ended         1\n"), "\(result.output)")
    }

    @Test("A log folder: batches and the last position")
    func folder() throws {
        let (_, log) = try tinyCouncilLog()
        let result = journey(["stats", "--log", log])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("events        12 in 1 batches (last position 12)\n"), "\(result.output)")
    }

    @Test("A missing log: what was found and what --log takes, on standard error, exit 1")
    func missing() throws {
        let folder = try scratchFolder("journey-stats")
        let result = journey(["stats", "--log", folder + "/missing"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("no such file or folder"), "\(result.errors)")
        #expect(result.errors.contains("--log takes a log folder, a JSON Lines file"), "\(result.errors)")
    }
}
