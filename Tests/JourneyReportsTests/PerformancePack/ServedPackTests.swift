import JourneyChecks
import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// The served pack (`ServedPack`), made from what the service keeps between appends (the figures beside its live
/// findings, the findings' counts of an earlier position, the live findings themselves), is the pack a full
/// evaluation of the state makes, byte for byte, at every position: as the service folds appends, each update judged
/// on the log's latest day as the service judges it.
@Suite("The served pack, kept between appends")
struct ServedPackTests {
    static let monthEnd = SavedPackTests.monthEnd
    static let provenance = SavedPackTests.provenance
    static let served = ServedPack(monthEnd: monthEnd, calendar: .englandAndWales)

    /// What the service holds: the live findings with the pack's figures beside them, the counts last made and the
    /// position they were made at.
    struct Service {
        var live: LiveChecks
        var kept: (position: UInt64, quality: QualitySummary)?
        var next: Int

        init(_ events: [Event]) {
            var state = JourneyState()
            for e in storedEvents(events) { state.apply(e) }
            live = LiveChecks(state, context: CheckContext(asOf: state.latestOccurred()!))
            for (i, tallies) in MetricTallies.evaluating(live.state, sets: served.figureSets).enumerated() {
                live.keepFigures(tallies, as: "pack \(i)")
            }
            next = events.count
        }

        /// Folds `events` in, judged on the log's latest day (`LiveLog`).
        mutating func append(_ events: [Event]) {
            let position = UInt64(next)
            let judged = live.report.asOf
            live.apply(storedEvents(events, from: next)) { state in
                max(judged, state.latestOccurred(after: position) ?? judged)
            }
            next += events.count
        }

        /// The pack now, and where its counts came from; the counts kept for the next.
        mutating func pack() -> (PerformancePack, ServedPack.QualitySource) {
            let (quality, source) = served.quality(of: live.state, kept: kept, live: live.report)
            kept = (live.state.position, quality)
            let reports = (0..<2).flatMap { live.figureReports(as: "pack \($0)")! }
            return (served.pack(reports: reports, quality: quality, provenance: provenance), source)
        }

        /// The pack is a full evaluation's, every byte of its page, and its counts came from `source`.
        mutating func expectFull(
            _ source: ServedPack.QualitySource, _ comment: String, sourceLocation: SourceLocation = #_sourceLocation
        ) {
            let (pack, made) = pack()
            let full = live.state.performancePack(monthEnd: ServedPackTests.monthEnd, provenance: provenance)
            #expect(pack.html == full.html, "\(comment)", sourceLocation: sourceLocation)
            #expect(pack.quality == full.quality, "\(comment)", sourceLocation: sourceLocation)
            #expect(made == source, "\(comment)", sourceLocation: sourceLocation)
        }
    }

    @Test func theMonthUnderWayThenEndedThenALateEntry() {
        let known = SavedPackTests.knownByMonthEnd
        let split = known.count * 9 / 10
        var service = Service(Array(known[..<split]))
        // Every event recorded by the month's end: the live findings, charged to the teams of their dates.
        service.expectFull(.liveFindings, "the first pack of the month under way")
        var appended = split
        for size in [1, 50, known.count - split - 51] {
            service.append(Array(known[appended..<(appended + size)]))
            appended += size
            service.expectFull(.liveFindings, "after \(appended) events recorded by the month's end")
        }
        // Recorded after it: the month has ended, its counts kept.
        for batch in [Array(SavedPackTests.recordedLater.prefix(1)), Array(SavedPackTests.recordedLater.dropFirst())] {
            service.append(batch)
            service.expectFull(.kept, "after \(batch.count) events recorded after the month's end")
        }
        // Corrections, retractions and merges of old events, recorded in June 2025: still kept.
        for change in oldRecordChanges(after: SavedPackTests.council, within: 400).prefix(6) {
            service.append([change])
            service.expectFull(.kept, "after \(change.id)")
        }
        // Recorded on the month's last day, appended after it: the checks run again.
        service.append([SavedPackTests.referral("e1", recorded: Timestamp("2024-12-31T23:59:59Z")!)])
        service.expectFull(.checked, "after a late entry")
        service.append([SavedPackTests.referral("e2", recorded: Timestamp("2025-01-01T00:00:00Z")!)])
        service.expectFull(.kept, "after an event recorded the next day")
    }

    /// Charged to the team of the finding's date rather than the team on the as-of day: the two differ for some of
    /// the council's findings, so that the counts by team test the charge.
    @Test func theLiveFindingsChargedAgainDifferFromTheirTeamsOnTheDay() {
        let service = Service(SavedPackTests.knownByMonthEnd)
        let live = service.live.report
        let charged = live.chargedToTeamsOnTheirDates(in: service.live.state)
        let open = live.findings.filter { $0.date <= live.asOf }
        #expect(charged.findings.count == open.count)
        #expect(zip(open, charged.findings).contains { $0.team != $1.team })
        #expect(zip(open, charged.findings).allSatisfy { $0.identity == $1.identity })
    }
}
