import JourneyCore

/// One line of the access audit: who asked for what, when, about which child, why, and whether it was allowed.
public struct AuditEntry: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Codable { case allowed, refused }
    /// The account's name.
    public var user: String
    /// When it was asked, as the service's clock read it.
    public var at: Timestamp
    /// The child whose data was asked for, when the request named one.
    public var child: ChildID?
    /// The path asked for, e.g. "/children/C100/chronology" or "GET /v1/children/{id}/chronology".
    public var page: String
    /// The reason the user gave (an investigator must give one), as given.
    public var reason: String?
    public var outcome: Outcome

    public init(user: String, at: Timestamp, child: ChildID?, page: String, reason: String?, outcome: Outcome) {
        self.user = user
        self.at = at
        self.child = child
        self.page = page
        self.reason = reason
        self.outcome = outcome
    }

    enum CodingKeys: String, CodingKey { case user, at, child, page, reason, outcome }

    // `Timestamp` and `ChildID` are not `Codable` in JourneyCore: they are written as the text they print as
    // (RFC 3339, the identifier), the same text the audit log's lines hold.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        user = try c.decode(String.self, forKey: .user)
        let text = try c.decode(String.self, forKey: .at)
        guard let at = Timestamp(text) else {
            throw DecodingError.dataCorruptedError(forKey: .at, in: c, debugDescription: "not an RFC 3339 time")
        }
        self.at = at
        child = try c.decodeIfPresent(String.self, forKey: .child).map { ChildID($0) }
        page = try c.decode(String.self, forKey: .page)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        outcome = try c.decode(Outcome.self, forKey: .outcome)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(user, forKey: .user)
        try c.encode(at.description, forKey: .at)
        try c.encodeIfPresent(child?.rawValue, forKey: .child)
        try c.encode(page, forKey: .page)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encode(outcome, forKey: .outcome)
    }
}
