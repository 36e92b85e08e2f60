import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyAccess

@Suite struct UsersTests {
    /// The fewest rounds the file accepts, to keep the tests quick; the command line uses 600,000.
    static let rounds = PasswordHash.minimumRounds

    static func scratch() throws -> String {
        let folder = temporaryDirectory("journey-access")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/users.json"
    }

    static func add(
        _ name: String, _ role: Role, team: String? = nil, password: String? = nil, replace: Bool = false,
        to path: String
    ) throws -> String {
        try UsersFile.add(
            name: name, role: role, team: team, password: password, replace: replace, to: path, rounds: rounds)
    }

    @Test func tokenFindsItsOwnAccountOnly() throws {
        let path = try Self.scratch()
        let anaToken = try Self.add("ana", .analyst, to: path)
        let tomToken = try Self.add("tom", .teamManager, team: "North", to: path)
        let users = try Users.load(path: path)
        #expect(users.account(bearerToken: anaToken) == Account(name: "ana", role: .analyst, team: nil))
        #expect(users.account(bearerToken: tomToken) == Account(name: "tom", role: .teamManager, team: "North"))
        #expect(users.account(bearerToken: "wrong") == nil)
        #expect(users.account(bearerToken: "") == nil)
        // One character changed is a different token.
        let altered = String(anaToken.dropLast()) + (anaToken.last == "A" ? "B" : "A")
        #expect(users.account(bearerToken: altered) == nil)
        #expect(anaToken != tomToken)
    }

    @Test func tokenIs32RandomBytesAsBase64URL() throws {
        let path = try Self.scratch()
        let token = try Self.add("ana", .analyst, to: path)
        // 32 bytes are 256 bits; base64 carries 6 bits a character: ceil(256 / 6) = 43 characters, unpadded.
        #expect(token.count == 43)
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }

    @Test func passwordMatchesOnlyItsAccount() throws {
        let path = try Self.scratch()
        _ = try Self.add("ivy", .investigator, password: "correct horse", to: path)
        _ = try Self.add("val", .viewer, password: "battery staple", to: path)
        _ = try Self.add("ana", .analyst, to: path)  // no password
        let users = try Users.load(path: path)
        #expect(users.account(name: "ivy", password: "correct horse")?.name == "ivy")
        #expect(users.account(name: "ivy", password: "correct horsE") == nil)
        #expect(users.account(name: "ivy", password: "battery staple") == nil)  // the other user's
        #expect(users.account(name: "val", password: "battery staple")?.name == "val")
        #expect(users.account(name: "nobody", password: "correct horse") == nil)
        #expect(users.account(name: "ana", password: "") == nil)  // an account without a password
    }

    @Test func fileIsOwnerOnlyAndHoldsNoSecretInClear() throws {
        let path = try Self.scratch()
        let token = try Self.add("ivy", .investigator, password: "correct horse", to: path)
        #expect(try System.status(of: path).permissions == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains(token))
        #expect(!text.contains("correct horse"))
        // What it holds instead: the token's SHA-256, in hex.
        #expect(text.contains(Secrets.hex(Secrets.tokenHash(token))))
        #expect(text.contains("pbkdf2-sha256"))
    }

    @Test func descriptionsHoldNoHash() throws {
        let path = try Self.scratch()
        let token = try Self.add("ivy", .investigator, password: "correct horse", to: path)
        let users = try Users.load(path: path)
        let stored = try #require(users.stored.first)
        let hashes = [stored.tokenSHA256, try #require(stored.password?.hash), try #require(stored.password?.salt)]
        var dumped = ""
        dump(users, to: &dumped)
        for text in ["\(users)", String(reflecting: users), dumped, "\(stored)", "\(try #require(stored.password))"] {
            for secret in hashes + [token, "correct horse"] { #expect(!text.contains(secret), "\(text)") }
        }
        #expect("\(users)" == "Users(ivy (investigator))")
    }

    @Test func reAddingIsRefusedUnlessReplacing() throws {
        let path = try Self.scratch()
        let first = try Self.add("ana", .analyst, to: path)
        #expect(throws: AccessError.accountExists(name: "ana")) { try Self.add("ana", .viewer, to: path) }
        let second = try Self.add("ana", .viewer, replace: true, to: path)
        let users = try Users.load(path: path)
        #expect(users.accounts == [Account(name: "ana", role: .viewer, team: nil)])
        #expect(users.account(bearerToken: first) == nil)  // the old token no longer works
        #expect(users.account(bearerToken: second)?.role == .viewer)
    }

    @Test func addsAtOnceAllLand() async throws {
        let path = try Self.scratch()
        // 8 adds at once, each reading the file and writing it back: without the lock, a later write would drop
        // an earlier account. All 8 tokens must find their account.
        let tokens = await withTaskGroup(of: (String, String?).self) { group in
            for i in 0..<8 {
                group.addTask { ("u\(i)", try? Self.add("u\(i)", .viewer, to: path)) }
            }
            var tokens: [String: String?] = [:]
            for await (name, token) in group { tokens[name] = token }
            return tokens
        }
        let users = try Users.load(path: path)
        #expect(Set(users.accounts.map(\.name)) == Set((0..<8).map { "u\($0)" }))
        for (name, token) in tokens { #expect(users.account(bearerToken: try #require(token))?.name == name) }
    }

    @Test func removedAccountsTokenNoLongerWorks() throws {
        let path = try Self.scratch()
        let ana = try Self.add("ana", .analyst, to: path)
        let tom = try Self.add("tom", .teamManager, team: "North", to: path)
        try UsersFile.remove(name: "ana", from: path)
        let users = try Users.load(path: path)
        #expect(users.accounts.map(\.name) == ["tom"])
        #expect(users.account(bearerToken: ana) == nil)
        #expect(users.account(bearerToken: tom)?.name == "tom")
        #expect(throws: AccessError.self) { try UsersFile.remove(name: "ana", from: path) }
        #expect(try System.status(of: path).permissions == 0o600)
    }

    @Test func teamIsRequiredForAManagerAndRefusedForOthers() throws {
        let path = try Self.scratch()
        #expect(throws: AccessError.self) { try Self.add("tom", .teamManager, to: path) }
        #expect(throws: AccessError.self) { try Self.add("ana", .analyst, team: "North", to: path) }
        #expect(throws: AccessError.self) { try Self.add("", .analyst, to: path) }
        #expect(throws: AccessError.self) { try Self.add("a\nb", .analyst, to: path) }
        #expect(throws: AccessError.self) { try Self.add("ana", .analyst, password: "", to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))  // nothing written for a refused account
    }

    @Test func fileReadableByOthersIsRefused() throws {
        let path = try Self.scratch()
        _ = try Self.add("ana", .analyst, to: path)
        chmod(path, 0o644)
        #expect(throws: AccessError.usersFileNotOwnerOnly(path: path, permissions: "644")) {
            try Users.load(path: path)
        }
    }

    @Test func missingAndDamagedFilesAreRefusedWithoutQuotingThem() throws {
        let path = try Self.scratch()
        #expect(throws: AccessError.noUsersFile(path: path)) { try Users.load(path: path) }
        let fd = try System.create(path)
        try Array("{\"secret-looking\": 1}".utf8).withUnsafeBytes { try System.write(fd, $0, at: 0, path: path) }
        System.close(fd)
        do {
            _ = try Users.load(path: path)
            Issue.record("a damaged file was loaded")
        } catch let error as AccessError {
            guard case .damagedUsersFile = error else { throw error }
            #expect(!"\(error)".contains("secret-looking"))
        }
    }

    @Test func errorsNeverHoldASecret() throws {
        let path = try Self.scratch()
        _ = try Self.add("ana", .analyst, password: "hunter2-secret", to: path)
        do {
            _ = try Self.add("ana", .analyst, password: "hunter2-secret", to: path)
        } catch {
            #expect(!"\(error)".contains("hunter2"))
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let hash = try #require(text.split(separator: "\"").first { $0.count == 64 })
        do { _ = try Self.add("ana", .analyst, to: path) } catch { #expect(!"\(error)".contains(hash)) }
    }
}
