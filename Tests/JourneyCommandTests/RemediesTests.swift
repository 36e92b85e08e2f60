import Foundation
import JourneyCore
import JourneyImport
import JourneyLog
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

/// The command line adds to the libraries' errors the command or option that remedies them, so that what it prints
/// is what it printed when the libraries said it themselves, byte for byte.
@Suite("The command line's remedies")
struct RemediesTests {
    @Test("a lock held by another writer: the library states it, the command line adds --wait")
    func lock() {
        let error = LogError.locked(path: "log/writer.lock")
        #expect(!error.description.contains("--wait"))
        #expect(
            commandLineMessage(for: error)
                == "another process is appending to the log (log/writer.lock is locked). Wait for it to finish, or "
                + "pass --wait to queue behind it.")
    }

    @Test("every log error prints as it always has")
    func logErrors() {
        let expected = "--log takes a log folder, a JSON Lines file of events (any name), or - for standard input"
        let cases: [(LogError, String)] = [
            (
                .notDurable(path: "log/segment-1", reason: "Input/output error"),
                "could not make log/segment-1 durable (fsync failed: Input/output error). The append was not "
                    + "acknowledged and this writer has stopped; check the disk, then run `journey verify` before "
                    + "appending again."
            ),
            (
                .notFound(path: "log"),
                "there is no event log at log: no such file or folder. \(expected); create a log by appending to "
                    + "it: journey append FILE --log log"
            ),
            (
                .notALog(path: "log"),
                "log is not a journey log: it is a folder with no head file and no segments. \(expected); only "
                    + "`journey append` creates a log, in a new or empty folder."
            ),
            (
                .damaged(path: "log/segment-1", offset: 42, reason: "the record is damaged"),
                "the log is damaged: log/segment-1 at byte 42: the record is damaged. Run `journey verify` for a "
                    + "full report."
            ),
            (
                .versionMismatch(child: "C1", expected: 2, actual: 3),
                "child C1 is at version 3, not 2 as --expect-version required: someone else appended to that child "
                    + "meanwhile; nothing was appended."
            ),
            (.io(operation: "open", path: "x", reason: "Permission denied"), "could not open x: Permission denied"),
            (.writerStopped, "this log writer stopped after an earlier failure; open the log again"),
        ]
        for (error, message) in cases {
            #expect(commandLineMessage(for: error) == message)
        }
    }

    @Test("a return with invalid rows: the command line adds --skip-invalid and --rejected")
    func invalidReturn() {
        let problem = ImportProblem(file: "episodes.csv", line: 3, record: "episodes", field: "RNE", message: "bad")
        let error = ImportError.invalid(problems: [problem], total: 1, rejected: [])
        #expect(!error.description.contains("--skip-invalid"))
        #expect(
            commandLineMessage(for: error)
                == "the return was not imported and nothing was appended (1 problem):\n"
                + "  episodes.csv line 3, episodes, field RNE: bad\n"
                + "Fix the rows, or pass --skip-invalid to import the valid ones (with --rejected FILE to keep the "
                + "rejected rows and their reasons).")
    }

    @Test("synthetic councils' dates: the library names the parameters, the command line its options")
    func synthDates() throws {
        let from = try #require(CalendarDate("1995-04-01"))
        let early = SynthParameters(children: 10, from: from, to: from.adding(days: 30), historyYears: 30)
        let error = try #require(early.problem)
        #expect(!error.description.contains("--"))
        #expect(commandLineMessage(for: error) == "--from less the history must not be before 1970")
        let backwards = SynthParameters(children: 10, from: from, to: from.adding(days: -1)).problem
        #expect(backwards.map { commandLineMessage(for: $0) } == "--to must not be before --from")
        let other = SynthParameters(children: 0, from: from, to: from).problem
        #expect(other.map { commandLineMessage(for: $0) } == "the number of children must be 1 to 99,999,999")
    }

    @Test("a collection year that cannot be told: the importers say why, each command shows --year its way")
    func unknownYear() throws {
        let folder = temporaryDirectory("journey-year")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A header table with no rows, and a CIN census whose header has no collection details.
        try Data("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n".utf8).write(
            to: URL(fileURLWithPath: folder + "/header.csv"))
        try Data("<Message><Header></Header><Children></Children></Message>\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/cin.xml"))

        let ssda903 = try run(
            journeyProgram.path, ["import", "ssda903", folder + "/header.csv", "--log", folder + "/log903"])
        #expect(ssda903.status == 1)
        #expect(
            ssda903.output
                == "journey: the collection year cannot be told from the return (it has no dated rows, or its latest "
                + "date is not between 1900 and 2261): pass --year, e.g. 2024-25\n")
        let census = try run(
            journeyProgram.path, ["import", "cin-census", folder + "/cin.xml", "--log", folder + "/cin"])
        #expect(census.status == 1)
        #expect(
            census.output
                == "journey: \(folder)/cin.xml has no header with the collection year (ReferenceDate or Year): pass "
                + "--year, e.g. 2023-24\n")

        let error = ImportError.unknownYear("the collection year cannot be told")
        #expect(!error.description.contains("--year"))
    }
}
