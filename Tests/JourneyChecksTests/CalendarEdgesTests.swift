import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// The log takes any date with a four-digit year, so a record may lie in the first days of year 1 or the last of
/// year 9999, whose collection years start in year 0 or end in year 10000: every check must judge it without
/// trapping on a date it works out (the 1 April before, the 31 March after).
@Suite("Checks at the ends of the calendar")
struct CalendarEdgesTests {
    /// Every type of event, one a day: for C1 from 1 January of year 1 (into its March), for C2 from 1 October
    /// 9999 (into its December).
    static func log(startingOn first: CalendarDate, child: String) -> JourneyState {
        var state = JourneyState()
        let events = SampleEvents.everyType.enumerated().map { i, e in
            var e = e
            e.child = ChildID(child)
            e.occurred = first.adding(days: i)
            e.recorded = nil
            return e
        }
        for s in storedEvents(events) { state.apply(s) }
        return state
    }

    @Test(arguments: [("0001-01-01", "C1"), ("9999-10-01", "C2")])
    func everyCheckJudgesARecordAtTheEndsOfTheCalendar(first: String, child: String) {
        let state = Self.log(startingOn: d(first), child: child)
        let latest = state.latestOccurred()!
        // The events' days run from the first for as many days as there are types, all in the year they start in.
        #expect(latest.year == d(first).year)
        let report = state.check(CheckContext(asOf: latest))
        #expect(report.children == 1)
        #expect(report.checks.count == CheckCatalogue.all.count)
    }

    /// The days the checks work out there, written as the calendar runs on past the four-digit years.
    @Test func theFirstOfAprilBeforeYearOneAndTheLastOfMarchAfterYear9999() {
        #expect(collectionYearStart(d("0001-03-31")).description == "0000-04-01")
        #expect(collectionYearEnd(d("0001-03-31")).description == "0001-03-31")
        #expect(collectionYearStart(d("9999-04-01")).description == "9999-04-01")
        #expect(collectionYearEnd(d("9999-04-01")).description == "10000-03-31")
        // From 1 April of year 0 to 1 April of year 1, 365 days: the February between them is year 1's, not a leap
        // year (year 0's 29 February, a leap year's as it is divisible by 400, is before its 1 April).
        #expect(d("0001-04-01").dayNumber - collectionYearStart(d("0001-03-31")).dayNumber == 365)
    }
}
