import Foundation
import JourneyCore
import JourneyImport
import Testing

/// Bad input: clear errors naming the file, the line (or element) and the field, never a child's personal data,
/// and nothing appended unless every row is valid, or `skipInvalid`.
@Suite("Importing invalid returns")
struct ValidationTests {
    func badReturn(_ scratch: Scratch) -> [String] {
        [
            scratch.write(
                "episodes.csv",
                episodesHeader + "\n"
                    + "C1,01/05/2023,S,C2,N1,U4,PR1,,,,,AB1 2CD,SC1\n"
                    + "C2,31/02/2023,S,C2,N1,U4,PR1,,,,,ZZ9 9ZZ,SC1\n"
                    + "C3,01/05/2023,S,X9,N1,U4,PR1,,,,,,\n"
                    + ",01/05/2023,S,C2,N1,U4,PR1,,,,,,\n"
                    + "C5,01/05/2023,S,C2,N1,U4,PR1,10/05/2023,,,,,\n"),
            scratch.write("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN\nC1,1,32/01/2010,WBRI,B12\n"),
        ]
    }

    @Test func anInvalidReturnIsNotImportedAndEachProblemIsNamed() throws {
        let scratch = Scratch()
        let error = try #require(throws: ImportError.self) { try scratch.importSSDA903(badReturn(scratch)) }
        guard case .invalid(let problems, let total, _) = error else {
            Issue.record("expected .invalid, got \(error)")
            return
        }
        #expect(total == 6)
        #expect(
            problems.map(\.description) == [
                "episodes.csv line 3, episodes, field DECOM: is not a date (dd/mm/yyyy) [903 141]",
                "episodes.csv line 4, episodes, field LS: \"X9\" is not a legal status code (allowed: C1…V4) [903 144]",
                "episodes.csv line 5, episodes, field CHILD: is missing",
                "episodes.csv line 6, episodes, field REC: is missing although DEC is given: a ceased episode needs "
                    + "its reason",
                // Values left out of a row that is otherwise imported: reported, and still stop the import.
                "header.csv line 2, header, field DOB: is not a date (dd/mm/yyyy); the value is left out, the child is imported [903 102]",
                "header.csv line 2, header, field UPN: is not a unique pupil number (a letter, 11 digits, then a "
                    + "digit or letter) or UN1…UN10; the value is left out, the child is imported [903 168]",
            ])
        // The child's pseudonymous id is kept with the problem; dates, postcodes and UPNs never appear.
        #expect(problems.map { $0.child?.rawValue } == ["C2", "C3", nil, "C5", "C1", "C1"])
        for personal in ["31/02/2023", "32/01/2010", "B12", "ZZ9 9ZZ", "AB1 2CD"] {
            #expect(!error.description.contains(personal))
        }
        #expect(try scratch.events().isEmpty)
    }

    @Test func aValueInTheWrongColumnIsNotRepeated() throws {
        // A misaligned row: the date of birth and postcode land in code columns. Only what could be a code is shown.
        let scratch = Scratch()
        let file = scratch.write("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN\nC1,27/03/2008,WBRI,AB1 2CD,\nC2,1,,ZZZZ,\n")
        let error = try #require(throws: ImportError.self) { try scratch.importSSDA903([file], year: "2023-24") }
        guard case .invalid(let problems, _, _) = error else { return }
        #expect(
            problems.map(\.description) == [
                "header.csv line 2, header, field SEX: is not a sex code (1 or M male, 2 or F female, 9 or U unknown "
                    + "or indeterminate, 0 not recorded); the value is left out, the child is imported [903 101]",
                "header.csv line 2, header, field DOB: is not a date (dd/mm/yyyy); the value is left out, the child is imported [903 102]",
                "header.csv line 2, header, field ETHNIC: is not an ethnicity code (allowed: WBRI…NOBT); the value is left out, the child is imported [903 103]",
                "header.csv line 3, header, field ETHNIC: \"ZZZZ\" is not an ethnicity code (allowed: WBRI…NOBT); the value is left out, the child is imported [903 103]",
            ])
        #expect(!error.description.contains("27/03/2008") && !error.description.contains("AB1 2CD"))
    }

    @Test func skipInvalidImportsTheValidRowsAndWritesTheRejectedOnes() throws {
        let scratch = Scratch()
        let report = try scratch.importSSDA903(badReturn(scratch), year: "2023-24", skipInvalid: true)
        #expect(report[table: "episodes"]?.rejected == 4 && report[table: "header"]?.rejected == 0)
        // C1's header row is imported without its DOB and UPN.
        #expect(report[table: "header"]?.valuesRejected == 2)
        #expect(
            report[table: "episodes"]?.rejections == [
                "DECOM: is not a date (dd/mm/yyyy)": 1, "LS: \"X9\" is not a legal status code (allowed: C1…V4)": 1,
                "CHILD: is missing": 1,
                "REC: is missing although DEC is given: a ceased episode needs its reason": 1,
            ])
        // C1's registration (without DOB and UPN) and episode.
        #expect(try scratch.events().map(\.type) == [.childRegistered, .careStarted, .placementStarted])
        let file = scratch.path + "/rejected.csv"
        try RejectedRecord.writeCSV(report.rejected, to: file)
        let rows = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\r\n")
        #expect(rows.count == 1 + 6)
        #expect(rows[0] == "file,line,record,child,field,reason,rule,row")
        // The row is kept as read, for fixing (the file holds personal data, as the return does).
        #expect(
            rows[1] == "episodes.csv,3,episodes,C2,DECOM,is not a date (dd/mm/yyyy),903 141,"
                + "\"C2,31/02/2023,S,C2,N1,U4,PR1,,,,,ZZ9 9ZZ,SC1\"")
    }

    @Test func columnsMayComeInAnyOrderWithOrWithoutAByteOrderMark() throws {
        let plain = Scratch()
        _ = try plain.importSSDA903([
            plain.write(
                "episodes.csv",
                episodesHeader + "\nC1,01/05/2023,S,C2,N1,U4,PR1,10/06/2023,X1,CARPL,,AB1 2CD,SC1\n"
                    + "C1,10/06/2023,P,C2,N1,U6,PR4,,,,,EF3 4GH,SC2\n")
        ])
        let shuffled = Scratch()
        _ = try shuffled.importSSDA903([
            shuffled.write(
                "episodes.csv",
                "\u{FEFF}URN,PL_POST,REC,DEC,PLACE,LS,RNE,DECOM,CHILD,CIN,PLACE_PROVIDER,REASON_PLACE_CHANGE\r\n"
                    + "SC1,AB1 2CD,X1,10/06/2023,U4,C2,S,01/05/2023,C1,N1,PR1,CARPL\r\n"
                    + "SC2,EF3 4GH,,,U6,C2,P,10/06/2023,C1,N1,PR4,\r\n")
        ])
        #expect(try shuffled.events() == plain.events())
        #expect(try plain.events().count == 4)
    }

    @Test func aTableWithoutAColumnItNeedsIsRefused() throws {
        let scratch = Scratch()
        let file = scratch.write("episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC\nC1,01/05/2023,S,C2,N1,U4,\n")
        let error = try #require(throws: ImportError.self) { try scratch.importSSDA903([file]) }
        #expect(error.description.contains("has no column REC"))
    }

    @Test func anInvalidCINCensusNamesTheElementPathAndLine() throws {
        let scratch = Scratch()
        let child = """
            <Child>
              <ChildIdentifiers><LAchildID>X9</LAchildID><PersonBirthDate>2015-02-30</PersonBirthDate>
                <Sex>F</Sex></ChildIdentifiers>
              <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
              <CINdetails>
                <CINreferralDate>2023-06-01</CINreferralDate><ReferralSource>ZZ</ReferralSource>
                <ReferralNFA>0</ReferralNFA>
              </CINdetails>
            </Child>
            """
        let file = scratch.write(
            "cin.xml", cinReturn(referenceDate: "2024-03-31", dateTime: "2024-05-20T10:00:00Z", children: child))
        let error = try #require(throws: ImportError.self) { try scratch.importCINCensus(file) }
        guard case .invalid(let problems, _, _) = error else {
            Issue.record("expected .invalid, got \(error)")
            return
        }
        #expect(
            problems.map(\.description) == [
                "cin.xml line 20, Message/Children/Child[1]/ChildIdentifiers, field PersonBirthDate: is not a date "
                    + "(YYYY-MM-DD); the value is left out, the child is imported [CIN census schema]",
                "cin.xml line 24, Message/Children/Child[1]/CINdetails[1], field ReferralSource: \"ZZ\" is not a "
                    + "referral source code (allowed: 1A…10) [CIN 8866]",
            ])
        #expect(!error.description.contains("2015-02-30"))
        #expect(try scratch.events().isEmpty)
    }
}
