import JourneyCore
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// `record(of:asKnownAt:includingRecording:)` and `recordID(containing:asKnownAt:)`: one child's record for
/// investigations, by the same rules as every figure.
@Suite struct ChildRecordLookupTests {
    /// D1's referral (2024-01-02), C1's (2024-01-05), then D1 merged into C1, recorded 2024-01-10.
    var log: EventBuilder {
        var log = EventBuilder()
        log.referral("D1", "2024-01-02")
        log.referral("C1", "2024-01-05")
        log.add("D1", "2024-01-10", .childMerged(into: "C1"))
        return log
    }

    @Test func theRecordCarriesItsRecordingWhenAskedFor() throws {
        let record = try #require(log.state.record(of: "C1", asKnownAt: nil, includingRecording: true))
        // Both referrals, D1's marked as written to the merged record.
        #expect(record.referrals.count == 2)
        #expect(record.recording.events.map(\.mergedFrom) == [0, nil])
        #expect(record.recording.events.map(record.mergedFrom(of:)) == ["D1", nil])
        #expect(record.recording.merges.map(\.child) == ["D1"])
        let plain = try #require(log.state.record(of: "C1", asKnownAt: nil, includingRecording: false))
        #expect(plain.recording.events.isEmpty)
    }

    @Test func beforeTheMergeTheRecordsAreApart() throws {
        let before = t("2024-01-06T00:00:00Z")
        let record = try #require(log.state.record(of: "C1", asKnownAt: before, includingRecording: true))
        #expect(record.referrals.count == 1)
        #expect(log.state.recordID(containing: "D1", asKnownAt: before) == "D1")
    }

    @Test func aMergedChildIsFoundInTheRecordItJoined() {
        #expect(log.state.record(of: "D1", asKnownAt: nil, includingRecording: true) == nil)
        #expect(log.state.recordID(containing: "D1", asKnownAt: nil) == "C1")
        #expect(log.state.recordID(containing: "X9", asKnownAt: nil) == nil)
    }

    /// Built alone, a child's record is the one a pass over every record gives, and so is the record that holds a
    /// child: for every child of a council whose defects include duplicate records merged, corrections and
    /// retractions, now and as known at two earlier times, with and without the recording, and for a child the log
    /// does not know.
    @Test func oneRecordBuiltAloneIsTheOneEveryRecordGives() throws {
        let events = try SyntheticCouncil(
            SynthParameters(children: 150, from: d("2023-04-01"), to: d("2025-03-31"), seed: 11, defectRate: 0.2)
        ).events()
        var state = JourneyState()
        for (i, e) in events.enumerated() { state.apply(StoredEvent(position: UInt64(i + 1), version: 0, event: e)) }
        let children = Set(events.map(\.child)).sorted() + ["NOT-IN-THE-LOG"]
        let merges = events.filter { $0.type == .childMerged }
        try #require(merges.count >= 2, "the council must hold merges for the test to mean anything")
        for knownAt in [nil, t("2024-04-01T00:00:00Z"), t("2025-01-01T00:00:00Z")] {
            for recording in [false, true] {
                var byPass: [ChildID: String] = [:]
                var holder: [ChildID: ChildID] = [:]
                state.forEachRecord(asKnownAt: knownAt, includingRecording: recording) { r in
                    byPass[r.id] = "\(r)"
                    for child in [r.id] + r.mergedFrom { holder[child] = r.id }
                }
                for child in children {
                    let alone = state.record(of: child, asKnownAt: knownAt, includingRecording: recording)
                    let when = knownAt.map { "\($0)" } ?? "now"
                    #expect(alone.map { "\($0)" } == byPass[child], "\(child) as known at \(when)")
                    #expect(state.recordID(containing: child, asKnownAt: knownAt) == holder[child], "\(child)")
                }
            }
        }
    }
}
