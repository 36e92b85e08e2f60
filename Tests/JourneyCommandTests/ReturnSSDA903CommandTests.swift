import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

/// `journey return ssda903`, run in-process: round trips through `journey import ssda903`, and the folder it
/// writes into.
@Suite("journey return ssda903")
struct ReturnSSDA903CommandTests {
    let folder: String

    init() throws {
        folder = try scratchFolder("journey-return-903")
    }

    /// A CSV table as rows of named cells (the tables written here and the fake return quote nothing).
    static func table(_ path: String) throws -> [[String: String]] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
            return []
        }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells + Array(repeating: "", count: 20)))
        }
    }

    static let tableNames = [
        "header", "episodes", "reviews", "uasc", "missing", "oc2", "oc3", "ad1", "placed_for_adoption",
        "previous_permanence", "sw_episodes", "DoLo",
    ]

    func run(_ arguments: [String]) throws -> String {
        let result = journey(arguments)
        guard result.status == 0 else { throw CommandFailed(arguments: arguments, errors: result.errors) }
        return result.errors
    }

    /// A 903 date as a sortable `yyyymmdd`.
    static func key(_ date: String) -> String {
        let p = date.split(separator: "/")
        return p.count == 3 ? "\(p[2])\(p[1])\(p[0])" : ""
    }

    /// The public fake return (2017-18) imported, then written back for 2017-18: table by table the same rows,
    /// but for what the import cleans or the event format cannot hold (docs/returns-ssda903.md, "Round trip").
    @Test("The fake 2017-18 return, imported and written back: the same rows but for the documented differences")
    func fakeReturnRoundTrip() throws {
        let log = folder + "/log"
        let imported = journey([
            "import", "ssda903", importFixture("ssda903"), "--log", log, "--year", "2017-18", "--skip-invalid",
            "--social-worker-team", "Children in care",
        ])
        #expect(imported.status == 0, "\(imported.errors)")
        _ = try run(["return", "ssda903", "--log", log, "--year", "2017-18", "--out", folder + "/903"])
        func sample(_ name: String) throws -> [[String: String]] {
            try Self.table(importFixture("ssda903/\(name).csv"))
        }
        func written(_ name: String) throws -> [[String: String]] { try Self.table(folder + "/903/\(name).csv") }

        // Episodes: the same 5,050 (CHILD, DECOM), and, the documented readings applied to the fake return's rows,
        // the same values but for the rows the import repairs.
        let episodes = try sample("episodes")
        let out = Dictionary(
            uniqueKeysWithValues: try written("episodes").map { ("\($0["CHILD"]!) \($0["DECOM"]!)", $0) })
        #expect(out.count == 5050 && episodes.count == 5050)
        let byChild = Dictionary(grouping: episodes, by: { $0["CHILD"]! }).mapValues {
            $0.sorted { Self.key($0["DECOM"]!) < Self.key($1["DECOM"]!) }
        }
        var differences: [String: Int] = [:]
        for (child, rows) in byChild {
            for (i, row) in rows.enumerated() {
                guard let back = out["\(child) \(row["DECOM"]!)"] else {
                    differences["missing row", default: 0] += 1
                    continue
                }
                var expected = row
                // 1. HOME_POST: the home postcode in force on the episode's first day, the latest given on or
                //    before it (a blank one changes nothing: the import records a postcode only where it changes).
                expected["HOME_POST"] = rows[...i].last { $0["HOME_POST"] != "" }?["HOME_POST"] ?? ""
                // 2. A period whose start (RNE S) the return does not hold starts at its first episode in it.
                let previous = i > 0 ? rows[i - 1] : nil
                if back["RNE"] == "S" && (previous == nil || previous!["DEC"] == "" || previous!["REC"] != "X1") {
                    expected["RNE"] = "S"
                }
                // 3. REC of an open episode: ignored by the import (the 903 gives it only once the episode ceases).
                if row["DEC"] == "" { expected["REC"] = "" }
                // 4. An end after 31 March 2018 is not the 2017-18 return's.
                if Self.key(row["DEC"]!) > "20180331" {
                    expected["DEC"] = ""
                    expected["REC"] = ""
                }
                // 5. REASON_PLACE_CHANGE is the reason the placement ended: only on an episode whose next changes
                //    the placement to one that is not temporary (a temporary one interrupts it without ending it),
                //    and never from a temporary placement (903 rule 226).
                let next = i + 1 < rows.count ? rows[i + 1] : nil
                let endsPlacement =
                    !row["PLACE"]!.hasPrefix("T") && expected["DEC"] != ""
                    && next.map { "PTUB".contains($0["RNE"]!) && !$0["PLACE"]!.hasPrefix("T") }
                        ?? false
                if !endsPlacement { expected["REASON_PLACE_CHANGE"] = "" }
                // 6. A short break (V3, V4) has no placement location (903 rule 214).
                if ["V3", "V4"].contains(row["LS"]!) {
                    expected["HOME_POST"] = ""
                    expected["PL_POST"] = ""
                    expected["URN"] = ""
                }
                for (column, value) in back where expected[column] != value {
                    differences[column, default: 0] += 1
                }
            }
        }
        // What remains is the import repairing chains the fake return breaks (docs/returns-ssda903.md): an open
        // episode or one ended for good followed by another, REC X1 followed by RNE S, RNE L with new placement
        // details, a need code that changes within a period (the log has one a period), and the reasons for
        // changes in those chains.
        #expect(
            differences == [
                "REASON_PLACE_CHANGE": 1, "DEC": 7, "REC": 4, "CIN": 7, "RNE": 3, "PLACE": 2, "PLACE_PROVIDER": 2,
                "PL_POST": 2, "URN": 2,
            ], "\(differences)")

        // Header: the 2,134 children looked after in the year, as the fake return has them; its 541 others have no
        // episode in the year. MOTHER and MC_DOB are blank: the fake return gives them for one girl only, MOTHER
        // 1.0, not 0 or 1 (903 165), which the import leaves out with her MC_DOB (612).
        let header = Dictionary(uniqueKeysWithValues: try sample("header").map { ($0["CHILD"]!, $0) })
        let headerBack = try written("header")
        #expect(headerBack.count == 2134 && header.count == 2675)
        for row in headerBack {
            var expected = header[row["CHILD"]!]!
            expected["MOTHER"] = ""
            expected["MC_DOB"] = ""
            #expect(row == expected)
        }

        // The other tables: every row written is the fake return's, in scope (children looked after in the year;
        // reviews, missing episodes and decisions of the year), with what the import drops left blank.
        func isSubset(_ name: String, blanking: (inout [String: String]) -> Void = { _ in }) throws -> (Int, Int) {
            var rows: [String: Int] = [:]
            for var row in try sample(name) {
                blanking(&row)
                rows[row.sorted { $0.key < $1.key }.description, default: 0] += 1
            }
            var outside = 0
            let back = try written(name)
            for row in back {
                let key = row.sorted { $0.key < $1.key }.description
                if let n = rows[key], n > 0 { rows[key] = n - 1 } else { outside += 1 }
            }
            return (back.count, outside)
        }
        // 12,582 reviews, of which the import rejects those outside any period of care, and the return holds the
        // year's.
        #expect(try isSubset("reviews") == (1705, 0))
        #expect(try isSubset("missing") == (35, 0))
        // Previous permanence only of children with an episode that began in the year (903 rules 630, 634).
        let previous = try isSubset("previous_permanence")
        #expect(previous == (1722, 0))
        #expect(try isSubset("ad1") == (2, 0))
        // The import reads the interventions only with SUBSTANCE_MISUSE 1.
        // 903 rule 542: no CONVICTED for a child under 10 on 31 March 2018 (born after 31 March 2008).
        let oc2 = try isSubset("oc2") { row in
            if Self.key(row["DOB"]!) > "20080331" { row["CONVICTED"] = "" }
            if row["SUBSTANCE_MISUSE"] != "1" {
                row["INTERVENTION_RECEIVED"] = ""
                row["INTERVENTION_OFFERED"] = ""
            }
        }
        #expect(oc2 == (1199, 0))
        // REASON_PLACED_CEASED XXX is not a code: the import rejects those rows, and the decision comes from AD1.
        let placed = try isSubset("placed_for_adoption") { row in
            row["DATE_PLACED_CEASED"] = ""
            row["REASON_PLACED_CEASED"] = ""
        }
        #expect(placed == (24, 0))
        // The import leaves out an ACTIV or ACCOM that is not a code of the list (F3, P3, S1, 01, 02). Of the 53
        // rows, 20 are of young people of 17 or 18 on 31 March 2018 whose episodes cover their latest birthday
        // (counted from the fake episodes with pandas): not written (903 rules 1007, 1016).
        let oc3 = try isSubset("oc3") { row in
            if ["F3", "P3"].contains(row["ACTIV"]!) { row["ACTIV"] = "" }
            if ["S1", "01", "02"].contains(row["ACCOM"]!) { row["ACCOM"] = "" }
        }
        #expect(oc3 == (33, 0))
        // UASC: the log does not hold DUC; the return writes the 18th birthday.
        let uasc = try isSubset("uasc") { row in
            let p = row["DOB"]!.split(separator: "/")
            row["DUC"] = "\(p[0])/\(p[1])/\(Int(p[2])! + 18)"
        }
        #expect(uasc == (103, 0))
        // The social worker episode and the DoLO are of a child with no episode: not in the return.
        #expect(try written("sw_episodes").isEmpty && written("DoLo").isEmpty)
    }

    /// A synthetic council's 2024-25 return, imported into a new log and written again: the same return but for
    /// the RNE of a period's first episode in it when the period began before it (the import starts it there: the
    /// return does not hold its start), and the SW_DEC of a social worker episode that ended with the child's
    /// involvement before the next began (the import does not read SW_DEC, and the tables hold no closure: the
    /// episode runs to the next); a third pass changes nothing.
    @Test("A synthetic council: return, import, return again gives the same tables")
    func synthRoundTrip() throws {
        let council = folder + "/council"
        _ = try run([
            "synth", "--children", "600", "--from", "2023-04-01", "--to", "2025-03-31", "--seed", "5", "--log", council,
        ])
        var passes: [String] = []
        var log = council
        for pass in 1...3 {
            let out = folder + "/903-\(pass)"
            _ = try run(["return", "ssda903", "--log", log, "--year", "2024-25", "--out", out])
            passes.append(out)
            log = folder + "/log-\(pass)"
            let imported = journey([
                "import", "ssda903", out, "--log", log, "--year", "2024-25", "--social-worker-team", "Team",
            ])
            #expect(imported.status == 0, "\(imported.errors)")
        }
        for name in Self.tableNames {
            let first = try Self.table(passes[0] + "/\(name).csv")
            let second = try Self.table(passes[1] + "/\(name).csv")
            let third = try Self.table(passes[2] + "/\(name).csv")
            #expect(second == third, "\(name)")
            #expect(first.count == second.count, "\(name)")
            var expected = first
            // Only an episode that ended before the next began: the second pass ends it on the next's SW_DECOM.
            for (i, (a, next)) in zip(first, first.dropFirst()).enumerated()
            where name == "sw_episodes" && a["CHILD"] == next["CHILD"] && a["SW_DEC"] != next["SW_DECOM"] {
                expected[i]["SW_DEC"] = next["SW_DECOM"]
            }
            for (a, b) in zip(expected, second) where a != b {
                var a = a
                // Only the RNE of an episode open on 1 April, whose period's start the return does not hold.
                if b["RNE"] == "S" && Self.key(a["DECOM"]!) < "20240401" { a["RNE"] = "S" }
                #expect(a == b, "\(name)")
            }
        }
        #expect(try Self.table(passes[0] + "/header.csv").count > 20)
        #expect(try Self.table(passes[0] + "/episodes.csv").count > 20)
    }

    @Test("An --out that cannot be written: an error naming it, exit 1, and nothing left beside it")
    func unwritableOut() throws {
        let log = try tinyCouncilLog().log
        let parent = folder + "/read-only"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let missing = journey(["return", "ssda903", "--log", log, "--year", "2024-25", "--out", parent + "/no/such"])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("cannot write the return into \(parent)/no/such"), "\(missing.errors)")
        // A file where the folder should be.
        try "x".write(toFile: parent + "/file", atomically: false, encoding: .utf8)
        let file = journey(["return", "ssda903", "--log", log, "--year", "2024-25", "--out", parent + "/file"])
        #expect(file.status == 1)
        #expect(file.errors.contains("is a file, not a folder"), "\(file.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["file"])
    }

    @Test("A folder that holds files is refused unless --force, which replaces it whole")
    func existingOut() throws {
        let log = try tinyCouncilLog().log
        let out = folder + "/903"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "old".write(toFile: out + "/old.txt", atomically: false, encoding: .utf8)
        let refused = journey(["return", "ssda903", "--log", log, "--year", "2024-25", "--out", out])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("already holds files"), "\(refused.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["old.txt"])
        _ = try run(["return", "ssda903", "--log", log, "--year", "2024-25", "--out", out, "--force"])
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == Self.tableNames.map { $0 + ".csv" }.sorted())
        // No child of the tiny council was looked after: every table is its header row alone.
        #expect(
            try String(contentsOfFile: out + "/header.csv", encoding: .utf8)
                == "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.isEmpty)
    }

    /// C3's care is recorded on 1 May 2024: the return as known on 30 April has no child; as known on 2 May, C3.
    @Test("--as-known-at writes the return as the log stood then")
    func asKnownAt() throws {
        var events = tinyCouncil
        events.add(
            "C3", "2024-04-20",
            .careStarted(CareStarted(period: "K", legalStatus: LegalStatus("V2")!, needCode: CareNeed("N1")!)),
            recorded: "2024-05-01")
        let file = try writeEvents(events, to: folder + "/events.jsonl")
        for (known, children) in [("2024-04-30", 0), ("2024-05-02", 1)] {
            _ = try run([
                "return", "ssda903", "--log", file, "--year", "2024-25", "--as-known-at", known, "--out",
                folder + "/903-\(known)",
            ])
            #expect(try Self.table(folder + "/903-\(known)/header.csv").count == children, "\(known)")
        }
    }

    @Test("A malformed --year is refused")
    func malformedYear() {
        for year in ["2024", "2024-26", "24-25", "2024-25-26"] {
            let message = refusal(["return", "ssda903", "--year", year, "--out", "x"])
            #expect(message?.contains("--year takes a collection year such as 2024-25") == true, "\(year)")
        }
    }

    /// A child looked after with no ethnicity recorded: NOBT in the header, and the finding on standard error and
    /// in --blanks.
    @Test("A value the log lacks: the DfE's not-known code, summed up on standard error and listed by --blanks")
    func blanks() throws {
        var events = tinyCouncil
        events.add(
            "C3", "2024-05-01",
            .careStarted(CareStarted(period: "K", legalStatus: LegalStatus("V2")!, needCode: CareNeed("N1")!)))
        events.add(
            "C3", "2024-05-01",
            .placementStarted(
                PlacementStarted(
                    placement: "P", period: "K", placementType: PlacementType("U1")!,
                    provider: PlacementProvider("PR1"), postcode: "AB1 2CD", urn: "SC1")))
        let file = try writeEvents(events, to: folder + "/events.jsonl")
        let errors = try run([
            "return", "ssda903", "--log", file, "--year", "2024-25", "--out", folder + "/903", "--blanks",
            folder + "/blanks.csv",
        ])
        #expect(errors.contains("SSDA903 2024-25: 1 child written"), "\(errors)")
        #expect(errors.contains("  header.ETHNIC: 1 child"), "\(errors)")
        let header = try Self.table(folder + "/903/header.csv")
        #expect(
            header == [
                ["CHILD": "C3", "SEX": "", "DOB": "", "ETHNIC": "NOBT", "UPN": "UN5", "MOTHER": "", "MC_DOB": ""]
            ])
        let blanks = try String(contentsOfFile: folder + "/blanks.csv", encoding: .utf8)
        #expect(
            blanks == "table,child,field,written\r\nheader,C3,SEX,\r\nheader,C3,DOB,\r\nheader,C3,ETHNIC,NOBT\r\n"
                + "header,C3,UPN,UN5\r\nepisodes,C3,HOME_POST,\r\nprevious_permanence,C3,PREV_PERM,Z1\r\n")
        // Owner-only, as every file the package writes: the tables, the folder they are in, and --blanks. The
        // umask cannot widen them (it only takes bits away), so 0600 and 0700 are what was asked for.
        #expect(try Self.mode(folder + "/903") == 0o700)
        for name in Self.tableNames { #expect(try Self.mode(folder + "/903/\(name).csv") == 0o600, "\(name)") }
        #expect(try Self.mode(folder + "/blanks.csv") == 0o600)
        #expect(!FileManager.default.fileExists(atPath: folder + "/blanks.csv.partial"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/903").count == Self.tableNames.count)
    }

    /// A file's permission bits.
    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).intValue
            & 0o777
    }
}
