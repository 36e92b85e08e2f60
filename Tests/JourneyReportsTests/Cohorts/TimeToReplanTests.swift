import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// Plans ended in 2023, followed up to the log's latest date, 2025-01-04:
/// - K1 ended 2023-01-01, new plan 2023-01-31: re-planned at 30 days.
/// - K2 ended 2023-03-01, 18 on 2023-04-30: censored at 30 + 30 = 60 days.
/// - K3 ended 2023-02-01, new plan 2023-05-12: 28 + 61 + 11 = 100 days.
/// - K4 ended 2023-06-01, new plan 2023-12-18: 30+31+31+30+31+30 = 183 (to 2023-12-01) + 17 = 200 days. That plan
///   ended 2023-12-28, in the range too: K4 is still one subject, by the first end.
/// - K5 ended 2023-12-01, nothing since: censored at 366 (to 2024-12-01, a leap year) + 34 = 400 days.
/// - K6 ended 2024-02-01: outside the range.
private func replanLog() -> HandLog {
    var log = EventBuilder()
    log.cpPlan("K1", "P1", start: "2022-06-01", end: "2023-01-01")
    log.cpPlan("K1", "P2", start: "2023-01-31")
    log.registered("K2", born: "2005-04-30", on: "2022-01-01")
    log.cpPlan("K2", "P1", start: "2022-09-01", end: "2023-03-01")
    log.cpPlan("K3", "P1", start: "2022-08-01", end: "2023-02-01")
    log.cpPlan("K3", "P2", start: "2023-05-12")
    log.cpPlan("K4", "P1", start: "2023-01-01", end: "2023-06-01")
    log.cpPlan("K4", "P2", start: "2023-12-18", end: "2023-12-28")
    log.cpPlan("K5", "P1", start: "2023-05-01", end: "2023-12-01")
    log.add("K5", "2025-01-04", .workerAllocated(team: "North", worker: nil))
    log.cpPlan("K6", "P1", start: "2023-05-01", end: "2024-02-01")
    return HandLog(log)
}

private func replan() -> TimeToReplan {
    TimeToReplan(replanLog().state, from: d("2023-01-01"), to: d("2023-12-31"))
}

@Test func followUpEndsAtTheLogsLatestDateAndAtEighteen() {
    let r = replan()
    #expect(r.followUpEnd == d("2025-01-04"))
    #expect(r.subjects.map(\.child) == ["K1", "K3", "K2", "K4", "K5"])
    #expect(r.subjects.map(\.days) == [30, 100, 60, 200, 400])
    #expect(r.subjects.map(\.isReplanned) == [true, true, false, true, false])
}

@Test func aKaplanMeierTableWorkedOutByHand() {
    // Times in order: 30 (re-plan), 60 (censored), 100 (re-plan), 200 (re-plan), 400 (censored).
    // S(30) = 4/5 = 0.8; at 60 one leaves, 4 → 3 at risk; S(100) = 0.8 × 2/3 = 0.5333; S(200) = 0.5333 × 1/2 =
    // 0.2667; at 400 the last is censored.
    let curve = replan().curve
    #expect(curve.map(\.days) == [30, 60, 100, 200, 400])
    #expect(curve.map(\.atRisk) == [5, 4, 3, 2, 1])
    #expect(curve.map(\.replanned) == [1, 0, 1, 1, 0])
    #expect(curve.map(\.censored) == [0, 1, 0, 0, 1])
    #expect(curve.map { decimal($0.survival) } == ["0.8000", "0.8000", "0.5333", "0.2667", "0.2667"])
}

@Test func sharesWithinThreeSixTwelveAndTwentyFourMonths() {
    let r = replan()
    // 3 months (91 days): 1 − 0.8 = 20.0%; 6 months (182): 1 − 0.5333 = 46.7%; 12 months (365): 1 − 0.2667 = 73.3%;
    // 24 months (730): beyond the longest follow-up (400 days), not estimable.
    #expect(TimeToReplan.milestones.map { percent(r.share(within: $0.days)) } == ["20.0", "46.7", "73.3", ""])
    // Dropping the censored instead would give 1 of 3 by 91 days (33.3%): censoring is what keeps it at 20.0%.
    #expect(percent(r.share(within: 30)) == "20.0")
    #expect(percent(r.share(within: 29)) == "0.0")
}

@Test func theCurveAsCSVForACharts() {
    let csv = replan().curveCSV
    let expected =
        "days,at_risk,replanned,censored,survival,share_replanned\r\n" + "30,5,1,0,0.8000,20.0\r\n"
        + "60,4,0,1,0.8000,20.0\r\n" + "100,3,1,0,0.5333,46.7\r\n" + "200,2,1,0,0.2667,73.3\r\n"
        + "400,1,0,1,0.2667,73.3\r\n"
    #expect(csv == expected)
}

@Test func followUpEndsAtTheAsKnownAtDate() {
    // As known at the end of 2023-12-31: K4's new plan (2023-12-18) counts, K5's end (2023-12-01) is followed up
    // for 30 days, and the follow-up ends on 2023-12-31, not at the log's latest date.
    let r = TimeToReplan(
        replanLog().state, from: d("2023-01-01"), to: d("2023-12-31"), asKnownAt: t("2023-12-31T23:59:59Z"))
    #expect(r.followUpEnd == d("2023-12-31"))
    #expect(r.subjects.first { $0.child == "K5" }?.days == 30)
}
