import JourneyChecks
import JourneyCore
import JourneyProjections
import JourneyTestSupport
import Testing

@testable import JourneyReports

/// Four assessments authorised before they started (`assessment-completed-before-start`), checked as of 2025-03-31:
/// - X1 and X2 allocated to North, X3 to `<South>` (a name to escape), X4 to no team;
/// - X1 moved from South to North on 2025-03-01: a finding belongs to the team on the as-of date, North.
@Suite("Findings by team")
struct FindingsByTeamTests {
    static func report() -> CheckReport {
        var log = EventBuilder()
        for child in ["X1", "X2", "X3", "X4"] {
            log.referral(child, "2025-01-02")
            log.add(child, "2025-01-10", .assessmentStarted(assessment: "A1", referral: "R1"))
            log.add(child, "2025-01-08", .assessmentCompleted(AssessmentCompleted(assessment: "A1")))
        }
        log.add("X1", "2025-01-02", .workerAllocated(team: "<South>", worker: nil))
        log.add("X1", "2025-03-01", .workerAllocated(team: "North", worker: "J. Smith"))
        log.add("X2", "2025-01-02", .workerAllocated(team: "North", worker: nil))
        log.add("X3", "2025-01-02", .workerAllocated(team: "<South>", worker: nil))
        return HandLog(log).state.check(
            CheckContext(asOf: d("2025-03-31")), asKnownAt: nil, only: ["assessment-completed-before-start"])
    }

    @Test("A count per check per team, from the report's own teams")
    func counts() {
        let f = FindingsByTeam.build(Self.report(), team: "North")
        // Teams by name, unallocated last: "<South>" sorts before "North" ("<" is 0x3C, "N" 0x4E).
        #expect(f.teams.map(\.team) == ["<South>", "North", "unallocated"])
        // North: X1 (North on the as-of date) and X2; <South>: X3; no team: X4.
        #expect(f.count(check: "assessment-completed-before-start", team: "North") == 2)
        #expect(f.count(check: "assessment-completed-before-start", team: "<South>") == 1)
        #expect(f.count(check: "assessment-completed-before-start", team: "unallocated") == 1)
        #expect(f.teamFindings.map(\.child) == ["X1", "X2"])
    }

    @Test("The team's report: its findings alone, each check recounted")
    func teamReport() {
        let north = FindingsByTeam.build(Self.report(), team: "North").teamReport
        // X1 and X2 of the 4 findings; the check's count 4 becomes 2.
        #expect(north.findings.map(\.child) == ["X1", "X2"])
        #expect(north.checks.first { $0.id == "assessment-completed-before-start" }?.findings == 2)
        #expect(FindingsByTeam.build(Self.report()).teamReport.findings.count == 4)
    }

    @Test("A finding's row names each event by id and position, or by position alone while its id is not looked up")
    func findingRowEvents() {
        var finding = Finding(
            check: "assessment-completed-before-start", severity: .error, child: "X1", date: d("2025-01-08"),
            positions: [12, 15], message: "Correct the dates.")
        finding.eventIDs = [EventID("e-12")]
        // The first event's id is looked up: "e-12 (#12)"; the second's is not: "#15"; the two joined by ", ".
        #expect(
            FindingsByTeam.build(Self.report()).findingRow(finding) == [
                "assessment-completed-before-start", "error", "X1", "2025-01-08", "e-12 (#12), #15",
                "Correct the dates.",
            ])
    }

    @Test("No team chosen: the counts alone")
    func noTeam() {
        let f = FindingsByTeam.build(Self.report())
        #expect(f.teamFindings.isEmpty)
        #expect(f.csv.split(separator: "\r\n").count == 4)
    }

    @Test("HTML escapes a team's name and has captions")
    func html() {
        let f = FindingsByTeam.build(Self.report(), team: "<South>")
        #expect(f.htmlFragment.contains("&lt;South&gt;") && !f.htmlFragment.contains("<South>"))
        #expect(f.htmlFragment.contains("<caption>Findings for &lt;South&gt;: 1</caption>"))
        #expect(f.html.hasPrefix("<!DOCTYPE html>") && !f.html.contains("<script"))
    }
}
