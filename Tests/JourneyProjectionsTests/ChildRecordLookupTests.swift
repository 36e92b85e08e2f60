import JourneyCore
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
        #expect(record.recording.events.map(\.mergedFrom) == ["D1", nil])
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
}
