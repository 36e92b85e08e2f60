import JourneyCore
import JourneyTestSupport
import JourneyWorkbook
import Testing

@testable import JourneyReports

/// The Annex A workbook from the hand-built log of `AnnexATests`, drawn for 31 March 2025 over six months (1 October
/// 2024 to 31 March 2025): a sheet per list in the template's order, then Notes.
@Suite("Annex A workbook")
struct AnnexAWorkbookTests {
    static let workbook = AnnexA.workbook(
        AnnexATests.lists(AnnexATests.council), window: AnnexATests.window, span: "2008-02-10 to 2025-03-31")

    @Test("A sheet per list, named List 1 - Contacts … List 11 - Adopters, then Notes")
    func sheetNames() {
        #expect(
            Self.workbook.sheetNames == [
                "List 1 - Contacts", "List 2 - Early help", "List 3 - Referrals", "List 4 - Assessments",
                "List 5 - Section 47 and ICPCs", "List 6 - Children in need", "List 7 - Child protection",
                "List 8 - Children in care", "List 9 - Care leavers", "List 10 - Adoption", "List 11 - Adopters",
                "Notes",
            ])
        // Every name as asked for: none over Excel's 31 characters, so none shortened or numbered.
        #expect(Self.workbook.sheets.map(\.name) == Self.workbook.sheetNames)
    }

    /// List 3's one row (C1's R2, worked out in `AnnexATests.csv`: born 1 June 2015, 9 on 31 March 2025; referred
    /// 1 November 2024 by a school; R1 of 15 March 2024 in the 12 months before) with dates as dates and the age and
    /// count as numbers; the headings Ofsted's, in row 1, and nothing else on the sheet.
    @Test("A list's sheet: Ofsted's headings, then its rows, dates as dates and counts as numbers")
    func listSheet() {
        let referrals = Self.workbook.sheets[2]
        #expect(referrals.columns.map(\.heading) == AnnexATests.lists(AnnexATests.council)[2].headings)
        #expect(referrals.columns.first?.heading == "Child Unique ID")
        #expect(referrals.columns.allSatisfy { $0.width == nil }, "widths fitted by the writer")
        #expect(
            referrals.rows == [
                [
                    .text("C1"), .text("a) Male"), .text("a) WBRI"), .date(d("2015-06-01")), .integer(9),
                    .date(d("2024-11-01")), .text("e) 2A: Schools"), .text("b) No"), .integer(1), .text("Team A"),
                    .text("W1"),
                ]
            ])
        // Lists 2 and 11 are their headings alone.
        #expect(Self.workbook.sheets[1].rows.isEmpty && !Self.workbook.sheets[1].columns.isEmpty)
        #expect(Self.workbook.sheets[10].rows.isEmpty)
        #expect(Self.workbook.sheets[10].columns.first?.heading == "Individual adopter identifier")
    }

    /// Notes: the window (six months to 31 March 2025 is 1 October 2024 to 31 March 2025), the log's dates, the
    /// caveat, then a row per list with its sheet, rows and note: 2, 8, 10 and 11 have notes (AnnexATests).
    @Test("Notes: the window and a row per list with its rows and note")
    func notes() throws {
        let workbook = AnnexA.workbook(
            AnnexATests.lists(AnnexATests.council), window: AnnexATests.window, span: "2008-02-10 to 2025-03-31",
            notes: ["A caveat."])
        let notes = try #require(workbook.sheets.last)
        #expect(notes.columns.map(\.heading) == ["List", "Sheet", "Rows", "Note"])
        let general = notes.rows.prefix { $0[0] == .empty }
        #expect(
            general.map { $0[3] } == [
                .text("Ofsted Annex A lists, written by journey from the event log."),
                .text(
                    "Lists drawn for 31/03/2025; lists of activity cover 01/10/2024 to 31/03/2025 (6 months), lists "
                        + "of children those open on 31/03/2025 and those closed in that time."),
                .text("The log covers 2008-02-10 to 2025-03-31."), .text("A caveat."),
                .text("These lists hold personal data about children: keep them as the case records are kept."),
                .text("docs/annex-a.md says where each column comes from."),
            ])
        let perList = Array(notes.rows.dropFirst(general.count))
        #expect(perList.map { $0[0] } == (1...11).map { .integer($0) })
        #expect(perList.map { $0[1] } == workbook.sheetNames.prefix(11).map { .text($0) })
        #expect(perList[2][2] == .integer(1), "list 3: C1's R2")
        #expect(perList[1][2] == .integer(0) && perList[10][2] == .integer(0))
        #expect(perList.indices.filter { perList[$0][3] != .empty }.map { $0 + 1 } == [2, 8, 10, 11])
        #expect(perList[1][3] == .text(EarlyHelpList.note))
    }
}
