import Foundation
import Hummingbird
import JourneyAccess
import JourneyCore

/// Accounts, roles and the access audit, as the service uses them: the accounts library behind a small protocol, so
/// that the service names no file format and its tests give a policy of their own.
public protocol AccessControl: Sendable {
    /// The account whose API token this is.
    func caller(bearerToken: String) -> Account?
    /// The account if the password is its own (slow on purpose).
    func caller(name: String, password: String) -> Account?
    /// The roles' rules (`Account.decide` for the accounts library).
    func decide(_ caller: Account, _ reading: Reading, reason: String?) -> AccessDecision
    /// Appends to the access audit; durable before it returns (waiting without holding a thread).
    func audit(_ entry: AuditEntry) async throws
}

extension Service {
    /// The caller of an API request, from its `Authorization: Bearer` header; 401 without one that names an
    /// account. Without access control every request is served (a server for one person on loopback).
    func apiCaller(_ request: Request) throws -> Account? {
        guard let access = configuration.access else { return nil }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            let caller = access.caller(bearerToken: String(header.dropFirst("Bearer ".count)))
        else {
            throw Problem(
                .unauthorized, code: "unauthenticated",
                detail: "give an API token: Authorization: Bearer TOKEN (journey-serve's users file holds its hash)")
        }
        return caller
    }

    /// Asks the policy whether `caller` may read what `question` names; a child-level read is written to the access
    /// audit when allowed, and every refusal is. Throws 403 when refused.
    func authorize(
        _ caller: Account?, _ question: Reading, route: String, reason: String?
    ) async throws {
        guard let access = configuration.access, let caller else { return }
        let answer = access.decide(caller, question, reason: reason)
        var child: ChildID?
        if case .childRecord(let id, _) = question { child = id }
        let isChildLevel: Bool
        switch question {
        case .childRecord, .childLevelList: isChildLevel = true
        case .aggregates, .write: isChildLevel = false
        }
        let now = Timestamp(nanoseconds: Int64(Date().timeIntervalSince1970 * 1e9))
        switch answer {
        case .allowed:
            if isChildLevel {
                try await access.audit(
                    AuditEntry(user: caller.name, at: now, child: child, page: route, reason: reason, outcome: .allowed)
                )
            }
        case .refused(let why):
            try await access.audit(
                AuditEntry(user: caller.name, at: now, child: child, page: route, reason: reason, outcome: .refused))
            throw Problem(.forbidden, code: "forbidden", detail: why)
        case .reasonRequired:
            try await access.audit(
                AuditEntry(user: caller.name, at: now, child: child, page: route, reason: nil, outcome: .refused))
            throw Problem(
                .forbidden, code: "reason-required",
                detail: "an investigator gives the reason for opening each child's record: add reason=…")
        }
    }
}
