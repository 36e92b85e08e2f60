import ArgumentParser
import JourneyAccess

extension Journey {
    struct UsersList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the accounts: names, roles and teams (never a token or a hash).",
            discussion: """
                One account a line, as the file holds them: name, role, team (or -). The users file is checked as \
                the service checks it at start (owner-only, each account valid).

                Examples:
                  journey users list --users service/users.json
                """
        )

        @OptionGroup var users: UsersFileOption

        func run() throws {
            try reportingErrors {
                try withAccessRemedies {
                    let accounts = try Users.load(path: users.path).accounts
                    let width = max(4, accounts.map(\.name.count).max() ?? 0)
                    let roleWidth = Role.allCases.map(\.rawValue.count).max()!
                    func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
                    Terminal.print(pad("name", width) + "  " + pad("role", roleWidth) + "  team")
                    for a in accounts {
                        Terminal.print(
                            pad(a.name, width) + "  " + pad(a.role.rawValue, roleWidth) + "  " + (a.team ?? "-"))
                    }
                    Terminal.print("\(accounts.count) account(s) in \(users.path)")
                }
            }
        }
    }
}
