import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// The cohort, the curve and the span drawn in one pass over the records on all cores (`RepeatCPStudy`) are each
/// what it gives drawn on its own: on a council with corrections, retractions and merged duplicate records, now and
/// as known at an earlier time, for two ranges and windows.
struct RepeatCPStudyTests {
    @Test func eachIsWhatItGivesDrawnOnItsOwn() throws {
        let state = try councilWithDefects(children: 800, from: "2021-04-01", seed: 9)
        let questions: [(from: String, to: String, window: RepeatCPCohort.Window)] = [
            ("2023-04-01", "2025-03-31", RepeatCPCohort.Window(months: 24)),
            ("2024-04-01", "2024-12-31", RepeatCPCohort.Window("18m")!),
        ]
        for knownAt in [nil, Timestamp("2024-12-31T00:00:00Z")] {
            for q in questions {
                let (from, to) = (d(q.from), d(q.to))
                let study = RepeatCPStudy(state, from: from, to: to, window: q.window, asKnownAt: knownAt)
                let cohort = RepeatCPCohort(state, from: from, to: to, window: q.window, asKnownAt: knownAt)
                let replan = TimeToReplan(state, from: from, to: to, asKnownAt: knownAt)
                #expect(study.cohort.rows == cohort.rows, "\(q.from) as known at \(String(describing: knownAt))")
                #expect(study.cohort.rowsCSV == cohort.rowsCSV && study.cohort.summaryCSV == cohort.summaryCSV)
                #expect(
                    study.timeToReplan.subjects == replan.subjects && study.timeToReplan.curveCSV == replan.curveCSV)
                #expect(study.span == state.span(asKnownAt: knownAt))
                #expect(study.cohort.rows.count > 5 && study.timeToReplan.subjects.count > 5)
            }
        }
    }
}
