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
        let rows = try String(contentsOfFile: rejected, encoding: .utf8).split(separator: "\r\n").map(String.init)
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

    /// Optional values that cannot be read are left out of their records; the records are imported.
    @Test func aBadOptionalValueIsLeftOutOfItsRecord() throws {
        let scratch = Scratch()
        let census = """
            <Message>
              <Header><CollectionDetails><Collection>CIN</Collection><Year>2024</Year>
                <ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails>
                <Source><DateTime>2024-05-01T09:00:00</DateTime></Source></Header>
              <Children><Child>
                <ChildIdentifiers><LAchildID>C1</LAchildID><PersonBirthDate>2015-03-27</PersonBirthDate>
                  <Sex>F</Sex></ChildIdentifiers>
                <CINdetails>
                  <CINreferralDate>2023-05-10</CINreferralDate><ReferralSource>1A</ReferralSource>
                  <PrimaryNeedCode>N99</PrimaryNeedCode><ReferralNFA>0</ReferralNFA>
                  <Assessments><AssessmentActualStartDate>2023-05-11</AssessmentActualStartDate>
                    <AssessmentAuthorisationDate>2023-02-30</AssessmentAuthorisationDate></Assessments>
                  <ChildProtectionPlans><CPPstartDate>2023-06-20</CPPstartDate>
                    <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
                    <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>
                    <Reviews><CPPreviewDate>2023-09-01</CPPreviewDate><CPPreviewDate>2023-13-45</CPPreviewDate>
                    </Reviews></ChildProtectionPlans>
                </CINdetails>
              </Child></Children>
            </Message>
            """
        let report = try scratch.importCINCensus(scratch.write("census.xml", census), skipInvalid: true)
        #expect(
            lines(try scratch.events()).filter { !$0.contains("child.registered") } == [
                "2023-05-10 referral.received {referral:ref-2023-05-10,source:1A}",
                "2023-05-11 assessment.started {assessment:assessment-2023-05-10-2023-05-11,referral:ref-2023-05-10}",
                "2023-06-20 cp-plan.started {plan:cp-plan-2023-05-10-2023-06-20,referral:ref-2023-05-10,category:NEG,"
                    + "previousPlans:0}",
                "2023-09-01 cp-plan.reviewed {plan:cp-plan-2023-05-10-2023-06-20}",
            ])
        #expect(report.rejectedRows == 0)
        #expect(
            report.rejected.flatMap(\.problems).map { "\($0.field ?? "") \($0.rule ?? "-")" } == [
                "PrimaryNeedCode CIN 8650", "Reviews/CPPreviewDate CIN census schema",
                "AssessmentAuthorisationDate CIN census schema",
            ])
    }

    /// An end date that cannot be read is not left out: the plan would read as still open. The plan is rejected.
    @Test func anUnreadableEndRejectsItsRecord() throws {
        let scratch = Scratch()
        let census = """
            <Message>
              <Header><CollectionDetails><Collection>CIN</Collection><Year>2024</Year>
                <ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails></Header>
              <Children><Child>
                <ChildIdentifiers><LAchildID>C1</LAchildID><Sex>F</Sex></ChildIdentifiers>
                <CINdetails>
                  <CINreferralDate>2023-05-10</CINreferralDate><ReferralSource>1A</ReferralSource>
                  <ReferralNFA>0</ReferralNFA>
                  <CINPlanDates><CINPlanStartDate>2023-06-01</CINPlanStartDate>
                    <CINPlanEndDate>2023-02-30</CINPlanEndDate></CINPlanDates>
                </CINdetails>
              </Child></Children>
            </Message>
            """
        let report = try scratch.importCINCensus(scratch.write("census.xml", census), skipInvalid: true)
        #expect(try scratch.events().filter { $0.type == .cinPlanStarted }.isEmpty)
        #expect(report[table: "CINPlanDates"]?.rejected == 1)
    }
}
