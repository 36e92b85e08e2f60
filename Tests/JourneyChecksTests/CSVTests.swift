import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyChecks

@Suite("Checks CSV: text that starts as a formula is guarded, numbers are numbers")
struct CSVTests {
    @Test(arguments: formulaTeamNames)
    func aTeamNameThatStartsAsAFormulaIsGuarded(_ name: (team: String, field: String)) {
        var log = EventBuilder()
        log.registered("C2", "2024-04-01", born: "2015-01-01")
        log.allocated("C2", "2024-04-01", team: name.team)
        log.referral("C2", "2024-04-01")
        log.assessmentStarted("C2", "2024-03-30")  // before its referral: an error
        let report = log.state.check(CheckContext(asOf: d("2025-03-31")), only: ["assessment-before-referral"])
        #expect(
            report.csv(byTeam: true)
                == "team,check,severity,rule,findings\r\n\(name.field),assessment-before-referral,error,CIN 1103,1\r\n")
        #expect(report.csv().contains("\r\nassessment-before-referral,error,CIN 1103,C2,\(name.field),2024-03-30,"))
    }
}
