import ArgumentParser
import Foundation
import JourneyCore
import ProcessMemory
import ProgramArguments

/// The `journey` command line: every command, run by the `journey` executable (and by the service's).
public struct Journey: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract: "An event-sourced record of children's journeys through children's social care.",
        discussion: """
            Contacts, referrals, assessments, section 47 enquiries, plans, periods of care and placements go into an \
            append-only event log (JSON Lines in, JSON Lines out: see the event format in the README). Every figure \
            is replayed from that log, so it can be reproduced for any period, as the log stood at any moment.

            --log names the events: a log folder, or for the commands that read, a JSON Lines file of events \
            (whatever its name) or - for standard input. Anything else is refused, saying what was found there.

            Start with:
              journey append events.jsonl --log event-logs/main
              journey stats --log event-logs/main
              journey verify --log event-logs/main
            """,
        version: BuildInfo.description,
        subcommands: [
            Append.self, Import.self, Metrics.self, Check.self, Report.self, Chronology.self, Cohort.self, Export.self,
            Return.self, AnnexALists.self, Verify.self, Stats.self,
            Synth.self, Copy.self, Serve.self,
            CaseloadCommand.self, AuditSampleCommand.self, UsersCommand.self, Audit.self,
        ]
    )

    public init() {}

    /// Runs the command named by the program's arguments, taken as the C library handed them over rather than from
    /// /proc, which the Swift runtime reads on Linux: without /proc every command would otherwise run as if given no
    /// arguments, print the help and exit 0, so that `append` and `verify` would "succeed" doing nothing.
    public static func main() {
        let count = Int(journey_argument_count())
        guard count > 0 else {
            FileHandle.standardError.write(Data("journey: the program's arguments cannot be read\n".utf8))
            Foundation.exit(70)  // EX_SOFTWARE
        }
        let arguments = (1..<count).map { i in journey_argument(Int32(i)).map { String(cString: $0) } ?? "" }
        // The command's large values are given back when the process exits, not one by one before it does; what it
        // frees is kept for what it allocates next; what it saves for the next run is written while it writes its
        // output, and is on the disk before it exits.
        KeptUntilExit.turnOn()
        journey_keep_freed_memory()
        FinishedBeforeExit.turnOn()
        let status = run(arguments, keepingExamplesWhole: true)
        FinishedBeforeExit.waitForAll()
        Foundation.exit(status)
    }

    /// Parses `arguments`, runs the command and returns its exit status, writing through `Terminal` what
    /// ArgumentParser's `main` would have printed: help and `--version` on standard output, and any other message
    /// (a refused argument, an error) on standard error. The tests run commands in-process through it, with
    /// `Terminal.sink` bound to memory.
    ///
    /// With `keepingExamplesWhole`, help written to a pipe or a file is as wide as its longest example
    /// (`HelpWidth`). That width is worked out only when there is a message to write: it reads the help of every
    /// command, which was a sixth of the time every command took to start.
    public static func run(_ arguments: [String], keepingExamplesWhole: Bool = false) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return ExitCode.success.rawValue
        } catch {
            if keepingExamplesWhole { HelpWidth.keepExamplesWhole(of: Journey.self) }
            // As `exit(withError:)`: the message of a clean exit (help, version) is the output, any other an error.
            let status = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if status == .success { Terminal.print(message) } else { Terminal.writeToStandardError(message + "\n") }
            }
            return status.rawValue
        }
    }
}
