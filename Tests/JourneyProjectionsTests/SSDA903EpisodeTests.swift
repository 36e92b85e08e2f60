import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// `ChildRecord.ssda903Stretches(of:)` and `ssda903Episodes(of:)`: a period of care cut into the 903's episodes
/// (SSDA903 guide, "Episodes"), each case worked by hand from the rules in the doc comments.
@Suite("SSDA903 episodes cut from a period of care")
struct SSDA903EpisodeTests {
    /// C1's only period of care (L1) and the record it is in.
    func period(_ log: EventBuilder) throws -> (ChildRecord, ChildRecord.PeriodOfCare) {
        let record = try #require(log.state.record(of: "C1"))
        return (record, try #require(record.periodsOfCare.first))
    }

    /// A period in care from 1 May 2024 (C2) in P1 (U4).
    func inCare(status: String = "C2") -> EventBuilder {
        var log = EventBuilder()
        log.care("C1", "L1", start: "2024-05-01", status: status)
        return log
    }

    /// P1's own `placement.ended`, with its REASON_PLACE_CHANGE.
    func ended(_ log: inout EventBuilder, _ id: String, _ date: String, reason: String?) {
        log.add(
            "C1", date, .placementEnded(placement: PlacementID(id), reason: reason.map { PlacementChangeReason($0)! }))
    }

    /// The legal statuses in date order, those of one day in log order. The replay's are in that order already, and
    /// come back as they are; a period recorded otherwise is sorted.
    @Test func legalStatusesByDate() throws {
        var log = inCare()
        log.add("C1", "2024-07-01", .legalStatusChanged(period: "L1", legalStatus: LegalStatus("E1")!))
        var (_, period) = try period(log)
        // From the replay: C2 from 1 May, E1 from 1 July.
        #expect(period.legalStatusesByDate.map(\.status.rawValue) == ["C2", "E1"])
        // J1 on 1 August recorded before V2 and then V4, both on 1 June: by date, and the two of 1 June as recorded.
        period.legalStatuses = [
            (d("2024-08-01"), LegalStatus("J1")!), (d("2024-06-01"), LegalStatus("V2")!),
            (d("2024-06-01"), LegalStatus("V4")!),
        ]
        #expect(period.legalStatusesByDate.map(\.status.rawValue) == ["V2", "V4", "J1"])
    }

    @Test func aLegalStatusChange() throws {
        var log = inCare()
        log.placement("C1", "P1", start: "2024-05-01")
        log.add("C1", "2024-07-01", .legalStatusChanged(period: "L1", legalStatus: LegalStatus("E1")!))
        log.add("C1", "2024-09-01", .careEnded(period: "L1", reason: CareEndReason("E4A")!))
        let (record, period) = try period(log)
        // Cuts: 1 May (start, C2, P1) and 1 July (E1); the period ends 1 September.
        // Stretches: 1 May–1 July C2 in P1 (first); 1 July–1 September E1 in P1 (ends the period).
        let stretches = record.ssda903Stretches(of: period)
        #expect(stretches.map(\.start) == [d("2024-05-01"), d("2024-07-01")])
        #expect(stretches.map(\.end) == [d("2024-07-01"), d("2024-09-01")])
        #expect(stretches.map { $0.legalStatus?.rawValue } == ["C2", "E1"])
        #expect(stretches.map(\.isLegalStatusChange) == [true, true])
        #expect(stretches.map { $0.placement?.placementType.rawValue } == ["U4", "U4"])
        #expect(stretches.map(\.isFirst) == [true, false] && stretches.map(\.endsPeriod) == [false, true])
        // Episodes: S 1 May–1 July C2 (REC X1); L 1 July–1 September E1, REC the period's E4A.
        let episodes = record.ssda903Episodes(of: period)
        #expect(episodes.map(\.reason) == ["S", "L"])
        #expect(episodes.map(\.end) == [d("2024-07-01"), d("2024-09-01")])
        #expect(episodes.map(\.endReason) == ["X1", "E4A"])
        #expect(episodes.map { $0.legalStatus?.rawValue } == ["C2", "E1"])
        // The placement did not change: no REASON_PLACE_CHANGE.
        #expect(episodes.map(\.isFollowedByPlacementChange) == [false, false])
        #expect(episodes.allSatisfy { $0.placementChangeReason == nil })
    }

    @Test func aPlacementChange() throws {
        var log = inCare()
        log.placement("C1", "P1", start: "2024-05-01")
        ended(&log, "P1", "2024-06-15", reason: "CARPL")
        log.placement("C1", "P2", start: "2024-06-15", type: "U3")
        let (record, period) = try period(log)
        // Cuts: 1 May; 15 June (P1 ends, P2 starts). Open period: the last stretch has no end.
        let stretches = record.ssda903Stretches(of: period)
        #expect(stretches.map(\.end) == [d("2024-06-15"), nil])
        #expect(stretches.map { $0.placement?.placementType.rawValue } == ["U4", "U3"])
        // No legal status took effect on 15 June.
        #expect(stretches.map(\.isLegalStatusChange) == [true, false])
        // Episodes: S in P1 to 15 June, X1, and P1 ended that day with CARPL, P2 not temporary: the reason is given;
        // P from 15 June (P2 did not say sameCarer), open.
        let episodes = record.ssda903Episodes(of: period)
        #expect(episodes.map(\.reason) == ["S", "P"])
        #expect(episodes.map(\.endReason) == ["X1", nil])
        #expect(episodes.map { $0.placementChangeReason?.rawValue } == ["CARPL", nil])
        #expect(episodes.map(\.isFollowedByPlacementChange) == [true, false])
    }

    @Test func aTemporaryPlacementAndTheReturn() throws {
        var log = inCare()
        log.placement("C1", "P1", start: "2024-05-01")
        log.placement("C1", "P2", start: "2024-06-01", type: "T1")
        ended(&log, "P2", "2024-06-10", reason: "OTHER")
        let (record, period) = try period(log)
        // Cuts: 1 May (P1), 1 June (P2 starts), 10 June (P2 ends). On 1 June P1 and P2 are open: the latest started,
        // P2 (T1). On 10 June P2 has ended: P1 again, which was never ended.
        let stretches = record.ssda903Stretches(of: period)
        #expect(stretches.map(\.start) == [d("2024-05-01"), d("2024-06-01"), d("2024-06-10")])
        #expect(stretches.map { $0.placement?.placementType.rawValue } == ["U4", "T1", "U4"])
        // Episodes: S (P1) to 1 June; P (T1) to 10 June; P (back in P1: it did not start that day, so not `T`).
        // No REASON_PLACE_CHANGE: P1 did not end on 1 June, and P2 is temporary (903 rule 226).
        let episodes = record.ssda903Episodes(of: period)
        #expect(episodes.map(\.reason) == ["S", "P", "P"])
        #expect(episodes.map { $0.placement?.placementType.rawValue } == ["U4", "T1", "U4"])
        #expect(episodes.map(\.end) == [d("2024-06-01"), d("2024-06-10"), nil])
        #expect(episodes.map(\.isFollowedByPlacementChange) == [false, false, false])
        #expect(episodes.allSatisfy { $0.placementChangeReason == nil })
    }

    @Test func aGapBetweenPlacements() throws {
        var log = inCare()
        log.placement("C1", "P1", start: "2024-05-01")
        ended(&log, "P1", "2024-06-01", reason: "CHILD")
        log.placement("C1", "P2", start: "2024-07-01", type: "U3")
        let (record, period) = try period(log)
        // Cuts: 1 May, 1 June (P1 ends), 1 July (P2). The stretch of June has no placement open.
        let stretches = record.ssda903Stretches(of: period)
        #expect(stretches.map(\.start) == [d("2024-05-01"), d("2024-06-01"), d("2024-07-01")])
        #expect(stretches.map { $0.placement?.placementType.rawValue } == ["U4", nil, "U3"])
        // Episodes: the gap keeps P1 (the 903 has no episode without a placement), so no episode begins on 1 June:
        // S in P1 from 1 May to 1 July, then P in P2. P1 ended on 1 June, not on 1 July: no REASON_PLACE_CHANGE.
        let episodes = record.ssda903Episodes(of: period)
        #expect(episodes.map(\.start) == [d("2024-05-01"), d("2024-07-01")])
        #expect(episodes.map(\.reason) == ["S", "P"])
        #expect(episodes.map { $0.placement?.placementType.rawValue } == ["U4", "U3"])
        #expect(episodes.map(\.isFollowedByPlacementChange) == [false, false])
        #expect(episodes[0].placementChangeReason == nil)
    }

    @Test func sameCarerChanges() throws {
        var log = inCare()
        log.placement("C1", "P1", start: "2024-05-01")
        ended(&log, "P1", "2024-08-01", reason: "PLACE")
        log.placement("C1", "P2", start: "2024-08-01", type: "U5", sameCarer: true)
        log.add("C1", "2024-08-01", .legalStatusChanged(period: "L1", legalStatus: LegalStatus("E1")!))
        ended(&log, "P2", "2024-09-01", reason: "PLACE")
        log.placement("C1", "P3", start: "2024-09-01", type: "U6", sameCarer: true)
        let (record, period) = try period(log)
        // 1 August: the legal status and the placement change, P2 with the same carer: U. 1 September: the
        // placement only, P3 with the same carer: T. Both placements before ended on the day of the change with
        // PLACE, none temporary: REASON_PLACE_CHANGE PLACE on the episodes they end.
        let episodes = record.ssda903Episodes(of: period)
        #expect(episodes.map(\.reason) == ["S", "U", "T"])
        #expect(episodes.map { $0.legalStatus?.rawValue } == ["C2", "E1", "E1"])
        #expect(episodes.map { $0.placementChangeReason?.rawValue } == ["PLACE", "PLACE", nil])
        #expect(episodes.map(\.endReason) == ["X1", "X1", nil])
    }

    @Test func aRestatedLegalStatusAndAChangeOnTheLastDay() throws {
        var log = inCare()
        log.placement("C1", "P1", start: "2024-05-01")
        // The importer writes a legal-status.changed that restates C2 for an RNE L episode: it starts one.
        log.add("C1", "2024-06-01", .legalStatusChanged(period: "L1", legalStatus: LegalStatus("C2")!))
        // A placement starting on the day the period ends would last no day: no stretch, no episode.
        log.placement("C1", "P2", start: "2024-07-01")
        log.add("C1", "2024-07-01", .careEnded(period: "L1", reason: CareEndReason("E13")!))
        let (record, period) = try period(log)
        #expect(record.ssda903Stretches(of: period).map(\.start) == [d("2024-05-01"), d("2024-06-01")])
        let episodes = record.ssda903Episodes(of: period)
        #expect(episodes.map(\.reason) == ["S", "L"])
        #expect(episodes.map(\.end) == [d("2024-06-01"), d("2024-07-01")])
        #expect(episodes.map(\.endReason) == ["X1", "E13"])
    }

    @Test func aPeriodSpanning1April() throws {
        var log = EventBuilder()
        log.care("C1", "L1", start: "2024-01-10")
        log.placement("C1", "P1", start: "2024-01-10", end: "2024-06-01")
        log.placement("C1", "P2", start: "2024-06-01", type: "U3")
        let (record, period) = try period(log)
        // The cutting knows no year: the episode open on 1 April 2024 runs from 10 January to 1 June, one episode
        // (the return fits it to its year: open in 2023-24, ended in 2024-25).
        let episodes = record.ssda903Episodes(of: period)
        #expect(episodes.map(\.start) == [d("2024-01-10"), d("2024-06-01")])
        #expect(episodes.map(\.end) == [d("2024-06-01"), nil])
        #expect(record.ssda903Stretches(of: period).count == 2)
    }
}
