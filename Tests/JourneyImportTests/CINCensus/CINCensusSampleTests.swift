import Foundation
import JourneyCore
import JourneyImport
import Testing

/// The public fake CIN census files (Fixtures/cin-census, from shared/data/cin-census). Expected counts were worked
/// out from the XML with Python's ElementTree, independently of the importer (`D` = every `CINdetails`).
@Suite("CIN census: the public sample returns")
struct CINCensusSampleTests {
    @Test func theLargeFileImportsWithCountsWorkedOutFromTheXML() throws {
        let scratch = Scratch()
        let report = try scratch.importCINCensus(fixture("cin-census/fake_CIN_data.xml"))
        let counts = countsByType(try scratch.events())
        // python3 -c "import xml.etree.ElementTree as ET; r=ET.parse('fake_CIN_data.xml').getroot();
        //   C=r.findall('.//Child'); D=r.findall('.//CINdetails'); print(len(C), len(D),
        //   sum(d.find('CINclosureDate') is not None for d in D), sum(d.find('DateOfInitialCPC') is not None
        //   for d in D), sum(c.find('ChildIdentifiers/PersonDeathDate') is not None for c in C))"
        //   → 332 402 252 350 21
        #expect(
            counts == [
                "child.registered": 332, "referral.received": 402, "case.closed": 252, "icpc.held": 350,
                "child.died": 21,
            ])
        #expect(report.rejectedRows == 0)
        // Every CINdetails is NFA: sum(d.findtext('ReferralNFA') in ('true','1') for d in D) → 402
        let events = try scratch.events()
        #expect(events.filter { if case .referralReceived(let r) = $0.body { r.isNFA } else { false } }.count == 402)
        // GenderCurrent 1 → M (82), 2 → F (74), 9 → U (80), 0 → not recorded (96).
        let sexes = events.compactMap {
            if case .childRegistered(let d) = $0.body { d.sex?.rawValue ?? "-" } else { nil }
        }
        #expect(sexes.reduce(into: [:]) { $0[$1, default: 0] += 1 } == ["M": 82, "F": 74, "U": 80, "-": 96])
        // The header: ReferenceDate 2022-07-21 (in 2022-23), DateTime 2022-07-21T10:12:28Z.
        #expect(report.source == "cin-census-2023")
        #expect(events.allSatisfy { $0.recorded == Timestamp("2022-07-21T10:12:28Z") })
    }

    @Test func reimportingIsANoOp() throws {
        let scratch = Scratch()
        let first = try scratch.importCINCensus(fixture("cin-census/fake_CIN_data.xml"))
        let second = try scratch.importCINCensus(fixture("cin-census/fake_CIN_data.xml"))
        #expect(first.append.appended == 1357 && second.append.appended == 0)
        #expect(second.unchangedEvents == 1357)
    }

    @Test func everyModuleOfThe2021FileBecomesEvents() throws {
        let scratch = Scratch()
        let report = try scratch.importCINCensus(fixture("cin-census/CIN_Census_2021.xml"))
        #expect(
            lines(try scratch.events()) == [
                "1970-02-17 child.registered {birthDate:1965-03-27,expectedBirthDate:1066-04-13,sex:M,ethnicity:WBRI,"
                    + "disabilities:[HAND,HEAR],upn:A123456789123}",
                // Dated before the referral, but written after it, as the census nests them (parents first).
                "1970-10-06 referral.received {referral:ref-1970-10-06,source:1A,primaryNeed:N4}",
                "1970-02-17 cp-plan.started {plan:cp-plan-1970-10-06-1970-02-17,referral:ref-1970-10-06,category:PHY,"
                    + "previousPlans:10}",
                "1970-06-02 s47.started {s47:s47-1970-10-06-1970-06-02,referral:ref-1970-10-06}",
                "1970-06-17 s47.completed {s47:s47-1970-10-06-1970-06-02,icpcRequired:true}",
                // The plan started before this conference, so it did not follow from it.
                "1970-06-17 icpc.held {s47:s47-1970-10-06-1970-06-02,referral:ref-1970-10-06,outcome:no-plan}",
                "1970-06-03 assessment.started {assessment:assessment-1970-10-06-1970-06-03,referral:ref-1970-10-06}",
                "1970-12-06 icpc.held {referral:ref-1970-10-06,outcome:no-plan}",
                "1971-01-24 cin-plan.started {plan:cin-plan-1970-10-06-1971-01-24,referral:ref-1970-10-06}",
                "1971-01-26 cin-plan.ended {plan:cin-plan-1970-10-06-1971-01-24}",
                "1971-02-15 cp-plan.reviewed {plan:cp-plan-1970-10-06-1970-02-17}",
                "1971-02-27 case.closed {referral:ref-1970-10-06,reason:RC1}",
                "1971-03-14 cp-plan.ended {plan:cp-plan-1970-10-06-1970-02-17}",
                "1971-07-18 assessment.completed {assessment:assessment-1970-10-06-1970-06-03,factors:[2A,2B]}",
                "1980-10-08 child.died {}",
            ])
        #expect(report.source == "cin-census-2023")
        #expect(report.tables.map(\.rows) == [1, 1, 1, 1, 1, 1])
    }

    @Test func theRejectionsOfThe2024And2026FilesAreExplained() throws {
        for file in ["CIN_Census_2024.xml", "CIN_Census_2026.xml"] {
            let scratch = Scratch()
            #expect(throws: ImportError.self) { try scratch.importCINCensus(fixture("cin-census/" + file)) }
            #expect(try scratch.events().isEmpty)
            let report = try scratch.importCINCensus(fixture("cin-census/" + file), skipInvalid: true)
            // The second child's LAchildID has 23 characters (at most 20), so the child and its records are
            // rejected; the first child's assessment has the factor "RB", which is not a code: the code is left out.
            #expect(
                report[table: "Child"]?.rejections == [
                    "LAchildID: must be 1–20 characters long (it has 23); the child and its 1 CINdetails are not "
                        + "imported": 1
                ])
            #expect(
                report[table: "Assessments"]?.rejections == [
                    "FactorsIdentifiedAtAssessment/AssessmentFactors[2]: \"RB\" is not an assessment factor code "
                        + "(allowed: 1A…24A); the code is left out, the assessment is imported": 1,
                    "its Child was rejected (LAchildID)": 1,
                ])
            let problem = try #require(report.rejected.first { $0.problems[0].field?.hasPrefix("Factors") == true })
            #expect(problem.problems[0].record == "Message/Children/Child[1]/CINdetails[1]/Assessments[1]")
            #expect(problem.problems[0].line == 46)  // the line of <AssessmentFactors>RB</AssessmentFactors>
            #expect(report.rejectedRows == 3)
            // The 2026 layout's pre-proceedings module has no place in the event format: reported, not read.
            let skipped =
                file.contains("2026") ? ["elements with no place in the event format: PreProceedingsandFGDM (1)"] : []
            #expect(report.skipped == skipped)
            #expect(countsByType(try scratch.events())["child.registered"] == 1)
        }
    }

    @Test func aRepeatedPlanIsSkippedAsADuplicate() throws {
        let scratch = Scratch()
        let report = try scratch.importCINCensus(fixture("cin-census/CIN2rows.xml"))
        #expect(report[table: "ChildProtectionPlans"]?.rows == 2)
        #expect(report[table: "ChildProtectionPlans"]?.duplicates == 1)
        #expect(countsByType(try scratch.events())["cp-plan.started"] == 1)
    }
}
