import Foundation
import JourneyCore
import JourneyLog
import JourneyWorkbook
import Testing

@testable import JourneyImport

@Suite struct AnnexAValueTests {
    @Test func codesInTheirForms() {
        // The template's drop-down form, the code alone, and words.
        #expect(AnnexAValues.code("a) 1A: Individual", ReferralSources.self)?.rawValue == "1A")
        #expect(AnnexAValues.code("p1) 5D: LA services", ReferralSources.self)?.rawValue == "5D")
        #expect(AnnexAValues.code("6", ReferralSources.self)?.rawValue == "6")
        #expect(AnnexAValues.code("Police", ReferralSources.self, words: AnnexAValues.sourceWords)?.rawValue == "6")
        #expect(AnnexAValues.code("N1 - Abuse or neglect", PrimaryNeeds.self)?.rawValue == "N1")
        #expect(AnnexAValues.code("C1: ICO", LegalStatuses.self)?.rawValue == "C1")
        #expect(AnnexAValues.code("zz) T4: Temporary placement", PlacementTypes.self)?.rawValue == "T4")
        #expect(AnnexAValues.code("j) AIND", Ethnicities.self)?.rawValue == "AIND")
        #expect(
            AnnexAValues.code("White British", Ethnicities.self, words: AnnexAValues.ethnicityWords)?.rawValue
                == "WBRI")
        // "Indian" is the meaning of AIND in the code list itself.
        #expect(AnnexAValues.code("Indian", Ethnicities.self)?.rawValue == "AIND")
        #expect(
            AnnexAValues.code("a) Neglect", AbuseCategories.self, words: AnnexAValues.abuseWords)?.rawValue == "NEG")
        #expect(AnnexAValues.code("Z9", ReferralSources.self) == nil)
    }

    @Test func sexAndYesNo() {
        for text in ["a) Male", "M", "male", "1"] { #expect(AnnexAValues.sex(text).sex?.rawValue == "M") }
        for text in ["b) Female", "F", "2"] { #expect(AnnexAValues.sex(text).sex?.rawValue == "F") }
        #expect(
            AnnexAValues.sex("c) Not stated/recorded").known && AnnexAValues.sex("c) Not stated/recorded").sex == nil)
        #expect(!AnnexAValues.sex("X").known)
        for text in ["Y", "Yes", "a) Yes", "1", "TRUE"] { #expect(AnnexAValues.yesNo(text) == true) }
        for text in ["N", "no", "b) No", "0"] { #expect(AnnexAValues.yesNo(text) == false) }
        #expect(AnnexAValues.yesNo("c) Unknown") == nil)
    }

    @Test func datesInTheirForms() {
        let first = CalendarDate(year: 2024, month: 4, day: 1)!
        #expect(AnnexAValues.date("01/04/2024") == first)
        #expect(AnnexAValues.date("1/4/2024") == first)
        #expect(AnnexAValues.date("2024-04-01") == first)
        #expect(AnnexAValues.date("2024-04-01 00:00:00") == first)
        // Serial 45383: 31 March 2024 is 45382 (WorkbookReaderTests works it), so 1 April is 45383; a time of day
        // (.5) is dropped.
        #expect(AnnexAValues.date("45383") == first)
        #expect(AnnexAValues.date("45383.5") == first)
        #expect(AnnexAValues.date("31/02/2024") == nil)
        #expect(AnnexAValues.date("01/04/24") == nil)
    }

    @Test func headingsAndListNames() {
        #expect(AnnexAColumn.matching("Child Unique ID", list: 3) == .child)
        #expect(AnnexAColumn.matching("  child ID ", list: 3) == .child)
        #expect(AnnexAColumn.matching("GENDER", list: 3) == .sex)
        #expect(AnnexAColumn.matching("Sex", list: 3) == .sex)
        #expect(AnnexAColumn.matching("Child’s Legal Status", list: 8) == .legalStatus)
        #expect(AnnexAColumn.matching("Referral NFA?", list: 3) == .referralNFA)
        // Councils copy "Referral Source" into list 1: there it is the contact's.
        #expect(AnnexAColumn.matching("Referral Source", list: 1) == .contactSource)
        #expect(AnnexAColumn.matching("Age of Child (Years)", list: 1) == nil)
        #expect(AnnexAListName.number(of: "List 3") == 3)
        #expect(AnnexAListName.number(of: "list-05-section-47-enquiries-and-icpcs.csv") == 5)
        #expect(AnnexAListName.number(of: "L7 CP") == 7)
        #expect(AnnexAListName.number(of: "Annex A List 10 Adoption") == 10)
        #expect(AnnexAListName.number(of: "Children in care") == 8)
        #expect(AnnexAListName.number(of: "Referrals") == 3)
        #expect(AnnexAListName.number(of: "Notes") == nil)
    }
}

@Suite struct AnnexAImportTests {
    func importing(
        _ path: String, into scratch: Scratch, extracted: String = "2024-09-30", skipInvalid: Bool = false,
        rejected: String? = nil
    ) throws -> ImportReport {
        let writer = try LogWriter.open(scratch.log)
        defer { writer.close() }
        var options = ImportOptions(skipInvalid: skipInvalid)
        options.rejectedFile = rejected
        return try AnnexAImporter(path: path, extracted: CalendarDate(extracted)!, options: options).run(
            into: writer, progress: nil)
    }

    /// A council's own workbook: sheets named loosely, headings in other words, values in every form.
    @Test func aCouncilsWorkbook() throws {
        let scratch = Scratch()
        let path = scratch.path + "/annex-a.xlsx"
        try Workbook([
            Worksheet(name: "Read me", headings: ["Notes"], rows: [[.text("drawn 30/09/2024")]]),
            Worksheet(
                name: "L3 Referrals",
                headings: ["child id", "SEX", "Ethnicity", "DOB", "Referral date", "Source of referral", "NFA"],
                rows: [
                    [
                        .text("C1"), .text("M"), .text("White British"), .date(CalendarDate("2015-06-01")!),
                        .date(CalendarDate("2024-04-02")!), .text("Police"), .text("N"),
                    ]
                ]),
            Worksheet(
                name: "Assessments",
                headings: [
                    "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Assessment start date",
                    "Assessment authorisation date",
                    "Was the child assessed as requiring LA children's social care support?",
                ],
                rows: [
                    [
                        .text("C1"), .text("a) Male"), .text("a) WBRI"), .text("01/06/2015"), .text("03/04/2024"),
                        .text("2024-05-01"), .text("a) Yes"),
                    ]
                ]),
            Worksheet(
                name: "List 7",
                headings: [
                    "Child Unique ID", "Child Protection Plan Start Date", "Initial Category of Abuse",
                    "Latest Category of Abuse", "Date of latest review conference", "Child Protection Plan End Date",
                    "Number of Previous Child Protection Plans",
                ],
                rows: [
                    [
                        .text("C1"), .text("10/05/2024"), .text("Neglect"), .text("d) Emotional abuse"),
                        .text("01/08/2024"), .empty, .integer(1),
                    ]
                ]),
        ]).write(to: path)
        let report = try importing(path, into: scratch)
        let events = try scratch.events()
        // Worked by hand: the child registered on its earliest fact (the referral, 2 April 2024) with the sex, ethnicity
        // and birth date of its first row; the referral (source 6, police; not NFA); the assessment started the next
        // day under that referral (the latest on or before it) and authorised on 1 May as needing support (cin); the
        // plan from 10 May under the same referral, NEG, one plan before; its review on 1 August, and the change to
        // EMO dated on that review (Annex A does not say when the category changed), after the review in the order
        // the facts are made.
        #expect(
            events.map(\.id.rawValue) == [
                "aa.C1.reg", "aa.C1.ref.20240402", "aa.C1.as.20240403", "aa.C1.ac.20240403", "aa.C1.ps.20240510",
                "aa.C1.pr.20240510.20240801", "aa.C1.pc.20240510",
            ])
        #expect(events.allSatisfy { $0.source == "annex-a-2024-09-30" })
        #expect(events.allSatisfy { $0.recorded == Timestamp("2024-09-30T23:59:59Z") })
        guard case .childRegistered(let details) = events[0].body else { Issue.record("no registration"); return }
        #expect(events[0].occurred == CalendarDate("2024-04-02"))
        #expect(details.birthDate == CalendarDate("2015-06-01"))
        #expect(details.sex?.rawValue == "M" && details.ethnicity?.rawValue == "WBRI")
        guard case .referralReceived(let referral) = events[1].body else { Issue.record("no referral"); return }
        #expect(referral.source.rawValue == "6" && !referral.isNFA && referral.referral == "ref-2024-04-02")
        guard case .assessmentStarted(_, let under) = events[2].body else { Issue.record("no assessment"); return }
        #expect(under == "ref-2024-04-02")
        guard case .assessmentCompleted(let done) = events[3].body else { Issue.record("no completion"); return }
        #expect(done.outcome?.rawValue == "cin" && events[3].occurred == CalendarDate("2024-05-01"))
        guard case .cpPlanStarted(let plan) = events[4].body else { Issue.record("no plan"); return }
        #expect(plan.category.rawValue == "NEG" && plan.previousPlans == 1)
        guard case .cpPlanCategoryChanged(_, let latest) = events[6].body else { Issue.record("no change"); return }
        #expect(latest.rawValue == "EMO" && events[6].occurred == CalendarDate("2024-08-01"))
        #expect(report.skipped == ["sheet Read me: not a list of Annex A by its name"])

        // The same workbook again appends nothing.
        let again = try importing(path, into: scratch)
        #expect(again.append.appended == 0 && again.unchangedEvents == 7)
    }

    static let contactsHeader =
        "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source\n"

    @Test func unreadableRowsStopTheImportOrAreRejected() throws {
        let scratch = Scratch()
        scratch.write(
            "lists/list-01-contacts.csv",
            Self.contactsHeader + "C1,a) Male,a) WBRI,01/06/2015,9,01/04/2024,a) 1A: Individual\n"
                + "C2,b) Female,a) WBRI,01/06/2016,8,31/02/2024,6\n"
                + "C3,b) Female,a) WBRI,01/06/2016,8,02/04/2024,Z9\n")
        let folder = scratch.path + "/lists"
        // Without --skip-invalid: two rows cannot be read (C2's date, C3's source), so nothing is appended, and the
        // message names the file, line and column, not the child.
        do {
            _ = try importing(folder, into: scratch)
            Issue.record("imported")
        } catch let error as ImportError {
            guard case .invalid(let problems, let total, _) = error else { Issue.record("\(error)"); return }
            #expect(total == 2)
            #expect(problems.map(\.line) == [3, 4])
            #expect(problems.map(\.field) == ["column 6, Date of Contact", "column 7, Contact Source"])
            #expect(!error.description.contains("C2") && !error.description.contains("C3"))
        }
        #expect(try scratch.events().isEmpty)
        // With it: C1's contact is imported (and the other children's details, their rows' readable part), and the
        // rejected file has the two rows.
        let rejected = scratch.path + "/rejected.csv"
        let report = try importing(folder, into: scratch, skipInvalid: true, rejected: rejected)
        #expect(report.tables[0].rows == 3 && report.tables[0].rejected == 2 && report.tables[0].new == 1)
        let contacts = try scratch.events().filter { $0.type == .contactReceived }
        #expect(contacts.map(\.id.rawValue) == ["aa.C1.con.20240401"])
        let text = try String(contentsOfFile: rejected, encoding: .utf8)
        #expect(text.contains("list-01-contacts.csv,3,list-01-contacts.csv,C2,\"column 6, Date of Contact\""))
        #expect(text.contains("list-01-contacts.csv,4,list-01-contacts.csv,C3,\"column 7, Contact Source\""))
    }

    @Test func aLaterExtractCorrectsAndRetracts() throws {
        let scratch = Scratch()
        scratch.write(
            "one/list-01-contacts.csv",
            Self.contactsHeader + "C1,M,WBRI,01/06/2015,9,01/04/2024,1A\n" + "C1,M,WBRI,01/06/2015,9,05/04/2024,6\n"
                + "C1,M,WBRI,01/06/2015,9,09/04/2024,6\n")
        scratch.write(
            "two/list-01-contacts.csv",
            Self.contactsHeader + "C1,M,WBRI,01/06/2015,9,01/04/2024,2A\n" + "C1,M,WBRI,01/06/2015,9,09/04/2024,6\n")
        _ = try importing(scratch.path + "/one", into: scratch, extracted: "2024-04-30")
        let report = try importing(scratch.path + "/two", into: scratch, extracted: "2024-05-31")
        // The second extract spans 1 to 9 April: the 1 April contact's source is revised (1A to 2A), the 5 April one
        // is no longer there and is retracted, the 9 April one and the registration are unchanged.
        #expect(report.revisedEvents == 1 && report.retractedEvents == 1 && report.unchangedEvents == 2)
        let last = try scratch.events().suffix(2)
        #expect(last.map { $0.corrects?.rawValue } == ["aa.C1.con.20240401", nil])
        guard case .eventRetracted(let target, _) = last.last!.body else { Issue.record("no retraction"); return }
        #expect(target == "aa.C1.con.20240405")
    }
}
