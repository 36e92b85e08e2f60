import Testing

@testable import JourneyCommandLine

/// Every time and number an option takes is bounded where it is read: a value beyond the years a time can hold, or
/// a number that would overflow the day arithmetic, is refused with a message that says what the option takes,
/// never a trap (SIGILL, exit 132) or a run that does not end.
@Suite("Options: times and numbers in bounds")
struct OptionBoundsTests {
    static let log = ["--log", "log.jsonl"]

    @Test(
        "Times beyond 2261 or before 1678 are refused by every option that takes a time",
        arguments: [
            ["metrics", "--year", "2024-25", "--as-known-at", "2300-01-01"],
            ["metrics", "--year", "2024-25", "--as-known-at", "2262-04-11T23:47:17Z"],
            ["check", "--as-known-at", "9999-12-31"],
            ["check", "--since", "1000-01-01"],
            ["chronology", "C100", "--diff", "2024-01-01", "2300-01-01"],
            ["chronology", "C100", "--as-known-at", "2262-01-01"],
            ["cohort", "repeat-cp", "--from", "2024-04-01", "--to", "2025-03-31", "--as-known-at", "2500-01-01"],
            ["export", "--as-known-at", "2400-06-30"],
            ["report", "--year", "2024-25", "--out", "p.html", "--as-known-at", "2300-01-01"],
            ["report", "--year", "2024-25", "--out", "p.html", "--stamp", "2262-04-11T23:47:17Z"],
            ["import", "ssda903", "dir", "--recorded", "2300-01-01"],
            ["import", "cin-census", "return.xml", "--recorded", "2300-01-01T00:00:00Z"],
        ])
    func timesOutOfRange(arguments: [String]) throws {
        let message = try #require(refusal(arguments + Self.log.suffix(arguments.first == "import" ? 0 : 2)))
        #expect(message.contains("outside the years 1678 to 2261"))
    }

    @Test("A time within the range is taken")
    func timesInRange() {
        #expect(refusal(["metrics", "--year", "2024-25", "--as-known-at", "2261-12-31"] + Self.log) == nil)
        #expect(refusal(["check", "--since", "2025-03-17T09:00:00Z"] + Self.log) == nil)
    }

    @Test(
        "--recorded-late-days is bounded: a huge value no longer runs for ever, a negative one is not a missing value",
        arguments: ["99999999999", "-1", "1001"])
    func recordedLateDays(value: String) throws {
        let message = try #require(refusal(["check", "--recorded-late-days", value] + Self.log))
        #expect(message.contains("--recorded-late-days must be 0 to 1000 working days"))
    }

    @Test("--recorded-late-days takes 0 and 1000")
    func recordedLateDaysInRange() {
        #expect(refusal(["check", "--recorded-late-days", "0"] + Self.log) == nil)
        #expect(refusal(["check", "--recorded-late-days", "1000"] + Self.log) == nil)
    }

    @Test("Negative counts are read as numbers and refused by their rule, not as a missing value")
    func negativeCounts() throws {
        let synth = ["synth", "--children", "-5", "--from", "2020-04-01", "--to", "2021-03-31"]
        let children = try #require(refusal(synth))
        #expect(children.contains("--children must be 1 or more"))
        let problems = try #require(refusal(["append", "x.jsonl", "--max-problems", "-1"] + Self.log))
        #expect(problems.contains("--max-problems must be 1 or more"))
    }

    @Test("--monthly over the whole calendar is refused before it is evaluated, and ends at December 9999")
    func monthlyUpToTheLastMonth() throws {
        let message = try #require(
            refusal(["metrics", "--from", "0001-01-01", "--to", "9999-12-31", "--monthly"] + Self.log))
        #expect(message.contains("at most 600"))
        // The last months of the calendar: the series once ran past December 9999 and trapped.
        #expect(refusal(["metrics", "--from", "9990-01-01", "--to", "9999-12-31", "--monthly"] + Self.log) == nil)
    }
}
