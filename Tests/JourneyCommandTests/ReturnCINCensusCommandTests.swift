import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

/// `journey return cin-census`, run in-process: on a synthetic council (validated against the DfE's schema), in a
/// round trip through `journey import cin-census`, and on bad arguments.
@Suite("journey return cin-census")
struct ReturnCINCensusCommandTests {
    let folder: String
    init() throws { folder = try scratchFolder("return-cin") }

    /// A synthetic council of 300 new children from April 2023 to June 2025 with 8 years of history, as JSON Lines.
    func council(clean: Bool) -> String {
        let path = folder + "/council.jsonl"
        var arguments = [
            "synth", "--children", "300", "--from", "2023-04-01", "--to", "2025-06-30", "--seed", "11", "--out", path,
        ]
        if clean { arguments.append("--clean") }
        let result = journey(arguments)
        #expect(result.status == 0, "\(result.errors)")
        return path
    }

    func write(_ log: String, year: String = "2024-25", out: String, extra: [String] = []) -> (
        status: Int32, output: String, errors: String
    ) {
        journey(["return", "cin-census", "--log", log, "--year", year, "--la", "201", "--out", out] + extra)
    }

    @Test("A synthetic council's return, defects and all, validates against CIN_schema_2025.xsd")
    func syntheticCouncilValidates() throws {
        let log = council(clean: false)
        let out = folder + "/cin.xml"
        let blanks = folder + "/blanks.csv"
        let result = write(log, out: out, extra: ["--blanks", blanks])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("wrote \(out): the 2025 CIN census (2024-25), "), "\(result.errors)")
        let check = try validateFileAgainstSchema(out, schema: cinCensusSchemaPath(censusYear: 2025))
        #expect(check.isValid, "\(check.messages)")
        // The synthetic council gives a UPN to every child once born: a child written without one (unborn on
        // 31 March) is a finding for it, in the summary and in the CSV, and the others have theirs.
        let written = try String(contentsOfFile: out, encoding: .utf8).components(separatedBy: "<Child>").dropFirst()
        #expect(written.count > 50)
        let withoutUPN = written.filter { !$0.contains("<UPN>") }
        #expect(withoutUPN.allSatisfy { $0.contains("<ExpectedPersonBirthDate>") })
        #expect(withoutUPN.count < written.count / 10)
        let csv = try String(contentsOfFile: blanks, encoding: .utf8)
        #expect(csv.components(separatedBy: ",ChildIdentifiers/UPN,blank,").count - 1 == withoutUPN.count)
        // Nothing temporary is left beside the files, and both are their owner's only (the umask only takes bits
        // away, so 0600 is what was asked for).
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
        for path in [out, blanks] {
            let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)
            #expect(mode.intValue & 0o777 == 0o600, "\(path)")
        }
        // The year before, in the 2024 schema (GenderCurrent).
        let earlier = write(log, year: "2023-24", out: folder + "/cin-2024.xml")
        #expect(earlier.status == 0, "\(earlier.errors)")
        let check2024 = try validateFileAgainstSchema(
            folder + "/cin-2024.xml", schema: cinCensusSchemaPath(censusYear: 2024))
        #expect(check2024.isValid, "\(check2024.messages)")
    }

    /// The return written, imported into a new log, and written again gives the same children and values: the
    /// writer and the importer are each other's inverse on everything the return holds. A clean council (no
    /// defects): a duplicated event would make two CINdetails with one referral date, which the importer keeps
    /// once (docs/returns.md).
    @Test("Written, imported and written again: the same children and values")
    func roundTripThroughImport() throws {
        let log = council(clean: true)
        let first = folder + "/first.xml"
        #expect(write(log, out: first).status == 0)
        let imported = journey(["import", "cin-census", first, "--log", folder + "/log"])
        #expect(imported.status == 0, "\(imported.errors)")
        let second = folder + "/second.xml"
        let again = write(folder + "/log", out: second)
        #expect(again.status == 0, "\(again.errors)")
        let a = try CINValues(file: first)
        let b = try CINValues(file: second)
        #expect(a.children.count > 50)
        #expect(a.children == b.children)
        #expect(a.values.subtracting(b.values).sorted().prefix(5) == [])
        #expect(b.values.subtracting(a.values).sorted().prefix(5) == [])
    }

    /// `fake_CIN_data.xml` (332 children; `<Year>2022</Year>`, `GenderCurrent`: the 2022 census, collection year
    /// 2021-22, whose schema it fits) imported, then returned for 2021-22. The expected values are read from the
    /// file itself with the census's scope applied by hand (`CINValues.expected2021`): episodes open in the year,
    /// NFA referrals in it, dates after 31 March 2022 left out. What the importer cleans is asserted apart.
    @Test("fake_CIN_data.xml imported and returned for 2021-22: the same children and values in the year's scope")
    func roundTripOfTheFakeReturn() throws {
        let source = importFixture("cin-census/fake_CIN_data.xml")
        let imported = journey(["import", "cin-census", source, "--log", folder + "/log", "--skip-invalid"])
        #expect(imported.status == 0, "\(imported.errors)")
        let out = folder + "/cin-2022.xml"
        let result = write(folder + "/log", year: "2021-22", out: out)
        #expect(result.status == 0, "\(result.errors)")
        let check = try validateFileAgainstSchema(out, schema: cinCensusSchemaPath(censusYear: 2022))
        #expect(check.isValid, "\(check.messages)")
        let expected = try CINValues.expected2021(file: source)
        let written = try CINValues(file: out)
        // 53 of the file's 332 children have an episode open in 2021-22 or a referral with no further action in it.
        #expect(written.children.count == 53)
        #expect(written.children == expected.children)
        let missing = expected.values.subtracting(written.values).sorted()
        let extra = written.values.subtracting(expected.values).sorted()
        #expect(missing == [], "\(missing.prefix(10))")
        #expect(extra == [], "\(extra.prefix(10))")
    }

    /// `CIN_Census_2024.xml` (the DfE validator's test file, its dates in 2022-23 whatever its header says)
    /// imported and returned for 2022-23, in the 2023 schema. What differs is what the importer cleans and what the
    /// log does not hold (docs/returns.md, "Round trip"):
    /// - the second child, `child_fails_assessments`, is rejected by the importer (its id has 23 characters, the
    ///   event format 20), so it is not returned;
    /// - the first child's `FormerUPN`, `UPNunknown` and its enquiry's `InitialCPCtarget` have no place in the log;
    /// - its assessment started on 2028-04-28, after the year: out of scope (and its factor `RB`, no code, was left
    ///   out at import);
    /// - `<Sex>1</Sex>` is written `<GenderCurrent>1</GenderCurrent>` (the 2023 schema), `false` as `0`.
    /// - `CIN2rows.xml`, the same child with its CP plan twice, gives the same return: the importer keeps the
    ///   repeated plan once, as the return does (its assessment, with no authorisation, is in the year).
    @Test("The DfE validator's 2024 test file: the same values but for those the importer cleans or cannot hold")
    func roundTripOfTheValidatorsFile() throws {
        let source = importFixture("cin-census/CIN_Census_2024.xml")
        let imported = journey(["import", "cin-census", source, "--log", folder + "/log", "--skip-invalid"])
        #expect(imported.status == 0, "\(imported.errors)")
        let out = folder + "/cin-2023.xml"
        let result = write(folder + "/log", year: "2022-23", out: out)
        #expect(result.status == 0, "\(result.errors)")
        let check = try validateFileAgainstSchema(out, schema: cinCensusSchemaPath(censusYear: 2023))
        #expect(check.isValid, "\(check.messages)")
        let original = try CINValues(file: source)
        let written = try CINValues(file: out)
        #expect(original.children == ["DfEX0000001", "child_fails_assessments"])
        #expect(written.children == ["DfEX0000001"])
        let first = original.values.filter { $0.hasPrefix("DfEX0000001 ") }
        let ep = "DfEX0000001 CINdetails[2022-10-06]"
        #expect(
            first.subtracting(written.values) == [
                "DfEX0000001 ChildIdentifiers/FormerUPN X98765432123B", "DfEX0000001 ChildIdentifiers/UPNunknown UN3",
                "DfEX0000001 ChildIdentifiers/Sex 1",
                "\(ep)/Section47[2022-06-02]/InitialCPCtarget 2022-06-23",
                "\(ep)/Section47[2022-06-02]/ICPCnotRequired false",
                "\(ep)/Assessments[2028-04-28]/AssessmentActualStartDate 2028-04-28",
                "\(ep)/Assessments[2028-04-28]/AssessmentAuthorisationDate 2020-09-19",
                "\(ep)/Assessments[2028-04-28]/AssessmentFactors 1C",
                "\(ep)/Assessments[2028-04-28]/AssessmentFactors RB",
                "\(ep)/Assessments[2028-04-28]/AssessmentFactors 6B",
            ])
        #expect(
            written.values.subtracting(first) == [
                "DfEX0000001 ChildIdentifiers/GenderCurrent 1", "\(ep)/Section47[2022-06-02]/ICPCnotRequired 0",
            ])

        let rows = journey([
            "import", "cin-census", importFixture("cin-census/CIN2rows.xml"), "--log", folder + "/log2",
            "--skip-invalid",
        ])
        #expect(rows.status == 0, "\(rows.errors)")
        #expect(rows.output.contains("1 duplicate row skipped"), "\(rows.output)")
        let out2 = folder + "/cin2rows.xml"
        #expect(write(folder + "/log2", year: "2022-23", out: out2).status == 0)
        let text = try String(contentsOfFile: out2, encoding: .utf8)
        #expect(text.components(separatedBy: "<ChildProtectionPlans>").count - 1 == 1)
        #expect(text.contains("<AssessmentActualStartDate>2023-01-24</AssessmentActualStartDate>"))
    }

    @Test("A year with no child in scope writes no file and says why, exit 1")
    func noChildInScope() throws {
        let log = try writeEvents(tinyCouncil, to: folder + "/tiny.jsonl")
        let out = folder + "/cin.xml"
        let result = write(log, year: "2016-17", out: out)
        #expect(result.status == 1)
        #expect(result.errors.contains("no child of the log is in the CIN census of 2016-17"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: out))
        // The same council's 2024-25 return holds its two children.
        #expect(write(log, out: out).status == 0)
        #expect(try CINValues(file: out).children == ["C1", "C2"])
    }

    // MARK: Bad arguments

    @Test("A malformed --year, a year with no schema and an LA code not of three digits are refused")
    func badArguments() {
        let base = ["return", "cin-census", "--log", sampleLog, "--la", "201", "--out", folder + "/x.xml"]
        #expect(refusal(base + ["--year", "2024"])?.contains("--year takes a collection year such as 2024-25") == true)
        #expect(refusal(base + ["--year", "2024-26"])?.contains("--year takes a collection year") == true)
        #expect(
            refusal(base + ["--year", "2030-31"])?.contains("schemas held are those of 2016-17 to 2025-26") == true)
        let la = ["return", "cin-census", "--log", sampleLog, "--year", "2024-25", "--out", folder + "/x.xml"]
        #expect(refusal(la + ["--la", "20"])?.contains("three-digit code") == true)
        #expect(refusal(la + ["--la", "201"]) == nil)
        #expect(refusal(la + ["--la", "201", "--log", "-"])?.contains("not standard input") == true)
        let result = journey(base + ["--year", "2024"])
        #expect(result.status == 64)
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.xml"))
    }

    @Test("--out in a folder that does not exist is an error, exit 1, and no file is left")
    func outCannotBeWritten() throws {
        let out = folder + "/missing/cin.xml"
        let result = write(sampleLog, out: out)
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot write \(out): "), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    @Test("--out naming a folder is refused before the replay, and the folder is left alone")
    func outIsAFolder() {
        let result = write(sampleLog, out: folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot write \(folder): "), "\(result.errors)")
    }
}

/// A CIN census XML file as sets of values: each child's id, and (child, element path, value) for every element
/// with text under `Child`, paths numbered by the referral date of their `CINdetails` and the first date of their
/// record, so that order does not count. The header is left out (its DateTime is when the file was made).
struct CINValues {
    var children: Set<String> = []
    var values: Set<String> = []

    init(children: Set<String>, values: Set<String>) {
        self.children = children
        self.values = values
    }

    init(file: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        for child in Self.blocks(text, "Child") {
            let id = Self.value(child, "LAchildID") ?? "?"
            children.insert(id)
            let identifiers = Self.blocks(child, "ChildIdentifiers").first ?? ""
            let characteristics = Self.blocks(child, "ChildCharacteristics").first ?? ""
            for (name, value) in Self.leaves(identifiers) { values.insert("\(id) ChildIdentifiers/\(name) \(value)") }
            for (name, value) in Self.leaves(characteristics) {
                values.insert("\(id) ChildCharacteristics/\(name) \(value)")
            }
            for episode in Self.blocks(child, "CINdetails") {
                let referral = Self.value(episode, "CINreferralDate") ?? "?"
                var own = episode
                for module in [
                    "Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans",
                ] {
                    for block in Self.blocks(episode, module) {
                        let key = Self.leaves(block).first?.value ?? "?"
                        for (name, value) in Self.leaves(block) {
                            values.insert("\(id) CINdetails[\(referral)]/\(module)[\(key)]/\(name) \(value)")
                        }
                        own = own.replacingOccurrences(of: block, with: "")
                    }
                }
                for (name, value) in Self.leaves(own) {
                    values.insert("\(id) CINdetails[\(referral)]/\(name) \(value)")
                }
            }
        }
    }

    /// The text of each `<name>…</name>` in `text`.
    static func blocks(_ text: String, _ name: String) -> [String] {
        text.components(separatedBy: "<\(name)>").dropFirst().compactMap {
            $0.components(separatedBy: "</\(name)>").first
        }
    }

    static func value(_ text: String, _ name: String) -> String? {
        blocks(text, name).first?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every element holding text alone, as (name, value), in order.
    static func leaves(_ text: String) -> [(name: String, value: String)] {
        var out: [(String, String)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "<") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: ">") else { break }
            let name = String(rest[..<close.lowerBound])
            rest = rest[close.upperBound...]
            guard !name.hasPrefix("/"), !name.hasSuffix("/"), let end = rest.range(of: "<") else { continue }
            let value = rest[..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if rest[end.lowerBound...].hasPrefix("</\(name)>") && !value.isEmpty { out.append((name, value)) }
        }
        return out
    }

    /// What the 2022 census (2021-22) of `fake_CIN_data.xml` must hold, worked from the file alone by the census's
    /// rules (docs/returns.md): an episode is in when referred by 31 March 2022 and not closed before 1 April 2021,
    /// a referral with no further action when referred in the year; a closure (with its reason), conference or
    /// death after 31 March 2022, or a conference before the year, is left out; `ReferralNFA` is written `0`/`1`
    /// (the file says `true`/`false`). The file has no assessments, plans or enquiries, and every child has a
    /// birth date, a `GenderCurrent`, an ethnicity, a UPN and a primary need.
    static func expected2021(file: String) throws -> CINValues {
        let (start, end) = ("2021-04-01", "2022-03-31")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var expected = CINValues(children: [], values: [])
        for child in blocks(text, "Child") {
            let id = value(child, "LAchildID") ?? "?"
            var episodes: [String] = []
            for episode in blocks(child, "CINdetails") {
                let referral = value(episode, "CINreferralDate") ?? "?"
                let nfa = ["1", "true"].contains(value(episode, "ReferralNFA") ?? "")
                let closed = value(episode, "CINclosureDate")
                let inScope =
                    nfa
                    ? (referral >= start && referral <= end) : (referral <= end && (closed.map { $0 >= start } ?? true))
                guard inScope else { continue }
                episodes.append(referral)
                for (name, v) in leaves(episode) {
                    var v = v
                    switch name {
                    case "CINclosureDate", "ReasonForClosure": if (closed ?? "") > end { continue }
                    case "DateOfInitialCPC": if v < start || v > end { continue }
                    case "ReferralNFA": v = nfa ? "1" : "0"
                    default: break
                    }
                    expected.values.insert("\(id) CINdetails[\(referral)]/\(name) \(v)")
                }
            }
            guard !episodes.isEmpty else { continue }
            expected.children.insert(id)
            for (name, v) in leaves(blocks(child, "ChildIdentifiers").first ?? "") {
                if name == "PersonDeathDate" && v > end { continue }
                expected.values.insert("\(id) ChildIdentifiers/\(name) \(v)")
            }
            for (name, v) in leaves(blocks(child, "ChildCharacteristics").first ?? "") {
                expected.values.insert("\(id) ChildCharacteristics/\(name) \(v)")
            }
        }
        return expected
    }
}
