import JourneyCore
import JourneyTestSupport
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test(
        "Parses YYYY-MM-DD and refuses days that do not exist",
        arguments: [
            ("2024-02-29", true), ("2023-02-29", false), ("2024-13-01", false), ("2024-04-31", false),
            ("2024-4-01", false), ("24-04-01", false), ("2024-04-01T00:00", false), ("2000-02-29", true),
            ("1900-02-29", false),
        ])
    func parsing(text: String, isDate: Bool) {
        #expect((CalendarDate(text) != nil) == isDate)
    }

    /// Every day of years 1 to 9999 is written as its year, month and day, four, two and two digits, and read back
    /// as itself; year 0 as four digits too, and a year of five as it is.
    @Test func everyDayIsWrittenAsItsYearMonthAndDay() throws {
        let first = try #require(CalendarDate(year: 1, month: 1, day: 1))
        var day = first
        let last = try #require(CalendarDate(year: 9999, month: 12, day: 31))
        var days = 0
        while day <= last {
            let (y, m, dd) = day.parts
            let expected =
                String(repeating: "0", count: 4 - String(y).count) + String(y) + "-" + (m < 10 ? "0" : "")
                + String(m) + "-" + (dd < 10 ? "0" : "") + String(dd)
            if day.description != expected || CalendarDate(day.description) != day {
                Issue.record("day \(day.dayNumber) written \(day.description), expected \(expected)")
                break
            }
            day = day.adding(days: 1)
            days += 1
        }
        // 9,999 years of 365 days, with a leap day in 2,424 of them: the 2,499 divisible by 4 but the 75 centuries of
        // 100 to 9900 not divisible by 400.
        #expect(days == 9_999 * 365 + 2_424)
        #expect(CalendarDate(dayNumber: first.dayNumber - 1).description == "0000-12-31")
        #expect(CalendarDate(dayNumber: last.dayNumber + 1).description == "10000-01-01")
    }

    @Test func writesWhatItRead() {
        #expect(d("2024-04-01").description == "2024-04-01")
        #expect(d("0999-12-31").description == "0999-12-31")
    }

    @Test func dayNumbersCountFrom1970() {
        #expect(d("1970-01-01").dayNumber == 0)
        #expect(d("1970-01-02").dayNumber == 1)
        #expect(d("1969-12-31").dayNumber == -1)
        // 2000-03-01: 30 years × 365 + 8 leap days (72, 76, 80, 84, 88, 92, 96; 2000 counts from 29 Feb) … worked
        // out as 10957 days to 2000-01-01, + 31 (January) + 29 (February 2000) = 11017.
        #expect(d("2000-03-01").dayNumber == 11017)
    }

    @Test func weekdays() {
        #expect(d("2024-04-01").isoWeekday == 1)  // a Monday
        #expect(d("2024-04-06").isoWeekday == 6)  // a Saturday
        #expect(d("1970-01-01").isoWeekday == 4)  // a Thursday
        #expect(d("2024-04-07").isWeekend)
    }

    @Test(
        "Month arithmetic keeps the day or clamps it to the month's end (metrics.md)",
        arguments: [
            ("2024-02-29", -12, "2023-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"),
            ("2024-03-31", -1, "2024-02-29"), ("2025-03-31", -30, "2022-09-30"), ("2024-12-15", 1, "2025-01-15"),
            ("2024-01-15", -1, "2023-12-15"),
        ])
    func monthArithmetic(start: String, months: Int, expected: String) {
        #expect(d(start).adding(months: months) == d(expected))
    }

    @Test func ageIsCompletedYears() {
        #expect(d("2016-03-14").completedYears(at: d("2024-03-13")) == 7)
        #expect(d("2016-03-14").completedYears(at: d("2024-03-14")) == 8)
        // Born on 29 February: a year is completed on 1 March in a common year.
        #expect(d("2020-02-29").completedYears(at: d("2021-02-28")) == 0)
        #expect(d("2020-02-29").completedYears(at: d("2021-03-01")) == 1)
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test func parsesRFC3339() throws {
        let z = try #require(Timestamp("2023-05-02T09:10:00Z"))
        let offset = try #require(Timestamp("2023-05-02T10:10:00+01:00"))
        #expect(z == offset)  // the same instant
        #expect(offset.description == "2023-05-02T10:10:00+01:00")  // written as it came
        let fraction = try #require(Timestamp("2023-05-02T09:10:00.250Z"))
        #expect(fraction.description == "2023-05-02T09:10:00.250Z")
        #expect(fraction > z)
    }

    @Test(
        "Refuses what RFC 3339 does not allow",
        arguments: [
            "2023-05-02T09:10:00", "2023-05-02", "2023-05-02T25:10:00Z", "2023-05-02T09:10:00+1:00",
            "2023-05-02T09:10:00.Z", "2023-02-30T09:10:00Z", "2023-05-02T09:10:60Z",
        ])
    func refuses(text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func localDateIsInTheWrittenOffset() throws {
        // 23:30 on 1 April in UTC−05:00 is 04:30 on 2 April UTC; its own date is 1 April.
        let t = try #require(Timestamp("2024-04-01T23:30:00-05:00"))
        #expect(t.localDate == d("2024-04-01"))
        #expect(Timestamp(endOf: d("2024-04-01"))! < Timestamp("2024-04-02T00:00:00Z")!)
    }
}

@Suite("Working days")
struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar.englandAndWales

    @Test func sameDayIsZeroAndAWeekIsFive() {
        #expect(calendar.workingDays(from: d("2024-04-08"), to: d("2024-04-08")) == 0)
        // Monday to the following Monday: Tue, Wed, Thu, Fri, Mon = 5 (metrics.md).
        #expect(calendar.workingDays(from: d("2024-04-08"), to: d("2024-04-15")) == 5)
    }

    @Test func easterBankHolidaysDoNotCount() {
        // Thursday 28 March 2024 to Tuesday 2 April: 29 Mar is Good Friday, 30–31 a weekend, 1 Apr Easter Monday,
        // so only Tuesday 2 April counts.
        #expect(calendar.workingDays(from: d("2024-03-28"), to: d("2024-04-02")) == 1)
    }

    @Test func weekendStart() {
        // Saturday 6 April to Monday 8 April: Sunday does not count, Monday does.
        #expect(calendar.workingDays(from: d("2024-04-06"), to: d("2024-04-08")) == 1)
        // Saturday to Sunday: none.
        #expect(calendar.workingDays(from: d("2024-04-06"), to: d("2024-04-07")) == 0)
    }

    @Test func christmasAndNewYear() {
        // Friday 20 December 2024 to Friday 3 January 2025: 23, 24, 27, 30, 31 Dec and 2, 3 Jan count; 25 and 26 Dec
        // and 1 Jan are bank holidays, 21–22 and 28–29 Dec weekends: 7.
        #expect(calendar.workingDays(from: d("2024-12-20"), to: d("2025-01-03")) == 7)
    }

    @Test func leapDay() {
        // Wednesday 28 February 2024 to Friday 1 March: Thursday 29 February and Friday 1 March.
        #expect(calendar.workingDays(from: d("2024-02-28"), to: d("2024-03-01")) == 2)
    }

    @Test func backwardsIsNegative() {
        #expect(calendar.workingDays(from: d("2024-04-15"), to: d("2024-04-08")) == -5)
    }

    @Test func addingWorkingDaysFindsTheLastDayOfATimescale() {
        // 45 working days from Monday 1 July 2024 (no bank holidays until 26 August, which falls inside):
        // 9 weeks of 5 days would end on Monday 2 September; the August bank holiday pushes it to Tuesday 3rd.
        let end = calendar.adding(workingDays: 45, to: d("2024-07-01"))
        #expect(end == d("2024-09-03"))
        #expect(calendar.workingDays(from: d("2024-07-01"), to: end) == 45)
    }

    /// `adding(workingDays:to:)` steps over stretches of weekdays; it must land where counting one day at a time
    /// does: the first day after `date` with `n` working days up to it. Tried from every day of several years, before
    /// 1970 as well (negative day numbers), for timescales up to 70 working days, with the shipped holidays and with a
    /// calendar of runs of holidays (a whole week, days either side of a weekend, the first and last day of a stretch).
    @Test func addingWorkingDaysCountsAsDayByDay() throws {
        func dayByDay(_ calendar: WorkingDayCalendar, _ n: Int, _ date: CalendarDate) -> CalendarDate {
            var d = date
            var left = n
            while left > 0 {
                d = d.adding(days: 1)
                if calendar.isWorkingDay(d) { left -= 1 }
            }
            return d
        }
        let runs = try WorkingDayCalendar(
            holidayFileContents: """
                1968-12-27
                1968-12-30
                1968-12-31
                1969-01-01
                2024-04-01
                2024-04-02
                2024-04-03
                2024-04-04
                2024-04-05
                2024-04-08
                2024-05-03
                2024-05-06
                2024-12-24
                2024-12-25
                2024-12-26
                2024-12-27
                2024-12-30
                2024-12-31
                2025-01-01
                """, fileName: "runs.txt")
        for cal in [calendar, runs] {
            for start in [d("1968-11-01"), d("2023-11-01")] {
                for offset in 0..<500 {
                    let date = start.adding(days: offset)
                    for n in 0...70 {
                        let stepped = cal.adding(workingDays: n, to: date)
                        guard stepped == dayByDay(cal, n, date) else {
                            Issue.record("\(n) working days from \(date): \(stepped), not \(dayByDay(cal, n, date))")
                            return
                        }
                    }
                }
            }
        }
    }

    @Test func aCouncilsOwnListReplacesTheShippedOne() throws {
        let own = try WorkingDayCalendar(
            holidayFileContents: "# local closure days\n2024-04-10\n\n2024-04-11\n", fileName: "own.txt")
        // Monday 8 to Monday 15 April with Wednesday 10 and Thursday 11 closed: Tue 9, Fri 12, Mon 15.
        #expect(own.workingDays(from: d("2024-04-08"), to: d("2024-04-15")) == 3)
        let json = try WorkingDayCalendar(
            holidayFileContents: #"{"events":[{"date":"2024-04-09","title":"x"}]}"#, fileName: "own.json")
        #expect(json.workingDays(from: d("2024-04-08"), to: d("2024-04-15")) == 4)
        #expect(throws: WorkingDayCalendar.FileProblem.self) {
            try WorkingDayCalendar(holidayFileContents: "2024-13-01\n", fileName: "bad.txt")
        }
    }

    @Test func theShippedCalendarCoversItsYears() {
        #expect(calendar.coveredYears == 2000...2040)
    }
}
