import JourneyCore
import JourneyLog
import JourneyProjections
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// The checks, with the children shared out between cores in parts, find what one pass over them all finds: every
/// finding, in the same order, however many parts.
@Suite("Checks in parts")
struct CheckPartsTests {
    func state(_ events: [Event]) -> JourneyState {
        var state = JourneyState()
        for (i, e) in events.enumerated() { state.apply(StoredEvent(position: UInt64(i + 1), version: 0, event: e)) }
        return state
    }

    /// Checks `state` in 1, 2, 3 and 16 parts and expects the same report from each; the findings of one part.
    func expectSameReports(_ state: JourneyState, _ context: CheckContext, asKnownAt: Timestamp? = nil) -> [Finding] {
        let one = state.check(context, asKnownAt: asKnownAt, parts: 1)
        for parts in [2, 3, 16] {
            let report = state.check(context, asKnownAt: asKnownAt, parts: parts)
            #expect(report.findings == one.findings, "\(parts) parts")
            #expect(report.checks == one.checks, "\(parts) parts")
            #expect(report.children == one.children, "\(parts) parts")
        }
        return one.findings
    }

    @Test("Random logs: every part count gives the same findings in the same order", arguments: 0..<8)
    func randomLogs(seed: UInt64) {
        // 40 children, with corrections, retractions and merges; judged as known at two times, both attributions.
        let state = state(randomLog(seed: seed, events: 400, children: 40))
        var findings = 0
        for attribution in [CheckContext.TeamAttribution.asOf, .findingDate] {
            let context = CheckContext(asOf: d("2025-06-30"), teamAttribution: attribution)
            for known in [nil, t("2023-06-01")] {
                findings += expectSameReports(state, context, asKnownAt: known).count
            }
        }
        // The comparison means something only if the random log gives findings at all.
        #expect(findings > 0)
    }

    /// A small council with defects: corrections, retractions and merged duplicates among them.
    static var council: [Event] {
        get throws {
            try SyntheticCouncil(
                SynthParameters(children: 300, from: d("2022-04-01"), to: d("2025-03-31"), seed: 7, defectRate: 0.1)
            ).events()
        }
    }

    @Test("A small council with defects: the same findings in every part count, and the same new ones since")
    func syntheticCouncil() throws {
        let events = try Self.council
        // The defects include corrections, retractions and merged duplicates, what the parts must agree on.
        #expect(events.contains { $0.corrects != nil })
        #expect(events.contains { $0.type == .eventRetracted })
        #expect(events.contains { $0.type == .childMerged })
        let state = state(events)
        let context = CheckContext(asOf: d("2025-03-31"))
        let findings = expectSameReports(state, context)
        #expect(Set(findings.map(\.check)).count > 5)

        // The weekly report: the findings new since a time, which runs the checks twice.
        let since = t("2024-10-01")
        let one = state.check(context, newSince: since, parts: 1)
        #expect(!one.findings.isEmpty)
        for parts in [2, 3, 16] {
            #expect(state.check(context, newSince: since, parts: parts).findings == one.findings, "\(parts) parts")
        }
    }

    /// Each check judges each record on its own: a run of some checks finds what a run of every check finds of them,
    /// which is what lets `check --only` and the service's `only` cut the saved or live findings of every check down
    /// (`CheckReport.keeping`). Every check, in runs of a dozen, on a council with defects, as known now and earlier.
    @Test("A run of some checks is the run of every check cut down to them")
    func aRunOfSomeChecksIsEveryCheckCutDown() throws {
        let state = state(try Self.council)
        for (context, known) in [
            (CheckContext(asOf: d("2025-03-31")), nil), (CheckContext(asOf: d("2024-06-30")), t("2024-07-15")),
        ] {
            let every = state.check(context, asKnownAt: known)
            #expect(Set(every.findings.map(\.check)).count > 5)
            var random = SeededRandom(state: 3)
            var ids = CheckCatalogue.ids
            for i in ids.indices.reversed() { ids.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            for start in stride(from: 0, to: ids.count, by: 12) {
                let some = Set(ids[start..<min(start + 12, ids.count)])
                let alone = state.check(context, asKnownAt: known, only: some)
                #expect(LiveChecksTests.difference(every.keeping(some), alone) == nil, "\(some.sorted())")
            }
        }
    }

    /// Findings equal in report order keep the order of their runs: the two "x" findings differ only in their team,
    /// which the order does not look at, so North (run 1) comes before South (run 2) whichever run is sorted first.
    @Test func equalFindingsKeepTheirRunsOrder() {
        let check = CheckCatalogue.ids[0]
        func finding(_ child: String, _ day: String, team: String) -> Finding {
            Finding(
                check: check, severity: .error, child: ChildID(child), date: d(day), positions: [1], message: "x",
                team: team)
        }
        let runs = [
            [finding("C2", "2024-01-01", team: "North"), finding("C1", "2024-03-01", team: "North")],
            [finding("C1", "2024-02-01", team: "South"), finding("C2", "2024-01-01", team: "South")],
            [finding("C1", "2024-01-01", team: "East")],
        ]
        // By child, then date: C1 on 1 Jan (East), 1 Feb (South), 1 Mar (North); then C2 on 1 Jan, North's first.
        let ordered = Finding.inReportOrder(runs)
        #expect(ordered.map(\.child) == ["C1", "C1", "C1", "C2", "C2"].map { ChildID($0) })
        #expect(ordered.map(\.team) == ["East", "South", "North", "North", "South"])
        #expect(Finding.inReportOrder([]).isEmpty)
    }

    /// Within one run, findings go by the checks' places in the catalogue (not their ids' alphabetical order), then
    /// child; findings equal in report order keep the order they were made in.
    @Test func oneRunInCatalogueOrderKeepingEqualFindingsInOrder() {
        // Two checks, the second in the catalogue first in the alphabet, so that sorting by id would put it first.
        let ids = CheckCatalogue.ids
        let (i, j) = (0..<ids.count).lazy.flatMap { i in (i + 1..<ids.count).lazy.map { (i, $0) } }
            .first { ids[$0.0] > ids[$0.1] }!
        func finding(_ check: String, _ child: String, team: String) -> Finding {
            Finding(
                check: check, severity: .error, child: ChildID(child), date: d("2024-01-01"), positions: [1],
                message: "x", team: team)
        }
        let run = [
            finding(ids[j], "C1", team: "A"), finding(ids[i], "C2", team: "B"), finding(ids[i], "C1", team: "C"),
            finding(ids[i], "C2", team: "D"), finding(ids[j], "C1", team: "E"),
        ]
        // ids[i] first (C1: C; C2: B then D, equal, in the order made), then ids[j] (C1: A then E, equal).
        #expect(Finding.inReportOrder([run]).map(\.team) == ["C", "B", "D", "A", "E"])
    }
}
