import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// Records of thousands of facts. The overlap checks once scanned every earlier item for each later one, and the
/// lookups behind a finding scanned every event for each fact: one child with 32,000 referrals took 14 s in `check`.
/// The sweeps and tables that replace them must give the same findings.
@Suite("Large records")
struct LargeRecordTests {
    /// The first overlap of each later item, the way the overlap checks were first written: a scan of every earlier
    /// item, in start order.
    static func scannedOverlaps(_ ranges: [DateRange]) -> [(earlier: Int, later: Int)] {
        let order = ranges.indices.filter { i in ranges[i].end.map { $0 >= ranges[i].start } ?? true }
            .sorted { (ranges[$0].start, $0) < (ranges[$1].start, $1) }
        var pairs: [(earlier: Int, later: Int)] = []
        for (k, later) in order.enumerated() {
            if let earlier = order[..<k].first(where: { ranges[$0].overlaps(ranges[later]) }) {
                pairs.append((earlier, later))
            }
        }
        return pairs
    }

    @Test("The sweep finds the first overlap of each item, as a scan of every earlier item does", arguments: 0..<60)
    func sweepAgreesWithScan(seed: Int) {
        var rng = SeededRandom(state: UInt64(seed) &* 7919 &+ 1)
        let count = Int.random(in: 0...80, using: &rng)
        let span = Int32.random(in: 5...400, using: &rng)
        let ranges = (0..<count).map { _ -> DateRange in
            let start = CalendarDate(dayNumber: 19_000 + Int32.random(in: 0...span, using: &rng))
            // Some run on, some end before they start (left out), some end on the day they start.
            let roll = Int.random(in: 0..<10, using: &rng)
            let end: CalendarDate? =
                roll == 0 ? nil : start.adding(days: roll == 1 ? -3 : Int.random(in: 0...60, using: &rng))
            return DateRange(start: start, end: end)
        }
        let swept = laterOverlaps(Array(ranges.indices), range: { ranges[$0] }, order: { UInt64($0) })
        let scanned = Self.scannedOverlaps(ranges)
        #expect(swept.map(\.earlier) == scanned.map(\.earlier))
        #expect(swept.map(\.later) == scanned.map(\.later))
    }

    @Test("2,000 open referrals of one child: each later one overlaps the first, and one finding names all")
    func manyOpenReferrals() {
        var log = EventBuilder()
        var ids: [EventID] = []
        for i in 0..<2_000 {
            ids.append(log.referral("C1", CalendarDate("2020-01-01")!.adding(days: i / 4).description, "R\(i)"))
        }
        // Every referral is open, so each from the second on opens an episode while the first is open: 1,999
        // findings, each naming the later referral and the first (which has no closure to name).
        let overlaps = log.findings("overlapping-episodes-of-need")
        #expect(overlaps.count == 1_999)
        #expect(overlaps.allSatisfy { $0.positions.count == 2 && $0.positions[1] == p(ids[0]) })
        #expect(overlaps.last?.positions == [p(ids[1_999]), p(ids[0])])
        // One finding, naming all 2,000 open referrals, latest first.
        let open = log.findings("more-than-one-open-episode")
        #expect(open.count == 1)
        #expect(open.first?.positions == ids.reversed().map(p))
    }

    @Test("500 enquiries of one episode, each conferenced the next day: only those started before it are ongoing")
    func manyEnquiriesWithConferences() {
        var log = EventBuilder()
        log.referral("C1", "2020-01-01", "R1")
        var starts: [EventID] = []
        for i in 0..<500 {
            let day = CalendarDate("2020-01-01")!.adding(days: 2 * i)
            starts.append(log.s47("C1", day.description, "E\(i)"))
            log.icpc("C1", day.adding(days: 1).description, s47: "E\(i)")
        }
        // E(i) runs from day 2i to its conference on day 2i+1; E(i+1) starts on day 2i+2: none ongoing, no finding.
        #expect(log.findings("overlapping-s47s").isEmpty)
        // A 501st enquiry started on the day of E499's conference is ongoing with it (to and including that day).
        let last = log.s47("C1", CalendarDate("2020-01-01")!.adding(days: 999).description, "E500")
        let found = log.findings("overlapping-s47s")
        #expect(found.map(\.positions) == [[p(last), p(starts[499])]])
    }
}
