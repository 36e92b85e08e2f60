import Foundation
import JourneyTestSupport
import Testing

/// `journey chronology`, run in-process.
@Suite("journey chronology")
struct ChronologyCommandTests {
    @Test("C1's chronology: its events in date order, the level of help as it changes")
    func chronology() throws {
        let (_, events) = try tinyCouncilFile()
        let result = journey(["chronology", "C1", "--log", events, "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
        let entries = try #require(json["entries"] as? [[String: Any]], "\(json.keys)")
        // C1's eight events: registered, referral, assessment start, CP plan, assessment end, plan end, referral,
        // plan.
        let dates = entries.compactMap { $0["date"] as? String }
        #expect(
            dates == [
                "2024-04-01", "2024-04-10", "2024-04-11", "2024-05-01", "2024-05-20", "2024-07-01", "2024-09-02",
                "2024-10-01",
            ], "\(entries)")
    }

    @Test("A child not in the log: no record, exit 1")
    func unknownChild() throws {
        let (_, events) = try tinyCouncilFile()
        let result = journey(["chronology", "C9", "--log", events])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(
            result.errors
                == "journey: no record for child C9 in the log as known then (check the id and --as-known-at)\n")
    }

    @Test("Standard input is refused: it cannot be read twice, exit 64")
    func standardInput() {
        let result = journey(["chronology", "C1", "--log", "-"])
        #expect(result.status == 64)
        #expect(result.errors.contains("reads the log twice"), "\(result.errors)")
    }
}
