import Foundation
import JourneyLog
import JourneyPostgres
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

/// `export`, `report`, `import` and `synth` on a log kept in PostgreSQL, as journey-serve runs them (`LogStores`
/// offering `PostgresLogStore`), each against the same command on a log folder holding the same events: the same
/// bytes out, the same pack, the same events appended and the same report, the same synthetic events.
///
/// They need a server: `JOURNEY_TEST_POSTGRES=postgres://USER@HOST:PORT/DB` (`Scripts/postgres.sh start DIR`). Each
/// log is a schema of its own in that database.
@Suite(
    "Export, report, import and synth on a PostgreSQL log",
    .enabled(
        if: ProcessInfo.processInfo.environment["JOURNEY_TEST_POSTGRES"].map { !$0.isEmpty } ?? false,
        "JOURNEY_TEST_POSTGRES is not set: no PostgreSQL to test against"),
    .serialized)
final class PostgresWriteCommandTests {
    let server = ProcessInfo.processInfo.environment["JOURNEY_TEST_POSTGRES"] ?? ""
    let folder: String

    init() throws {
        folder = try scratchFolder("journey-pg-write")
    }

    /// Each test's scratch folder goes with it.
    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// A new, empty log's address: a schema of its own.
    func newAddress() -> String {
        server + (server.contains("?") ? "&" : "?") + "schema=journey_write_\(UInt32.random(in: 0...UInt32.max))"
    }

    func withPostgres<T>(_ body: () throws -> T) rethrows -> T {
        try LogStores.$offered.withValue([PostgresLogStore()], operation: body)
    }

    /// What `verify` prints of a log: its event and batch counts and its head hash (the same words in both stores
    /// once the folder's segment files are left out).
    func verified(_ log: String) -> String {
        let line = journey(["verify", "--log", log]).output
        guard let hash = line.split(separator: " ").last, let events = line.split(separator: ",").first else {
            return line
        }
        // "ok: 5 events in 1 batches, 1 segment file(s), 900 bytes; head hash H" or "ok: 5 events in 1 batches;
        // head hash H": the counts, then the hash.
        return String(events.split(separator: ";")[0]) + " " + hash.trimmingCharacters(in: .newlines)
    }

    /// The sample council in a new log folder and, copied batch for batch, in a new PostgreSQL log.
    func sampleInBoth() throws -> (folder: String, address: String) {
        let log = folder + "/sample"
        #expect(journey(["append", sampleLog, "--log", log]).status == 0)
        let address = newAddress()
        let copied = withPostgres { journey(["copy", "--from", log, "--to", address]) }
        #expect(copied.status == 0, "\(copied.errors)")
        return (log, address)
    }

    @Test("export gives the folder's bytes, whole, for one child as known at a date, and pseudonymised")
    func export() throws {
        let (log, address) = try sampleInBoth()
        let key = folder + "/research.key"
        #expect(FileManager.default.createFile(atPath: key, contents: Data("0123456789abcdef0123456789abcdef".utf8)))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
        let whole = journey(["export", "--log", log])
        // The sample holds 18,730 events, appended in one batch: the folder's export is their canonical form, which
        // is what exporting the sample file itself gives (read line by line, not from any log).
        #expect(whole.output.split(separator: "\n").count == 18_730)
        #expect(whole.output == journey(["export", "--log", sampleLog]).output)
        // The first event's child, for --child.
        let firstLine = whole.output.prefix { $0 != "\n" }
        let child = try #require(firstLine.firstRange(of: #""child":""#)).upperBound
        let childID = String(firstLine[child...].prefix { $0 != "\"" })
        try withPostgres {
            for options in [
                [], ["--child", childID, "--as-known-at", "2024-06-30"], ["--pseudonymise", "--key", key],
            ] {
                let onFolder = journey(["export", "--log", log] + options)
                let onDatabase = journey(["export", "--log", address] + options)
                #expect(onFolder.status == 0, "\(options): \(onFolder.errors)")
                #expect(onDatabase.status == 0, "\(options): \(onDatabase.errors)")
                #expect(!onDatabase.output.isEmpty, "\(options)")
                #expect(onDatabase.output == onFolder.output, "\(options)")
            }
            let one = try #require(
                journey(["export", "--log", address, "--child", childID]).output.first { _ in true })
            #expect(one == "{")
        }
    }

    @Test("report writes the folder's pack, the log's name aside, naming the same position and head hash")
    func report() throws {
        let (log, address) = try sampleInBoth()
        let arguments = ["report", "--year", "2024-25", "--stamp", "2025-05-01T09:00:00Z"]
        let onFolder = journey(arguments + ["--log", log, "--out", folder + "/folder.html"])
        #expect(onFolder.status == 0, "\(onFolder.errors)")
        let onDatabase = withPostgres { journey(arguments + ["--log", address, "--out", folder + "/database.html"]) }
        #expect(onDatabase.status == 0, "\(onDatabase.errors)")
        let folderPack = try String(contentsOfFile: folder + "/folder.html", encoding: .utf8)
        let databasePack = try String(contentsOfFile: folder + "/database.html", encoding: .utf8)
        // The pack names its log: the folder's path (and its last part in each page's running header), or the
        // address without its user (`postgres://…@host:port/db?schema=…`, and the part after the last `/`); in the
        // page headers' CSS, "…" is written as its escape, "\2026 ".
        let shown = LogStores.withoutCredentials(address)
        #expect(shown.hasPrefix("postgres://…@"))
        #expect(!shown.contains("journey@"))
        #expect(databasePack.contains(shown))
        let folderName = String(log.split(separator: "/").last!)
        let shownName = String(shown.split(separator: "/").last!)
        let renamed = databasePack.replacingOccurrences(of: shown, with: log)
            .replacingOccurrences(of: shown.replacingOccurrences(of: "…", with: "\\2026 "), with: log)
            .replacingOccurrences(of: shownName, with: folderName)
        let isSame = renamed == folderPack
        #expect(isSame, "the pack from PostgreSQL is not the folder's, its log's name aside")
        // Both name the sample's 18,730 events, in one batch, and the head hash verify prints.
        let hash = String(verified(log).split(separator: " ").last!)
        #expect(hash.count == 64)
        #expect(databasePack.contains("position 18730, head hash \(hash)"))
    }

    /// A return of one child looked after from 1 June 2023 to 1 February 2024 (as in `ImportCommandTests`), with the
    /// episodes given.
    func writeSSDA903(_ name: String, episodes: [String]) throws -> String {
        let tables = folder + "/" + name
        try FileManager.default.createDirectory(atPath: tables, withIntermediateDirectories: true)
        try "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n100001,1,01/05/2012,WBRI,A123456789012,,\n"
            .write(toFile: tables + "/header.csv", atomically: false, encoding: .utf8)
        try
            (["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"]
            + episodes)
            .map { $0 + "\n" }.joined().write(toFile: tables + "/episodes.csv", atomically: false, encoding: .utf8)
        return tables
    }

    /// Runs the same import into a new folder and a new PostgreSQL log (or into those given), and checks that both
    /// print the same and end with the same events.
    @discardableResult
    func importIntoBoth(_ arguments: [String], folderLog: String, address: String) -> (
        status: Int32, output: String, errors: String
    ) {
        let onFolder = journey(arguments + ["--log", folderLog])
        let onDatabase = withPostgres { journey(arguments + ["--log", address]) }
        #expect(onDatabase.status == onFolder.status, "\(arguments): \(onDatabase.errors)")
        #expect(onDatabase.output == onFolder.output, "\(arguments)")
        #expect(onDatabase.errors == onFolder.errors, "\(arguments)")
        let exported = withPostgres { journey(["export", "--log", address]) }
        #expect(exported.output == journey(["export", "--log", folderLog]).output, "\(arguments)")
        return onFolder
    }

    @Test("import of SSDA903, CIN census and Annex A: the same summary and the same events as into a folder")
    func imports() throws {
        let log = folder + "/imported"
        let address = newAddress()
        // The hand-made return of three children, collection year 2023-24 (its fixture's README): named after the
        // year's end, recorded at the last second of 31 March 2024.
        let ssda903 = importIntoBoth(
            ["import", "ssda903", importFixture("ssda903-small"), "--year", "2023-24"], folderLog: log,
            address: address)
        #expect(ssda903.status == 0, "\(ssda903.errors)")
        #expect(
            ssda903.output.hasPrefix("ssda903-2024 (collection year 2023-24, recorded 2024-03-31T23:59:59Z)"),
            "\(ssda903.output)")
        let cin = importIntoBoth(
            ["import", "cin-census", importFixture("cin-census/CIN_Census_2021.xml")], folderLog: log, address: address)
        #expect(cin.status == 0, "\(cin.errors)")
        // <ReferenceDate>2023-03-31</ReferenceDate>: the year 2022-23.
        #expect(cin.output.hasPrefix("cin-census-2023 (collection year 2022-23, "), "\(cin.output)")
        // Imported again, nothing is new in either: every fact is already in the log.
        let again = importIntoBoth(
            ["import", "cin-census", importFixture("cin-census/CIN_Census_2021.xml")], folderLog: log, address: address)
        #expect(again.output.contains("already in the log"), "\(again.output)")
        #expect(!again.output.contains(" new"), "\(again.output)")
        // Annex A drawn from the sample, imported into the same two logs.
        let lists = folder + "/lists"
        let drawn = journey([
            "annex-a", "--log", sampleLog, "--as-of", "2025-03-31", "--format", "csv", "--out", lists,
        ])
        #expect(drawn.status == 0, "\(drawn.errors)")
        let annexA = importIntoBoth(
            ["import", "annex-a", lists, "--extracted", "2025-03-31"], folderLog: log, address: address)
        #expect(annexA.status == 0, "\(annexA.errors)")
        #expect(annexA.output.hasPrefix("annex-a-2025-03-31 "), "\(annexA.output)")
        // Three imports that appended (the repeat appended nothing): three batches in each, the same events; the
        // chain hashes differ, since each batch's commit time is the time it was appended.
        let counts = [log, address].map { each in withPostgres { verified(each) }.split(separator: " ").dropLast() }
        #expect(counts[0] == counts[1])
        #expect(counts[0].joined(separator: " ").hasSuffix("in 3 batches"), "\(counts[0])")
    }

    @Test("import with a row that cannot be read: the same rejected rows, and a refused return leaves the head hash")
    func importRejectedRows() throws {
        // The second episode ceases on 30 February 2024, which is no date: the row is rejected.
        let tables = try writeSSDA903(
            "bad-903",
            episodes: [
                "100001,01/06/2023,S,C2,N1,U1,PR1,01/09/2023,X1,CARPL,,,",
                "100001,01/09/2023,P,C2,N1,U3,PR1,30/02/2024,E4A,,,,",
            ])
        let log = folder + "/rejecting"
        let address = newAddress()
        // A first import of the sample's Annex A would do, but any batch will: one event appended by hand.
        let seed = folder + "/seed.jsonl"
        try
            (#"{"id":"e1","type":"referral.received","child":"C1","occurred":"2024-04-02","recorded":"2024-04-02T12:00:00Z","data":{"referral":"R1","source":"6"}}"#
            + "\n").write(toFile: seed, atomically: false, encoding: .utf8)
        #expect(journey(["append", seed, "--log", log]).status == 0)
        #expect(withPostgres { journey(["append", seed, "--log", address]) }.status == 0)
        // Appended apart, the two batches have their own commit times, and so their own head hashes.
        let before = withPostgres { verified(address) }
        let beforeHere = verified(log)
        #expect(before.hasPrefix("ok: 1 events in 1 batches "), "\(before)")
        #expect(beforeHere.hasPrefix("ok: 1 events in 1 batches "), "\(beforeHere)")

        // Without --skip-invalid: nothing appended, the same problem named (episodes.csv's line 3, field DEC).
        let refused = importIntoBoth(
            ["import", "ssda903", tables, "--rejected", folder + "/refused-folder.csv"], folderLog: log,
            address: address)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("episodes.csv line 3, episodes, field DEC: "), "\(refused.errors)")
        #expect(withPostgres { verified(address) } == before)
        #expect(verified(log) == beforeHere)

        // With --skip-invalid: the rest is imported, and the rejected rows written the same, byte for byte.
        let kept = folder + "/rejected-folder.csv"
        let keptThere = folder + "/rejected-database.csv"
        let onFolder = journey(["import", "ssda903", tables, "--skip-invalid", "--rejected", kept, "--log", log])
        let onDatabase = withPostgres {
            journey(["import", "ssda903", tables, "--skip-invalid", "--rejected", keptThere, "--log", address])
        }
        #expect(onFolder.status == 0, "\(onFolder.errors)")
        #expect(onDatabase.status == 0, "\(onDatabase.errors)")
        #expect(
            onDatabase.output.replacingOccurrences(of: keptThere, with: kept) == onFolder.output, "\(onDatabase.output)"
        )
        // One row rejected: the second episode.
        #expect(onFolder.output.contains("1 row rejected; their problems are written to \(kept)"), "\(onFolder.output)")
        let rejectedHere = try String(contentsOfFile: kept, encoding: .utf8)
        #expect(rejectedHere.contains("30/02/2024"))
        #expect(try String(contentsOfFile: keptThere, encoding: .utf8) == rejectedHere)
        #expect(
            withPostgres { journey(["export", "--log", address]) }.output == journey(["export", "--log", log]).output)
    }

    @Test("import whose batch the log refuses: the problem at the return's line in both stores, nothing appended")
    func importRefusedByTheLog() throws {
        let tables = try writeSSDA903(
            "good-903",
            episodes: [
                "100001,01/06/2023,S,C2,N1,U1,PR1,01/09/2023,X1,CARPL,,,",
                "100001,01/09/2023,P,C2,N1,U3,PR1,01/02/2024,E4A,,,,",
            ])
        // The header row's fact is keyed 903.<child>.reg (`FactKey.make("903", child, "reg")`): an event of
        // another source with that id, appended by hand, is not one of the importer's facts, so the import appends
        // its own child.registered with the same id and other content, which the log refuses. The header row is
        // line 2 of header.csv (line 1 is the column names); its event is the first of the batch (a child's
        // registration comes before its care), so a problem numbered in the batch's order would say line 1.
        let clash = folder + "/clash.jsonl"
        try
            (#"{"id":"903.100001.reg","type":"referral.received","child":"C1","occurred":"2024-04-02","recorded":"2024-04-02T12:00:00Z","data":{"referral":"R1","source":"6"}}"#
            + "\n").write(toFile: clash, atomically: false, encoding: .utf8)
        let log = folder + "/clashing"
        let address = newAddress()
        #expect(journey(["append", clash, "--log", log]).status == 0)
        #expect(withPostgres { journey(["append", clash, "--log", address]) }.status == 0)
        let before = withPostgres { verified(address) }
        let refused = importIntoBoth(["import", "ssda903", tables], folderLog: log, address: address)
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains(#"line 2, field "id": is already used by a different event (position 1)"#),
            "\(refused.errors)")
        #expect(withPostgres { verified(address) } == before)
    }

    @Test("synth --log: the same events, in the same batches, as into a folder")
    func synth() throws {
        let arguments = ["synth", "--children", "300", "--from", "2023-04-01", "--to", "2025-03-31", "--seed", "5"]
        let log = folder + "/synthetic"
        let address = newAddress()
        let onFolder = journey(arguments + ["--log", log])
        let onDatabase = withPostgres { journey(arguments + ["--log", address]) }
        #expect(onFolder.status == 0, "\(onFolder.errors)")
        #expect(onDatabase.status == 0, "\(onDatabase.errors)")
        // The summary of what was made (standard error) is the council's, whichever log it went to.
        #expect(onDatabase.errors == onFolder.errors)
        let exported = journey(["export", "--log", log]).output
        #expect(withPostgres { journey(["export", "--log", address]) }.output == exported)
        // The same seed written as JSON Lines is the same events: the export of either log is that file's.
        let file = folder + "/synthetic.jsonl"
        #expect(journey(arguments + ["--out", file]).status == 0)
        #expect(journey(["export", "--log", file]).output == exported)
        // The same count of events in the same count of batches (fewer than 100,000 events: one batch).
        let counts = [log, address].map { each in withPostgres { verified(each) }.split(separator: " ").dropLast() }
        #expect(counts[0] == counts[1])
        #expect(counts[0].joined(separator: " ").hasSuffix("in 1 batches"), "\(counts[0])")
    }
}

/// The `journey` executable offers no store but folders: `export`, `report`, `import` and `synth` given a PostgreSQL
/// address say that journey-serve opens it, and how to run the command there, and make nothing named after it.
@Suite("Export, report, import and synth refuse a PostgreSQL address without journey-serve")
struct PostgresAddressRefusalTests {
    let address = "postgres://someone@127.0.0.1:1/nothing"

    @Test(
        "Each names journey-serve and the command to run there",
        arguments: [
            (["export"], "journey-serve export --log ADDRESS"),
            (["report", "--year", "2024-25", "--out", "/tmp/journey-refused-pack.html"], "journey-serve report --log"),
            (["import", "ssda903", "/tmp/journey-no-return"], "journey-serve import ssda903 --log ADDRESS"),
            (["import", "cin-census", "/tmp/journey-no-return.xml"], "journey-serve import cin-census --log ADDRESS"),
            (
                ["import", "annex-a", "/tmp/journey-no-return", "--extracted", "2025-03-31"],
                "journey-serve import annex-a --log ADDRESS"
            ),
            (["synth", "--children", "5", "--from", "2024-04-01", "--to", "2024-06-30"], "journey-serve synth --log"),
        ])
    func refused(arguments: [String], advice: String) {
        let result = journey(arguments + ["--log", address])
        #expect(result.status == 1, "\(result.errors)")
        #expect(result.output.isEmpty)
        // "journey: postgres://…@127.0.0.1:1/nothing is the address of a log in another store (postgres://), which
        // this program does not open. journey-serve opens PostgreSQL logs …": the user left out.
        #expect(result.errors.contains("postgres://…@127.0.0.1:1/nothing"), "\(result.errors)")
        #expect(!result.errors.contains("someone"), "\(result.errors)")
        #expect(result.errors.contains("which this program does not open"), "\(result.errors)")
        #expect(result.errors.contains(advice), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: "postgres:"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/journey-refused-pack.html"))
    }
}
