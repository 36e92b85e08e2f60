import Foundation
import Hummingbird
import JourneyCore

/// Who is asking: an account's name, role and team, as the accounts library holds them.
public struct Caller: Sendable, Hashable {
    public var name: String
    public var role: String
    public var team: String?

    public init(name: String, role: String, team: String?) {
        self.name = name
        self.role = role
        self.team = team
    }
}

/// What a request wants to read, as the access policy judges it.
public enum AccessQuestion: Sendable, Hashable {
    /// Figures, findings' counts, the pack, cohorts' counts.
    case aggregates
    /// One child's data; `team`: the child's current team, if any.
    case childRecord(ChildID, team: String?)
    /// Child-level rows (findings, cohort rows) for one team, or all teams (`nil`).
    case childLevelList(team: String?)
    /// An append.
    case write
}

/// The policy's answer.
public enum AccessAnswer: Sendable, Hashable {
    case allowed
    /// Why, in words, with no child data in it.
    case refused(String)
    /// An investigator opening a child's record without saying why.
    case reasonRequired
}

/// One line of the access audit: every child-level read and every refusal.
public struct AccessRecord: Sendable, Hashable {
    public var user: String
    public var at: Timestamp
    public var child: ChildID?
    /// The route asked for, as a pattern (`GET /v1/children/{id}/chronology`).
    public var route: String
    public var reason: String?
    public var allowed: Bool
}

/// Accounts, roles and the access audit, as the service uses them: the accounts library behind a small protocol, so
/// that the service names no file format and its tests give a policy of their own.
public protocol AccessControl: Sendable {
    /// The account whose API token this is.
    func caller(bearerToken: String) -> Caller?
    /// The account if the password is its own (slow on purpose).
    func caller(name: String, password: String) -> Caller?
    func decide(_ caller: Caller, _ question: AccessQuestion, reason: String?) -> AccessAnswer
    /// Appends to the access audit; durable before it returns (waiting without holding a thread).
    func audit(_ record: AccessRecord) async throws
}

extension Service {
    /// The caller of an API request, from its `Authorization: Bearer` header; 401 without one that names an
    /// account. Without access control every request is served (a server for one person on loopback).
    func apiCaller(_ request: Request) throws -> Caller? {
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
        _ caller: Caller?, _ question: AccessQuestion, route: String, reason: String?
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
                    AccessRecord(user: caller.name, at: now, child: child, route: route, reason: reason, allowed: true))
            }
        case .refused(let why):
            try await access.audit(
                AccessRecord(user: caller.name, at: now, child: child, route: route, reason: reason, allowed: false))
            throw Problem(.forbidden, code: "forbidden", detail: why)
        case .reasonRequired:
            try await access.audit(
                AccessRecord(user: caller.name, at: now, child: child, route: route, reason: nil, allowed: false))
            throw Problem(
                .forbidden, code: "reason-required",
                detail: "an investigator gives the reason for opening each child's record: add reason=…")
        }
    }
}
