import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// The state read for one record (`JourneyState.forRecord(of:in:)`: the checkpoint in part, the events after it
/// folded on) builds that record as the whole state does, as known at any time, merged or not.
struct OneRecordStateTests {
    /// A log folder of a random log (corrections, retractions and merges among 24 children): the first
    /// `checkpointed` events, replayed with the checkpoint written, then the rest appended after it.
    static func log(seed: UInt64, events: Int = 400, checkpointed: Int = 300) throws -> (EventLog, [Event]) {
        let all = randomLog(seed: seed, events: events, children: 24)
        let path = temporaryDirectory("journey-one-record")
        let writer = try LogWriter.open(path)
        try writer.append(Array(all[..<checkpointed]))
        #expect(try Checkpoint.replay(EventLog.open(path)).1.saved)
        if checkpointed < all.count { try writer.append(Array(all[checkpointed...])) }
        writer.close()
        return (try EventLog.open(path), all)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func eachRecordIsTheWholeStatesAsKnownAtAnyTime(seed: UInt64) throws {
        let (log, events) = try Self.log(seed: seed)
        let whole = try JourneyState(replaying: log)
        // No time, times between the events' (before the checkpoint and after), and one before them all.
        let times: [Timestamp?] =
            [nil] + [0, 120, 299, 350, 399].map { events[$0].recorded } + [t("2021-01-01T00:00:00Z")]
        var merged = 0
        var fewerAtoms = 0
        for child in Set(events.map(\.child)).sorted() + ["C99"] {
            let state = try #require(try JourneyState.forRecord(of: child, in: log))
            if state.atoms.count < whole.atoms.count { fewerAtoms += 1 }
            for time in times {
                let expected = whole.record(of: child, asKnownAt: time, includingRecording: true)
                let record = state.record(of: child, asKnownAt: time, includingRecording: true)
                #expect(
                    String(describing: record) == String(describing: expected),
                    "\(child) as known at \(time.map { "\($0)" } ?? "now")")
                #expect(
                    state.recordID(containing: child, asKnownAt: time)
                        == whole.recordID(containing: child, asKnownAt: time))
                if let expected, !expected.mergedFrom.isEmpty { merged += 1 }
            }
        }
        #expect(merged > 0, "some records hold merged children")
        #expect(fewerAtoms > 0, "some states hold the atoms of some children only")
    }

    /// No checkpoint: no state, and the caller replays.
    @Test func withoutAUsableCheckpointThereIsNone() throws {
        let path = temporaryDirectory("journey-one-record-none")
        let writer = try LogWriter.open(path)
        try writer.append(randomLog(seed: 9, events: 50))
        writer.close()
        #expect(try JourneyState.forRecord(of: "C1", in: EventLog.open(path)) == nil)
    }
}
