import Testing

@testable import JourneyImport

/// An import's errors say what is wrong, not which option to pass: the command line adds that (`Remedies.swift`).
@Suite("Import errors speak of the problem")
struct ImportErrorWordingTests {
    @Test func aYearThatCannotBeTold() throws {
        let scratch = Scratch()
        let header = scratch.write("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n")
        let census = scratch.write("cin.xml", "<Message><Header></Header><Children></Children></Message>\n")
        for attempt in [{ _ = try scratch.importSSDA903([header]) }, { _ = try scratch.importCINCensus(census) }] {
            let error = try #require(throws: ImportError.self, performing: attempt)
            guard case .unknownYear(let reason) = error else {
                Issue.record("not an unknown year: \(error)")
                continue
            }
            #expect(reason.contains("collection year"))
            #expect(!reason.contains("--year"))
        }
    }

    @Test func invalidRows() {
        let problem = ImportProblem(file: "episodes.csv", line: 3, record: "episodes", field: "RNE", message: "bad")
        let text = ImportError.invalid(problems: [problem], total: 1, rejected: []).description
        #expect(
            text == "the return was not imported and nothing was appended (1 problem):\n  episodes.csv line 3, "
                + "episodes, field RNE: bad")
    }
}
