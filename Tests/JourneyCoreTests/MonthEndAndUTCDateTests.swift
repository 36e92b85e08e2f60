import JourneyCore
import Testing

/// The month ends and UTC days that the metrics, the checks, the chronology and the pack all take from here.
@Suite("Month ends and UTC days")
struct MonthEndAndUTCDateTests {
    @Test(
        "a date's month runs from its first day to its last",
        arguments: [
            ("2024-02-10", "2024-02-01", "2024-02-29"),
            ("2023-02-28", "2023-02-01", "2023-02-28"),
            ("1900-02-01", "1900-02-01", "1900-02-28"),
            ("2000-02-29", "2000-02-01", "2000-02-29"),
            ("2024-12-31", "2024-12-01", "2024-12-31"),
            ("2025-04-30", "2025-04-01", "2025-04-30"),
            ("1969-12-15", "1969-12-01", "1969-12-31"),
            ("9999-12-31", "9999-12-01", "9999-12-31"),
        ])
    func month(date: String, start: String, end: String) throws {
        let d = try #require(CalendarDate(date))
        #expect(d.monthStart == CalendarDate(start))
        #expect(d.monthEnd == CalendarDate(end))
    }

    @Test("an instant's UTC day, before 1970 too, whatever offset it was written in")
    func utcDate() throws {
        let day: Int64 = 86_400_000_000_000
        #expect(Timestamp(nanoseconds: 0).utcDate == CalendarDate("1970-01-01"))
        #expect(Timestamp(nanoseconds: day - 1).utcDate == CalendarDate("1970-01-01"))
        #expect(Timestamp(nanoseconds: -1).utcDate == CalendarDate("1969-12-31"))
        #expect(Timestamp(nanoseconds: -day).utcDate == CalendarDate("1969-12-31"))
        #expect(Timestamp(nanoseconds: -day - 1).utcDate == CalendarDate("1969-12-30"))
        let late = try #require(Timestamp("2024-03-31T23:30:00-01:00"))
        #expect(late.utcDate == CalendarDate("2024-04-01"))
        #expect(late.localDate == CalendarDate("2024-03-31"))
    }
}
