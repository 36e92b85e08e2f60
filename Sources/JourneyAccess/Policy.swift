import JourneyCore

/// What an account may do on the shared service. The four roles follow the principle of least privilege (UK GDPR
/// Article 5(1)(c), data minimisation; Article 25, data protection by design): each sees the child-level data its
/// work needs and no more, and aggregates, which name no child, are open to all.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Everything: every child's record, every list, and writing events.
    case analyst
    /// Child-level data of their own team's children (a child whose current team is theirs), aggregates for all.
    case teamManager = "team-manager"
    /// Any child's chronology, read only, with a reason given for each child opened; aggregates; no lists.
    case investigator
    /// Aggregates only.
    case viewer
}

/// A person who may use the service: their name, role and (for a team manager) team.
public struct Account: Sendable, Hashable, Codable {
    public let name: String
    public let role: Role
    /// The team a team manager manages: required for a team manager, nil for every other role.
    public let team: String?

    public init(name: String, role: Role, team: String?) {
        self.name = name
        self.role = role
        self.team = team
    }
}

/// What a request wants to read.
public enum Reading: Sendable, Hashable {
    /// Metrics, checks summaries, the pack, cohorts' counts: nothing that names a child.
    case aggregates
    /// One child's data; `team` is the child's current team (the latest `worker.allocated`), nil if none.
    case childRecord(ChildID, team: String?)
    /// Child-level rows (findings, caseload, audit sample) for one team, or for all teams (nil).
    case childLevelList(team: String?)
    /// Appending events (`POST /v1/events`).
    case write
}

/// The policy's answer.
public enum AccessDecision: Sendable, Hashable {
    case allowed
    /// Why not, in words, with no child data in it.
    case refused(String)
    /// An investigator opening a child without giving a reason.
    case reasonRequired
}

extension Account {
    /// The rules of the four roles, as a pure function: the same account, reading and reason always give the same
    /// answer, and the answer never depends on anything stored.
    ///
    /// - analyst: everything.
    /// - team manager: aggregates; a child's record when the child's current team is the manager's; a child-level
    ///   list of the manager's own team only (not of another team, not of all teams); no writing.
    /// - investigator: aggregates; any child's record, each time with a non-empty reason; no child-level lists;
    ///   no writing.
    /// - viewer: aggregates only.
    public func decide(_ reading: Reading, reason: String?) -> AccessDecision {
        switch (role, reading) {
        case (.analyst, _):
            return .allowed
        case (_, .aggregates):
            return .allowed
        case (_, .write):
            return .refused("only an analyst may write events; this account is a \(role.rawValue)")
        case (.teamManager, .childRecord(_, let childTeam)):
            guard let team, let childTeam, childTeam == team else {
                return .refused("a team manager may open only the children whose current team is their own")
            }
            return .allowed
        case (.teamManager, .childLevelList(let listTeam)):
            guard let team, let listTeam, listTeam == team else {
                return .refused("a team manager may list only their own team's children")
            }
            return .allowed
        case (.investigator, .childRecord):
            guard let reason, !Self.isBlank(reason) else { return .reasonRequired }
            return .allowed
        case (.investigator, .childLevelList):
            return .refused("an investigator may open a child's record with a reason, but not list children")
        case (.viewer, _):
            return .refused("a viewer may see aggregates only")
        }
    }

    /// Whether a reason says nothing: empty, or only spaces, tabs and line breaks.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
