/// A value from a closed statutory list (a CIN census or SSDA903 code, or a word of the event format),
/// stored as its index in the list so that events stay small and comparisons are integer ones.
public struct Code<List: CodeList>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position of the code in `List.codes`.
    public let index: UInt8

    // Inlinable, as the list's `codes`, so that the replay and the readers, which name their lists, read a table in
    // place rather than through the protocol, which hands over a copy of it.

    /// The code for its written form, or `nil` when the list has no such code.
    @inlinable public init?(_ text: String) {
        guard let i = List.table.lookup[text] else { return nil }
        index = i
    }

    @inlinable public init?(index: UInt8) {
        guard Int(index) < List.codes.count else { return nil }
        self.index = index
    }

    /// The code as written in returns and in the event format (`2A`, `RC8`, `early-help`).
    @inlinable public var rawValue: String { List.codes[Int(index)] }
    public var description: String { rawValue }

    /// The plain-words meaning, where the list has one.
    @inlinable public var meaning: String? {
        let meanings = List.table.meanings
        return meanings.isEmpty ? nil : meanings[Int(index)]
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
    /// What a code of the list is called, with its article: "a referral source code".
    static var name: String { get }
    /// The codes in their statutory order, each with its meaning where the list has them: a `static let` in each
    /// list, so that it is built once.
    static var table: CodeTable { get }
}

/// The codes of a list in their statutory order, each beside its plain-words meaning (or with none), and the index
/// of each code by its written form.
public struct CodeTable: Sendable, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    /// The codes, in their statutory order.
    public let codes: [String]
    /// Plain words for each code, in the same order, or empty.
    public let meanings: [String]
    /// Written form → index.
    @usableFromInline let lookup: [String: UInt8]

    /// Codes with their meanings, in order: `["N1": "abuse or neglect", "N2": "child's disability"]`.
    public init(dictionaryLiteral entries: (String, String)...) {
        self.init(codes: entries.map(\.0), meanings: entries.map(\.1))
    }

    /// Codes without meanings, in order.
    public init(arrayLiteral codes: String...) {
        self.init(codes: codes, meanings: [])
    }

    init(codes: [String], meanings: [String]) {
        // A code is stored as its index in a byte; a code twice would make the lookup ambiguous (and trap here).
        // Neither can come from input: every table is a constant of `CodeLists.swift` (the longest, the assessment
        // factors, holds 44 codes), so a list that broke this is a programming error caught on its first use.
        precondition(codes.count <= Int(UInt8.max), "a code list holds at most 255 codes")
        self.codes = codes
        self.meanings = meanings
        lookup = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($0.element, UInt8($0.offset)) })
    }
}

extension CodeList {
    // Inlinable so that a reader of stored events, checking a code's index, reads the count in place.
    /// The codes, in their statutory order.
    @inlinable public static var codes: [String] { table.codes }
    /// Plain words for each code, in the same order, or empty.
    @inlinable public static var meanings: [String] { table.meanings }

    /// The allowed values for an error message: all of them when few, else the first and last.
    public static var allowedSummary: String {
        codes.count <= 8 ? codes.joined(separator: ", ") : "\(codes.first!)…\(codes.last!)"
    }
}
