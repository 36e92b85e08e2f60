import Foundation
import JourneyCore
import JourneyImport
import JourneyLog
import Testing

/// Overlapping years of SSDA903 returns give one history: hand-built returns for 2022-23 and 2023-24, and a
/// resubmission of 2023-24.
@Suite("SSDA903: several years of returns")
struct SSDA903YearsTests {
    /// 2022-23: C1 comes into care and moves on 1 February (still there on 31 March); C2's period ends in the year.
    func year2023(_ scratch: Scratch) -> [String] {
        [
            scratch.write(
                "2023/header.csv", "CHILD,SEX,DOB,ETHNIC,UPN\nC1,1,01/01/2012,WBRI,\nC2,2,01/01/2013,WIRI,\n"),
            scratch.write(
                "2023/episodes.csv",
                episodesHeader + "\n"
                    + "C1,01/05/2022,S,C2,N1,U4,PR1,01/02/2023,X1,CARPL,,AB1 2CD,SC1\n"
                    + "C1,01/02/2023,P,C2,N1,U6,PR4,,,,,EF3 4GH,SC2\n"
                    + "C2,01/06/2022,S,V2,N4,U6,PR1,01/03/2023,E13,,,,\n"),
            scratch.write("2023/reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2012,01/11/2022,PN1\n"),
        ]
    }

    /// 2023-24: C1's February episode again, now ceased (and its postcode revised), then a new placement.
    func year2024(_ scratch: Scratch, folder: String = "2024", keepJuly: Bool = true) -> [String] {
        let july = keepJuly ? "C1,01/07/2023,P,C2,N1,K2,PR4,,,,,GH5 6IJ,SC3\n" : ""
        let february =
            keepJuly
            ? "C1,01/02/2023,P,C2,N1,U6,PR4,01/07/2023,X1,CHILD,,EF3 4GJ,SC2\n"
            : "C1,01/02/2023,P,C2,N1,U6,PR4,,,,,EF3 4GJ,SC2\n"
        let review = keepJuly ? "C1,01/01/2012,01/08/2023,PN2\n" : ""
        return [
            scratch.write("\(folder)/header.csv", "CHILD,SEX,DOB,ETHNIC,UPN\nC1,1,01/01/2012,WBRI,\n"),
            scratch.write("\(folder)/episodes.csv", episodesHeader + "\n" + february + july),
            scratch.write("\(folder)/reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n" + review),
        ]
    }

    @Test func twoOverlappingYearsGiveOneHistory() throws {
        let scratch = Scratch()
        let first = try scratch.importSSDA903(year2023(scratch))
        #expect(first.source == "ssda903-2023" && first.append.appended == 10)
        let second = try scratch.importSSDA903(year2024(scratch))
        #expect(second.source == "ssda903-2024")
        let events = try scratch.events()
        let revision = try #require(events.first { $0.corrects != nil })
        #expect(
            lines(events, child: "C1") == [
                "2022-05-01 child.registered {birthDate:2012-01-01,sex:M,ethnicity:WBRI}",
                "2022-05-01 care.started {period:care-2022-05-01,legalStatus:C2,needCode:N1}",
                "2022-05-01 placement.started {placement:placement-2022-05-01,period:care-2022-05-01,"
                    + "placementType:U4,provider:PR1,postcode:AB1 2CD,urn:SC1}",
                "2022-11-01 care.reviewed {period:care-2022-05-01,participation:PN1}",
                "2023-02-01 placement.ended {placement:placement-2022-05-01,reason:CARPL}",
                "2023-02-01 placement.started {placement:placement-2023-02-01,period:care-2022-05-01,"
                    + "placementType:U6,provider:PR4,postcode:EF3 4GH,urn:SC2}",
                // 2023-24: the February placement again (only its postcode revised), its end, the next placement.
                "2023-02-01 placement.started {placement:placement-2023-02-01,period:care-2022-05-01,"
                    + "placementType:U6,provider:PR4,postcode:EF3 4GJ,urn:SC2} corrects 903.C1.ps.20230201",
                "2023-07-01 placement.ended {placement:placement-2023-02-01,reason:CHILD}",
                "2023-07-01 placement.started {placement:placement-2023-07-01,period:care-2022-05-01,"
                    + "placementType:K2,provider:PR4,postcode:GH5 6IJ,urn:SC3}",
                "2023-08-01 care.reviewed {period:care-2022-05-01,participation:PN2}",
            ])
        #expect(revision.source == "ssda903-2024" && revision.recorded == Timestamp("2024-03-31T23:59:59Z"))
        // Unchanged: C1's registration. The start of care, the first placement and its end are the 2022-23
        // return's: the 2023-24 one does not hold the episode they belong to, and leaves them be.
        #expect(second.unchangedEvents == 1)
        #expect(second.revisedEvents == 1 && second.retractedEvents == 0)
        // C2 is not in the 2023-24 return: its care ended before the year, so nothing of it is retracted.
        #expect(lines(events, child: "C2").count == 4)
    }

    @Test func importingAgainInAnyOrderAppendsNothing() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903(year2023(scratch))
        _ = try scratch.importSSDA903(year2024(scratch))
        let before = try scratch.events()
        #expect(try scratch.importSSDA903(year2024(scratch)).append.appended == 0)
        // The older return again: the facts the newer one revised are left as it has them.
        let older = try scratch.importSSDA903(year2023(scratch))
        #expect(older.append.appended == 0)
        #expect(older.tables.reduce(0) { $0 + $1.superseded } == 1)
        #expect(try scratch.events() == before)
    }

    @Test func whatALaterReturnDropsIsRetractedWithTheReturnNamed() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903(year2023(scratch))
        _ = try scratch.importSSDA903(year2024(scratch))
        // A resubmission of 2023-24 in which the July move (and the review after it) never happened.
        // (Its latest episode starts in 2022-23, so the year is given.)
        let report = try scratch.importSSDA903(
            year2024(scratch, folder: "2024b", keepJuly: false), year: "2023-24", recorded: "2024-06-30T12:00:00Z")
        #expect(report.retractedEvents == 3 && report.newEvents == 0 && report.revisedEvents == 0)
        let events = try scratch.events()
        let retractions = events.filter { $0.type == .eventRetracted }
        #expect(
            retractions.map(line) == [
                "2024-06-30 event.retracted {event:903.C1.pe.20230201,reason:not in the ssda903-2024 return}",
                "2024-06-30 event.retracted {event:903.C1.ps.20230701,reason:not in the ssda903-2024 return}",
                "2024-06-30 event.retracted {event:903.C1.rv.20230801,reason:not in the ssda903-2024 return}",
            ])
        #expect(
            retractions.allSatisfy { $0.source == "ssda903-2024" && $0.recorded == Timestamp("2024-06-30T12:00:00Z") })
        // And the July move restated later is appended again, correcting its retracted event.
        let restated = try scratch.importSSDA903(year2024(scratch, folder: "2024c"), recorded: "2024-07-31T12:00:00Z")
        #expect(restated.revisedEvents == 3 && restated.retractedEvents == 0)
    }

    @Test func aRevisedStartDateReplacesThePeriodItStarted() throws {
        let scratch = Scratch()
        let rows = [
            "C1,01/05/2023,S,C2,N1,U4,PR1,10/06/2023,X1,CARPL,,,\nC1,10/06/2023,P,C2,N1,U6,PR4,,,,,,\n",
            "C1,02/05/2023,S,C2,N1,U4,PR1,10/06/2023,X1,CARPL,,,\nC1,10/06/2023,P,C2,N1,U6,PR4,,,,,,\n",
        ]
        _ = try scratch.importSSDA903([scratch.write("a/episodes.csv", episodesHeader + "\n" + rows[0])])
        let report = try scratch.importSSDA903(
            [scratch.write("b/episodes.csv", episodesHeader + "\n" + rows[1])], recorded: "2024-06-30T12:00:00Z")
        // The period and its first placement are new facts (their ids are their dates); the end of that placement
        // too. The next placement is the same fact in another period: revised. The old three are retracted.
        #expect(report.newEvents == 3 && report.revisedEvents == 1 && report.retractedEvents == 3)
        #expect(
            lines(try scratch.events()).suffix(7) == [
                "2023-05-02 care.started {period:care-2023-05-02,legalStatus:C2,needCode:N1}",
                "2023-05-02 placement.started {placement:placement-2023-05-02,period:care-2023-05-02,"
                    + "placementType:U4,provider:PR1}",
                "2023-06-10 placement.ended {placement:placement-2023-05-02,reason:CARPL}",
                "2023-06-10 placement.started {placement:placement-2023-06-10,period:care-2023-05-02,"
                    + "placementType:U6,provider:PR4} corrects 903.C1.ps.20230610",
                "2024-06-30 event.retracted {event:903.C1.cs.20230501,reason:not in the ssda903-2024 return}",
                "2024-06-30 event.retracted {event:903.C1.ps.20230501,reason:not in the ssda903-2024 return}",
                "2024-06-30 event.retracted {event:903.C1.pe.20230501,reason:not in the ssda903-2024 return}",
            ])
    }

    @Test func aCorrectionMadeByHandIsNotUndoneByImportingTheSameReturnAgain() throws {
        let scratch = Scratch()
        let paths = year2023(scratch)
        _ = try scratch.importSSDA903(paths)
        let writer = try LogWriter.open(scratch.log)
        try writer.append([
            Event(
                id: "fix-1", child: "C1", occurred: CalendarDate("2022-11-02")!,
                recorded: Timestamp("2023-07-01T09:00:00Z")!,
                body: .careReviewed(period: "care-2022-05-01", participation: ReviewParticipation("PN1")),
                corrects: "903.C1.rv.20221101", source: "lcs")
        ])
        writer.close()
        let again = try scratch.importSSDA903(paths)
        // The corrected review was recorded after the return: it stands.
        #expect(again.append.appended == 0 && again.unchangedEvents == 9 && again.supersededEvents == 1)
    }
}
