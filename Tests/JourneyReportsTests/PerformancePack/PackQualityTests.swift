import JourneyChecks
import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// The pack's data-quality page counts the findings open at the month end, by the team responsible when each arose,
/// with its age. It once counted every finding of the record as known now, charged to the team holding the case
/// today, however old.
@Suite("The pack's open findings")
struct PackQualityTests {
    /// Three assessments authorised before they started (`assessment-completed-before-start`, dated at the
    /// authorisation), for a pack of September 2024 (month end 2024-09-30):
    /// - C1's, authorised 2024-09-10 while team North held the case; South holds it since 2024-09-20;
    /// - C2's, authorised 2023-06-01 (North throughout);
    /// - C3's, authorised 2024-08-15, but recorded on 2024-10-05: not on the record at the month end.
    static func log() -> HandLog {
        var log = EventBuilder()
        // Each child with the details the CIN census checks ask for (a UPN, disabilities), so that the assessments'
        // findings are the only ones.
        for (child, upn) in zip(
            ["C1", "C2", "C3", "C4"], ["L201000000011", "A201000000012", "P201000000013", "D201000000014"])
        {
            log.add(
                child, "2015-01-01",
                .childRegistered(
                    ChildDetails(
                        birthDate: d("2015-01-01"), sex: Sex("F")!, ethnicity: Ethnicity("WBRI")!,
                        disabilities: [Disability("NONE")!], upn: upn)))
        }
        log.referral("C1", "2024-09-01")
        log.add("C1", "2024-09-01", .workerAllocated(team: "North", worker: nil))
        log.add("C1", "2024-09-12", .assessmentStarted(assessment: "A1", referral: "R1"))
        log.add(
            "C1", "2024-09-10",
            .assessmentCompleted(AssessmentCompleted(assessment: "A1", factors: [AssessmentFactor("1A")!])))
        log.add("C1", "2024-09-20", .workerAllocated(team: "South", worker: nil))
        log.referral("C2", "2023-05-01")
        log.add("C2", "2023-05-01", .workerAllocated(team: "North", worker: nil))
        log.add("C2", "2023-06-05", .assessmentStarted(assessment: "A1", referral: "R1"))
        log.add(
            "C2", "2023-06-01",
            .assessmentCompleted(AssessmentCompleted(assessment: "A1", factors: [AssessmentFactor("1A")!])))
        log.referral("C3", "2024-08-01")
        log.add("C3", "2024-08-01", .workerAllocated(team: "North", worker: nil))
        log.add("C3", "2024-08-20", .assessmentStarted(assessment: "A1", referral: "R1"), recorded: "2024-10-05")
        log.add(
            "C3", "2024-08-15",
            .assessmentCompleted(AssessmentCompleted(assessment: "A1", factors: [AssessmentFactor("1A")!])),
            recorded: "2024-10-05")
        // Something later in the log, so that the pack's month is not its last.
        log.referral("C4", "2025-01-10")
        return HandLog(log)
    }

    static func quality() -> QualitySummary {
        let provenance = Provenance(
            log: "hand.jsonl", source: .file(events: 0, sha256: ""), madeAt: Timestamp("2025-02-01T09:00:00Z")!)
        return log().state.performancePack(monthEnd: d("2024-09-30"), provenance: provenance).quality
    }

    @Test("Open at the month end, by the team responsible when each arose, with its age")
    func openFindings() throws {
        let quality = Self.quality()
        let row = try #require(quality.rows.first { $0.check == "assessment-completed-before-start" })
        // C1 (North when it arose, though South holds the case now) and C2 (North): 2 for North, none for South.
        // C3's was recorded after the month end: not counted.
        #expect(quality.teams == ["North"])
        #expect(row.byTeam == [2])
        // Ages at 2024-09-30: C1's 2024-09-10 is after 2024-08-30 (a month before): under a month. C2's 2023-06-01
        // is on or before 2023-09-30 (a year before): over a year.
        #expect(row.byAge == [1, 0, 0, 1])
        #expect(quality.total == 2)
    }

    @Test("Age bands run from the month end back a month, three months and a year")
    func ageBands() {
        let end = d("2024-09-30")
        #expect(QualitySummary.AgeBand(of: d("2024-08-31"), asOf: end) == .underAMonth)
        #expect(QualitySummary.AgeBand(of: d("2024-08-30"), asOf: end) == .oneToThreeMonths)
        #expect(QualitySummary.AgeBand(of: d("2024-07-01"), asOf: end) == .oneToThreeMonths)
        #expect(QualitySummary.AgeBand(of: d("2024-06-30"), asOf: end) == .threeToTwelveMonths)
        #expect(QualitySummary.AgeBand(of: d("2023-10-01"), asOf: end) == .threeToTwelveMonths)
        #expect(QualitySummary.AgeBand(of: d("2023-09-30"), asOf: end) == .overAYear)
    }

    @Test("journey check still charges a finding to the team holding the case on the as-of date")
    func checkCommandKeepsTheTeamOfTheAsOfDate() {
        let report = Self.log().state.check(CheckContext(asOf: d("2024-09-30")), asKnownAt: nil)
        let c1 = report.findings.first { $0.child == "C1" && $0.check == "assessment-completed-before-start" }
        #expect(c1?.team == "South")
    }
}
