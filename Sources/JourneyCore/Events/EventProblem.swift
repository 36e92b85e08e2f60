/// Why an event was rejected: the field (a path such as `data.source`, or none for the whole line) and the rule.
///
/// Messages never repeat free text, identifiers or dates from the event: they can be a child's personal data.
/// Codes are repeated, since a code is not personal and shows what to fix.
public struct EventProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String?
    public var message: String

    public init(field: String? = nil, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { return "field \"\(field)\": \(message)" }
        return message
    }
}

/// A problem on a numbered line of a JSON Lines input.
public struct LineProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1 for the first line.
    public var line: Int
    public var problem: EventProblem

    public init(line: Int, problem: EventProblem) {
        self.line = line
        self.problem = problem
    }

    public var description: String { "line \(line), \(problem)" }
}

/// An event that breaks one or more rules of the format.
public struct InvalidEvent: Error, Hashable, Sendable {
    public var problems: [EventProblem]

    public init(_ problems: [EventProblem]) { self.problems = problems }
}
