import Foundation
import JourneyAccess
import JourneyCore

/// The web's sessions, held by the server alone: the cookie carries a random id and nothing else, and a session
/// ends after `lifetime` or at logout. A restart ends every session (people log in again).
final class Sessions: @unchecked Sendable {
    struct Session: Sendable {
        var caller: Account
        /// The token every form of the session carries, checked on every POST (cross-site request forgery).
        var csrf: String
        var expires: ContinuousClock.Instant
    }

    /// Eight hours: a working day.
    static let lifetime = Duration.seconds(8 * 3600)
    static let cookie = "journey-session"
    /// The login form's token, before there is a session: sent as a cookie and in the form, and both must agree.
    static let loginCookie = "journey-login"

    private let lock = NSLock()
    private var sessions: [String: Session] = [:]
    private var failures: [String: [ContinuousClock.Instant]] = [:]

    /// A new session for `caller`: its id, and its CSRF token.
    func start(_ caller: Account) -> (id: String, csrf: String) {
        let id = Self.randomToken()
        let csrf = Self.randomToken()
        lock.withLock {
            let now = ContinuousClock.now
            sessions = sessions.filter { $0.value.expires > now }
            sessions[id] = Session(caller: caller, csrf: csrf, expires: now + Self.lifetime)
        }
        return (id, csrf)
    }

    func session(_ id: String) -> Session? {
        lock.withLock {
            guard let session = sessions[id], session.expires > ContinuousClock.now else {
                sessions[id] = nil
                return nil
            }
            return session
        }
    }

    func end(_ id: String) { lock.withLock { sessions[id] = nil } }

    // MARK: Login attempts

    /// Failed logins allowed per name and per address in `window`; more are refused without checking the password
    /// (which is slow on purpose, so refusing early also keeps the server's time).
    static let attemptLimit = 5
    static let window = Duration.seconds(15 * 60)

    /// Whether another attempt is allowed for each of `keys` (`name:…`, `address:…`).
    func mayAttempt(_ keys: [String]) -> Bool {
        lock.withLock {
            let since = ContinuousClock.now - Self.window
            return keys.allSatisfy { key in (failures[key]?.filter { $0 > since }.count ?? 0) < Self.attemptLimit }
        }
    }

    func failed(_ keys: [String]) {
        lock.withLock {
            let now = ContinuousClock.now
            for key in keys {
                failures[key, default: []] = (failures[key] ?? []).filter { $0 > now - Self.window } + [now]
            }
        }
    }

    func succeeded(_ keys: [String]) { lock.withLock { for key in keys { failures[key] = nil } } }

    /// 32 random bytes from the system's generator, in hexadecimal.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }
}
