import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// Records built on a second thread reach the caller as `forEachRecord` gives them: the same records, in the
/// order they were built, however many chunks they fill.
struct PipelinedRecordsTests {
    @Test(arguments: [0, 1, 255, 256, 257, 1_000])
    func thePipelineGivesTheRecordsOfOneThreadInOrder(children: Int) {
        var state = JourneyState()
        for i in 0..<children {
            let event = Event(
                id: EventID("e\(i)"), child: ChildID("C\(i)"), occurred: d("2024-05-01").adding(days: i % 300),
                recorded: Timestamp(startOf: d("2025-01-01"))!,
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

    /// With merges, the order of the merged groups is not fixed from one walk to the next (`forEachRecord` promises
    /// none), so the records are compared by child.
    @Test func recordingTravelsWithTheRecords() {
        var state = JourneyState()
        for (i, e) in randomLog(seed: 3, events: 300).enumerated() {
            state.apply(StoredEvent(position: UInt64(i + 1), version: 0, event: e))
        }
        var direct: [ChildID: ChildRecord.Recording] = [:]
        state.forEachRecord(includingRecording: true) { direct[$0.id] = $0.recording }
        var pipelined: [ChildID: ChildRecord.Recording] = [:]
        state.forEachRecordPipelined(includingRecording: true) { pipelined[$0.id] = $0.recording }
        #expect(pipelined == direct)
        #expect(direct.values.contains { !$0.merges.isEmpty && !$0.corrections.isEmpty })
    }
}
