import Foundation
import JourneyCore
import JourneyLog
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

    /// A state read from a checkpoint holds the checkpoint's atoms child after child, not in log order, then those
    /// folded since: the answer for every position, before the checkpoint's and after it, is a replay's.
    @Test func aStateReadFromACheckpointAnswersAsAReplay() throws {
        // Two children whose referrals alternate, so that child after child is not log order: C1 at positions 1,
        // 3, 5 (dated 06-01, 02-01, 04-01), C2 at 2, 4, 6 (05-01, 07-01, 03-01); the checkpoint after 6; then C1 on
        // 01-10 (7) and C2 on 01-15 (8), earlier than all before them.
        var log = EventBuilder()
        for (child, day, referral) in [
            ("C1", "2024-06-01", "R1"), ("C2", "2024-05-01", "R1"), ("C1", "2024-02-01", "R2"),
            ("C2", "2024-07-01", "R2"), ("C1", "2024-04-01", "R3"), ("C2", "2024-03-01", "R3"),
        ] {
            log.referral(child, day, referral)
        }
        let path = temporaryDirectory("journey-latest-occurred")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        try writer.append(log.events)
        _ = try Checkpoint.replay(EventLog.open(path))
        #expect(FileManager.default.fileExists(atPath: path + "/cache/" + Checkpoint.fileName))
        log.referral("C1", "2024-01-10", "R4")
        log.referral("C2", "2024-01-15", "R4")
        try writer.append(Array(log.events.suffix(2)))
        let (resumed, outcome) = try Checkpoint.replay(EventLog.open(path), save: false)
        #expect(outcome.resumedFrom == 6)
        // By hand, the latest date of the events after each position: after 0 to 3, 07-01 (4); after 4, 04-01 (5);
        // after 5, 03-01 (6); after 6 and 7, 01-15 (8); after 8, none.
        let expected: [String?] = [
            "2024-07-01", "2024-07-01", "2024-07-01", "2024-07-01", "2024-04-01", "2024-03-01", "2024-01-15",
            "2024-01-15", nil,
        ]
        for (position, date) in expected.enumerated() {
            #expect(resumed.latestOccurred(after: UInt64(position)) == date.map(d), "after \(position)")
        }
    }
}
