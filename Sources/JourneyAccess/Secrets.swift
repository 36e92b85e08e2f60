import Crypto
import Foundation
import _CryptoExtras

/// The secrets of the users file: API tokens, kept only as their SHA-256, and passwords, kept only as a slow,
/// salted PBKDF2-SHA256 hash with its parameters. Nothing here prints or describes a secret.
enum Secrets {
    /// A new API token: 32 bytes from the system's generator (256 bits, beyond guessing), as base64url text
    /// without padding (43 characters), safe in a header and a shell.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(bytes)
    }

    /// The SHA-256 of a token's text, in lower-case hex: what the users file keeps. A token has 256 bits of
    /// entropy, so a fast hash is enough (nothing to gain by guessing); a password has far less, hence PBKDF2.
    static func tokenHash(_ token: String) -> [UInt8] {
        sha256(Array(token.utf8))
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    /// Whether two byte strings are equal, taking the same time wherever they first differ, so that the time an
    /// answer takes says nothing about how much of a guess was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        String(
            Data(bytes).base64EncodedString().compactMap { c -> Character? in
                switch c {
                case "+": "-"
                case "/": "_"
                case "=": nil
                default: c
                }
            })
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of lower-case or upper-case hex, or nil when it is not hex.
    static func bytes(hex text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let high = nibble(utf8[i]), let low = nibble(utf8[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }
}

/// A password kept as PBKDF2-HMAC-SHA256 of the password with a random salt, with the parameters it was made
/// with, so that they can be raised later without breaking the accounts already there.
struct PasswordHash: Sendable, Hashable, Codable {
    /// The only scheme written: "pbkdf2-sha256".
    var scheme: String
    var rounds: Int
    /// 16 random bytes, hex.
    var salt: String
    /// 32 bytes, hex.
    var hash: String

    /// 600,000 rounds: OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256 (2023), about a third
    /// of a second on one core of a current server: slow for a guesser, bearable at a login.
    static let defaultRounds = 600_000
    /// The fewest rounds swift-crypto's checked PBKDF2 accepts (210,000, OWASP's figure for SHA-512); a file
    /// naming fewer is refused as damaged rather than used.
    static let minimumRounds = 210_000
    static let scheme = "pbkdf2-sha256"

    init(scheme: String, rounds: Int, salt: String, hash: String) {
        self.scheme = scheme
        self.rounds = rounds
        self.salt = salt
        self.hash = hash
    }

    /// A new hash of `password`, with a new salt.
    init(password: String, rounds: Int = PasswordHash.defaultRounds) throws {
        let salt = Secrets.randomBytes(16)
        self.init(
            scheme: Self.scheme, rounds: rounds, salt: Secrets.hex(salt),
            hash: Secrets.hex(try Self.derive(password, salt: salt, rounds: rounds)))
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, rounds: rounds)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Whether the parameters are ones this build writes and can check.
    var problem: String? {
        if scheme != Self.scheme { return "a password hash has the scheme \(scheme), not \(Self.scheme)" }
        if rounds < Self.minimumRounds { return "a password hash has fewer than \(Self.minimumRounds) rounds" }
        if Secrets.bytes(hex: salt).map({ $0.count >= 16 }) != true { return "a password salt is not 16 bytes of hex" }
        if Secrets.bytes(hex: hash)?.count != 32 { return "a password hash is not 32 bytes of hex" }
        return nil
    }

    /// Whether `password` is the one hashed: the whole derivation is done, and the result compared in constant time.
    func matches(_ password: String) -> Bool {
        guard problem == nil, let salt = Secrets.bytes(hex: salt), let stored = Secrets.bytes(hex: hash),
            let derived = try? Self.derive(password, salt: salt, rounds: rounds)
        else { return false }
        return Secrets.constantTimeEqual(derived, stored)
    }
}
