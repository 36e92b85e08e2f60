import Foundation
import JourneyCore
import JourneyImport
import Testing

/// The `--rejected` file holds rejected rows as they were read, personal data included: it is created readable by
/// its owner only whatever the umask, an existing file is made so, and when it cannot be written nothing is
/// appended.
@Suite("Importing: the file of rejected rows")
struct RejectedFileTests {
    /// A return with one valid row (C1) and one invalid (C2's DECOM).
    func badReturn(_ scratch: Scratch) -> [String] {
        [
            scratch.write(
                "episodes.csv",
                episodesHeader + "\nC1,01/05/2023,S,C2,N1,U4,PR1,,,,,,\nC2,31/02/2023,S,C2,N1,U4,PR1,,,,,ZZ9 9ZZ,\n")
        ]
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    // Issue 16, item 12: the file followed the umask (0644, 0666).
    @Test func theFileIsCreatedOwnerOnly() throws {
        let scratch = Scratch()
        let rejected = scratch.path + "/rejected.csv"
        let report = try scratch.importSSDA903(
            badReturn(scratch), year: "2023-24", skipInvalid: true, rejected: rejected)
        #expect(report.rejectedRows == 1)
        #expect(try mode(rejected) == 0o600)
        let text = try String(contentsOfFile: rejected, encoding: .utf8)
        #expect(text.hasPrefix("file,line,record,child,field,reason,rule,row\r\nepisodes.csv,3,episodes,C2,DECOM,"))
    }

    @Test func anExistingFileIsMadeOwnerOnlyAndReplaced() throws {
        let scratch = Scratch()
        let rejected = scratch.write(
            "rejected.csv", "an earlier import's rows, and more besides\n" + String(repeating: "x", count: 10_000))
        #expect(chmod(rejected, 0o644) == 0)
        _ = try scratch.importSSDA903(badReturn(scratch), year: "2023-24", skipInvalid: true, rejected: rejected)
        #expect(try mode(rejected) == 0o600)
        let text = try String(contentsOfFile: rejected, encoding: .utf8)
        #expect(text.split(separator: "\r\n").count == 2 && !text.contains("earlier"))
    }

    @Test func theFileIsWrittenWhenTheReturnIsRefusedToo() throws {
        let scratch = Scratch()
        let rejected = scratch.path + "/rejected.csv"
        #expect(throws: ImportError.self) {
            try scratch.importSSDA903(badReturn(scratch), year: "2023-24", rejected: rejected)
        }
        #expect(try mode(rejected) == 0o600)
        #expect(try String(contentsOfFile: rejected, encoding: .utf8).split(separator: "\r\n").count == 2)
        #expect(try scratch.events().isEmpty)
    }

    // If the file cannot be written, nothing is appended (it was written after the batch was committed).
    @Test(arguments: ["missing-folder/rejected.csv", "a-folder", "a-link"])
    func whenTheFileCannotBeWrittenNothingIsAppended(_ name: String) throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/a-folder", withIntermediateDirectories: true)
        let target = scratch.write("target.csv", "not to be overwritten\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/a-link", withDestinationPath: target)
        let error = try #require(throws: ImportError.self) {
            try scratch.importSSDA903(
                badReturn(scratch), year: "2023-24", skipInvalid: true, rejected: scratch.path + "/" + name)
        }
        #expect(error.description.contains("could not write " + scratch.path + "/" + name), "\(error)")
        #expect(!error.description.contains("ZZ9 9ZZ"))
        #expect(try scratch.events().isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "not to be overwritten\n")
    }

    @Test func aCINCensusImportWritesItOwnerOnly() throws {
        let scratch = Scratch()
        let child = """
            <Child>
              <ChildIdentifiers><LAchildID>X1</LAchildID><Sex>F</Sex></ChildIdentifiers>
              <CINdetails><CINreferralDate>2023-06-01</CINreferralDate><ReferralSource>ZZ</ReferralSource>
              <ReferralNFA>0</ReferralNFA></CINdetails>
            </Child>
            """
        let file = scratch.write(
            "cin.xml", cinReturn(referenceDate: "2024-03-31", dateTime: "2024-05-20T10:00:00Z", children: child))
        let rejected = scratch.path + "/rejected.csv"
        let report = try scratch.importCINCensus(file, skipInvalid: true, rejected: rejected)
        #expect(report.rejectedRows == 1)
        #expect(try mode(rejected) == 0o600)
        #expect(try String(contentsOfFile: rejected, encoding: .utf8).contains("ReferralSource"))
    }
}
