import Foundation
import JourneyCore
import JourneyLog
import JourneyWorkbook
import Testing

@testable import JourneyImport

/// Lists 9 (care leavers) and 10 (adoption) read into events, on hand-built lists: docs/annex-a.md, *Importing*.
@Suite struct AnnexACareLeaversAdoptionImportTests {
    func importing(
        _ path: String, into scratch: Scratch, extracted: String, skipInvalid: Bool = false, rejected: String? = nil
    ) throws -> ImportReport {
        let writer = try LogWriter.open(scratch.log)
        defer { writer.close() }
        var options = ImportOptions(skipInvalid: skipInvalid)
        options.rejectedFile = rejected
        return try AnnexAImporter(path: path, extracted: CalendarDate(extracted)!, options: options).run(
            into: writer, progress: nil)
    }

    /// List 9's headings as `journey annex-a` writes them.
    static let careLeaversHeadings = [
        "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
        "Does the Child have a Disability", "Allocated Team", "Allocated Worker", "Allocated Personal Advisor",
        "Eligibility Category", "Latest Pathway Plan Review Date", "LA in Touch", "Latest Date of Contact",
        "Type of Accommodation", "Suitability of Accommodation", "Activity Status",
    ]

    /// List 10's headings as `journey annex-a` writes them.
    static let adoptionHeadings = [
        "Child Unique ID", "Family identifier", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Does the Child have a Disability", "Date the Child Entered Care",
        "Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order",
        "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption", "Date of Adoption Order",
        "Date of Decision that Child Should No Longer be Placed for Adoption",
        "Reason Why Child No Longer Placed for Adoption",
        "Date the child was placed for fostering in FFA or concurrent planning placement",
    ]

    /// A CSV line (a value with a comma quoted).
    static func csv(_ fields: [String]) -> String {
        fields.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n"
    }

    static let careLeaversHeader = csv(careLeaversHeadings)
    static let adoptionHeader = csv(adoptionHeadings)

    /// One care leaver's row: the opening columns, then adviser, review, in touch, contact date, accommodation,
    /// suitability and activity.
    static func leaverRow(
        _ child: String, adviser: String = "", review: String = "", inTouch: String = "", contact: String = "",
        accommodation: String = "", suitable: String = "", activity: String = ""
    ) -> [String] {
        [
            child, "a) Male", "a) WBRI", "01/05/2006", "18", "b) No", "b) No", "Leaving Care", "SW1", adviser,
            "b) Former relevant child", review, inTouch, contact, accommodation, suitable, activity,
        ]
    }

    static func leaver(
        _ child: String, adviser: String = "", review: String = "", inTouch: String = "", contact: String = "",
        accommodation: String = "", suitable: String = "", activity: String = ""
    ) -> String {
        csv(
            leaverRow(
                child, adviser: adviser, review: review, inTouch: inTouch, contact: contact,
                accommodation: accommodation, suitable: suitable, activity: activity))
    }

    /// One adoption's row: decision, placement order, match, placed, order, reversal and its reason; care entered
    /// and the FFA placement are given too (and not imported).
    static func adoptionRow(
        _ child: String, decided: String, placementOrder: String = "", matched: String = "", placed: String = "",
        order: String = "", reversed: String = "", reason: String = ""
    ) -> [String] {
        [
            child, "", "b) Female", "a) WBRI", "01/02/2022", "2", "b) No", "01/06/2023", decided, placementOrder,
            matched, placed, order, reversed, reason, "05/07/2023",
        ]
    }

    static func adoption(
        _ child: String, decided: String, placementOrder: String = "", matched: String = "", placed: String = "",
        order: String = "", reversed: String = "", reason: String = ""
    ) -> String {
        csv(
            adoptionRow(
                child, decided: decided, placementOrder: placementOrder, matched: matched, placed: placed,
                order: order, reversed: reversed, reason: reason))
    }

    /// Text cells for a workbook, blank ones empty.
    static func cells(_ fields: [String]) -> [Cell] { fields.map { $0.isEmpty ? .empty : .text($0) } }

    @Test func careLeaversBecomeContactsReviewsAndAdvisers() throws {
        let scratch = Scratch()
        scratch.write(
            "lists/list-09-care-leavers.csv",
            Self.careLeaversHeader
                // The template's forms, as `journey annex-a` writes them.
                + Self.leaver(
                    "C1", adviser: "PA-1", review: "01/03/2025", inTouch: "a) Yes", contact: "10/03/2025",
                    accommodation: "U: Independent living", suitable: "a) Suitable",
                    activity: "F1: Full time in higher education")
                // Codes alone: S (no fixed abode) is never suitable, so S2 whatever the suitability column says.
                + Self.leaver("C2", inTouch: "NO", contact: "2025-02-01", accommodation: "S", activity: "G5")
                // The accommodation's full code, the in-touch in words, the date an Excel serial: 45383 is 1 April
                // 2024 (AnnexAValueTests), and 1 March 2025 is 334 days on (30+31+30+31+31+30+31+30+31+31+28).
                + Self.leaver(
                    "C3", inTouch: "Refused", contact: "45717", accommodation: "K1", activity: "0"))
        let report = try importing(scratch.path + "/lists", into: scratch, extracted: "2025-03-31")
        let events = try scratch.events()
        // Worked by hand, child by child, each in date order after its registration (dated on its earliest fact):
        // C1's review (1 March), its contact (10 March: YES, F1, U1, the letter U and digit 1 for suitable) and its
        // adviser PA-1, dated on the extract (31 March: Annex A gives who, not since when); C2's contact (1 February:
        // NO, G5, S2); C3's contact (1 March: REFU, activity 0, K1: the code itself, its suitability column not
        // needed).
        #expect(
            events.map(\.id.rawValue) == [
                "aa.C1.reg", "aa.C1.ppr.20250301", "aa.C1.clc.20250310", "aa.C1.pa.20250331", "aa.C2.reg",
                "aa.C2.clc.20250201", "aa.C3.reg", "aa.C3.clc.20250301",
            ])
        #expect(events[0].occurred == CalendarDate("2025-03-01"))
        #expect(events[3].occurred == CalendarDate("2025-03-31"))
        #expect(events[3].body == .personalAdviserAllocated(adviser: "PA-1"))
        #expect(
            events[2].body
                == .careLeaverContacted(
                    CareLeaverContacted(inTouch: .init("YES")!, activity: .init("F1")!, accommodation: .init("U1")!)))
        #expect(
            events[5].body
                == .careLeaverContacted(
                    CareLeaverContacted(inTouch: .init("NO")!, activity: .init("G5")!, accommodation: .init("S2")!)))
        #expect(
            events[7].body
                == .careLeaverContacted(
                    CareLeaverContacted(inTouch: .init("REFU")!, activity: .init("0")!, accommodation: .init("K1")!)))
        let table = report.tables[AnnexAImporter.tableOfList[9]!]
        #expect(table.name == "care leavers" && table.rows == 3 && table.new == 5)
        // Eligibility Category is worked out from the periods of care, not stored; UASC has no period to mark.
        #expect(
            report.notes.contains {
                $0.hasPrefix("list 9: 6 columns not imported") && $0.contains("Eligibility Category")
                    && $0.contains("Unaccompanied Asylum Seeking Child")
            })

        // The same list again appends nothing, the adviser included (the allocation already in force is stated again).
        let again = try importing(scratch.path + "/lists", into: scratch, extracted: "2025-03-31")
        #expect(again.append.appended == 0 && again.unchangedEvents == 8)
    }

    @Test func aLaterCareLeaversListCorrectsAndRetractsOnlyWhatItContradicts() throws {
        let scratch = Scratch()
        scratch.write(
            "one/list-09-care-leavers.csv",
            Self.careLeaversHeader
                + Self.leaver(
                    "C1", adviser: "PA-1", review: "01/03/2025", inTouch: "a) Yes", contact: "10/03/2025",
                    accommodation: "U: Independent living", suitable: "a) Suitable", activity: "F1"))
        // A month on: the 10 March contact's accommodation was unsuitable after all (U2), and a new review.
        scratch.write(
            "two/list-09-care-leavers.csv",
            Self.careLeaversHeader
                + Self.leaver(
                    "C1", adviser: "PA-1", review: "01/04/2025", inTouch: "a) Yes", contact: "10/03/2025",
                    accommodation: "U: Independent living", suitable: "b) Unsuitable", activity: "F1"))
        // Another month on: the latest contact is 5 March, so the one of 10 March did not happen; a new adviser.
        scratch.write(
            "three/list-09-care-leavers.csv",
            Self.careLeaversHeader
                + Self.leaver(
                    "C1", adviser: "PA-3", review: "01/04/2025", inTouch: "b) No", contact: "05/03/2025"))
        _ = try importing(scratch.path + "/one", into: scratch, extracted: "2025-03-31")

        let two = try importing(scratch.path + "/two", into: scratch, extracted: "2025-04-30")
        // The contact of 10 March is revised (U1 to U2): a correction. The 1 April review is new. The 1 March review
        // is not retracted: list 9 gives only the latest review, and one before it is not contradicted. PA-1 is the
        // adviser the log already has from 31 March: stated again, unchanged, with the registration.
        #expect(two.revisedEvents == 1 && two.newEvents == 1 && two.retractedEvents == 0 && two.unchangedEvents == 2)
        let afterTwo = try scratch.events()
        #expect(afterTwo.suffix(2).map { $0.corrects?.rawValue } == ["aa.C1.clc.20250310", nil])
        #expect(afterTwo.last!.id.rawValue == "aa.C1.ppr.20250401")

        let three = try importing(scratch.path + "/three", into: scratch, extracted: "2025-05-31")
        // The latest contact is now 5 March (new), so the contact of 10 March, after it, is retracted. PA-3 is a new
        // allocation, dated on this extract (31 May); PA-1's of 31 March stays, true until then. The 1 April review
        // and the registration are unchanged.
        #expect(
            three.newEvents == 2 && three.retractedEvents == 1 && three.revisedEvents == 0
                && three.unchangedEvents == 2)
        let last = try scratch.events().suffix(3)
        #expect(last.map(\.id.rawValue).prefix(2) == ["aa.C1.clc.20250305", "aa.C1.pa.20250531"])
        guard case .eventRetracted(let target, _) = last.last!.body else { Issue.record("no retraction"); return }
        #expect(target.rawValue.hasPrefix("aa.C1.clc.20250310~"))
    }

    @Test func adoptionsBecomeTheirSteps() throws {
        let scratch = Scratch()
        scratch.write(
            "lists/list-10-adoption.csv",
            Self.adoptionHeader
                + Self.adoption(
                    "C5", decided: "10/01/2024", placementOrder: "01/03/2024", matched: "01/05/2024",
                    placed: "01/06/2024", order: "01/12/2024")
                + Self.adoption(
                    "C6", decided: "2024-02-01", reversed: "15/07/2024",
                    reason: "RD3 - Prospective adopters could not be found"))
        let report = try importing(scratch.path + "/lists", into: scratch, extracted: "2024-12-31")
        let events = try scratch.events()
        // Worked by hand: C5's decision (10 January 2024) names the adoption `adoption-2024-01-10`, and its steps
        // carry the decision's date in their ids, each dated on its own: the placement order (1 March), placed
        // (1 June), the order (1 December). The match (1 May) is not imported: adoption.matched needs the adopters,
        // which Annex A does not give. Nor are the date care started and the FFA placement (list 8's facts). C6's
        // decision (1 February) and its reversal (15 July, RD3).
        #expect(
            events.map(\.id.rawValue) == [
                "aa.C5.reg", "aa.C5.ad.20240110", "aa.C5.apo.20240110", "aa.C5.apl.20240110", "aa.C5.aao.20240110",
                "aa.C6.reg", "aa.C6.ad.20240201", "aa.C6.adr.20240201",
            ])
        let id = AdoptionID("adoption-2024-01-10")
        #expect(
            events[1...4].map(\.body) == [
                .adoptionDecided(adoption: id), .placementOrderGranted(adoption: id),
                .adoptionPlaced(adoption: id, placement: nil), .adoptionOrderGranted(adoption: id),
            ])
        #expect(
            events[1...4].map(\.occurred)
                == ["2024-01-10", "2024-03-01", "2024-06-01", "2024-12-01"].map { CalendarDate($0)! })
        #expect(
            events[7].body
                == .adoptionDecisionReversed(adoption: AdoptionID("adoption-2024-02-01"), reason: .init("RD3")!))
        #expect(events[7].occurred == CalendarDate("2024-07-15"))
        #expect(
            report.notes.contains {
                $0.hasPrefix("list 10: 6 columns not imported") && $0.contains("Date of Matching")
                    && $0.contains("Date the Child Entered Care") && $0.contains("FFA")
            })
    }

    @Test func aLaterAdoptionListCorrectsAndRetractsItsSteps() throws {
        let scratch = Scratch()
        scratch.write(
            "one/list-10-adoption.csv",
            Self.adoptionHeader
                + Self.adoption("C5", decided: "10/01/2024", placementOrder: "01/03/2024", placed: "01/06/2024"))
        // A month on: the placement order was on 2 March, the placement is no longer given, and the order is new.
        scratch.write(
            "two/list-10-adoption.csv",
            Self.adoptionHeader
                + Self.adoption("C5", decided: "10/01/2024", placementOrder: "02/03/2024", order: "15/01/2025"))
        _ = try importing(scratch.path + "/one", into: scratch, extracted: "2024-12-31")
        let two = try importing(scratch.path + "/two", into: scratch, extracted: "2025-01-31")
        // The placement order's date is revised (a correction of apo), the placement is retracted (list 10 gives the
        // adoption without it), the order is new; the decision and the registration are unchanged.
        #expect(two.revisedEvents == 1 && two.retractedEvents == 1 && two.newEvents == 1 && two.unchangedEvents == 2)
        let last = try scratch.events().suffix(3)
        #expect(last.first!.corrects?.rawValue == "aa.C5.apo.20240110")
        #expect(last.first!.occurred == CalendarDate("2024-03-02"))
        #expect(last.map(\.id.rawValue).contains("aa.C5.aao.20240110"))
        guard let retraction = last.first(where: { $0.type == .eventRetracted }),
            case .eventRetracted(let target, _) = retraction.body
        else {
            Issue.record("no retraction")
            return
        }
        #expect(target == "aa.C5.apl.20240110")
    }

    @Test func anAdoptionNoLongerListedIsRetractedWithItsSteps() throws {
        let scratch = Scratch()
        scratch.write(
            "one/list-10-adoption.csv",
            Self.adoptionHeader + Self.adoption("C5", decided: "10/01/2024", placementOrder: "01/03/2024")
                + Self.adoption("C6", decided: "01/12/2023"))
        // The later list's decisions span 1 December 2023 to 1 February 2024, and C5's of 10 January is not among
        // them: its decision and its placement order are retracted (a step of a retracted adoption goes with it).
        // C6's decision is unchanged, C9's new, with the registrations (C5's stays: it is not list 10's to retract).
        scratch.write(
            "two/list-10-adoption.csv",
            Self.adoptionHeader + Self.adoption("C6", decided: "01/12/2023")
                + Self.adoption("C9", decided: "01/02/2024"))
        _ = try importing(scratch.path + "/one", into: scratch, extracted: "2024-12-31")
        let two = try importing(scratch.path + "/two", into: scratch, extracted: "2025-01-31")
        #expect(two.retractedEvents == 2 && two.newEvents == 2 && two.unchangedEvents == 2)
        let targets = try scratch.events().compactMap { event -> String? in
            guard case .eventRetracted(let target, _) = event.body else { return nil }
            return target.rawValue
        }
        #expect(Set(targets) == ["aa.C5.ad.20240110", "aa.C5.apo.20240110"])
    }

    /// A workbook with a value of list 9 and two rows of list 10 that cannot be read.
    @Test func unreadableCellsAreRejectedWithSheetRowAndColumn() throws {
        let scratch = Scratch()
        let path = scratch.path + "/annex-a.xlsx"
        try Workbook([
            Worksheet(
                name: "List 9 - Care leavers", headings: Self.careLeaversHeadings,
                rows: [
                    // 31 February is not a date: the contact cannot be dated, so its findings are left out too, and
                    // the accommodation's letter has no suitability. The row is kept: its adviser and review.
                    Self.cells(
                        Self.leaverRow(
                            "C4", adviser: "PA-2", review: "01/03/2025", inTouch: "a) Yes", contact: "31/02/2025",
                            accommodation: "U: Independent living", activity: "F1"))
                ]),
            Worksheet(
                name: "List 10 - Adoption", headings: Self.adoptionHeadings,
                rows: [
                    // A reversal without its reason: the adoption would read as standing, so the row is rejected.
                    Self.cells(Self.adoptionRow("C7", decided: "10/01/2024", reversed: "01/06/2024")),
                    // A decision that is not a date: the row names no adoption.
                    Self.cells(Self.adoptionRow("C8", decided: "soon")),
                ]),
        ]).write(to: path)
        // Without --skip-invalid nothing is appended; the messages name the sheet's row and column, not the child.
        do {
            _ = try importing(path, into: scratch, extracted: "2025-03-31")
            Issue.record("imported")
        } catch let error as ImportError {
            guard case .invalid(let problems, let total, _) = error else { Issue.record("\(error)"); return }
            // C4: the contact date (column 14) and the suitability (column 16); C7: the reason (column 15); C8: the
            // decision (column 9).
            #expect(total == 4)
            #expect(
                problems.map { "\($0.record) \($0.line) \($0.field ?? "")" } == [
                    "List 9 - Care leavers 2 column 14, Latest Date of Contact",
                    "List 9 - Care leavers 2 column 16, Suitability of Accommodation",
                    "List 10 - Adoption 2 column 15, Reason Why Child No Longer Placed for Adoption",
                    "List 10 - Adoption 3 column 9, Date of Decision that Child Should be Placed for Adoption",
                ])
            #expect(!error.description.contains("C4") && !error.description.contains("C7"))
        }
        #expect(try scratch.events().isEmpty)

        let rejected = scratch.path + "/rejected.csv"
        let report = try importing(path, into: scratch, extracted: "2025-03-31", skipInvalid: true, rejected: rejected)
        // C4's review and adviser are kept (one row, two values left out); list 10's two rows are rejected, and the
        // children registered from their readable opening columns.
        let leaversTable = report.tables[AnnexAImporter.tableOfList[9]!]
        #expect(leaversTable.rows == 1 && leaversTable.rejected == 0 && leaversTable.valuesRejected == 2)
        #expect(report.tables[AnnexAImporter.tableOfList[10]!].rejected == 2)
        #expect(
            try scratch.events().map(\.id.rawValue) == [
                "aa.C4.reg", "aa.C4.ppr.20250301", "aa.C4.pa.20250331", "aa.C7.reg", "aa.C8.reg",
            ])
        let text = try String(contentsOfFile: rejected, encoding: .utf8)
        #expect(
            text.contains(
                "annex-a.xlsx,2,List 9 - Care leavers,C4,\"column 14, Latest Date of Contact\",\"is not a date"))
        #expect(
            text.contains(
                "annex-a.xlsx,2,List 9 - Care leavers,C4,\"column 16, Suitability of Accommodation\",is missing: "
                    + "the accommodation's code needs whether it is suitable"))
        #expect(
            text.contains(
                "annex-a.xlsx,2,List 10 - Adoption,C7,\"column 15, Reason Why Child No Longer Placed for Adoption\","
                    + "is missing although the date of decision no longer placed is given"))
    }

    @Test func headingsAndValuesOfListsNineAndTen() {
        #expect(AnnexAColumn.matching("Allocated Personal Advisor", list: 9) == .personalAdviser)
        #expect(AnnexAColumn.matching("Latest Date of Contact", list: 9) == .leaverContactDate)
        // A council that writes list 1's heading in list 9 means the care leaver's contact.
        #expect(AnnexAColumn.matching("Date of Contact", list: 9) == .leaverContactDate)
        #expect(AnnexAColumn.matching("LA in touch", list: 9) == .inTouch)
        #expect(AnnexAColumn.matching("Eligibility Category", list: 9) == nil)
        #expect(
            AnnexAColumn.matching("Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over", list: 9)
                == nil)
        #expect(AnnexAColumn.matching("Date of Matching Child and Prospective Adopters", list: 10) == nil)
        #expect(AnnexAColumn.matching("Date the Child Entered Care", list: 10) == nil)
        #expect(
            AnnexAColumn.matching("Date of Decision that Child Should No Longer be Placed for Adoption", list: 10)
                == .decisionReversed)
        #expect(
            AnnexAColumn.matching("Date of Decision that Child Should be Placed for Adoption", list: 10)
                == .adoptionDecision)
        #expect(AnnexAValues.accommodationLetter("D: Semi-independent, transitional accommodation") == "D")
        #expect(AnnexAValues.accommodationLetter("Independent living") == "U")
        #expect(AnnexAValues.accommodationLetter("u") == "U")
        #expect(AnnexAValues.accommodationLetter("Q") == nil)
        #expect(AnnexAValues.isSuitable("a) Suitable") == true && AnnexAValues.isSuitable("Not suitable") == false)
        #expect(AnnexAValues.isSuitable("c) Unknown") == nil)
        for text in ["a) Yes", "YES", "y", "In touch"] {
            #expect(
                AnnexAValues.code(text, CareLeaverContactStatuses.self, words: AnnexAValues.inTouchWords)?.rawValue
                    == "YES")
        }
        #expect(
            AnnexAValues.code("f) Rhom", CareLeaverContactStatuses.self, words: AnnexAValues.inTouchWords)?.rawValue
                == "RHOM")
        #expect(
            AnnexAValues.code(
                "RD1 - The child’s needs changed subsequent to the decision", AdoptionReversalReasons.self)?.rawValue
                == "RD1")
    }
}
