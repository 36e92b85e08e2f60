import JourneyCore
import Testing

/// What the fuzz target `fuzz-event-json` (Fuzz/) found in the interchange format: each input, cut down, and what
/// reading it must do instead of stopping the program.
@Suite("Event lines under fuzzing")
struct EventJSONFuzzFindingTests {
    // Found by fuzz-event-json: a sample line with its `recorded` year changed to 1006. `Timestamp(rfc3339:)`
    // (Timestamp.swift line 85, `seconds * 1_000_000_000 + fraction`) overflows for a year before 1678 or after
    // 2261, so `journey append` stops with SIGILL. Issue 16, item 1.
    @Test(
        arguments: ["1006-03-21T09:47:49Z", "2262-04-11T23:47:17Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"])
    func aRecordedTimeInTheYear1006(recorded: String) throws {
        let line =
            #"{"id":"e-1","type":"referral.received","child":"C1","occurred":"2023-05-02","recorded":""#
            + recorded + #"","data":{"referral":"R1","source":"2A"}}"#
        switch Event.parse(jsonLine: line) {
        case .success(let event):
            // Accepted: it must print as it was written, and read back.
            #expect(event.canonicalJSONString.contains(recorded))
            #expect(try Event.parse(jsonLine: event.canonicalJSONString).get() == event)
        case .failure(let invalid):
            // Refused: with a clear error on the field.
            #expect(invalid.problems.contains { $0.field == "recorded" })
        }
    }
}
