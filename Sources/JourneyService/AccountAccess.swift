import JourneyAccess
import JourneyCore

/// The accounts library behind the service's `AccessControl`: the users file's accounts, `Account.decide` for the
/// roles' rules, and the hash-chained access audit.
public struct AccountAccess: AccessControl {
    let users: Users
    let auditLog: AuditLog

    public init(users: Users, audit: AuditLog) {
        self.users = users
        self.auditLog = audit
    }

    public func caller(bearerToken: String) -> Account? { users.account(bearerToken: bearerToken) }

    public func caller(name: String, password: String) -> Account? { users.account(name: name, password: password) }

    public func decide(_ caller: Account, _ reading: Reading, reason: String?) -> AccessDecision {
        caller.decide(reading, reason: reason)
    }

    public func audit(_ entry: AuditEntry) async throws { try await auditLog.appendAsync(entry) }
}
