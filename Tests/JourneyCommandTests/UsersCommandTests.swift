import Foundation
import JourneyAccess
import Testing

@testable import JourneyCommandLine

@Suite("journey users")
struct UsersCommandTests {
    static func usersFile() throws -> String { try scratchFolder("journey-users") + "/service/users.json" }

    /// The token printed on the "API token:" line.
    static func token(in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix("API token: ") }.map { String($0.dropFirst(11)) }
    }

    @Test("users add prints the token once, says so, and the token finds the account")
    func add() throws {
        let path = try Self.usersFile()
        let result = journey(["users", "add", "tom", "--role", "team-manager", "--team", "North 1", "--users", path])
        #expect(result.status == 0, "\(result.errors)")
        let token = try #require(Self.token(in: result.output))
        #expect(result.output.contains("shown only now"))
        #expect(try Users.load(path: path).account(bearerToken: token)?.team == "North 1")
        // The folder is created owner-only, the file too, and the file does not hold the token.
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains(token))
    }

    @Test("users add refuses a name already there unless --replace, and a manager without a team")
    func refusals() throws {
        let path = try Self.usersFile()
        #expect(journey(["users", "add", "ana", "--role", "analyst", "--users", path]).status == 0)
        let again = journey(["users", "add", "ana", "--role", "viewer", "--users", path])
        #expect(again.status == 1)
        #expect(again.errors.contains("there is already an account named ana"))
        #expect(again.errors.contains("--replace"))
        let replaced = journey(["users", "add", "ana", "--role", "viewer", "--users", path, "--replace"])
        #expect(replaced.status == 0)
        #expect(try Users.load(path: path).accounts == [Account(name: "ana", role: .viewer, team: nil)])
        let noTeam = journey(["users", "add", "tom", "--role", "team-manager", "--users", path])
        #expect(noTeam.status == 1)
        #expect(noTeam.errors.contains("--team"))
        #expect(refusal(["users", "add", "x", "--role", "boss", "--users", path]) != nil)
    }

    @Test("users list shows names, roles and teams, never a hash")
    func list() throws {
        let path = try Self.usersFile()
        _ = journey(["users", "add", "ana", "--role", "analyst", "--users", path])
        _ = journey(["users", "add", "tom", "--role", "team-manager", "--team", "North 1", "--users", path])
        let result = journey(["users", "list", "--users", path])
        #expect(result.status == 0, "\(result.errors)")
        // Name padded to the longest (4, the header's), role to the longest role ("team-manager", 12).
        #expect(
            result.output == """
                name  role          team
                ana   analyst       -
                tom   team-manager  North 1
                2 account(s) in \(path)

                """)
        let stored = try String(contentsOfFile: path, encoding: .utf8)
        let hashes = stored.split(separator: "\"").filter { $0.count == 64 }
        #expect(hashes.count == 2)
        for hash in hashes { #expect(!result.output.contains(hash)) }
    }

    @Test("users add --replace says whether it replaced; users remove takes the account out")
    func replaceAndRemove() throws {
        let path = try Self.usersFile()
        let added = journey(["users", "add", "ana", "--role", "analyst", "--users", path, "--replace"])
        #expect(added.output.hasPrefix("added ana (analyst) in "))  // nothing to replace yet
        let replaced = journey(["users", "add", "ana", "--role", "viewer", "--users", path, "--replace"])
        #expect(replaced.output.hasPrefix("replaced ana (viewer) in "))
        let removed = journey(["users", "remove", "ana", "--users", path])
        #expect(removed.status == 0, "\(removed.errors)")
        #expect(try Users.load(path: path).accounts.isEmpty)
        let again = journey(["users", "remove", "ana", "--users", path])
        #expect(again.status == 1)
        #expect(again.errors.contains("there is no account named ana"))
    }

    @Test(
        "Each users and audit command's help runs and keeps its examples whole",
        arguments: [
            ["users", "--help"], ["users", "add", "--help"], ["users", "list", "--help"],
            ["users", "remove", "--help"],
            ["audit", "--help"], ["audit", "list", "--help"], ["audit", "verify", "--help"],
        ])
    func help(arguments: [String]) throws {
        let result = try run(journeyProgram.path, arguments)
        #expect(result.status == 0)
        let lines = Set(result.output.split(separator: "\n").map(String.init))
        let examples = lines.filter { $0.hasPrefix("  journey \(arguments[0])") }
        #expect(!examples.isEmpty)
        // Every example in the help parses as the command line would take it.
        for example in examples {
            let words = Self.shellWords(String(example.dropFirst("  journey ".count))).prefix { $0 != "<" && $0 != ">" }
            #expect(refusal(Array(words)) == nil, "\(example)")
        }
    }

    /// Words as a shell splits them, for the examples' simple lines: spaces separate, double quotes group.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        var started = false
        for c in line {
            if c == "\"" {
                quoted.toggle()
                started = true
            } else if c == " " && !quoted {
                if started { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(c)
                started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    @Test("users list of a missing file says how to make one")
    func missing() throws {
        let path = try Self.usersFile()
        let result = journey(["users", "list", "--users", path])
        #expect(result.status == 1)
        #expect(result.errors.contains("there is no users file at \(path)"))
        #expect(result.errors.contains("journey users add"))
    }

    @Test("--password-stdin reads the first line of standard input as the password")
    func passwordFromStandardInput() throws {
        let folder = try scratchFolder("journey-users")
        let path = folder + "/users.json"
        let input = folder + "/pw.txt"
        try "correct horse\nignored\n".write(toFile: input, atomically: false, encoding: .utf8)
        let result = try run(
            journeyProgram.path,
            ["users", "add", "ivy", "--role", "investigator", "--users", path, "--password-stdin"],
            input: input)
        #expect(result.status == 0, "\(result.output)")
        let users = try Users.load(path: path)
        #expect(users.account(name: "ivy", password: "correct horse")?.role == .investigator)
        #expect(users.account(name: "ivy", password: "correct horse\nignored") == nil)
        #expect(!result.output.contains("correct horse"))
    }
}
