import Foundation
import JourneyCore
import Testing

@testable import JourneyImport

/// MOTHER and MC_DOB, HOME_POST and SW_REASON, over a return made by hand (Fixtures/ssda903-mother, 2023-24) of
/// five children, each in care from 1 May 2023:
///
/// - M1, a girl, MOTHER 1, MC_DOB 15/10/2023; home TW9 3RN; social workers SW1 from 1 May 2023 (FCONTA) and SW2
///   from 1 December 2023 (LEFTRL).
/// - N1, a girl, MOTHER 0; a placement move on 1 September 2023, both episodes with home TW1 1LE; social worker
///   SW3, whose SW_REASON XYZ is no code of the list.
/// - X1, a girl, MOTHER 2 (neither 0 nor 1); HOME_POST `TW12 3LY XX`, 11 characters.
/// - B1, a boy, MOTHER 1 and MC_DOB 01/01/2024; home TW1 1LE, then TW10 6EL from his move on 1 October 2023.
/// - Z1, a girl, MOTHER 0 with MC_DOB 01/01/2024; no HOME_POST.
@Suite("SSDA903: MOTHER, MC_DOB, HOME_POST and SW_REASON")
struct SSDA903MotherHomeWorkerTests {
    static let folder = fixture("ssda903-mother")
    static let team = "Children in care"

    static func table(_ name: String) -> String { folder + "/" + name + ".csv" }
    static let tables = ["header", "episodes", "sw_episodes"].map(table)

    /// The events of the three types, in the short form.
    static func newLines(_ events: [Event]) -> [String] {
        let types: Set<EventType> = [.motherhoodRecorded, .homePostcodeRecorded, .workerChangeRecorded]
        return lines(events.filter { types.contains($0.type) })
    }

    static func problems(_ report: ImportReport) -> [String] {
        report.rejected.flatMap(\.problems).map {
            "\($0.record) \($0.line) \($0.field ?? "-"): \($0.message)" + ($0.rule.map { " [\($0)]" } ?? "")
        }
    }

    @Test func eachChildsFacts() throws {
        let scratch = Scratch()
        let report = try scratch.importSSDA903(
            Self.tables, year: "2023-24", skipInvalid: true, socialWorkerTeam: Self.team)
        // Children in id order, each child's facts by date. MOTHER 0 is dated on the year's 31 March; MOTHER 1 on
        // the first child's birth (MC_DOB). A home postcode on each episode whose postcode is not the one before
        // (N1's second episode keeps TW1 1LE: nothing). SW_REASON on its allocation's day.
        #expect(
            Self.newLines(try scratch.events()) == [
                "2023-05-01 home-postcode.recorded {postcode:TW1 1LE}",
                "2023-10-01 home-postcode.recorded {postcode:TW10 6EL}",
                "2023-05-01 home-postcode.recorded {postcode:TW9 3RN}",
                "2023-05-01 worker-change.recorded {reason:FCONTA}",
                "2023-10-15 motherhood.recorded {mother:true,firstChildBirthDate:2023-10-15}",
                "2023-12-01 worker-change.recorded {reason:LEFTRL}",
                "2023-05-01 home-postcode.recorded {postcode:TW1 1LE}",
                "2024-03-31 motherhood.recorded {mother:false}",
                "2024-03-31 motherhood.recorded {mother:false}",
            ])
        // Bad values are left out with their field and rule; every child and row is kept.
        let values = "; the value is left out, "
        #expect(
            Self.problems(report).sorted() == [
                "episodes 5 HOME_POST: is longer than 8 characters: not a postcode" + values
                    + "the episode is imported [903 392c]",
                "header 4 MOTHER: \"2\" is not 0 (not a mother) or 1 (a mother)" + values
                    + "the child is imported [903 165]",
                "header 5 MC_DOB: is given for a boy" + values + "the child is imported [903 174]",
                "header 5 MOTHER: is given for a boy: the 903 asks it of girls only" + values
                    + "the child is imported [903 165]",
                "header 6 MC_DOB: is given but MOTHER does not say that the child is a mother" + values
                    + "the child is imported [903 612]",
                "sw_episodes 4 SW_REASON: \"XYZ\" is not a reason for a change of social worker (SW_REASON) "
                    + "(allowed: MANAGE…OTHERS)" + values + "the social worker episode is imported [903 SW13STG1]",
            ])
        #expect(report[table: "header"]?.rejected == 0 && report[table: "episodes"]?.rejected == 0)
        #expect(countsByType(try scratch.events())["child.registered"] == 5)
        #expect(countsByType(try scratch.events())["worker.allocated"] == 3)
        // The fact ids: one motherhood fact of each kind per child, a postcode by its episode's start.
        let ids = try scratch.events().filter { $0.type == .motherhoodRecorded }.map(\.id.rawValue)
        #expect(ids == ["903.M1.mo", "903.N1.nm", "903.Z1.nm"])
    }

    /// The next year's return (2024-25) states the open episodes again; M1's MC_DOB revised to 16/10/2023, N1 now
    /// a mother (MC_DOB 01/06/2024), the rest as before. By hand: M1's motherhood is corrected; N1 gets a mother
    /// fact, her not-a-mother of 31 March 2024 staying (a child is a mother from her first child's birth on); Z1's
    /// MOTHER 0 is unchanged (dated on the first return's 31 March, not repeated); the postcodes are unchanged
    /// (N1's and B1's first episodes of the return carry on the postcode the log holds from before them, and B1's
    /// of 1 October 2023 is restated as it was); nothing is retracted.
    @Test func theNextYearRestatesRevisesAndAdds() throws {
        let scratch = Scratch()
        _ = try scratch.importSSDA903(Self.tables, year: "2023-24", skipInvalid: true, socialWorkerTeam: Self.team)
        let header = try String(contentsOfFile: Self.table("header"), encoding: .utf8)
            .replacingOccurrences(of: "1,15/10/2023", with: "1,16/10/2023")
            .replacingOccurrences(of: "N1,2,01/03/2008,WBRI,,0,", with: "N1,2,01/03/2008,WBRI,,1,01/06/2024")
        let episodes =
            try String(contentsOfFile: Self.table("episodes"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.contains("01/05/2023,S,C2,N1,U6,PR1,01/") }
            .joined(separator: "\n") + "\n"
        let report = try scratch.importSSDA903(
            [scratch.write("2025/header.csv", header), scratch.write("2025/episodes.csv", episodes)], year: "2024-25",
            skipInvalid: true)
        #expect(report.revisedEvents == 1 && report.newEvents == 1 && report.retractedEvents == 0)
        let added = Self.newLines(try scratch.events()).suffix(2)
        #expect(
            Array(added) == [
                "2023-10-16 motherhood.recorded {mother:true,firstChildBirthDate:2023-10-16} corrects 903.M1.mo",
                "2024-06-01 motherhood.recorded {mother:true,firstChildBirthDate:2024-06-01}",
            ])
    }
}
