import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("Leaving care")
struct LeavingCareCheckTests {
    @Test func careLeaverContactWithoutCare() {
        var log = EventBuilder()
        log.careStarted("C1", "2020-01-10")
        log.careEnded("C1", "2023-05-01")
        log.careLeaverContact("C1", "2024-05-01")
        let never = log.careLeaverContact("C2", "2024-05-01")
        // Care that starts only after the contact does not make the child a care leaver then.
        let early = log.careLeaverContact("C3", "2024-05-01")
        log.careStarted("C3", "2024-06-01")
        let found = log.findings("care-leaver-contact-without-care")
        #expect(found.map(\.positions) == [[p(never)], [p(early)]] && found.first?.severity == .error)
        #expect(
            found.first?.message
                == "Care leaver contact 2024-05-01 for a child with no period of care before it: record the period of "
                + "care, or check that the contact belongs to this child.")
    }

    @Test func careLeaverContactWhileLookedAfter() {
        var log = EventBuilder()
        // The day care ended is not in care.
        log.careStarted("C1", "2020-01-10")
        log.careEnded("C1", "2024-05-01")
        log.careLeaverContact("C1", "2024-05-01")
        let start = log.careStarted("C2", "2020-01-10")
        let contact = log.careLeaverContact("C2", "2024-05-01")
        let found = log.findings("care-leaver-contact-while-looked-after")
        #expect(found.map(\.positions) == [[p(contact), p(start)]])
        #expect(
            found.first?.message
                == "Care leaver contact 2024-05-01 while the child was looked after (the period of care started "
                + "2020-01-10): record the end of the period of care, or correct the contact's date.")
    }

    @Test func careLeaverActivityWhenDiedOrHome() {
        var log = EventBuilder()
        log.careLeaverContact("C1", "2024-05-01", inTouch: "DIED", activity: "0", accommodation: "0")
        log.careLeaverContact("C1", "2024-06-01", inTouch: "RHOM", activity: nil, accommodation: nil)
        log.careLeaverContact("C1", "2024-07-01", inTouch: "NO", activity: "G5", accommodation: "R2")
        let died = log.careLeaverContact("C2", "2024-05-01", inTouch: "DIED", activity: "F4", accommodation: "0")
        let home = log.careLeaverContact("C3", "2024-05-01", inTouch: "RHOM", activity: "G5", accommodation: "B1")
        let found = log.findings("care-leaver-activity-when-died-or-home")
        #expect(found.map(\.positions) == [[p(died)], [p(home)]])
        #expect(
            found.map(\.message) == [
                "Care leaver contact 2024-05-01 says DIED (died) but gives activity F4: record activity and "
                    + "accommodation as 0, or correct the in-touch code.",
                "Care leaver contact 2024-05-01 says RHOM (returned home) but gives activity G5 and accommodation B1: "
                    + "record activity and accommodation as 0, or correct the in-touch code.",
            ])
    }

    @Test func careLeaverInTouchActivityNotKnown() {
        var log = EventBuilder()
        log.careLeaverContact("C1", "2024-05-01")
        log.careLeaverContact("C1", "2024-06-01", inTouch: "NO", activity: "0", accommodation: "0")
        let zero = log.careLeaverContact("C2", "2024-05-01", activity: "0")
        let none = log.careLeaverContact("C3", "2024-05-01", activity: nil, accommodation: nil)
        let found = log.findings("care-leaver-in-touch-activity-not-known")
        #expect(found.map(\.positions) == [[p(zero)], [p(none)]])
        #expect(
            found.map(\.message) == [
                "Care leaver contact 2024-05-01 says in touch (YES) but the activity is not known: record the young "
                    + "person's activity and accommodation, or correct the in-touch code.",
                "Care leaver contact 2024-05-01 says in touch (YES) but the activity and accommodation are not known: "
                    + "record the young person's activity and accommodation, or correct the in-touch code.",
            ])
    }
}
