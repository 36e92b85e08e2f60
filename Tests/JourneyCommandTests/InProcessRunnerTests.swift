import Testing

@testable import JourneyCommandLine

/// The runner the command tests use: a command parsed and run in this process, its standard output and standard
/// error kept apart in memory, its exit status the one the program exits with.
@Suite("Commands run in-process")
struct InProcessRunnerTests {
    @Test("Help goes to standard output, exit 0, as the program prints it")
    func help() {
        let result = journey(["stats", "--help"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("OVERVIEW: Summarise the log"), "\(result.output.prefix(200))")
        #expect(result.output.hasSuffix("\n"))
        #expect(result.errors.isEmpty)
    }

    @Test("--version goes to standard output, exit 0")
    func version() {
        let result = journey(["--version"])
        #expect(result.status == 0)
        #expect(result.output == BuildInfo.description + "\n")
        #expect(result.errors.isEmpty)
    }

    @Test("A refused argument: the message and usage on standard error, exit 64")
    func refusedArgument() {
        let result = journey(["stats", "--no-such-option"])
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.errors.hasPrefix("Error: Unknown option '--no-such-option'"), "\(result.errors)")
        #expect(result.errors.contains("Usage: journey stats"))
    }

    @Test("An unknown command is refused, exit 64")
    func unknownCommand() {
        let result = journey(["frobnicate"])
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("Unexpected argument 'frobnicate'"), "\(result.errors)")
    }

    @Test("Standard error is not a terminal in-process: no progress unless --progress")
    func noProgress() {
        let without = journey(["stats", "--log", sampleLog])
        #expect(without.status == 0)
        #expect(without.errors.isEmpty, "\(without.errors)")
        let capture = CapturedOutput()
        #expect(Terminal.$sink.withValue(capture.sink) { !Terminal.isStandardErrorATerminal })
    }

    @Test("Commands run side by side each keep their own output")
    func sideBySide() async {
        let ids = ["contacts", "re-referrals", "repeat-cp-plans", "referrals"]
        let outputs = await withTaskGroup(of: (String, String).self) { group in
            for id in ids + ids {
                group.addTask { (id, journey(["metrics", "--list", "--only", id]).output) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outputs.count == 8)
        for (id, output) in outputs {
            #expect(output.split(separator: "\n").dropFirst().map { $0.prefix { $0 != " " } } == [Substring(id)])
        }
    }
}
