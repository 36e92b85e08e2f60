import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// Records built on a second thread reach the caller as `forEachRecord` gives them: the same records, in the
/// same order, however many chunks they fill.
struct PipelinedRecordsTests {
    @Test(arguments: [0, 1, 255, 256, 257, 1_000])
    func thePipelineGivesTheRecordsOfOneThreadInOrder(children: Int) {
        var state = JourneyState()
        for i in 0..<children {
            let event = Event(
                id: EventID("e\(i)"), child: ChildID("C\(i)"), occurred: d("2024-05-01").adding(days: i % 300),
                recorded: Timestamp(startOf: d("2025-01-01")),
                body: .referralReceived(ReferralReceived(referral: ReferralID("R1"), source: ReferralSource("6")!)))
            state.apply(StoredEvent(position: UInt64(i + 1), version: 1, event: event))
        }
        var direct: [ChildID] = []
        state.forEachRecord { direct.append($0.id) }
        var pipelined: [ChildID] = []
        state.forEachRecordPipelined { pipelined.append($0.id) }
        #expect(pipelined == direct)
        #expect(pipelined.count == children)
    }

    @Test func recordingTravelsWithTheRecords() {
        var state = JourneyState()
        for (i, e) in randomLog(seed: 3, events: 300).enumerated() {
            state.apply(StoredEvent(position: UInt64(i + 1), version: 0, event: e))
        }
        var direct: [ChildRecord.Recording] = []
        state.forEachRecord(includingRecording: true) { direct.append($0.recording) }
        var pipelined: [ChildRecord.Recording] = []
        state.forEachRecordPipelined(includingRecording: true) { pipelined.append($0.recording) }
        #expect(pipelined == direct)
        #expect(direct.contains { !$0.events.isEmpty })
    }
}
