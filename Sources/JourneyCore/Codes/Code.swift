/// A value from a closed statutory list (a CIN census or SSDA903 code, or a word of the event format),
/// stored as its index in the list so that events stay small and comparisons are integer ones.
public struct Code<List: CodeList>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position of the code in `List.codes`.
    public let index: UInt8

    /// The code for its written form, or `nil` when the list has no such code.
    public init?(_ text: String) {
        guard let i = List.lookup[text] else { return nil }
        index = i
    }

    public init?(index: UInt8) {
        guard Int(index) < List.codes.count else { return nil }
        self.index = index
    }

    /// The code as written in returns and in the event format (`2A`, `RC8`, `early-help`).
    public var rawValue: String { List.codes[Int(index)] }
    public var description: String { rawValue }

    /// The plain-words meaning, where the list has one.
    public var meaning: String? {
        List.meanings.isEmpty ? nil : List.meanings[Int(index)]
    }

    public static var all: [Code] { (0..<List.codes.count).map { Code(index: UInt8($0))! } }

    /// Ordered as the list is (for levels of help: lowest to highest).
    public static func < (a: Code, b: Code) -> Bool { a.index < b.index }

    /// A message for a value that is not in the list: the value is a code, so it is safe to repeat.
    public static func problem(with text: String) -> String {
        "\"\(text)\" is not \(List.name) (allowed: \(List.allowedSummary))"
    }
}

/// A closed list of codes.
public protocol CodeList: Sendable {
    /// The codes, in their statutory order.
    static var codes: [String] { get }
    /// What a code of the list is called, with its article: "a referral source code".
    static var name: String { get }
    /// Plain words for each code, in the same order, or empty.
    static var meanings: [String] { get }
    /// Written form → index; a `static let` in each list so that it is built once.
    static var lookup: [String: UInt8] { get }
}

extension CodeList {
    public static var meanings: [String] { [] }

    /// The allowed values for an error message: all of them when few, else the first and last.
    public static var allowedSummary: String {
        codes.count <= 8 ? codes.joined(separator: ", ") : "\(codes.first!)…\(codes.last!)"
    }

    static func makeLookup() -> [String: UInt8] {
        Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($0.element, UInt8($0.offset)) })
    }
}
