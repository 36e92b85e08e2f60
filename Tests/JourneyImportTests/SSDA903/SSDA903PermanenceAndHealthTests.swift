import Foundation
import JourneyCore
import Testing

@testable import JourneyImport

/// The AD1, placed_for_adoption, previous_permanence, oc2, oc3, sw_episodes and DoLo tables, over a small return
/// made by hand (Fixtures/ssda903-small, collection year 2023-24) of three children:
///
/// - A1 (born 2016-06-15), in care from 2022-05-01 (a period the PrevPerm entry is dated on): a decision to place
///   for adoption on 2022-06-01 reversed on 2022-12-01 (RD1), and another on 2023-07-10, matched on 2023-11-20
///   with two adopters (MF, L11), the foster carer adopting; OC2: SDQ 12, immunisations, teeth and health
///   assessment 1, no substance misuse; social worker SW123 from 2022-05-01.
/// - H1 (born 2011-02-01), in care from 2021-03-01: OC2 SDQ5, convicted, immunisations 0, no teeth check, health
///   assessment 1, substance misuse with an intervention offered, not received; social workers SW7 from
///   2021-03-01 (a management decision, SW_REASON MANAGE) and SW8 from 2023-06-05; a DoLO from 2023-08-01 to
///   2024-01-15.
/// - L1 (born 2006-09-10), in care 2020-01-01 to 2023-09-01 (E13): PrevPerm Z1; OC3 in touch, F2, D1, on the 17th
///   birthday, 2023-09-10.
@Suite("SSDA903: permanence, leaving care and health tables")
struct SSDA903PermanenceAndHealthTests {
    static let folder = fixture("ssda903-small")
    static let team = "Children in care"

    static func table(_ name: String) -> String { folder + "/" + name + ".csv" }

    /// The header and episodes, and the tables named.
    static func tables(_ names: String...) -> [String] { (["header", "episodes"] + names).map(table) }

    static func text(_ name: String) throws -> String { try String(contentsOfFile: table(name), encoding: .utf8) }

    /// The events of the new types (not care, not registration), in the short form.
    static func newLines(_ events: [Event], child: String? = nil) -> [String] {
        let care: Set<String> = [
            "child.registered", "care.started", "placement.started", "care.ended", "event.retracted",
        ]
        return lines(events.filter { !care.contains($0.type.name) }, child: child)
    }

    /// Imports `paths` (2023-24), then the same again: the second appends nothing.
    func importTwice(_ scratch: Scratch, _ paths: [String], team: String? = nil) throws -> ImportReport {
        let first = try scratch.importSSDA903(paths, year: "2023-24", socialWorkerTeam: team)
        let again = try scratch.importSSDA903(paths, year: "2023-24", socialWorkerTeam: team)
        #expect(again.append.appended == 0 && again.newEvents == 0 && again.revisedEvents == 0)
        #expect(again.retractedEvents == 0 && again.unchangedEvents == first.eventsByType.values.reduce(0, +))
        return first
    }

    /// The rejected records' problems as `table line field: message [rule]`.
    static func problems(_ report: ImportReport) -> [String] {
        report.rejected.flatMap(\.problems).map {
            "\($0.record) \($0.line) \($0.field ?? "-"): \($0.message)" + ($0.rule.map { " [\($0)]" } ?? "")
        }
    }

    // MARK: AD1

    @Test func ad1GivesTheDecisionAndTheMatch() throws {
        let scratch = Scratch()
        let report = try importTwice(scratch, Self.tables("ad1"))
        #expect(report[table: "ad1"]?.events == [.adoptionDecided: 1, .adoptionMatched: 1])
        #expect(
            Self.newLines(try scratch.events()) == [
                "2023-07-10 adoption.decided {adoption:adoption-2023-07-10}",
                "2023-11-20 adoption.matched {adoption:adoption-2023-07-10,adopters:2,adoptersSex:MF,"
                    + "adoptersLegalStatus:L11,fosterCarerAdopting:true}",
            ])
    }

    @Test func aRevisedMatchIsACorrection() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903(Self.tables("ad1"), year: "2023-24")
        let revised = try Self.text("ad1").replacingOccurrences(of: "20/11/2023,1,2,MF", with: "21/11/2023,0,2,MF")
        let report = try scratch.importSSDA903(
            Self.tables() + [scratch.write("2024/ad1.csv", revised)], year: "2023-24")
        #expect(report.revisedEvents == 1 && report.newEvents == 0 && report.retractedEvents == 0)
        #expect(
            Self.newLines(try scratch.events()).last
                == "2023-11-21 adoption.matched {adoption:adoption-2023-07-10,adopters:2,adoptersSex:MF,"
                + "adoptersLegalStatus:L11} corrects 903.A1.am.20230710")
    }

    @Test func aBadAD1RowIsRejectedAndABadMatchLeftOut() throws {
        let scratch = Scratch()
        let ad1 = try Self.text("ad1") + "H1,01/02/2011,31/02/2023,,,,,\n"
        let bad = ad1.replacingOccurrences(of: "2,MF,L11", with: "3,MF,L11")
        let report = try scratch.importSSDA903(
            Self.tables() + [scratch.write("ad1.csv", bad)], year: "2023-24", skipInvalid: true)
        #expect(
            Self.problems(report) == [
                "ad1 2 NB_ADOPTR: \"3\" is not a number of adopters (1 or 2); the value is left out, the decision "
                    + "(DATE_INT) without the match is imported [903 175]",
                "ad1 3 DATE_INT: is not a date (dd/mm/yyyy) [903 112]",
            ])
        let events = try scratch.events()
        #expect(Self.newLines(events) == ["2023-07-10 adoption.decided {adoption:adoption-2023-07-10}"])
        // The rest of H1 is kept.
        #expect(lines(events, child: "H1").count == 3)
    }

    // MARK: PlacedAdoption

    @Test func placedForAdoptionGivesDecisionsAndReversals() throws {
        let scratch = Scratch()
        _ = try importTwice(scratch, Self.tables("placed_for_adoption"))
        #expect(
            Self.newLines(try scratch.events()) == [
                "2022-06-01 adoption.decided {adoption:adoption-2022-06-01}",
                "2022-12-01 adoption.decision-reversed {adoption:adoption-2022-06-01,reason:RD1}",
                "2023-07-10 adoption.decided {adoption:adoption-2023-07-10}",
            ])
    }

    @Test func anAD1RowAndAPlacedAdoptionRowOfOneDateAreOneAdoption() throws {
        let scratch = Scratch()
        let report = try importTwice(scratch, Self.tables("ad1", "placed_for_adoption"))
        #expect(report.eventsByType[.adoptionDecided] == 2)
        #expect(
            Self.newLines(try scratch.events()).filter { $0.contains("adoption-2023-07-10") } == [
                "2023-07-10 adoption.decided {adoption:adoption-2023-07-10}",
                "2023-11-20 adoption.matched {adoption:adoption-2023-07-10,adopters:2,adoptersSex:MF,"
                    + "adoptersLegalStatus:L11,fosterCarerAdopting:true}",
            ])
    }

    @Test func aRevisedReversalIsACorrection() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903(Self.tables("placed_for_adoption"), year: "2023-24")
        let revised = try Self.text("placed_for_adoption").replacingOccurrences(of: "RD1", with: "RD4")
        let report = try scratch.importSSDA903(
            Self.tables() + [scratch.write("2024/placed.csv", revised)], year: "2023-24")
        #expect(report.revisedEvents == 1 && report.newEvents == 0)
        #expect(
            Self.newLines(try scratch.events()).last
                == "2022-12-01 adoption.decision-reversed {adoption:adoption-2022-06-01,reason:RD4} corrects "
                + "903.A1.ar.20220601")
    }

    @Test func aReversalWithoutItsReasonIsRejectedByRule119() throws {
        let scratch = Scratch()
        let bad = try Self.text("placed_for_adoption").replacingOccurrences(of: ",RD1", with: ",")
        let report = try scratch.importSSDA903(
            Self.tables() + [scratch.write("placed.csv", bad)], year: "2023-24", skipInvalid: true)
        #expect(
            Self.problems(report) == [
                "placed_for_adoption 3 REASON_PLACED_CEASED: is missing although DATE_PLACED_CEASED is given: a "
                    + "reversed decision needs its date and its reason [903 119]"
            ])
        // The child's other decision, and care, are kept.
        #expect(Self.newLines(try scratch.events()) == ["2023-07-10 adoption.decided {adoption:adoption-2023-07-10}"])
    }

    /// The sample's deliberately broken variant: every REASON_PLACED_CEASED is `XXX`, and 988635 has two rows.
    @Test func theBrokenPlacedForAdoptionVariantIsRejected() throws {
        let scratch = Scratch()
        let file = fixture("ssda903-variants/placed_for_adoption_errors.csv")
        #expect(throws: ImportError.self) { try scratch.importSSDA903([file], year: "2017-18") }
        let report = try scratch.importSSDA903([file], year: "2017-18", skipInvalid: true)
        // 30 rows (`wc -l` less the header), each with REASON_PLACED_CEASED "XXX".
        #expect(report[table: "placed_for_adoption"]?.rejected == 30)
        #expect(report.rejected.allSatisfy { $0.problems.map(\.rule) == ["903 120"] })
        #expect(try scratch.events().isEmpty)
    }

    // MARK: PrevPerm

    @Test func previousPermanenceIsDatedOnTheEarliestPeriodOfCare() throws {
        let scratch = Scratch()
        _ = try importTwice(scratch, Self.tables("previous_permanence"))
        #expect(
            Self.newLines(try scratch.events()) == [
                "2022-05-01 previous-permanence.recorded {kind:P2,la:867,orderDate:ZZ/ZZ/2019}",
                "2020-01-01 previous-permanence.recorded {kind:Z1}",
            ])
    }

    @Test func previousPermanenceOfAChildWithoutEpisodesIsDatedOnTheYearsStart() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903([Self.table("previous_permanence")], year: "2023-24")
        #expect(
            Self.newLines(try scratch.events()) == [
                "2023-04-01 previous-permanence.recorded {kind:P2,la:867,orderDate:ZZ/ZZ/2019}",
                "2023-04-01 previous-permanence.recorded {kind:Z1}",
            ])
    }

    /// The entry above is dated by the importer, not by the return, so it does not date the child's registration:
    /// with no episodes, the registration is the earliest date the return gives, OC2's 2024-03-31 (A1, H1), not the
    /// 2023-04-01 the entry is dated on.
    @Test func aPreviousPermanenceDatedByTheImporterDoesNotDateTheRegistration() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903(
            ["header", "previous_permanence", "oc2"].map(Self.table), year: "2023-24")
        // L1 has no OC2 row: nothing in the return dates it, so it takes the year's first day, as any such child.
        let registrations = try scratch.events().filter { $0.type == .childRegistered }
            .map { "\($0.child) \($0.occurred)" }.sorted()
        #expect(registrations == ["A1 2024-03-31", "H1 2024-03-31", "L1 2023-04-01"])
    }

    @Test func aRevisedOrBadPreviousPermanence() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903(Self.tables("previous_permanence"), year: "2023-24")
        let revised = try Self.text("previous_permanence").replacingOccurrences(of: "P2,867", with: "P3,867")
            .replacingOccurrences(of: "Z1", with: "P9")
        let report = try scratch.importSSDA903(
            Self.tables() + [scratch.write("2024/prev.csv", revised)], year: "2023-24", skipInvalid: true)
        #expect(report.revisedEvents == 1 && report.retractedEvents == 0)
        #expect(
            Self.problems(report) == [
                "previous_permanence 3 PREV_PERM: \"P9\" is not a previous permanence code (PREV_PERM) (allowed: "
                    + "P1, P2, P3, P4, Z1) [903 631]"
            ])
        #expect(
            Self.newLines(try scratch.events()).last
                == "2022-05-01 previous-permanence.recorded {kind:P3,la:867,orderDate:ZZ/ZZ/2019} corrects "
                + "903.A1.pp.20220501")
    }

    // MARK: OC2

    @Test func oc2ItemsAreEventsOnTheYearsLastDay() throws {
        let scratch = Scratch()
        _ = try importTwice(scratch, Self.tables("oc2"))
        let events = try scratch.events()
        #expect(
            Self.newLines(events, child: "A1") == [
                "2024-03-31 health-assessment.completed {}", "2024-03-31 dental-check.completed {}",
                "2024-03-31 immunisations.recorded {upToDate:true}", "2024-03-31 sdq.recorded {score:12}",
            ])
        #expect(
            Self.newLines(events, child: "H1") == [
                "2024-03-31 health-assessment.completed {}", "2024-03-31 immunisations.recorded {upToDate:false}",
                "2024-03-31 sdq.recorded {reasonNotTaken:SDQ5}", "2024-03-31 conviction.recorded {}",
                "2024-03-31 substance-misuse.identified {interventionOffered:true,interventionReceived:false}",
            ])
    }

    @Test func aRevisedOC2RowCorrectsAndRetracts() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903(Self.tables("oc2"), year: "2023-24")
        // A1's SDQ score 12 becomes 14; H1's health assessment 1 becomes 0, and HEALTH_CHECK 1 is new.
        let revised = try Self.text("oc2").replacingOccurrences(of: "A1,15/06/2016,12,", with: "A1,15/06/2016,14,")
            .replacingOccurrences(of: "SDQ5,1,,0,0,1,1", with: "SDQ5,1,1,0,0,0,1")
        let report = try scratch.importSSDA903(
            Self.tables() + [scratch.write("2024/oc2.csv", revised)], year: "2023-24")
        #expect(report.revisedEvents == 1 && report.retractedEvents == 1 && report.newEvents == 1)
        let events = try scratch.events()
        #expect(
            lines(Array(events.suffix(3))) == [
                "2024-03-31 sdq.recorded {score:14} corrects 903.A1.sq.20240331",
                "2024-03-31 health-surveillance.recorded {upToDate:true}",
                "2024-03-31 event.retracted {event:903.H1.ha.20240331,reason:not in the ssda903-2024 return}",
            ])
    }

    @Test func aBadOC2ItemIsLeftOutAndTheOthersKept() throws {
        let scratch = Scratch()
        // A1 gives both an SDQ score and a reason (903 197a); H1 a TEETH_CHECK of 2 (903 181).
        let bad = try Self.text("oc2").replacingOccurrences(of: "A1,15/06/2016,12,", with: "A1,15/06/2016,12,SDQ1")
            .replacingOccurrences(of: "SDQ5,1,,0,0,1", with: "SDQ5,1,,0,2,1")
        let report = try scratch.importSSDA903(
            Self.tables() + [scratch.write("oc2.csv", bad)], year: "2023-24", skipInvalid: true)
        #expect(
            Self.problems(report) == [
                "oc2 2 SDQ_REASON: is given with SDQ_SCORE: an SDQ is a score or the reason there is none, not "
                    + "both; the value is left out, the row's other items is imported [903 197a]",
                "oc2 3 TEETH_CHECK: \"2\" is not 0 or 1; the value is left out, the row's other items is imported "
                    + "[903 181]",
            ])
        let events = try scratch.events()
        #expect(!Self.newLines(events, child: "A1").contains { $0.contains("sdq") })
        #expect(Self.newLines(events, child: "A1").count == 3)
        #expect(Self.newLines(events, child: "H1").count == 5)
    }

    // MARK: OC3

    @Test func oc3IsAContactOnTheBirthdayInTheYear() throws {
        let scratch = Scratch()
        _ = try importTwice(scratch, Self.tables("oc3"))
        #expect(
            Self.newLines(try scratch.events())
                == ["2023-09-10 care-leaver.contacted {inTouch:YES,activity:F2,accommodation:D1}"])
    }

    @Test func theBirthdayInTheYear() {
        let year = CollectionYear("2023-24")!
        func birthday(_ text: String) -> String? {
            SSDA903ChildRows.birthday(of: CalendarDate(text)!, in: year).map(\.description)
        }
        #expect(birthday("2006-09-10") == "2023-09-10")
        #expect(birthday("2006-04-01") == "2023-04-01")
        #expect(birthday("2006-03-31") == "2024-03-31")
        // 29 February: 2024 is a leap year; in other years it is 28 February.
        #expect(birthday("2004-02-29") == "2024-02-29")
        #expect(
            SSDA903ChildRows.birthday(of: CalendarDate("2004-02-29")!, in: CollectionYear("2022-23")!)
                == CalendarDate("2023-02-28"))
        #expect(birthday("2024-04-01") == nil)
    }

    @Test func aRevisedOrBadOC3Row() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903(Self.tables("oc3"), year: "2023-24")
        // L1's accommodation D1 becomes D2, and its DOB is left to the header. H1 says MAYBE (903 131); A1 has
        // an unreadable DOB, so the header's is used.
        let revised =
            try Self.text("oc3").replacingOccurrences(of: "L1,10/09/2006,YES,F2,D1", with: "L1,,YES,F2,D2")
            + "H1,01/02/2011,MAYBE,0,0\nA1,31/31/2016,NO,0,0\n"
        let report = try scratch.importSSDA903(
            Self.tables() + [scratch.write("2024/oc3.csv", revised)], year: "2023-24", skipInvalid: true)
        #expect(report.revisedEvents == 1 && report.newEvents == 1)
        #expect(
            Self.problems(report) == [
                "oc3 3 IN_TOUCH: \"MAYBE\" is not an in-touch code (IN_TOUCH) (allowed: YES, NO, DIED, REFU, NREQ, "
                    + "RHOM) [903 131]",
                "oc3 4 DOB: is not a date (dd/mm/yyyy); the value is left out, the contact is imported [903 102]",
            ])
        // The second import appends by child: A1's contact (on the header DOB's birthday), then L1's correction.
        #expect(
            Self.newLines(try scratch.events()) == [
                "2023-09-10 care-leaver.contacted {inTouch:YES,activity:F2,accommodation:D1}",
                "2023-06-15 care-leaver.contacted {inTouch:NO,activity:0,accommodation:0}",
                "2023-09-10 care-leaver.contacted {inTouch:YES,activity:F2,accommodation:D2} corrects "
                    + "903.L1.cl.20230910",
            ])
    }

    @Test func anOC3RowWithNoBirthDateIsRejected() throws {
        let scratch = Scratch()
        let report = try scratch.importSSDA903(
            [scratch.write("oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nX1,,YES,F2,D1\n")], year: "2023-24",
            skipInvalid: true)
        #expect(
            Self.problems(report) == [
                "oc3 2 DOB: is missing in the row and the child's header: the contact is dated on the birthday in "
                    + "the collection year"
            ])
        #expect(report[table: "oc3"]?.rejected == 1)
        #expect(try scratch.events().isEmpty)
    }

    // MARK: Social worker episodes

    @Test func socialWorkerEpisodesNeedATeam() throws {
        let scratch = Scratch()
        let skipped = try scratch.importSSDA903(Self.tables("sw_episodes"), year: "2023-24")
        #expect(
            skipped.skipped == [
                "sw_episodes.csv (3 rows): worker.allocated needs a team, which the table does not give: name one "
                    + "with --social-worker-team"
            ])
        #expect(skipped[table: "sw_episodes"] == nil)
        #expect(Self.newLines(try scratch.events()).isEmpty)
        _ = try importTwice(scratch, Self.tables("sw_episodes"), team: Self.team)
        #expect(
            Self.newLines(try scratch.events()) == [
                "2022-05-01 worker.allocated {team:Children in care,worker:SW123}",
                "2021-03-01 worker.allocated {team:Children in care,worker:SW7}",
                // H1's first row gives SW_REASON MANAGE; the others none.
                "2021-03-01 worker-change.recorded {reason:MANAGE}",
                "2023-06-05 worker.allocated {team:Children in care,worker:SW8}",
            ])
    }

    @Test func aRevisedOrBadSocialWorkerEpisode() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903(Self.tables("sw_episodes"), year: "2023-24", socialWorkerTeam: Self.team)
        let revised = try Self.text("sw_episodes").replacingOccurrences(of: "SW8", with: "SW9")
            .replacingOccurrences(of: "01/05/2022", with: "1 May 2022")
        let report = try scratch.importSSDA903(
            Self.tables() + [scratch.write("2024/sw.csv", revised)], year: "2023-24", skipInvalid: true,
            socialWorkerTeam: Self.team)
        #expect(report.revisedEvents == 1 && report.retractedEvents == 0)
        #expect(Self.problems(report) == ["sw_episodes 2 SW_DECOM: is not a date (dd/mm/yyyy) [903 SW04STG1]"])
        #expect(
            Self.newLines(try scratch.events()).last
                == "2023-06-05 worker.allocated {team:Children in care,worker:SW9} corrects 903.H1.sw.20230605")
    }

    // MARK: DoLO

    @Test func doloGivesTheOrdersStartAndEnd() throws {
        let scratch = Scratch()
        _ = try importTwice(scratch, Self.tables("DoLo"))
        #expect(
            Self.newLines(try scratch.events()) == [
                "2023-08-01 deprivation-of-liberty.started {order:dolo-2023-08-01}",
                "2024-01-15 deprivation-of-liberty.ended {order:dolo-2023-08-01}",
            ])
    }

    @Test func aRevisedOrBadDoLO() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903(Self.tables("DoLo"), year: "2023-24")
        let revised =
            try Self.text("DoLo").replacingOccurrences(of: "15/01/2024", with: "16/01/2024")
            + "A1,15/06/2016,01/04/2024,\nL1,10/09/2006,01/06/2023,01/05/2023\n"
        let report = try scratch.importSSDA903(
            Self.tables() + [scratch.write("2024/dolo.csv", revised)], year: "2023-24", skipInvalid: true)
        #expect(report.revisedEvents == 1 && report.newEvents == 0)
        #expect(
            Self.problems(report) == [
                "DoLo 4 DOLO_END: is before DOLO_START [903 702]",
                "DoLo 3 DOLO_START: is after the end of the collection year [903 703]",
            ])
        #expect(
            Self.newLines(try scratch.events()).last
                == "2024-01-16 deprivation-of-liberty.ended {order:dolo-2023-08-01} corrects 903.H1.dle.20230801")
    }

    // MARK: The whole return

    @Test func everyTableOfTheSmallReturn() throws {
        let scratch = Scratch()
        let report = try importTwice(scratch, [Self.folder], team: Self.team)
        #expect(
            report.tables.map(\.name) == [
                "header", "episodes", "reviews", "missing", "uasc", "ad1", "placed_for_adoption", "previous_permanence",
                "oc2", "oc3", "sw_episodes", "DoLo",
            ])
        #expect(report.rejected.isEmpty && report.skipped.isEmpty)
        let events = try scratch.events()
        // 31 of the tables before, and H1's SW_REASON.
        #expect(events.count == 32)
        #expect(
            lines(events, child: "A1") == [
                "2022-05-01 child.registered {birthDate:2016-06-15,sex:M,ethnicity:WBRI}",
                "2022-05-01 care.started {period:care-2022-05-01,legalStatus:C2,needCode:N1}",
                "2022-05-01 placement.started {placement:placement-2022-05-01,period:care-2022-05-01,"
                    + "placementType:U4,provider:PR1}",
                "2022-05-01 previous-permanence.recorded {kind:P2,la:867,orderDate:ZZ/ZZ/2019}",
                "2022-05-01 worker.allocated {team:Children in care,worker:SW123}",
                "2022-06-01 adoption.decided {adoption:adoption-2022-06-01}",
                "2022-12-01 adoption.decision-reversed {adoption:adoption-2022-06-01,reason:RD1}",
                "2023-07-10 adoption.decided {adoption:adoption-2023-07-10}",
                "2023-11-20 adoption.matched {adoption:adoption-2023-07-10,adopters:2,adoptersSex:MF,"
                    + "adoptersLegalStatus:L11,fosterCarerAdopting:true}",
                "2024-03-31 health-assessment.completed {}", "2024-03-31 dental-check.completed {}",
                "2024-03-31 immunisations.recorded {upToDate:true}", "2024-03-31 sdq.recorded {score:12}",
            ])
        #expect(
            lines(events, child: "L1") == [
                "2020-01-01 child.registered {birthDate:2006-09-10,sex:F,ethnicity:WBRI}",
                "2020-01-01 care.started {period:care-2020-01-01,legalStatus:C2,needCode:N1}",
                "2020-01-01 placement.started {placement:placement-2020-01-01,period:care-2020-01-01,"
                    + "placementType:U6,provider:PR1}",
                "2020-01-01 previous-permanence.recorded {kind:Z1}",
                "2023-09-01 care.ended {period:care-2020-01-01,reason:E13}",
                "2023-09-10 care-leaver.contacted {inTouch:YES,activity:F2,accommodation:D1}",
            ])
        #expect(lines(events, child: "H1").count == 13)
        #expect(events.allSatisfy { $0.source == "ssda903-2024" && $0.recorded == Timestamp("2024-03-31T23:59:59Z") })
    }
}
