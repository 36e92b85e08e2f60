import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// `latestOccurred(after:)`: the latest date among the events after a position, which a served log takes with the
/// date before to keep the log's latest date without reading every event again. It must count what
/// `latestOccurred()` counts: every event of the history, a corrected or retracted one too, and not a retraction.
struct LatestOccurredTests {
    @Test func theLatestAfterEachPositionIsThatOfTheEventsAfterIt() {
        var log = EventBuilder()
        log.referral("C1", "2024-05-01")  // 1
        log.referral("C1", "2024-03-01", "R2")  // 2: earlier than the first
        let third = log.add(
            "C2", "2024-06-10", .contactReceived(ContactReceived(contact: "K1", source: ReferralSource("6")!)))  // 3
        // 4: a retraction, not an event of the history.
        log.add("C2", "2024-07-01", .eventRetracted(event: third, reason: "recorded in error"))
        log.add(
            "C1", "2024-02-01", .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("6")!)),
            corrects: "e1")  // 5: a correction, an event of the history
        let state = log.state
        // By hand: the history's dates by position are 1: 05-01, 2: 03-01, 3: 06-10, 5: 02-01 (4 is the retraction).
        #expect(state.latestOccurred() == d("2024-06-10"))
        #expect(state.latestOccurred(after: 0) == d("2024-06-10"))
        #expect(state.latestOccurred(after: 1) == d("2024-06-10"))
        #expect(state.latestOccurred(after: 2) == d("2024-06-10"))
        #expect(state.latestOccurred(after: 3) == d("2024-02-01"))
        #expect(state.latestOccurred(after: 4) == d("2024-02-01"))
        #expect(state.latestOccurred(after: 5) == nil)
        // The later of the date up to a position and the date after it is the whole log's, wherever the cut.
        for cut in 0...5 {
            var before = JourneyState()
            for (i, e) in log.events.prefix(cut).enumerated() {
                before.apply(StoredEvent(position: UInt64(i + 1), version: 0, event: e))
            }
            let dates = [before.latestOccurred(), state.latestOccurred(after: UInt64(cut))].compactMap { $0 }
            #expect(dates.max() == state.latestOccurred(), "cut after \(cut)")
        }
    }
}
