import Foundation
import Testing

/// `journey import ssda903` and `journey import cin-census`, run in-process on a return made here and on the
/// public fake returns (the importers' fixtures, from shared/data).
@Suite("journey import")
struct ImportCommandTests {
    let folder: String

    init() throws {
        folder = try scratchFolder("journey-import")
    }

    /// A return of one child looked after from 1 June 2023 to 1 February 2024, in two placements: the first
    /// episode ceases with a change of placement (X1), the second when the child returns home (E4A).
    func writeSSDA903(episodes: [String]? = nil) throws -> String {
        let tables = folder + "/903"
        try FileManager.default.createDirectory(atPath: tables, withIntermediateDirectories: true)
        try "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n100001,1,01/05/2012,WBRI,A123456789012,,\n"
            .write(toFile: tables + "/header.csv", atomically: false, encoding: .utf8)
        let rows =
            episodes ?? [
                "100001,01/06/2023,S,C2,N1,U1,PR1,01/09/2023,X1,CARPL,,,",
                "100001,01/09/2023,P,C2,N1,U3,PR1,01/02/2024,E4A,,,,",
            ]
        try (["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"] + rows)
            .map { $0 + "\n" }.joined().write(toFile: tables + "/episodes.csv", atomically: false, encoding: .utf8)
        return tables
    }

    @Test("An SSDA903 return: named after its collection year, recorded at its last second, a row an event")
    func ssda903() throws {
        let tables = try writeSSDA903()
        let result = journey(["import", "ssda903", tables, "--log", folder + "/log"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        // The latest episode starts 2023-09-01: the year 2023-24, ending 31 March 2024.
        #expect(lines.first == "ssda903-2024 (collection year 2023-24, recorded 2024-03-31T23:59:59Z)", "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  header   1 row → 1 event (child.registered 1); 1 new") }, "\(lines)")
        // Imported again, nothing is new.
        let again = journey(["import", "ssda903", tables, "--log", folder + "/log"])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("1 already in the log"), "\(again.output)")
        #expect(!again.output.contains(" new"), "\(again.output)")
    }

    @Test("A row with an impossible date: nothing imported, the row's line and field listed, exit 1")
    func ssda903Invalid() throws {
        let tables = try writeSSDA903(episodes: [
            "100001,01/06/2023,S,C2,N1,U1,PR1,01/09/2023,X1,CARPL,,,",
            "100001,01/09/2023,P,C2,N1,U3,PR1,30/02/2024,E4A,,,,",
        ])
        let log = folder + "/log"
        let result = journey(["import", "ssda903", tables, "--log", log])
        #expect(result.status == 1)
        #expect(result.output.isEmpty, "\(result.output)")
        #expect(result.errors.hasPrefix("journey: the return was not imported and nothing was appended (1 problem):\n"))
        #expect(result.errors.contains("episodes.csv line 3, episodes, field DEC: "), "\(result.errors)")
        #expect(journey(["export", "--log", log]).output.isEmpty)
    }

    @Test("A missing return is \"no such file or folder\", exit 1")
    func ssda903Missing() {
        let result = journey(["import", "ssda903", folder + "/none", "--log", folder + "/log"])
        #expect(result.status == 1)
        #expect(result.errors.contains("no such file or folder"), "\(result.errors)")
    }

    @Test("A CIN census file: one child's referral, assessment, S47, ICPC and CP plan")
    func cinCensus() {
        let result = journey([
            "import", "cin-census", importFixture("cin-census/CIN_Census_2021.xml"), "--log", folder + "/log",
        ])
        #expect(result.status == 0, "\(result.errors)")
        // <Year>2023</Year>, <ReferenceDate>2023-03-31</ReferenceDate>: the year 2022-23.
        #expect(result.output.hasPrefix("cin-census-2023 (collection year 2022-23, "), "\(result.output)")
        let stats = journey(["stats", "--log", folder + "/log"])
        #expect(stats.output.contains("children      1\n"), "\(stats.output)")
        #expect(stats.output.contains("  cp-plan.started       1\n"), "\(stats.output)")
    }

    @Test("A CIN census file cut short is refused, nothing imported, exit 1")
    func cinCensusCutShort() throws {
        let whole = try String(contentsOfFile: importFixture("cin-census/CIN_Census_2021.xml"), encoding: .utf8)
        let cut = folder + "/cut.xml"
        try String(whole.prefix(whole.count / 2)).write(toFile: cut, atomically: false, encoding: .utf8)
        let log = folder + "/log"
        let result = journey(["import", "cin-census", cut, "--log", log])
        #expect(result.status == 1)
        #expect(result.output.isEmpty, "\(result.output)")
        #expect(result.errors.contains(cut), "\(result.errors)")
        #expect(journey(["export", "--log", log]).output.isEmpty)
    }

    @Test("--recorded takes a date or a time, exit 64 otherwise")
    func badRecorded() {
        let result = journey(["import", "ssda903", folder, "--recorded", "yesterday"])
        #expect(result.status == 64)
        #expect(result.errors.contains("--recorded takes a date or a time"), "\(result.errors)")
    }
}
