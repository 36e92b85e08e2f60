import Foundation
import JourneyLog

/// One account as the users file keeps it: who, and the hashes of their secrets, never the secrets.
struct StoredAccount: Sendable, Hashable, Codable {
    var name: String
    var role: Role
    var team: String?
    /// The SHA-256 of the API token's text, hex.
    var tokenSHA256: String
    /// The web login password's slow hash, when the account has a password.
    var password: PasswordHash?

    var account: Account { Account(name: name, role: role, team: team) }
}

/// The users file's contents: a format name, so that a later layout can be told apart, and the accounts.
struct UsersDocument: Sendable, Codable {
    static let currentFormat = "journey-users-1"
    var format: String
    var accounts: [StoredAccount]
}

/// The users file, as loaded (read-only snapshot; the file is owner-only JSON, tokens and passwords stored only as
/// hashes).
public struct Users: Sendable {
    let stored: [StoredAccount]
    /// The token hashes, decoded once, in the order of `stored`.
    let tokenHashes: [[UInt8]]

    init(stored: [StoredAccount]) {
        self.stored = stored
        self.tokenHashes = stored.map { Secrets.bytes(hex: $0.tokenSHA256) ?? [] }
    }

    /// Reads the users file at `path`. Refused when it is missing, readable by anyone but its owner, or not what
    /// `UsersFile.add` writes (each account checked as `add` checks it).
    public static func load(path: String) throws -> Users {
        try Users(stored: UsersFile.read(path)?.accounts ?? { throw AccessError.noUsersFile(path: path) }())
    }

    public var accounts: [Account] { stored.map(\.account) }

    /// The account whose API token this is (token compared by its SHA-256, in constant time), or nil.
    ///
    /// Every account's hash is compared, whichever matches, so that the time taken does not say where in the file
    /// a match was.
    public func account(bearerToken: String) -> Account? {
        let hash = Secrets.tokenHash(bearerToken)
        var found: Int? = nil
        for i in tokenHashes.indices where Secrets.constantTimeEqual(tokenHashes[i], hash) {
            found = i
        }
        return found.map { stored[$0].account }
    }

    /// The account if the password matches its slow, salted hash (PBKDF2-SHA256), or nil. Slow on purpose.
    ///
    /// A name with no account, or an account with no password, costs a derivation too, so that the time taken
    /// does not tell a guesser which names exist.
    public func account(name: String, password: String) -> Account? {
        guard let entry = stored.first(where: { $0.name == name }), let hash = entry.password else {
            _ = Users.decoy.matches(password)
            return nil
        }
        return hash.matches(password) ? entry.account : nil
    }

    /// A hash no password matches (its salt and hash are fixed zeros), derived only to spend the time a real
    /// check would.
    static let decoy = PasswordHash(
        scheme: PasswordHash.scheme, rounds: PasswordHash.defaultRounds, salt: String(repeating: "0", count: 32),
        hash: String(repeating: "0", count: 64))
}

public enum UsersFile {
    /// Adds an account (or replaces its token/password: re-adding an existing name is refused unless `replace`);
    /// returns the new API token, to be printed once and never stored in clear. Writes the file owner-only, atomically.
    public static func add(
        name: String, role: Role, team: String?, password: String?, replace: Bool = false, to path: String
    ) throws -> String {
        try add(
            name: name, role: role, team: team, password: password, replace: replace, to: path,
            rounds: PasswordHash.defaultRounds)
    }

    /// `add`, with the password's rounds chosen (at least `PasswordHash.minimumRounds`): for tests.
    static func add(
        name: String, role: Role, team: String?, password: String?, replace: Bool, to path: String, rounds: Int
    ) throws -> String {
        if let problem = problem(name: name, role: role, team: team) { throw AccessError.invalidAccount(problem) }
        if let password, password.isEmpty { throw AccessError.invalidAccount("the password is empty") }
        let token = Secrets.newToken()
        let entry = StoredAccount(
            name: name, role: role, team: team, tokenSHA256: Secrets.hex(Secrets.tokenHash(token)),
            password: try password.map { try PasswordHash(password: $0, rounds: rounds) })
        // Two `add`s at once would each read the file and the second write would drop the first's account: a lock
        // beside the file makes them take turns.
        let lock = try Self.lock(path)
        defer { System.close(lock) }
        var document = try read(path) ?? UsersDocument(format: UsersDocument.currentFormat, accounts: [])
        if let i = document.accounts.firstIndex(where: { $0.name == name }) {
            guard replace else { throw AccessError.accountExists(name: name) }
            document.accounts[i] = entry
        } else {
            document.accounts.append(entry)
        }
        try write(document, to: path)
        return token
    }

    /// Removes an account: its token and password stop working as soon as the service reloads the file. Refused
    /// when there is no account of that name. Writes the file owner-only, atomically.
    public static func remove(name: String, from path: String) throws {
        let lock = try Self.lock(path)
        defer { System.close(lock) }
        guard var document = try read(path) else { throw AccessError.noUsersFile(path: path) }
        guard let i = document.accounts.firstIndex(where: { $0.name == name }) else {
            throw AccessError.invalidAccount("there is no account named \(name)")
        }
        document.accounts.remove(at: i)
        try write(document, to: path)
    }

    /// Why an account cannot be kept, or nil. Names and teams are short, printable, and free of the characters a
    /// CSV or a log line would need to quote, so that they print as they are in every listing.
    static func problem(name: String, role: Role, team: String?) -> String? {
        if let problem = problem(label: name, what: "name") { return problem }
        switch (role, team) {
        case (.teamManager, nil): return "a team manager needs a team (--team)"
        case (.teamManager, let team?): return problem(label: team, what: "team")
        case (_, nil): return nil
        case (_, .some): return "only a team manager has a team; a \(role.rawValue) has none"
        }
    }

    static func problem(label: String, what: String) -> String? {
        let count = label.utf8.count
        guard (1...64).contains(count) else { return "an account's \(what) must be 1–64 characters long" }
        let allowed = label.unicodeScalars.allSatisfy { s in
            s.properties.isAlphabetic || s.properties.numericType != nil || "._-@ '".unicodeScalars.contains(s)
        }
        guard allowed, label.first != " ", label.last != " " else {
            return "an account's \(what) may hold letters, digits, spaces (not at either end) and . _ - @ ' only"
        }
        return nil
    }

    /// The file's accounts, or nil when there is no file.
    static func read(_ path: String) throws -> UsersDocument? {
        let fd: Int32
        do { fd = try System.open(path, flags: O_RDONLY_) } catch {
            if error.isNotFound { return nil }
            throw AccessError(error)
        }
        defer { System.close(fd) }
        let status: System.FileStatus
        do { status = try System.status(fd, path: path) } catch { throw AccessError(error) }
        guard status.kind == .regular else {
            throw AccessError.damagedUsersFile(path: path, problem: "it is not a regular file")
        }
        guard status.permissions & 0o077 == 0 else {
            throw AccessError.usersFileNotOwnerOnly(
                path: path, permissions: String(status.permissions & 0o777, radix: 8))
        }
        // A users file holds an account per few hundred bytes: 16 MiB is tens of thousands of accounts.
        guard status.size <= 16 << 20 else {
            throw AccessError.damagedUsersFile(path: path, problem: "it is larger than 16 MiB")
        }
        var bytes = [UInt8](repeating: 0, count: status.size)
        let count: Int
        do {
            count = try bytes.withUnsafeMutableBytes {
                try System.read(fd, into: $0.baseAddress!, count: status.size, at: 0, path: path)
            }
        } catch let error as SystemCallError { throw AccessError(error) }
        let document: UsersDocument
        do {
            document = try JSONDecoder().decode(UsersDocument.self, from: Data(bytes[..<count]))
        } catch {
            // The decoder's own message can quote the file; say only what kind of problem it is.
            throw AccessError.damagedUsersFile(
                path: path, problem: "it is not the JSON that `journey users add` writes")
        }
        try check(document, path: path)
        return document
    }

    static func check(_ document: UsersDocument, path: String) throws {
        func damaged(_ problem: String) -> AccessError { .damagedUsersFile(path: path, problem: problem) }
        guard document.format == UsersDocument.currentFormat else {
            throw damaged("its format is not \(UsersDocument.currentFormat)")
        }
        var names = Set<String>()
        for (i, entry) in document.accounts.enumerated() {
            let which = "account \(i + 1)"
            if let problem = problem(name: entry.name, role: entry.role, team: entry.team) {
                throw damaged("\(which): \(problem)")
            }
            guard names.insert(entry.name).inserted else { throw damaged("\(which): its name is used twice") }
            guard Secrets.bytes(hex: entry.tokenSHA256)?.count == 32 else {
                throw damaged("\(which): its token hash is not 32 bytes of hex")
            }
            if let problem = entry.password?.problem { throw damaged("\(which): \(problem)") }
        }
    }

    static func write(_ document: UsersDocument, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let bytes = Array(try encoder.encode(document)) + [UInt8(ascii: "\n")]
        do {
            try System.replaceFile(path, temporary: path + ".new") { out in try out.write(bytes) }
        } catch let error as SystemCallError { throw AccessError(error) }
    }

    static func lock(_ path: String) throws -> Int32 {
        let lockPath = path + ".lock"
        do {
            // A new file's folder is made owner-only (0700), as the log's folders are.
            if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
                let folder = String(path[..<slash])
                if !System.exists(folder) { try System.makeDirectory(folder) }
            }
            let fd = try System.open(lockPath, flags: O_RDWR_ | O_CREAT_)
            _ = try System.lock(fd, wait: true, path: lockPath)
            return fd
        } catch { throw AccessError(error) }
    }
}

// A users snapshot printed, logged or dumped shows its accounts, never the hashes it keeps: the default
// description would reflect over every stored token and password hash.
extension Users: CustomStringConvertible, CustomReflectable {
    public var description: String {
        "Users(" + accounts.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: ", ") + ")"
    }

    public var customMirror: Mirror { Mirror(self, children: ["accounts": accounts], displayStyle: .struct) }
}

extension PasswordHash: CustomStringConvertible {
    var description: String { "PasswordHash(\(scheme), \(rounds) rounds)" }
}

extension StoredAccount: CustomStringConvertible {
    var description: String { "StoredAccount(\(name), \(role.rawValue))" }
}
