import Foundation
import JourneyCore
import JourneyImport
import Testing

/// A bad optional value of an SSDA903 row is left out of the row, which is imported without it; values a row cannot
/// be read without (its dates, legal status, placement type, the reason an episode ceased) still reject it.
@Suite("SSDA903: only the bad part is rejected")
struct SSDA903PartialRejectionTests {
    @Test func aBadOptionalValueIsLeftOutOfItsRow() throws {
        let scratch = Scratch()
        let files = [
            scratch.write(
                "episodes.csv",
                episodesHeader + "\n" + "C1,01/05/2023,S,C2,N1,U4,PR9,,,,,,\n"),
            scratch.write("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN\nC1,1,32/01/2010,WBRI,\n"),
            scratch.write("reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,,01/06/2023,PN99\n"),
        ]
        let rejected = scratch.path + "/rejected.csv"
        let report = try scratch.importSSDA903(files, year: "2023-24", skipInvalid: true, rejected: rejected)
        #expect(
            lines(try scratch.events()) == [
                "2023-05-01 child.registered {sex:M,ethnicity:WBRI}",
                "2023-05-01 care.started {period:care-2023-05-01,legalStatus:C2,needCode:N1}",
                "2023-05-01 placement.started {placement:placement-2023-05-01,period:care-2023-05-01,placementType:U4}",
                "2023-06-01 care.reviewed {period:care-2023-05-01}",
            ])
        #expect(report.rejectedRows == 0)
        #expect(report[table: "header"]?.valuesRejected == 1)
        let rows = try String(contentsOfFile: rejected, encoding: .utf8).split(separator: "\r\n").map(String.init)
        let places: [String] = rows.dropFirst().map { row in
            row.split(separator: ",").prefix(5).joined(separator: ",")
        }
        #expect(
            places.sorted() == [
                "episodes.csv,2,episodes,C1,PLACE_PROVIDER", "header.csv,2,header,C1,DOB",
                "reviews.csv,2,reviews,C1,REVIEW_CODE",
            ])
        #expect(rows.dropFirst().allSatisfy { $0.contains("; the value is left out, ") })
    }

    /// Each rejection names the DfE rule it breaks (SSDA903 101, 102… checked against csc-validator-be-903).
    @Test func eachRejectionNamesItsRule() throws {
        let scratch = Scratch()
        let files = [
            scratch.write("episodes.csv", episodesHeader + "\n" + "C1,01/05/2023,S,X9,N1,U4,PR9,,,,,,\n"),
            scratch.write("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN\nC1,7,32/01/2010,ZZZZ,\n"),
        ]
        let report = try scratch.importSSDA903(files, year: "2023-24", skipInvalid: true)
        let rules = report.rejected.flatMap(\.problems).map { "\($0.field ?? "") \($0.rule ?? "-")" }
        #expect(
            rules.sorted() == ["DOB 903 102", "ETHNIC 903 103", "LS 903 144", "PLACE_PROVIDER 903 178", "SEX 903 101"])
    }
}
