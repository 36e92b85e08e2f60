import Foundation
import JourneyTestSupport
import Testing

/// `journey cohort repeat-cp`, run in-process.
@Suite("journey cohort repeat-cp")
struct CohortCommandTests {
    @Test("C1's second plan is a repeat within the window: its first plan ended 92 days before")
    func repeatPlan() throws {
        let (_, events) = try tinyCouncilFile()
        let result = journey([
            "cohort", "repeat-cp", "--log", events, "--from", "2024-09-01", "--to", "2025-03-31", "--format", "json",
            "--part", "rows",
        ])
        #expect(result.status == 0, "\(result.errors)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
        let rows = try #require(json["rows"] as? [[String: Any]], "\(json.keys)")
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["child"] as? String == "C1")
        #expect(row["group"] as? String == "repeat-within-window", "\(row)")
        // 1 July to 1 October 2024: 30 + 31 + 31 days.
        #expect(row["gap_days"] as? String == "92", "\(row)")
        // The 24-month look-back reaches before the log: a note on standard error.
        #expect(result.errors.hasPrefix("journey: note: the log covers "), "\(result.errors)")
    }

    @Test("--from after --to is refused, exit 64")
    func backwards() {
        let result = journey(["cohort", "repeat-cp", "--log", sampleLog, "--from", "2025-04-01", "--to", "2024-04-01"])
        #expect(result.status == 64)
        #expect(result.errors.contains("--from must be on or before --to"), "\(result.errors)")
    }
}
