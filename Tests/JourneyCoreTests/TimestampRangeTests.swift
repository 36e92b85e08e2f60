import JourneyCore
import JourneyTestSupport
import Testing

/// Times beyond 64-bit nanoseconds since 1970 (1677-09-21 to 2262-04-11) once trapped with an arithmetic overflow
/// (SIGILL) wherever one was parsed: an appended event's `recorded`, `--as-known-at`, `--since`, `--diff`, `--stamp`,
/// `--recorded`. They are now refused by rule: a time names a day in the years 1678 to 2261.
@Suite("Timestamps: the years a time can hold")
struct TimestampRangeTests {
    @Test(
        "Times outside 1678 to 2261 are refused, not overflowed",
        arguments: [
            "2262-04-11T23:47:17Z",  // one second past the last instant of Int64 nanoseconds
            "2262-01-01T00:00:00Z", "2300-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "1677-09-21T00:12:43Z", "1677-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
        ])
    func refused(text: String) {
        #expect(Timestamp(text) == nil)
        #expect(Timestamp.rangeProblem(in: text) != nil)
    }

    @Test("The first and last instants of the range are held exactly, in any offset")
    func edges() throws {
        let last = try #require(Timestamp("2261-12-31T23:59:59.999999999Z"))
        #expect(last.description == "2261-12-31T23:59:59.999999999Z")
        // 23:59 behind UTC: the instant is nearly a day later in UTC, still inside Int64 nanoseconds.
        let behind = try #require(Timestamp("2261-12-31T23:59:59-23:59"))
        #expect(behind.description == "2261-12-31T23:59:59-23:59")
        #expect(behind.localDate == d("2261-12-31"))
        let first = try #require(Timestamp("1678-01-01T00:00:00+23:59"))
        #expect(first.description == "1678-01-01T00:00:00+23:59")
        #expect(first.localDate == d("1678-01-01"))
    }

    @Test("Day boundaries are nil outside the range instead of overflowing")
    func dayBoundaries() {
        #expect(Timestamp(startOf: d("2262-01-01")) == nil)
        #expect(Timestamp(endOf: d("9999-12-31")) == nil)
        #expect(Timestamp(lastSecondOf: d("0001-03-31")) == nil)
        #expect(Timestamp(endOf: d("2261-12-31"))?.description == "2261-12-31T23:59:59Z")
        #expect(Timestamp(lastSecondOf: d("2025-03-31"))?.description == "2025-03-31T23:59:59Z")
        #expect(Timestamp.rangeProblem(d("2024-06-30")) == nil)
        #expect(Timestamp.rangeProblem(d("2262-01-01"))?.contains("1678 to 2261") == true)
    }

    @Test("An appended event recorded in 2262 is a problem of its `recorded` field that says why")
    func appendedEvent() {
        let line =
            #"{"id":"e-1","type":"child.died","child":"C100","occurred":"2023-05-02","recorded":"2262-04-11T23:47:17Z","data":{}}"#
        guard case .failure(let invalid) = Event.parse(jsonLine: line) else {
            Issue.record("an event recorded in 2262 was accepted")
            return
        }
        let problem = invalid.problems.first { $0.field == "recorded" }
        #expect(problem?.message.contains("outside the years 1678 to 2261") == true)
    }
}
