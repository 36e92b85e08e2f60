import ArgumentParser
import JourneyAccess

extension Journey {
    struct UsersRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove an account: its token and password stop working.",
            discussion: """
                The account is taken out of the users file (rewritten owner-only, atomically); a running service \
                stops accepting its token and password when it next loads the file. Its entries in the audit log \
                stay: the log is never edited.

                Examples:
                  journey users remove tom --users service/users.json
                """
        )

        @Argument(help: "The account's name.")
        var name: String

        @OptionGroup var users: UsersFileOption

        func run() throws {
            try reportingErrors {
                try withAccessRemedies {
                    try UsersFile.remove(name: name, from: users.path)
                    Terminal.print("removed \(name) from \(users.path)")
                }
            }
        }
    }
}
