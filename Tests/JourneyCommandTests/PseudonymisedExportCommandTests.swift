import Foundation
import Testing

/// `journey export --pseudonymise --key FILE`, run in-process: the research extract.
@Suite("journey export --pseudonymise")
struct PseudonymisedExportCommandTests {
    /// Three children, every identifying field the format has, worked by hand:
    ///
    /// - C100, born 2016-03-14 (UPN, ward, allocated to "North Team", worker "Jo Bloggs"), referred 2023-05-03; CP plan
    ///   P1 from 2023-06-01 to 2023-12-01, CP plan P2 from 2024-03-01: a repeat within 24 months, 91 days after P1
    ///   ended (December 31 + January 31 + February 29 in 2024). A visit on 5 March retracted the next day.
    /// - C200, born 2019-11-27 (expected 2019-12-02), in care from 2024-01-12 in a placement at SW1A 1AA; CP plan P1
    ///   (the same id as C100's first plan) started 2024-04-15, corrected to 2024-04-16: a first plan.
    /// - C300, C100's duplicate, merged into C100; no plans of its own.
    ///
    /// Event ids name the child (`C100-4`), as an importer's do. Every event has its `recorded` time, which the
    /// extract must keep.
    static let log = """
        {"id":"C100-1","type":"child.registered","child":"C100","occurred":"2023-05-02","recorded":"2023-05-02T09:10:00Z","data":{"birthDate":"2016-03-14","sex":"F","ethnicity":"WBRI","upn":"A123456789012","ward":"E05000001"},"source":"Mosaic","by":"J. Smith"}
        {"id":"C100-2","type":"worker.allocated","child":"C100","occurred":"2023-05-02","recorded":"2023-05-02T09:11:00Z","data":{"team":"North Team","worker":"Jo Bloggs"}}
        {"id":"C100-3","type":"referral.received","child":"C100","occurred":"2023-05-03","recorded":"2023-05-03T10:00:00Z","data":{"referral":"C100-R1","source":"2A"}}
        {"id":"C100-4","type":"cp-plan.started","child":"C100","occurred":"2023-06-01","recorded":"2023-06-01T12:00:00Z","data":{"plan":"P1","referral":"C100-R1","category":"NEG"}}
        {"id":"C100-5","type":"cp-plan.ended","child":"C100","occurred":"2023-12-01","recorded":"2023-12-01T12:00:00Z","data":{"plan":"P1"}}
        {"id":"C100-6","type":"cp-plan.started","child":"C100","occurred":"2024-03-01","recorded":"2024-03-01T12:00:00Z","data":{"plan":"P2","referral":"C100-R1","category":"EMO"}}
        {"id":"C100-7","type":"visit.made","child":"C100","occurred":"2024-03-05","recorded":"2024-03-05T15:00:00Z","data":{"kind":"cp","seen":true}}
        {"id":"C100-8","type":"event.retracted","child":"C100","occurred":"2024-03-06","recorded":"2024-03-06T08:30:00Z","data":{"event":"C100-7","reason":"the visit was to Ellie Jones"}}
        {"id":"C200-1","type":"child.registered","child":"C200","occurred":"2024-01-10","recorded":"2024-01-10T09:00:00Z","data":{"birthDate":"2019-11-27","expectedBirthDate":"2019-12-02","sex":"M","upn":"B987654321098"}}
        {"id":"C200-2","type":"referral.received","child":"C200","occurred":"2024-01-10","recorded":"2024-01-10T09:05:00Z","data":{"referral":"R1","source":"6"}}
        {"id":"C200-3","type":"care.started","child":"C200","occurred":"2024-01-12","recorded":"2024-01-12T17:00:00Z","data":{"period":"L1","legalStatus":"V2","needCode":"N1"}}
        {"id":"C200-4","type":"placement.started","child":"C200","occurred":"2024-01-12","recorded":"2024-01-12T17:05:00Z","data":{"placement":"PL1","period":"L1","placementType":"U6","provider":"PR1","postcode":"SW1A 1AA","urn":"SC123456","distanceMiles":4.5}}
        {"id":"C200-5","type":"cp-plan.started","child":"C200","occurred":"2024-04-15","recorded":"2024-04-15T12:00:00Z","data":{"plan":"P1","referral":"R1","category":"NEG"}}
        {"id":"C200-6","type":"cp-plan.started","child":"C200","occurred":"2024-04-16","recorded":"2024-04-17T12:00:00Z","data":{"plan":"P1","referral":"R1","category":"NEG"},"corrects":"C200-5"}
        {"id":"C300-1","type":"child.registered","child":"C300","occurred":"2024-02-01","recorded":"2024-02-01T11:00:00Z","data":{"birthDate":"2016-03-14","sex":"F"}}
        {"id":"C300-2","type":"child.merged","child":"C300","occurred":"2024-02-02","recorded":"2024-02-02T11:00:00Z","data":{"into":"C100"}}

        """

    /// A 32-byte key, exactly these bytes (no newline).
    static let key = "0123456789abcdef0123456789abcdef"

    /// The log, a key file (owner-only) with `key`, and the folder they are in.
    func setUp(key: String = Self.key) throws -> (folder: String, events: String, key: String) {
        let folder = try scratchFolder("journey-pseudonymise")
        let events = folder + "/log.jsonl"
        try Self.log.write(toFile: events, atomically: false, encoding: .utf8)
        return (folder, events, try keyFile(key, in: folder))
    }

    func keyFile(_ text: String, in folder: String, name: String = "research.key", mode: Int = 0o600) throws -> String {
        let path = folder + "/" + name
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    // The pseudonyms under `key`, worked out apart from the program with Python's hmac module:
    //   python3 -c 'import hmac,hashlib; k=b"0123456789abcdef0123456789abcdef"; \
    //     print(hmac.new(k, b"child:C100", hashlib.sha256).hexdigest()[:20])'
    // gives 227146807f055d40d245; with b"child:C200", 23d8342d7e757ec5c23e; with b"child:C300", 976719ec7b834b95c60c;
    // with b"id:P1" cut at 32, d327b542efb1921b024d632dd728c090.
    // Under the other key b"fedcba9876543210fedcba9876543210", child:C100 gives f4bdc56721cd66febc77.
    static let c100 = "227146807f055d40d245"
    static let c200 = "23d8342d7e757ec5c23e"
    static let c300 = "976719ec7b834b95c60c"
    static let planP1 = "d327b542efb1921b024d632dd728c090"

    @Test("The extract holds no child id, full birth date, postcode, UPN, ward, worker, team or free text")
    func nothingIdentifying() throws {
        let (_, events, key) = try setUp()
        let result = journey(["export", "--log", events, "--pseudonymise", "--key", key])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 16)
        // Searched in the bytes of the whole extract.
        for original in [
            "C100", "C200", "C300",  // child ids, also in event ids and a referral id
            "2016-03-14", "2019-11-27", "2019-12-02",  // birth dates and the expected one
            "SW1A 1AA", "1AA", "A123456789012", "B987654321098", "E05000001", "SC123456",  // postcode, UPNs, ward, URN
            "North Team", "Jo Bloggs", "J. Smith", "Mosaic", "Ellie Jones",  // team, worker, by, source, free text
        ] {
            #expect(!result.output.contains(original), "\(original) is in the extract")
        }
        // What is reduced rather than dropped: birth dates to the 1st of their month, the postcode to its district.
        #expect(result.output.contains(#""birthDate":"2016-03-01""#))
        #expect(result.output.contains(#""birthDate":"2019-11-01","expectedBirthDate":"2019-12-01""#))
        #expect(result.output.contains(#""postcode":"SW1A""#))
        #expect(result.output.contains(#""team":"withheld""#))
        #expect(result.output.contains(#""reason":"withheld""#))
        #expect(!result.output.contains("\"worker\""))
        #expect(!result.output.contains("upn"))
        #expect(!result.output.contains("ward"))
        #expect(!result.output.contains("\"by\""))
        #expect(!result.output.contains("\"source\":\"Mosaic\""))
    }

    @Test("A child's pseudonym is the HMAC-SHA256 of child: and its id, as Python's hmac computes it")
    func knownPseudonyms() throws {
        let (_, events, key) = try setUp()
        let result = journey(["export", "--log", events, "--pseudonymise", "--key", key])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        // The first line: C100's registration, its id, child and birth date pseudonymised or reduced, its dates,
        // time, sex and ethnicity kept. Its id is the HMAC of event:C100-1:
        //   python3 -c 'import hmac,hashlib; k=b"0123456789abcdef0123456789abcdef"; \
        //     print(hmac.new(k, b"event:C100-1", hashlib.sha256).hexdigest()[:32])'
        #expect(
            lines.first
                == #"{"id":"7f0b7ded407a1c9fdf0e15498b59b0ed","type":"child.registered","child":"\#(Self.c100)","occurred":"2023-05-02","recorded":"2023-05-02T09:10:00Z","data":{"birthDate":"2016-03-01","sex":"F","ethnicity":"WBRI"}}"#
        )
        // C200's registration and its plan P1; and the merge names C100's pseudonym.
        #expect(lines[8].contains(#""child":"\#(Self.c200)""#))
        #expect(lines[12].contains(#""plan":"\#(Self.planP1)""#))
        #expect(lines[15].contains(#""child":"\#(Self.c300)","occurred":"2024-02-02""#))
        #expect(lines[15].contains(#""data":{"into":"\#(Self.c100)"}"#))
        // C100's first plan has the same id P1: the same pseudonym, told apart by the child as in the log.
        #expect(lines[3].contains(#""child":"\#(Self.c100)""#) && lines[3].contains(Self.planP1))
    }

    @Test("The same key gives the same extract twice; another key other pseudonyms")
    func stableUnderOneKey() throws {
        let (folder, events, key) = try setUp()
        let first = journey(["export", "--log", events, "--pseudonymise", "--key", key])
        let second = journey(["export", "--log", events, "--pseudonymise", "--key", key])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.output == second.output)
        let otherKey = try keyFile("fedcba9876543210fedcba9876543210", in: folder, name: "other.key")
        let other = journey(["export", "--log", events, "--pseudonymise", "--key", otherKey])
        #expect(other.status == 0, "\(other.errors)")
        // Hand-worked above: f4bdc56721cd66febc77 for C100 under the other key.
        #expect(other.output.contains(#""child":"f4bdc56721cd66febc77""#))
        #expect(!other.output.contains(Self.c100))
        // Every line differs: every event id is a pseudonym of the key.
        let firstLines = Set(first.output.split(separator: "\n"))
        #expect(other.output.split(separator: "\n").allSatisfy { !firstLines.contains($0) })
        // Event ids stay unique: 16 events, 16 ids.
        let ids = first.output.split(separator: "\n").map { $0.dropFirst(7).prefix(32) }
        #expect(Set(ids).count == 16)
    }

    @Test("The extract appends to a new log, and the repeat-CP cohort is the original's, pseudonyms aside")
    func cohortOnTheExtract() throws {
        let (folder, events, key) = try setUp()
        let extract = journey(["export", "--log", events, "--pseudonymise", "--key", key])
        #expect(extract.status == 0, "\(extract.errors)")
        let extractFile = folder + "/extract.jsonl"
        try extract.output.write(toFile: extractFile, atomically: false, encoding: .utf8)
        let appended = journey(["append", extractFile, "--log", folder + "/research"])
        #expect(appended.status == 0, "\(appended.errors)")

        func rows(_ log: String) throws -> [String: [String: String]] {
            let result = journey([
                "cohort", "repeat-cp", "--log", log, "--from", "2024-01-01", "--to", "2024-12-31", "--format", "json",
                "--part", "rows",
            ])
            #expect(result.status == 0, "\(result.errors)")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
            let rows = try #require(json["rows"] as? [[String: Any]], "\(json)")
            // Each value a string, or null (written here as "").
            let strings = rows.map { $0.mapValues { $0 as? String ?? "" } }
            return Dictionary(uniqueKeysWithValues: strings.map { ($0["child"] ?? "", $0) })
        }
        let original = try rows(events)
        // By hand (see `log`): two children start a plan in 2024. C100 (with its merged duplicate C300) a repeat
        // within the window, 91 days after its first plan ended; C200 a first plan, started on the corrected date.
        #expect(original.keys.sorted() == ["C100", "C200"])
        #expect(original["C100"]?["group"] == "repeat-within-window")
        #expect(original["C100"]?["gap_days"] == "91")
        #expect(original["C200"]?["group"] == "first-time")
        #expect(original["C200"]?["plan_start"] == "2024-04-16")

        for research in [try rows(folder + "/research"), try rows(extractFile)] {
            // The same two rows under the pseudonyms; only the team differs, withheld.
            #expect(research.keys.sorted() == [Self.c100, Self.c200].sorted())
            for (child, pseudonym) in [("C100", Self.c100), ("C200", Self.c200)] {
                var expected = try #require(original[child])
                expected["child"] = pseudonym
                if expected["team"] == "North Team" { expected["team"] = "withheld" }
                #expect(research[pseudonym] == expected)
            }
        }
        // The age bands are the same: C100 is 7 on 2024-03-01 (born 14 March 2016) and, born on the 1st in the
        // extract, 8, both 5-9; C200 is 4 on 2024-04-16 either way (born 27 or 1 November 2019), 1-4.
        #expect(original["C100"]?["age_band"] == "5-9")
        #expect(original["C200"]?["age_band"] == "1-4")
    }

    @Test("No key, no extract: --pseudonymise without --key, or --key alone, is refused, exit 64")
    func noKey() {
        let without = journey(["export", "--log", sampleLog, "--pseudonymise"])
        #expect(without.status == 64)
        #expect(without.output.isEmpty)
        #expect(without.errors.contains("--pseudonymise needs --key FILE: no key, no extract"), "\(without.errors)")
        let alone = journey(["export", "--log", sampleLog, "--key", "research.key"])
        #expect(alone.status == 64)
        #expect(alone.errors.contains("--key is used only with --pseudonymise"), "\(alone.errors)")
    }

    @Test(
        "A key file that is missing, empty, under 32 bytes or open to others is refused, exit 1, nothing written",
        arguments: [
            ("missing", "", 0o600, "there is no such file"),
            ("empty", "", 0o600, "it is empty"),
            ("short", String(repeating: "k", count: 31), 0o600, "it holds 31 bytes, fewer than the 32"),
            ("readable", Self.key, 0o644, "its group or others may use it (mode 644)"),
            ("group", Self.key, 0o640, "its group or others may use it (mode 640)"),
        ])
    func badKeyFile(name: String, contents: String, mode: Int, reason: String) throws {
        let (folder, events, _) = try setUp()
        let path = folder + "/" + name + ".key"
        if name != "missing" { _ = try keyFile(contents, in: folder, name: name + ".key", mode: mode) }
        let result = journey(["export", "--log", events, "--pseudonymise", "--key", path])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("journey: key file \(path): \(reason)"), "\(result.errors)")
        // The remedy: a new key for the missing, empty or short file; chmod 600 for one others can read.
        #expect(result.errors.contains(mode == 0o600 ? "head -c 32 /dev/urandom" : "chmod 600 \(path)"))
    }

    @Test("A key of exactly 32 bytes is taken, a final newline and all")
    func keyOfThirtyTwoBytes() throws {
        let (folder, events, _) = try setUp()
        let exact = try keyFile(String(repeating: "k", count: 32), in: folder, name: "exact.key")
        #expect(journey(["export", "--log", events, "--pseudonymise", "--key", exact]).status == 0)
        // The newline is part of the key: 33 bytes give other pseudonyms than the 32 before it.
        let withNewline = try keyFile(Self.key + "\n", in: folder, name: "newline.key")
        let result = journey(["export", "--log", events, "--pseudonymise", "--key", withNewline])
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.output.contains(Self.c100))
    }
}
