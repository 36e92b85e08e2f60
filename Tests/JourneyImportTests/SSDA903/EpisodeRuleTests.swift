import Foundation
import JourneyCore
import JourneyImport
import Testing

/// Hand-built returns, one per episode rule of the SSDA903 guidance, with the events expected written out by hand.
/// Collection year 2023-24 throughout.
@Suite("SSDA903: episode rules")
struct EpisodeRuleTests {
    func events(_ episodeRows: String, header: String? = nil, more: [String: String] = [:]) throws -> [String] {
        let scratch = Scratch()
        var paths = [scratch.write("episodes.csv", episodesHeader + "\n" + episodeRows + "\n")]
        if let header { paths.append(scratch.write("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + header)) }
        for (name, text) in more { paths.append(scratch.write(name, text)) }
        _ = try scratch.importSSDA903(paths, year: "2023-24")
        return lines(try scratch.events())
    }

    @Test func rneSStartsAPeriodAndPMovesPlacementAndRECEndsIt() throws {
        let events = try events(
            """
            C1,01/05/2023,S,C2,N1,U4,PR1,10/06/2023,X1,CARPL,,AB1 2CD,SC100001
            C1,10/06/2023,P,C2,N1,U6,PR4,20/01/2024,E11,,,EF3 4GH,SC100002
            """)
        #expect(
            events == [
                "2023-05-01 care.started {period:care-2023-05-01,legalStatus:C2,needCode:N1}",
                "2023-05-01 placement.started {placement:placement-2023-05-01,period:care-2023-05-01,"
                    + "placementType:U4,provider:PR1,postcode:AB1 2CD,urn:SC100001}",
                "2023-06-10 placement.ended {placement:placement-2023-05-01,reason:CARPL}",
                "2023-06-10 placement.started {placement:placement-2023-06-10,period:care-2023-05-01,"
                    + "placementType:U6,provider:PR4,postcode:EF3 4GH,urn:SC100002}",
                "2024-01-20 care.ended {period:care-2023-05-01,reason:E11}",
            ])
    }

    @Test func rneLChangesTheLegalStatusOnlyBAlsoThePlacementTAndUKeepTheCarer() throws {
        // The reason for the change of placement is the one on the episode that ends with it.
        let events = try events(
            """
            C2,01/05/2023,S,V2,N4,U6,PR1,01/06/2023,X1,,,,
            C2,01/06/2023,L,C1,N4,U6,PR1,01/07/2023,X1,CHILD,,,
            C2,01/07/2023,B,C2,N4,K2,PR4,01/08/2023,X1,CARPL,,,
            C2,01/08/2023,T,C2,N4,U5,PR4,01/09/2023,X1,OTHER,,,
            C2,01/09/2023,U,E1,N4,A6,PR4,,,,,,
            """)
        #expect(
            events == [
                "2023-05-01 care.started {period:care-2023-05-01,legalStatus:V2,needCode:N4}",
                "2023-05-01 placement.started {placement:placement-2023-05-01,period:care-2023-05-01,"
                    + "placementType:U6,provider:PR1}",
                "2023-06-01 legal-status.changed {period:care-2023-05-01,legalStatus:C1}",
                "2023-07-01 legal-status.changed {period:care-2023-05-01,legalStatus:C2}",
                "2023-07-01 placement.ended {placement:placement-2023-05-01,reason:CHILD}",
                "2023-07-01 placement.started {placement:placement-2023-07-01,period:care-2023-05-01,"
                    + "placementType:K2,provider:PR4}",
                "2023-08-01 placement.ended {placement:placement-2023-07-01,reason:CARPL}",
                "2023-08-01 placement.started {placement:placement-2023-08-01,period:care-2023-05-01,"
                    + "placementType:U5,provider:PR4,sameCarer:true}",
                "2023-09-01 legal-status.changed {period:care-2023-05-01,legalStatus:E1}",
                "2023-09-01 placement.ended {placement:placement-2023-08-01,reason:OTHER}",
                "2023-09-01 placement.started {placement:placement-2023-09-01,period:care-2023-05-01,"
                    + "placementType:A6,provider:PR4,sameCarer:true}",
            ])
    }

    @Test func aTemporaryPlacementInterruptsThePlacementBeforeItWithoutEndingIt() throws {
        // U4 → T2 (holiday) → back to the same U4: the return is not a new placement. Then T1 (hospital) → K2:
        // the child does not go back, so the hospital stay and the interrupted U4 both end.
        let events = try events(
            """
            C3,01/05/2023,S,C2,N1,U4,PR1,01/08/2023,X1,,,AB1 2CD,SC1
            C3,01/08/2023,P,C2,N1,T2,PR1,15/08/2023,X1,,,,
            C3,15/08/2023,P,C2,N1,U4,PR1,01/11/2023,X1,,,AB1 2CD,SC1
            C3,01/11/2023,P,C2,N1,T1,PR3,10/11/2023,X1,STAND,,,
            C3,10/11/2023,P,C2,N1,K2,PR4,,,,,CD5 6EF,SC2
            """)
        #expect(
            events == [
                "2023-05-01 care.started {period:care-2023-05-01,legalStatus:C2,needCode:N1}",
                "2023-05-01 placement.started {placement:placement-2023-05-01,period:care-2023-05-01,"
                    + "placementType:U4,provider:PR1,postcode:AB1 2CD,urn:SC1}",
                "2023-08-01 placement.started {placement:placement-2023-08-01,period:care-2023-05-01,"
                    + "placementType:T2,provider:PR1}",
                "2023-08-15 placement.ended {placement:placement-2023-08-01}",
                "2023-11-01 placement.started {placement:placement-2023-11-01,period:care-2023-05-01,"
                    + "placementType:T1,provider:PR3}",
                "2023-11-10 placement.ended {placement:placement-2023-11-01,reason:STAND}",
                "2023-11-10 placement.ended {placement:placement-2023-05-01,reason:STAND}",
                "2023-11-10 placement.started {placement:placement-2023-11-10,period:care-2023-05-01,"
                    + "placementType:K2,provider:PR4,postcode:CD5 6EF,urn:SC2}",
            ])
    }

    @Test func recX1CarriesThePeriodOnAndX1ThenSEndsItWithX1() throws {
        // A gap between DEC and the next DECOM: the placement ends on the DEC, the next starts on its DECOM.
        let events = try events(
            """
            C4,01/05/2023,S,C2,N1,U4,PR1,01/06/2023,X1,CARPL,,,
            C4,03/06/2023,P,C2,N1,U6,PR1,01/07/2023,X1,,,,
            C4,01/07/2023,S,C2,N1,K2,PR4,,,,,,
            """)
        #expect(
            events == [
                "2023-05-01 care.started {period:care-2023-05-01,legalStatus:C2,needCode:N1}",
                "2023-05-01 placement.started {placement:placement-2023-05-01,period:care-2023-05-01,"
                    + "placementType:U4,provider:PR1}",
                "2023-06-01 placement.ended {placement:placement-2023-05-01,reason:CARPL}",
                "2023-06-03 placement.started {placement:placement-2023-06-03,period:care-2023-05-01,"
                    + "placementType:U6,provider:PR1}",
                "2023-07-01 care.ended {period:care-2023-05-01,reason:X1}",
                "2023-07-01 care.started {period:care-2023-07-01,legalStatus:C2,needCode:N1}",
                "2023-07-01 placement.started {placement:placement-2023-07-01,period:care-2023-07-01,"
                    + "placementType:K2,provider:PR4}",
            ])
    }

    @Test func aShortBreakChildKeepsThatLegalStatusThroughout() throws {
        // V4: one agreement, whose placements change with no change of legal status. V3: each short break is a
        // period of its own.
        let events = try events(
            """
            C5,01/04/2023,S,V4,N2,R1,PR1,01/10/2023,X1,CARPL,,,
            C5,01/10/2023,P,V4,N2,U6,PR1,,,,,,
            C6,04/05/2023,S,V3,N2,R1,PR1,06/05/2023,E13,,,,
            C6,01/06/2023,S,V3,N2,R1,PR1,03/06/2023,E13,,,,
            """)
        #expect(
            events == [
                "2023-04-01 care.started {period:care-2023-04-01,legalStatus:V4,needCode:N2}",
                "2023-04-01 placement.started {placement:placement-2023-04-01,period:care-2023-04-01,"
                    + "placementType:R1,provider:PR1}",
                "2023-10-01 placement.ended {placement:placement-2023-04-01,reason:CARPL}",
                "2023-10-01 placement.started {placement:placement-2023-10-01,period:care-2023-04-01,"
                    + "placementType:U6,provider:PR1}",
                "2023-05-04 care.started {period:care-2023-05-04,legalStatus:V3,needCode:N2}",
                "2023-05-04 placement.started {placement:placement-2023-05-04,period:care-2023-05-04,"
                    + "placementType:R1,provider:PR1}",
                "2023-05-06 care.ended {period:care-2023-05-04,reason:E13}",
                "2023-06-01 care.started {period:care-2023-06-01,legalStatus:V3,needCode:N2}",
                "2023-06-01 placement.started {placement:placement-2023-06-01,period:care-2023-06-01,"
                    + "placementType:R1,provider:PR1}",
                "2023-06-03 care.ended {period:care-2023-06-01,reason:E13}",
            ])
        #expect(!events.contains { $0.contains("legal-status.changed") })
    }

    @Test func aPeriodThatBeganBeforeTheReturnStartsAtItsFirstEpisode() throws {
        // RNE T on the first episode: the period's start is not in the return (nor in the log), so it starts
        // there, and its first placement keeps the same carer as the return says.
        let events = try events(
            """
            C7,15/02/2022,T,C2,N3,U4,PR1,14/08/2023,X1,,,,
            C7,14/08/2023,L,E1,N3,U4,PR1,,,,,,
            """)
        #expect(
            events == [
                "2022-02-15 care.started {period:care-2022-02-15,legalStatus:C2,needCode:N3}",
                "2022-02-15 placement.started {placement:placement-2022-02-15,period:care-2022-02-15,"
                    + "placementType:U4,provider:PR1,sameCarer:true}",
                "2023-08-14 legal-status.changed {period:care-2022-02-15,legalStatus:E1}",
            ])
    }

    @Test func headerRowsRegisterTheChildOnTheFirstDateKnown() throws {
        let events = try events(
            "C8,01/05/2023,S,C2,N1,U4,PR1,,,,,,",
            header: "C8,1,27/03/2015,WBRI,A123456789012,,\nC9,2,02/01/2011,BAFR,UN2,,\n")
        #expect(
            events == [
                "2023-05-01 child.registered {birthDate:2015-03-27,sex:M,ethnicity:WBRI,upn:A123456789012}",
                "2023-05-01 care.started {period:care-2023-05-01,legalStatus:C2,needCode:N1}",
                "2023-05-01 placement.started {placement:placement-2023-05-01,period:care-2023-05-01,"
                    + "placementType:U4,provider:PR1}",
                // A child with no episode in the return: first known at the start of the collection year.
                "2023-04-01 child.registered {birthDate:2011-01-02,sex:F,ethnicity:BAFR}",
            ])
    }

    @Test func reviewsNameTheirPeriodAndMissingEpisodesTheirKind() throws {
        let events = try events(
            "C10,01/05/2023,S,C2,N1,U4,PR1,,,,,,",
            more: [
                "reviews.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\nC10,01/01/2010,01/06/2023,PN1\n",
                "missing.csv":
                    "CHILD,DOB,MISSING,MIS_START,MIS_END\nC10,01/01/2010,M,03/06/2023,05/06/2023\n"
                    + "C10,01/01/2010,A,07/07/2023,\n",
            ])
        #expect(
            events == [
                "2023-05-01 care.started {period:care-2023-05-01,legalStatus:C2,needCode:N1}",
                "2023-05-01 placement.started {placement:placement-2023-05-01,period:care-2023-05-01,"
                    + "placementType:U4,provider:PR1}",
                "2023-06-01 care.reviewed {period:care-2023-05-01,participation:PN1}",
                "2023-06-03 missing.started {episode:missing-2023-06-03,kind:missing}",
                "2023-06-05 missing.ended {episode:missing-2023-06-03}",
                "2023-07-07 missing.started {episode:missing-2023-07-07,kind:away}",
            ])
    }

    @Test func aUASCRowMarksThePeriodsThatBeganBeforeDUC() throws {
        let events = try events(
            """
            C11,01/05/2023,S,C2,N1,U4,PR1,01/06/2023,E5,,,,
            C11,01/09/2023,S,V2,N1,P2,PR4,,,,,,
            """,
            more: ["uasc.csv": "CHILD,SEX,DOB,DUC\nC11,1,02/08/2005,01/08/2023\n"])
        #expect(
            events.filter { $0.contains("care.started") } == [
                "2023-05-01 care.started {period:care-2023-05-01,legalStatus:C2,needCode:N1,uasc:true}",
                "2023-09-01 care.started {period:care-2023-09-01,legalStatus:V2,needCode:N1}",
            ])
    }
}
