import Foundation
import JourneyChecks
import JourneyCore
import JourneyImport
import JourneyLog
import JourneyProjections
import Testing

/// What the census says about the order of things reaches the checks: a record's parent is written before the
/// records inside it, whatever their dates, and a conference's outcome is read from the plan that follows it.
@Suite("CIN census: parents first, conference outcomes")
struct CINCensusOrderTests {
    /// One child: a closure dated before its referral (CIN 8630), a CP review dated before its plan (8841), and an
    /// ICPC held on 2023-06-15 followed in the episode by a CP plan starting on 2023-06-20 (2885).
    static let census = """
        <Message>
          <Header><CollectionDetails><Collection>CIN</Collection><Year>2024</Year>
            <ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails>
            <Source><DateTime>2024-05-01T09:00:00</DateTime></Source></Header>
          <Children><Child>
            <ChildIdentifiers><LAchildID>C1</LAchildID><PersonBirthDate>2015-03-27</PersonBirthDate><Sex>F</Sex>
            </ChildIdentifiers>
            <CINdetails>
              <CINreferralDate>2023-05-10</CINreferralDate><ReferralSource>1A</ReferralSource>
              <PrimaryNeedCode>N1</PrimaryNeedCode>
              <CINclosureDate>2023-05-09</CINclosureDate><ReasonForClosure>RC1</ReasonForClosure>
              <ReferralNFA>0</ReferralNFA>
              <Section47><S47ActualStartDate>2023-06-01</S47ActualStartDate>
                <DateOfInitialCPC>2023-06-15</DateOfInitialCPC><ICPCnotRequired>0</ICPCnotRequired></Section47>
              <ChildProtectionPlans><CPPstartDate>2023-06-20</CPPstartDate>
                <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
                <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
                <Reviews><CPPreviewDate>2023-06-05</CPPreviewDate></Reviews></ChildProtectionPlans>
            </CINdetails>
          </Child></Children>
        </Message>
        """

    @Test func parentsAreWrittenBeforeTheRecordsInsideThem() throws {
        let scratch = Scratch()
        _ = try scratch.importCINCensus(scratch.write("census.xml", Self.census))
        let types = try scratch.events().map(\.type.name)
        let position = { (name: String) in types.firstIndex(of: name)! }
        #expect(position("referral.received") < position("case.closed"))
        #expect(position("cp-plan.started") < position("cp-plan.reviewed"))
        #expect(position("s47.started") < position("icpc.held"))
    }

    @Test func theConferenceOutcomeIsThePlanThatFollowsItInTheEpisode() throws {
        let scratch = Scratch()
        _ = try scratch.importCINCensus(scratch.write("census.xml", Self.census))
        let outcomes = try scratch.events().compactMap { e -> String? in
            if case .icpcHeld(_, _, let outcome) = e.body { "\(e.occurred) \(outcome.rawValue)" } else { nil }
        }
        #expect(outcomes == ["2023-06-15 plan"])
    }

    @Test func closureBeforeReferralReviewBeforePlanAndPlanAfterConferenceAreFound() throws {
        let scratch = Scratch()
        _ = try scratch.importCINCensus(scratch.write("census.xml", Self.census))
        var state = JourneyState()
        _ = try EventLog.open(scratch.log).replay { state.apply($0) }
        let report = state.check(CheckContext(asOf: CalendarDate("2024-03-31")!))
        let found = Set(report.findings.map(\.check))
        #expect(found.isSuperset(of: ["case-closed-before-referral", "cp-review-on-or-before-start"]))
        #expect(found.contains("cp-plan-start-differs-from-icpc"))
        #expect(!found.contains("parent-not-recorded"))
    }
}
