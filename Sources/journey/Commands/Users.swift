import ArgumentParser
import JourneyAccess
import JourneyLog

extension Journey {
    struct UsersCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "users",
            abstract: "Manage the accounts of the shared service (`journey serve`): add, list, remove.",
            discussion: """
                The users file is JSON, readable and writable by its owner only (600), replaced atomically on each \
                change. For each account it keeps the name, the role, the team (team managers only), the SHA-256 \
                of its API token and, when it has one, a slow salted hash of its web password (PBKDF2-SHA256, \
                600,000 rounds). No token or password is ever kept in clear, so none can be shown again: a lost \
                token is replaced with `users add NAME … --replace`.

                Roles (see docs/service-access.md):
                  analyst        everything, and the only role that may write events
                  team-manager   child-level data of their own team's children; aggregates for all (needs --team)
                  investigator   any child's record, read only, giving a reason for each child opened
                  viewer         aggregates only

                Examples:
                  journey users add ana --role analyst --users service/users.json
                  journey users add tom --role team-manager --team "North 1" --users service/users.json
                  journey users add ivy --role investigator --users service/users.json --password-stdin < pw.txt
                  journey users list --users service/users.json
                  journey users remove tom --users service/users.json
                """,
            subcommands: [UsersAdd.self, UsersList.self, UsersRemove.self]
        )
    }
}

/// The users file option, with the default the service uses.
struct UsersFileOption: ParsableArguments {
    static let defaultPath = "service/users.json"

    @Option(name: .customLong("users"), help: "The users file.")
    var path = Self.defaultPath
}

/// Runs a command body, giving an `AccessError` the command line's remedy (the library's sentence, then what to
/// do), as `commandLineMessage` does for the other libraries' errors.
func withAccessRemedies(_ body: () throws -> Void) throws {
    do { try body() } catch let error as AccessError {
        throw RemediedError(description: error.description + (error.remedy ?? ""))
    }
}

extension AccessError {
    /// What to do, in the command line's words.
    var remedy: String? {
        switch self {
        case .noUsersFile: ". Create it with `journey users add NAME --role ROLE --users FILE`."
        case .usersFileNotOwnerOnly(let path, _): ". Run `chmod 600 \(path)`, and think whether it was copied."
        case .accountExists: ". Pass --replace to give it a new token (and password), or choose another name."
        case .damagedAuditLog(let path, _, _):
            ". Keep the file as evidence; `journey audit verify --audit-log \(path)` reports the first problem."
        case .system, .damagedUsersFile, .invalidAccount, .invalidAuditEntry: nil
        }
    }
}
