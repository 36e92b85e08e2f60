import ArgumentParser
import Testing

@testable import JourneyCommandLine

/// `journey --version` says which build made a figure, and the help speaks plain words with an example rather than
/// the jargon of the log's insides ("head hash", "RFC 3339", "stream version").
@Suite("--version and plain words in help")
struct VersionAndHelpTests {
    @Test("--version prints the version, the commit it was built from (or unknown) and the event-format version")
    func version() throws {
        let result = try run(journeyProgram.path, ["--version"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("journey 0.9.0"), "\(result.output)")
        #expect(result.output.contains("commit "))
        #expect(result.output.contains("event format 1"), "\(result.output)")
    }

    static let commands: [any ParsableCommand.Type] = [
        Journey.self, Journey.Append.self, Journey.Import.self, Journey.Import.SSDA903.self,
        Journey.Import.CINCensus.self, Journey.Metrics.self, Journey.Check.self, Journey.Report.self,
        Journey.Chronology.self, Journey.Cohort.self, Journey.Cohort.RepeatCP.self, Journey.Export.self,
        Journey.Verify.self, Journey.Stats.self, Journey.Synth.self,
    ]

    /// Every command names itself: without a name, the parser makes one from the type's name by reflection, which
    /// looked up protocol conformances for every command at the start of every run (about a millisecond).
    @Test("Every command in the tree has a name of its own")
    func everyCommandIsNamed() {
        var unnamed: [String] = []
        var commands: [any ParsableCommand.Type] = [Journey.self]
        while let command = commands.popLast() {
            if command.configuration.commandName == nil { unnamed.append("\(command)") }
            commands += command.configuration.subcommands
        }
        #expect(unnamed.isEmpty, "\(unnamed)")
    }

    @Test("No help says \"head hash\", \"RFC 3339\" or \"stream version\"")
    func plainWords() {
        for command in Self.commands {
            let help = Journey.helpMessage(for: command, columns: 200)
            for jargon in ["head hash", "RFC 3339", "stream version", "child's stream"] {
                #expect(!help.contains(jargon), "\(command): \(jargon)")
            }
        }
    }

    @Test("Options that take a time say how one is written, with an example")
    func timeExample() {
        let commands: [any ParsableCommand.Type] = [
            Journey.Report.self, Journey.Chronology.self, Journey.Export.self, Journey.Metrics.self, Journey.Check.self,
            Journey.Import.SSDA903.self,
        ]
        for command in commands {
            let help = Journey.helpMessage(for: command, columns: 200)
            #expect(help.contains("a time such as 20"), "\(command)")
        }
    }
}
