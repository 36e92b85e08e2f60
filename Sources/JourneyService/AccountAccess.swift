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

    public func caller(bearerToken: String) -> Caller? { users.account(bearerToken: bearerToken).map(Caller.init) }

    public func caller(name: String, password: String) -> Caller? {
        users.account(name: name, password: password).map(Caller.init)
    }

    public func decide(_ caller: Caller, _ question: AccessQuestion, reason: String?) -> AccessAnswer {
        // A role this build does not know (the users file is newer) reads nothing.
        guard let role = Role(rawValue: caller.role) else { return .refused("the account's role is not known here") }
        let reading: Reading =
            switch question {
            case .aggregates: .aggregates
            case .childRecord(let child, let team): .childRecord(child, team: team)
            case .childLevelList(let team): .childLevelList(team: team)
            case .write: .write
            }
        switch Account(name: caller.name, role: role, team: caller.team).decide(reading, reason: reason) {
        case .allowed: return .allowed
        case .refused(let why): return .refused(why)
        case .reasonRequired: return .reasonRequired
        }
    }

    public func audit(_ record: AccessRecord) async throws {
        try await auditLog.appendAsync(
            AuditEntry(
                user: record.user, at: record.at, child: record.child, page: record.route, reason: record.reason,
                outcome: record.allowed ? .allowed : .refused))
    }
}

extension Caller {
    init(_ account: Account) { self.init(name: account.name, role: account.role.rawValue, team: account.team) }
}
