import ArgumentParser
import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

/// Help piped to a file or a pager keeps each example command on one line, so that it can be pasted into a shell.
@Suite("Help keeps examples whole")
struct HelpExamplesTests {
    /// `journey` with `arguments`, standard output a pipe (not a terminal) and `COLUMNS` unset.
    func helpOffTerminal(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = nil
        let (status, output) = try programOutput(journeyProgram, arguments, environment: environment)
        #expect(status == 0)
        return String(decoding: output, as: UTF8.self)
    }

    @Test("journey metrics --help, not to a terminal, prints each example command on one line")
    func metricsHelp() throws {
        let help = try helpOffTerminal(["metrics", "--help"])
        let lines = Set(help.split(separator: "\n").map(String.init))
        let examples = HelpWidth.exampleLines(Journey.Metrics.self)
        #expect(examples.count >= 4)
        #expect(examples.contains { $0.count >= 80 }, "an example longer than 80 columns, which the parser would split")
        for example in examples { #expect(lines.contains(example), "\(example)") }
    }

    @Test(
        "Every command's examples stay whole in its help off a terminal",
        arguments: [
            ["--help"], ["append", "--help"], ["import", "ssda903", "--help"], ["import", "cin-census", "--help"],
            ["import", "annex-a", "--help"],
            ["check", "--help"], ["report", "--help"], ["chronology", "--help"], ["cohort", "repeat-cp", "--help"],
            ["export", "--help"], ["synth", "--help"], ["help", "metrics"], ["return", "cin-census", "--help"],
            ["return", "ssda903", "--help"], ["annex-a", "--help"], ["caseload", "--help"], ["audit-sample", "--help"],
            ["users", "add", "--help"], ["users", "list", "--help"], ["users", "remove", "--help"],
            ["audit", "verify", "--help"], ["copy", "--help"], ["serve", "--help"], ["stats", "--help"],
            ["verify", "--help"],
        ])
    func everyCommand(arguments: [String]) throws {
        let help = try helpOffTerminal(arguments)
        let lines = Set(help.split(separator: "\n").map(String.init))
        for example in HelpWidth.exampleLines(Journey.self) where help.contains(example.prefix(30)) {
            #expect(lines.contains(example), "\(example)")
        }
    }

    @Test("The width is the longest example line and one more, 80 at least")
    func width() {
        let longest = HelpWidth.exampleLines(Journey.self).map(\.count).max() ?? 0
        #expect(HelpWidth.columns(keepingExamplesOf: [Journey.self]) == max(80, longest + 1))
    }
}
