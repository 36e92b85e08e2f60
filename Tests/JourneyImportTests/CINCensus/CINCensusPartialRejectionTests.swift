import Foundation
import JourneyChecks
import JourneyCore
import JourneyImport
import JourneyLog
import JourneyProjections
import Testing

/// An import keeps every fact it can: a bad value loses that value, not the record holding it; a child whose id
/// cannot be stored loses its rows, not the rest of the return. Each thing left out is in the rejected file with
/// its reason and the rule it breaks.
@Suite("CIN census: only the bad part is rejected")
struct CINCensusPartialRejectionTests {
    @Test(arguments: ["CIN_Census_2024.xml", "CIN_Census_2026.xml"])
    func aBadFactorCodeLeavesTheAssessmentWithItsValidFactors(file: String) throws {
        let scratch = Scratch()
        let report = try scratch.importCINCensus(fixture("cin-census/" + file), skipInvalid: true)
        let events = try scratch.events()
        // The first child's assessment: factors 1C, RB, 6B; RB is no code, so 1C and 6B are kept.
        let started = events.filter { $0.type == .assessmentStarted && $0.child == "DfEX0000001" }
        #expect(started.map(\.occurred) == [CalendarDate("2028-04-28")!])
        let factors = events.compactMap { e -> [String]? in
            if case .assessmentCompleted(let a) = e.body { (a.factors ?? []).map(\.rawValue) } else { nil }
        }
        #expect(factors == [["1C", "6B"]])
        let assessments = try #require(report[table: "Assessments"])
        #expect(assessments.rejected == 1)  // the second child's, with its child
        #expect(assessments.valuesRejected == 1)
        #expect(report.rejectedRows == 3)  // the second child, its CINdetails and its assessment
    }

    @Test func theRejectedFileNamesTheReasonAndTheRule() throws {
        let scratch = Scratch()
        let rejected = scratch.path + "/rejected.csv"
        _ = try scratch.importCINCensus(
            fixture("cin-census/CIN_Census_2024.xml"), skipInvalid: true, rejected: rejected)
        let rows = try String(contentsOfFile: rejected, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows.first == "file,line,record,child,field,reason,rule,row")
        #expect(
            rows.dropFirst().sorted() == [
                "CIN_Census_2024.xml,46,Message/Children/Child[1]/CINdetails[1]/Assessments[1],DfEX0000001,"
                    + "FactorsIdentifiedAtAssessment/AssessmentFactors[2],"
                    + "\"\"\"RB\"\" is not an assessment factor code (allowed: 1A…24A); the code is left out, the "
                    + "assessment is imported\",CIN census schema (assessment factor codes),",
                "CIN_Census_2024.xml,75,Message/Children/Child[2]/ChildIdentifiers,,LAchildID,"
                    + "must be 1–20 characters long (it has 23); the child and its 1 CINdetails are not imported,"
                    + "event format (child: 1–20 characters; the census sets no limit),",
            ])
    }

    @Test func theKeptAssessmentReachesTheChecks() throws {
        let scratch = Scratch()
        _ = try scratch.importCINCensus(fixture("cin-census/CIN_Census_2024.xml"), skipInvalid: true)
        var state = JourneyState()
        _ = try EventLog.open(scratch.log).replay { state.apply($0) }
        let report = state.check(
            CheckContext(asOf: CalendarDate("2024-03-31")!), only: ["assessment-completed-before-start"])
        // Started 2028-04-28, authorised 2020-09-19: CIN 8608.
        #expect(report.findings.map(\.child) == ["DfEX0000001"])
    }
}
