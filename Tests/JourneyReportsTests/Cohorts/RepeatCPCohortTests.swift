import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// Plans started 2024-04-01…2025-03-31, window 2 years:
/// - A: one plan (2024-06-01), after a new referral; born 2020-01-01, allocated to North.
/// - B: two plans: 2022-01-10…2022-07-10, then 2024-05-01.
/// - C: three plans: 2019-03-01…2019-09-01, 2021-01-04…2021-06-30, then 2024-10-01 (PHY).
/// - D: one plan in the log (2024-07-15) recording 2 previous plans.
/// - E: 2024-01-01…2024-03-20, then 2024-05-10, stepped up from a CIN plan 2024-04-01…2024-05-10.
/// - F: one plan (2024-07-01) after early help that was open when the referral came.
private func cohortLog() -> HandLog {
    var log = EventBuilder()
    log.registered("A", born: "2020-01-01", on: "2024-05-20")
    log.referral("A", "2024-05-20")
    log.add("A", "2024-05-20", .workerAllocated(team: "North", worker: nil))
    log.cpPlan("A", "P1", start: "2024-06-01")

    log.referral("B", "2022-01-03")
    log.cpPlan("B", "P1", start: "2022-01-10", end: "2022-07-10")
    log.referral("B", "2024-04-20", "R2")
    log.cpPlan("B", "P2", start: "2024-05-01", referral: "R2")

    log.referral("C", "2019-02-20")
    log.cpPlan("C", "P1", start: "2019-03-01", end: "2019-09-01")
    log.cpPlan("C", "P2", start: "2021-01-04", end: "2021-06-30", category: "EMO")
    log.referral("C", "2024-09-20", "R3")
    log.cpPlan("C", "P3", start: "2024-10-01", category: "PHY", referral: "R3")

    log.referral("D", "2024-07-01")
    log.cpPlan("D", "P1", start: "2024-07-15", previous: 2)

    log.referral("E", "2023-12-20")
    log.cpPlan("E", "P1", start: "2024-01-01", end: "2024-03-20")
    log.referral("E", "2024-03-25", "R2")
    log.add("E", "2024-04-01", .cinPlanStarted(plan: "N1", referral: "R2"))
    log.add("E", "2024-05-10", .cinPlanEnded(plan: "N1"))
    log.cpPlan("E", "P2", start: "2024-05-10", referral: "R2")

    log.add("F", "2024-05-01", .earlyHelpStarted(episode: "H1"))
    log.referral("F", "2024-06-01")
    log.add("F", "2024-06-01", .earlyHelpEnded(episode: "H1", outcome: EarlyHelpOutcome("stepped-up")))
    log.cpPlan("F", "P1", start: "2024-07-01")
    return HandLog(log)
}

private func cohort() -> RepeatCPCohort {
    RepeatCPCohort(cohortLog().state, from: d("2024-04-01"), to: d("2025-03-31"))
}

@Test func oneRowPerChildInPlanStartOrder() {
    #expect(cohort().rows.map(\.child) == ["B", "E", "A", "F", "D", "C"])
}

@Test func aChildWithOnePlan() throws {
    let a = try #require(cohort().rows.first { $0.child == "A" })
    #expect(a.group == .firstTime)
    #expect(a.firstPlanStart == d("2024-06-01"))
    #expect(a.earlierPlansInLog == 0)
    #expect(a.previousStart == nil && a.gapDays == nil && a.previousEndedWithin3Months == nil)
    #expect(a.arrival == .newReferral)
    // Born 2020-01-01: 4 on 2024-06-01.
    #expect(a.ageBand == "1-4")
    #expect(a.team == "North")
    #expect(a.sex == "F" && a.ethnicity == "W")
}

@Test func aChildWithTwoPlans() throws {
    let b = try #require(cohort().rows.first { $0.child == "B" })
    // Window start 2024-05-01 − 2 years = 2022-05-01 ≤ 2022-07-10 ≤ 2024-05-01: within the window.
    #expect(b.group == .repeatWithinWindow)
    #expect(b.firstPlanStart == d("2022-01-10"))
    #expect(b.previousStart == d("2022-01-10") && b.previousEnd == d("2022-07-10"))
    // 2022-01-10 to 2022-07-10: 31 + 28 + 31 + 30 + 31 + 30 = 181 days.
    #expect(b.previousLengthDays == 181)
    // 2022-07-10 to 2023-07-10 is 365; to 2024-05-01: 31+31+30+31+30+31+31+29+31 (to 2024-04-10) + 21 = 296: 661.
    #expect(b.gapDays == 661)
    #expect(b.previousEndedWithin3Months == false && b.previousEndedWithin6Months == false)
    #expect(b.team == "unallocated" && b.ageBand == "unknown" && b.disability == "unknown")
}

@Test func aChildWithThreePlans() throws {
    let c = try #require(cohort().rows.first { $0.child == "C" })
    // The previous plan is the latest earlier one (P2, EMO). It ended 2021-06-30, before 2022-10-01: not within the
    // window, but a repeat.
    #expect(c.group == .repeatEver)
    #expect(c.earlierPlansInLog == 2)
    #expect(c.firstPlanStart == d("2019-03-01"))
    #expect(c.previousStart == d("2021-01-04") && c.previousCategory == AbuseCategory("EMO"))
    #expect(c.category == AbuseCategory("PHY"))
    // 2021-06-30 to 2024-06-30: 365 + 365 + 366 = 1096; to 2024-10-01: 30 + 31 + 31 + 1 = 93: 1189.
    #expect(c.gapDays == 1189)
}

@Test func aChildWhosePreviousPlanPredatesTheLog() throws {
    let dRow = try #require(cohort().rows.first { $0.child == "D" })
    // previousPlans 2, nothing earlier in the log: a repeat, never within the window (metrics.md).
    #expect(dRow.group == .repeatEver)
    #expect(dRow.priorPlanNotInLog)
    #expect(dRow.previousPlansRecorded == 2)
    #expect(dRow.previousStart == nil && dRow.gapDays == nil)
}

@Test func aPlanSoonAfterTheLastAndHowChildrenArrived() throws {
    let rows = cohort().rows
    let e = try #require(rows.first { $0.child == "E" })
    // 2024-03-20 to 2024-05-10: 31 + 20 = 51 days; 2024-05-10 − 3 months = 2024-02-10 ≤ 2024-03-20.
    #expect(e.gapDays == 51)
    #expect(e.previousEndedWithin3Months == true && e.previousEndedWithin6Months == true)
    #expect(e.group == .repeatWithinWindow)
    // On the CIN plan on 2024-05-09, the day before.
    #expect(e.arrival == .stepUpFromCIN)
    #expect(rows.first { $0.child == "F" }?.arrival == .fromEarlyHelp)
}

@Test func theSummaryComparesTheGroups() throws {
    let s = cohort().summary
    // Repeat: B, C, D, E; within the window: B, E; first time: A, F.
    #expect((s.repeatCount, s.withinWindowCount, s.firstTimeCount) == (4, 2, 2))
    let neglect = try #require(s.lines.first { $0.characteristic == "category" && $0.value == "NEG" })
    // NEG: B, D, E (repeat; B and E within the window), A and F (first time).
    #expect((neglect.repeatCount, neglect.withinWindowCount, neglect.firstTimeCount) == (3, 2, 2))
    let csv = cohort().summaryCSV
    // 3 of 4 repeat children = 75.0%; 2 of 2 within the window = 100.0%; 2 of 2 first time = 100.0%.
    #expect(csv.contains("category,NEG,3,75.0,2,100.0,2,100.0\r\n"))
}

@Test func theWindowIsAnArgument() {
    // With an 18-month window E (51 days) stays within it, B (661 days) does not.
    let c = RepeatCPCohort(
        cohortLog().state, from: d("2024-04-01"), to: d("2025-03-31"), window: RepeatCPCohort.Window("18m")!)
    #expect(c.rows.first { $0.child == "B" }?.group == .repeatEver)
    #expect(c.rows.first { $0.child == "E" }?.group == .repeatWithinWindow)
    #expect(RepeatCPCohort.Window("2y")?.months == 24)
    #expect(RepeatCPCohort.Window("2 years") == nil)
}

@Test func asKnownAtLeavesOutWhatWasRecordedLater() {
    // As known at the end of 2024-06-30, the plans of F (2024-07-01), D and C were not yet recorded.
    let c = RepeatCPCohort(
        cohortLog().state, from: d("2024-04-01"), to: d("2025-03-31"), asKnownAt: t("2024-06-30T23:59:59Z"))
    #expect(c.rows.map(\.child) == ["B", "E", "A"])
}

@Test func csvHasAHeaderAndQuotesAndDefusesFormulas() {
    let csv = cohort().rowsCSV
    #expect(csv.hasPrefix("child,first_plan_start,plan_start,category,"))
    #expect(csv.split(separator: "\r\n").count == 7)
    #expect(CSVWriter.field("a,\"b\"") == "\"a,\"\"b\"\"\"")
    #expect(CSVWriter.field("=SUM(A1)") == "'=SUM(A1)")
}

@Test(arguments: formulaTeamNames)
func cohortCSVGuardsATeamNameThatStartsAsAFormula(_ name: (team: String, field: String)) {
    var log = EventBuilder()
    log.registered("A", born: "2020-01-01", on: "2024-05-20")
    log.referral("A", "2024-05-20")
    log.add("A", "2024-05-20", .workerAllocated(team: name.team, worker: nil))
    log.cpPlan("A", "P1", start: "2024-06-01")
    let c = RepeatCPCohort(HandLog(log).state, from: d("2024-04-01"), to: d("2025-03-31"))
    // The age band is written so Excel keeps it as text; counts are numbers.
    #expect(c.rowsCSV.hasSuffix(",,0,,,,,,,,no,new-referral,1 to 4,F,W,unknown,\(name.field),first-time\r\n"))
    #expect(c.summaryCSV.contains("\r\nteam,\(name.field),0,,0,,1,100.0\r\n"))
    #expect(c.summaryCSV.contains("\r\nage-band,1 to 4,0,,0,,1,100.0\r\n"))
}
