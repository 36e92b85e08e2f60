/// A typed identifier: a `ChildID` cannot be passed where a `PlanID` is wanted.
///
/// The tag is an uninhabited enum that names the kind of thing identified; the value is the identifier as the
/// source system wrote it.
public struct Identifier<Tag: IdentifierTag>: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// What an identifier identifies, with the rule its text must follow.
public protocol IdentifierTag: Sendable {
    /// The longest identifier allowed, in UTF-8 bytes.
    static var maximumLength: Int { get }
    /// Whether only `A–Z a–z 0–9 _ -` are allowed (child identifiers).
    static var isRestrictedToSafeCharacters: Bool { get }
}

extension IdentifierTag {
    public static var maximumLength: Int { 64 }
    public static var isRestrictedToSafeCharacters: Bool { false }
}

public enum EventTag: IdentifierTag {}
public enum ChildTag: IdentifierTag {
    public static var maximumLength: Int { 20 }
    public static var isRestrictedToSafeCharacters: Bool { true }
}
public enum ContactTag: IdentifierTag {}
public enum ReferralTag: IdentifierTag {}
public enum AssessmentTag: IdentifierTag {}
public enum StrategyTag: IdentifierTag {}
public enum S47Tag: IdentifierTag {}
public enum PlanTag: IdentifierTag {}
public enum PeriodTag: IdentifierTag {}
public enum PlacementTag: IdentifierTag {}
public enum EpisodeTag: IdentifierTag {}
public enum AdoptionTag: IdentifierTag {}
public enum DoLOrderTag: IdentifierTag {}

public typealias EventID = Identifier<EventTag>
/// The child's local identifier (CIN `LAchildID`, SSDA903 `CHILD`).
public typealias ChildID = Identifier<ChildTag>
public typealias ContactID = Identifier<ContactTag>
public typealias ReferralID = Identifier<ReferralTag>
public typealias AssessmentID = Identifier<AssessmentTag>
public typealias StrategyID = Identifier<StrategyTag>
public typealias S47ID = Identifier<S47Tag>
/// A CIN plan or a CP plan.
public typealias PlanID = Identifier<PlanTag>
/// A period of care.
public typealias PeriodID = Identifier<PeriodTag>
public typealias PlacementID = Identifier<PlacementTag>
/// An episode of early help or of going missing.
public typealias EpisodeID = Identifier<EpisodeTag>
/// An adoption, from the decision that the child should be placed for adoption to the order (or the reversal).
public typealias AdoptionID = Identifier<AdoptionTag>
/// A deprivation of liberty order (SSDA903 `DoLO`).
public typealias DoLOrderID = Identifier<DoLOrderTag>

extension Identifier {
    /// Why `text` cannot be this kind of identifier, or `nil` when it can. The text itself is never repeated:
    /// identifiers can be personal data.
    public static func problem(with text: String) -> String? {
        let count = text.utf8.count
        if count == 0 || count > Tag.maximumLength {
            return "must be 1–\(Tag.maximumLength) characters long (it has \(count))"
        }
        if Tag.isRestrictedToSafeCharacters {
            for b in text.utf8 where !Self.isSafe(b) {
                return "may hold only the characters A–Z, a–z, 0–9, _ and -"
            }
        }
        return nil
    }

    static func isSafe(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b == 45
    }
}
