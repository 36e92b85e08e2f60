import ArgumentParser
import JourneyAccess
import JourneyLog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Journey {
    struct UsersAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account (or give one a new token) and print its API token, once.",
            discussion: """
                Prints the account's new API token: 43 characters to send as `Authorization: Bearer TOKEN`. It is \
                shown only now; the file keeps only its SHA-256. The file and its folder are created when new, \
                readable by their owner only.

                --password-stdin reads the web login password from standard input (the first line; a pipe or a \
                file, never an argument, which other users could see in the process list), and keeps it only as \
                a slow, salted hash. From a terminal it asks for it, without showing what is typed.

                Adding a name that is already there is refused unless --replace is given: then the account's role, \
                team, token and password are all replaced, and the old token stops working.

                Examples:
                  journey users add ana --role analyst --users service/users.json
                  journey users add tom --role team-manager --team "North 1" --users service/users.json
                  journey users add ivy --role investigator --users service/users.json --password-stdin < pw.txt
                  journey users add ana --role analyst --users service/users.json --replace
                """
        )

        @Argument(help: "The account's name (letters, digits, spaces inside, . _ - @ ').")
        var name: String

        @Option(help: "The account's role (what each may read: `journey users --help`).")
        var role: Role

        @Option(help: "The team a team manager manages (team managers only).")
        var team: String?

        @OptionGroup var users: UsersFileOption

        @Flag(help: "Read the web login password from standard input.")
        var passwordStdin = false

        @Flag(help: "Replace the account if the name is already there (a new token, and password).")
        var replace = false

        func run() throws {
            try reportingErrors {
                try withAccessRemedies {
                    let password = passwordStdin ? try Self.readPassword() : nil
                    let existed =
                        replace && (try? Users.load(path: users.path))?.accounts.contains { $0.name == name } == true
                    let token = try UsersFile.add(
                        name: name, role: role, team: team, password: password, replace: replace, to: users.path)
                    Terminal.print("\(existed ? "replaced" : "added") \(name) (\(role.rawValue)) in \(users.path)")
                    Terminal.print("API token: \(token)")
                    Terminal.print("This token is shown only now: the users file keeps only its hash. Store it safely.")
                }
            }
        }

        /// The first line of standard input, without its line end. From a terminal, asked for on standard error
        /// with the terminal's echo off, so that the password is not shown (and is not left on the screen).
        static func readPassword() throws -> String {
            let echo = TerminalEcho.turnOffIfATerminal()
            defer {
                if echo != nil {
                    TerminalEcho.restore(echo)
                    Terminal.writeToStandardError("\n")
                }
            }
            if echo != nil { Terminal.writeToStandardError("Password (not shown): ") }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while !bytes.contains(UInt8(ascii: "\n")) && bytes.count < 65_536 {
                let n = try chunk.withUnsafeMutableBytes {
                    try System.readSome(0, into: $0.baseAddress!, count: $0.count, path: "standard input")
                }
                if n == 0 { break }
                bytes.append(contentsOf: chunk[0..<n])
            }
            var line = bytes.prefix { $0 != UInt8(ascii: "\n") }
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            guard let password = String(validating: line, as: UTF8.self) else {
                throw RemediedError(description: "the password on standard input is not UTF-8 text")
            }
            guard !password.isEmpty else {
                throw RemediedError(description: "standard input held no password (its first line is empty)")
            }
            return password
        }
    }
}

extension Role: ExpressibleByArgument {}

/// The terminal's echo, turned off while a password is typed.
enum TerminalEcho {
    /// Turns echo off on standard input when it is a terminal; returns the settings to restore, or nil.
    static func turnOffIfATerminal() -> termios? {
        guard isatty(0) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        guard tcsetattr(0, TCSAFLUSH, &quiet) == 0 else { return nil }
        return saved
    }

    static func restore(_ saved: termios?) {
        guard var saved else { return }
        _ = tcsetattr(0, TCSAFLUSH, &saved)
    }
}
