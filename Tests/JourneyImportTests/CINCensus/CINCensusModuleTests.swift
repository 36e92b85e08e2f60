import Foundation
import JourneyCore
import JourneyImport
import Testing

/// Hand-built CIN census returns: every module with the events expected written out by hand, both ways of coding
/// sex, and two overlapping years.
@Suite("CIN census: modules and years")
struct CINCensusModuleTests {
    static let child = """
        <Child>
          <ChildIdentifiers>
            <LAchildID>X1</LAchildID>
            <UPN>A123456789012</UPN>
            <PersonBirthDate>2015-03-27</PersonBirthDate>
            <Sex>F</Sex>
          </ChildIdentifiers>
          <ChildCharacteristics>
            <Ethnicity>WBRI</Ethnicity>
            <Disabilities><Disability>NONE</Disability></Disabilities>
          </ChildCharacteristics>
          <CINdetails>
            <CINreferralDate>2023-05-02</CINreferralDate>
            <ReferralSource>2A</ReferralSource>
            <PrimaryNeedCode>N1</PrimaryNeedCode>
            <CINclosureDate>2024-02-20</CINclosureDate>
            <ReasonForClosure>RC7</ReasonForClosure>
            <DateOfInitialCPC>2023-05-25</DateOfInitialCPC>
            <Assessments>
              <AssessmentActualStartDate>2023-05-03</AssessmentActualStartDate>
              <AssessmentAuthorisationDate>2023-06-20</AssessmentAuthorisationDate>
              <FactorsIdentifiedAtAssessment>
                <AssessmentFactors>3A</AssessmentFactors>
                <AssessmentFactors>4B</AssessmentFactors>
              </FactorsIdentifiedAtAssessment>
            </Assessments>
            <CINPlanDates>
              <CINPlanStartDate>2023-06-21</CINPlanStartDate>
              <CINPlanEndDate>2023-09-01</CINPlanEndDate>
            </CINPlanDates>
            <Section47>
              <S47ActualStartDate>2023-05-10</S47ActualStartDate>
              <InitialCPCtarget>2023-05-31</InitialCPCtarget>
              <DateOfInitialCPC>2023-05-25</DateOfInitialCPC>
              <ICPCnotRequired>false</ICPCnotRequired>
            </Section47>
            <Section47>
              <S47ActualStartDate>2023-11-01</S47ActualStartDate>
              <ICPCnotRequired>1</ICPCnotRequired>
            </Section47>
            <ReferralNFA>0</ReferralNFA>
            <ChildProtectionPlans>
              <CPPstartDate>2023-05-25</CPPstartDate>
              <CPPendDate>2024-02-01</CPPendDate>
              <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
              <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
              <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
              <Reviews>
                <CPPreviewDate>2023-08-20</CPPreviewDate>
                <CPPreviewDate>2024-01-15</CPPreviewDate>
              </Reviews>
            </ChildProtectionPlans>
          </CINdetails>
        </Child>
        """

    @Test func everyModuleBecomesItsEvents() throws {
        let scratch = Scratch()
        let file = scratch.write(
            "cin.xml", cinReturn(referenceDate: "2024-03-31", dateTime: "2024-05-20T10:00:00Z", children: Self.child))
        let report = try scratch.importCINCensus(file)
        let cp = "cp-plan-2023-05-02-2023-05-25"
        #expect(
            lines(try scratch.events()) == [
                "2023-05-02 child.registered {birthDate:2015-03-27,sex:F,ethnicity:WBRI,disabilities:[NONE],"
                    + "upn:A123456789012}",
                "2023-05-02 referral.received {referral:ref-2023-05-02,source:2A,primaryNeed:N1}",
                "2023-05-03 assessment.started {assessment:assessment-2023-05-02-2023-05-03,referral:ref-2023-05-02}",
                "2023-05-10 s47.started {s47:s47-2023-05-02-2023-05-10,referral:ref-2023-05-02}",
                // The episode's DateOfInitialCPC is the Section47's conference: one icpc.held. A plan starts that
                // day, so its outcome is a plan.
                "2023-05-25 s47.completed {s47:s47-2023-05-02-2023-05-10,icpcRequired:true}",
                "2023-05-25 icpc.held {s47:s47-2023-05-02-2023-05-10,referral:ref-2023-05-02,outcome:plan}",
                "2023-05-25 cp-plan.started {plan:\(cp),referral:ref-2023-05-02,category:NEG,previousPlans:1}",
                "2023-06-20 assessment.completed {assessment:assessment-2023-05-02-2023-05-03,factors:[3A,4B]}",
                "2023-06-21 cin-plan.started {plan:cin-plan-2023-05-02-2023-06-21,referral:ref-2023-05-02}",
                "2023-08-20 cp-plan.reviewed {plan:\(cp)}",
                "2023-09-01 cin-plan.ended {plan:cin-plan-2023-05-02-2023-06-21}",
                "2023-11-01 s47.started {s47:s47-2023-05-02-2023-11-01,referral:ref-2023-05-02}",
                "2023-11-01 s47.completed {s47:s47-2023-05-02-2023-11-01,icpcRequired:false}",
                "2024-01-15 cp-plan.reviewed {plan:\(cp)}",
                // The latest category differs from the initial one: changed at the last review of the plan.
                "2024-01-15 cp-plan.category-changed {plan:\(cp),category:EMO}",
                "2024-02-01 cp-plan.ended {plan:\(cp)}",
                "2024-02-20 case.closed {referral:ref-2023-05-02,reason:RC7}",
            ])
        #expect(report.source == "cin-census-2024" && report.recorded == Timestamp("2024-05-20T10:00:00Z"))
        #expect(report.tables.map(\.rows) == [1, 1, 1, 1, 2, 1])
    }

    @Test(arguments: [
        ("GenderCurrent", "1", "M"), ("GenderCurrent", "2", "F"), ("GenderCurrent", "9", "U"), ("Sex", "M", "M"),
        ("Sex", "F", "F"), ("Sex", "U", "U"),
    ])
    func sexIsReadFromGenderCurrentUntil2024AndSexFrom2025(element: String, value: String, sex: String) throws {
        let scratch = Scratch()
        let child = """
            <Child>
              <ChildIdentifiers><LAchildID>X2</LAchildID><\(element)>\(value)</\(element)></ChildIdentifiers>
              <ChildCharacteristics><Ethnicity>NOBT</Ethnicity></ChildCharacteristics>
              <CINdetails>
                <CINreferralDate>2017-01-05</CINreferralDate><ReferralSource>6</ReferralSource>
                <ReferralNFA>1</ReferralNFA>
              </CINdetails>
            </Child>
            """
        let file = scratch.write(
            "cin.xml", cinReturn(referenceDate: "2017-03-31", dateTime: "2017-05-01T09:00:00Z", children: child))
        let report = try scratch.importCINCensus(file)
        #expect(report.source == "cin-census-2017")
        #expect(
            lines(try scratch.events()) == [
                "2017-01-05 child.registered {sex:\(sex),ethnicity:NOBT}",
                "2017-01-05 referral.received {referral:ref-2017-01-05,source:6,nfa:true}",
            ])
    }

    /// 2022-23: a referral open at the year's end, with an assessment, an enquiry and a CP plan.
    static func year2023() -> String {
        cinReturn(
            referenceDate: "2023-03-31", dateTime: "2023-05-20T10:00:00Z",
            children: """
                <Child>
                  <ChildIdentifiers><LAchildID>X3</LAchildID><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
                  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
                  <CINdetails>
                    <CINreferralDate>2022-11-01</CINreferralDate><ReferralSource>5A</ReferralSource>
                    <PrimaryNeedCode>N1</PrimaryNeedCode>
                    <Assessments>
                      <AssessmentActualStartDate>2022-11-02</AssessmentActualStartDate>
                      <AssessmentAuthorisationDate>2022-12-10</AssessmentAuthorisationDate>
                      <FactorsIdentifiedAtAssessment>
                        <AssessmentFactors>3A</AssessmentFactors>
                      </FactorsIdentifiedAtAssessment>
                    </Assessments>
                    <Section47>
                      <S47ActualStartDate>2022-11-05</S47ActualStartDate><DateOfInitialCPC>2022-11-20</DateOfInitialCPC>
                      <ICPCnotRequired>0</ICPCnotRequired>
                    </Section47>
                    <ReferralNFA>0</ReferralNFA>
                    <ChildProtectionPlans>
                      <CPPstartDate>2022-11-20</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
                      <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>
                      <Reviews><CPPreviewDate>2023-02-15</CPPreviewDate></Reviews>
                    </ChildProtectionPlans>
                  </CINdetails>
                </Child>
                """)
    }

    /// 2023-24: the same referral (its primary need revised), now closed; the plan's reviews of the year, its
    /// category changed, and its end. The enquiry of the year before is not in this census.
    static func year2024(
        dateTime: String = "2024-05-20T10:00:00Z", reviews: String = "2023-08-15", referral: String = "2022-11-01"
    ) -> String {
        let reviewElements = (["2023-02-15"] + (reviews.isEmpty ? [] : [reviews])).map {
            "<CPPreviewDate>\($0)</CPPreviewDate>"
        }.joined()
        return cinReturn(
            referenceDate: "2024-03-31", dateTime: dateTime,
            children: """
                <Child>
                  <ChildIdentifiers><LAchildID>X3</LAchildID><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
                  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
                  <CINdetails>
                    <CINreferralDate>\(referral)</CINreferralDate><ReferralSource>5A</ReferralSource>
                    <PrimaryNeedCode>N2</PrimaryNeedCode>
                    <CINclosureDate>2024-01-10</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>
                    <Assessments>
                      <AssessmentActualStartDate>2022-11-02</AssessmentActualStartDate>
                      <AssessmentAuthorisationDate>2022-12-10</AssessmentAuthorisationDate>
                      <FactorsIdentifiedAtAssessment>
                        <AssessmentFactors>3A</AssessmentFactors>
                      </FactorsIdentifiedAtAssessment>
                    </Assessments>
                    <ReferralNFA>0</ReferralNFA>
                    <ChildProtectionPlans>
                      <CPPstartDate>2022-11-20</CPPstartDate><CPPendDate>2024-01-05</CPPendDate>
                      <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
                      <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>
                      <Reviews>\(reviewElements)</Reviews>
                    </ChildProtectionPlans>
                  </CINdetails>
                </Child>
                """)
    }

    @Test func twoOverlappingYearsGiveOneHistory() throws {
        let scratch = Scratch()
        let first = try scratch.importCINCensus(scratch.write("2023.xml", Self.year2023()))
        #expect(first.append.appended == 9)
        let second = try scratch.importCINCensus(scratch.write("2024.xml", Self.year2024()))
        let cp = "cp-plan-2022-11-01-2022-11-20"
        #expect(
            lines(try scratch.events()).suffix(5) == [
                "2022-11-01 referral.received {referral:ref-2022-11-01,source:5A,primaryNeed:N2} "
                    + "corrects cin.X3.ref.20221101",
                "2023-08-15 cp-plan.reviewed {plan:\(cp)}",
                "2023-08-15 cp-plan.category-changed {plan:\(cp),category:EMO}",
                "2024-01-05 cp-plan.ended {plan:\(cp)}",
                "2024-01-10 case.closed {referral:ref-2022-11-01,reason:RC7}",
            ])
        // Unchanged: the registration, the assessment (2), the plan's start and its first review. The enquiry of
        // 2022-23 is not in the 2023-24 census and is left be.
        #expect(second.unchangedEvents == 5 && second.revisedEvents == 1 && second.newEvents == 4)
        #expect(second.retractedEvents == 0)
        #expect(try scratch.importCINCensus(scratch.write("2024.xml", Self.year2024())).append.appended == 0)

        // A resubmission without the August review: it is retracted, and the category change moves to the review
        // that remains.
        let third = try scratch.importCINCensus(
            scratch.write("2024b.xml", Self.year2024(dateTime: "2024-06-30T10:00:00Z", reviews: "")))
        #expect(third.retractedEvents == 1 && third.revisedEvents == 1)
        let events = try scratch.events()
        #expect(
            lines(events).suffix(2) == [
                "2023-02-15 cp-plan.category-changed {plan:\(cp),category:EMO} corrects cin.X3.pc.20221101.20221120",
                "2024-06-30 event.retracted {event:cin.X3.pr.20221101.20221120.20230815,"
                    + "reason:not in the cin-census-2024 return}",
            ])
        #expect(events.suffix(2).allSatisfy { $0.recorded == Timestamp("2024-06-30T10:00:00Z") })
    }

    @Test func aReferralWhoseDateALaterReturnRevisesIsRetractedWithEverythingOfIt() throws {
        let scratch = Scratch()
        _ = try scratch.importCINCensus(scratch.write("2023.xml", Self.year2023()))
        let report = try scratch.importCINCensus(scratch.write("2024.xml", Self.year2024(referral: "2022-10-31")))
        // The 2022-11-01 referral of the log falls between the child's earliest referral in the return and the
        // year's start, where the return holds every referral of the child: it was revised away, and its
        // assessment, enquiry, conference and plan go with it (8 events).
        #expect(report.retractedEvents == 8)
        // The registration is revised: the child is now first known on 2022-10-31.
        #expect(report.newEvents == 9 && report.revisedEvents == 1 && report.unchangedEvents == 0)
        let events = try scratch.events()
        let retracted = Set(events.compactMap { if case .eventRetracted(let id, _) = $0.body { id } else { nil } })
        let old = events.filter { $0.id.rawValue.contains(".20221101") && $0.type != .eventRetracted }
        #expect(old.count == 8 && old.allSatisfy { retracted.contains($0.id) })
    }
}
