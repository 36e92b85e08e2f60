import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// The children shared out between cores in parts give the figures of one fold over them all, however many parts.
struct RecordReductionTests {
    func state(_ events: [Event]) -> JourneyState {
        var state = JourneyState()
        for (i, e) in events.enumerated() { state.apply(StoredEvent(position: UInt64(i + 1), version: 0, event: e)) }
        return state
    }

    @Test("Every part count gives the same figures", arguments: 0..<8)
    func figuresDoNotDependOnTheParts(seed: UInt64) {
        // Random logs of six children, with corrections, retractions and merges; every breakdown, two periods.
        let state = state(randomLog(seed: seed, events: 200))
        let contexts = ["2023-03-31", "2024-12-31"].map {
            MetricContext(period: .rollingYear(to: d($0)), dimensions: BreakdownDimension.allCases)
        }
        for known in [nil, t("2023-06-01")] {
            let one = state.metrics(contexts, asKnownAt: known, parts: 1)
            for parts in [2, 3, 6, 16] {
                #expect(state.metrics(contexts, asKnownAt: known, parts: parts) == one, "\(parts) parts")
            }
        }
    }

    /// Sets of periods evaluated in one pass, each for the metrics it names, are each set evaluated on its own: the
    /// pack's headline and trends.
    @Test("Sets of periods in one pass, each with its own metrics", arguments: 0..<4)
    func setsInOnePass(seed: UInt64) {
        let state = state(randomLog(seed: seed, events: 200))
        let byTeam = [MetricContext(period: .rollingYear(to: d("2024-12-31")), dimensions: [.team])]
        let trends = ["2023-03-31", "2023-09-30", "2024-06-30"].map { MetricContext(period: .rollingYear(to: d($0))) }
        let few: Set<String> = ["re-referrals", "repeat-cp-plans", "cp-plan-duration"]
        for known in [nil, t("2023-06-01")] {
            let sets = state.metrics(sets: [(byTeam, nil), (trends, few)], asKnownAt: known, parts: 3)
            #expect(sets[0] == state.metrics(byTeam, asKnownAt: known))
            #expect(sets[1] == state.metrics(trends, asKnownAt: known, only: few))
            // Each figure worked out on its own: the same as in a report of every metric, cut down.
            #expect(sets[1] == state.metrics(trends, asKnownAt: known).map { $0.keeping(few) })
            #expect(sets[1].allSatisfy { $0.metrics.count == few.count })
        }
    }

    /// 50 children, one referral each on a day of their own, and a second referral for every fifth child 30 days
    /// later: cut into 7 parts, each part holds several children.
    @Test func manyChildrenToAPart() {
        var events: [Event] = []
        for i in 0..<50 {
            let dates = i % 5 == 0 ? [i, i + 30] : [i]
            for (j, day) in dates.enumerated() {
                events.append(
                    Event(
                        id: EventID("e\(i)-\(j)"), child: ChildID("C\(i)"), occurred: d("2024-05-01").adding(days: day),
                        recorded: Timestamp(startOf: d("2025-01-01"))!,
                        body: .referralReceived(
                            ReferralReceived(referral: ReferralID("R\(j)"), source: ReferralSource("6")!))))
            }
        }
        let state = state(events)
        let year = MetricContext(period: ReportingPeriod(statutoryYear: "2024-25")!, dimensions: [.source])
        let reports = [1, 7].map { state.metrics([year], parts: $0)[0] }
        #expect(reports[0] == reports[1])
        // 50 + 10 referrals in the year; the 10 second referrals follow their child's first within 12 months.
        let reReferrals = reports[1].metrics.first { $0.id == "re-referrals" }
        #expect(reReferrals?.numerator == 10)
        #expect(reReferrals?.denominator == 60)

        // Records built a run of children at a time are those built one child at a time, in child order, for a
        // range of children that starts and ends inside runs.
        let resolution = RecordResolution(state, asKnownAt: nil, includingRecording: true)
        var runs: [ChildRecord] = []
        resolution.forEachRecord(inChildren: 5..<45) { runs.append($0) }
        #expect(
            runs.map { String(reflecting: $0) } == (5..<45).map { String(reflecting: resolution.record(ofChild: $0)) })
        #expect(runs.map(\.id) == (5..<45).map { ChildID("C\($0)") })

        let ids = state.reduceRecords(
            parts: 7, initial: { [ChildID]() }, add: { $0.append($1.id) }, merge: { $0 += $1 })
        #expect(ids.sorted() == (0..<50).map { ChildID("C\($0)") }.sorted())
    }
}
