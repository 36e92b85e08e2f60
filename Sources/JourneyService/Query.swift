import Foundation
import Hummingbird
import JourneyCore
import JourneyProjections

/// A request's query parameters, read against the names an endpoint takes: an unknown name is refused (400) with
/// every unknown name listed, as the command line refuses an unknown option, rather than ignored, which would
/// answer a question the caller did not ask. A value that breaks its rule is refused naming the parameter and rule.
struct Query: Sendable {
    /// Every parameter in the order given, a repeated one once per value.
    var items: [(name: String, value: String)]

    /// `form`: the query of an HTML form (a web page's GET), where a space is written `+`.
    init(_ request: Request, allowed: Set<String>, form: Bool = false) throws(Problem) {
        if form {
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            items = (request.uri.query ?? "").split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
            }
        } else {
            items = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        }
        let unknown = Set(items.map(\.name)).subtracting(allowed).sorted()
        guard unknown.isEmpty else {
            throw Problem(
                .badRequest, code: "unknown-parameter",
                detail: "unknown parameter\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); "
                    + "this endpoint takes \(allowed.sorted().joined(separator: ", "))",
                members: [JSONMember(key: "parameters", value: .array(unknown.map { .string($0) }))])
        }
    }

    /// The key of this question's answer at one position of the log (`Service.evaluatedOnce`): the route, every
    /// parameter as given but a web form's `csrf` (its session's token, which changes no answer), and the team the
    /// answer is restricted to. Each part is written after its length, so that no two questions have one key.
    func key(_ route: String, team: String?) -> String {
        func part(_ text: String) -> String { "\(text.utf8.count):\(text)" }
        let parameters = items.filter { $0.name != "csrf" }.map { part($0.name) + part($0.value) }
        return part(route) + (team.map { "team " + part($0) } ?? "every team ") + parameters.joined()
    }

    /// Every value of a repeatable parameter, each split at commas (`by=team&by=age-band` or `by=team,age-band`).
    func all(_ name: String) -> [String] {
        items.filter { $0.name == name }.flatMap { $0.value.split(separator: ",").map(String.init) }
    }

    /// The one value of a parameter; given twice is refused.
    func string(_ name: String) throws(Problem) -> String? {
        let values = items.filter { $0.name == name }
        guard values.count <= 1 else {
            throw Problem.badParameter(name, "is given \(values.count) times; give it once")
        }
        return values.first?.value
    }

    func date(_ name: String) throws(Problem) -> CalendarDate? {
        guard let text = try string(name) else { return nil }
        guard let date = CalendarDate(text) else {
            throw Problem.badParameter(name, "dates are written YYYY-MM-DD, e.g. 2024-04-01")
        }
        return date
    }

    /// A time as `--as-known-at` takes it: a timestamp, or a date meaning the end of that day (UTC).
    func time(_ name: String) throws(Problem) -> Timestamp? {
        guard let text = try string(name) else { return nil }
        return try Self.time(text, name: name)
    }

    static func time(_ text: String, name: String) throws(Problem) -> Timestamp {
        if let t = Timestamp(text) { return t }
        if let problem = Timestamp.rangeProblem(in: text) { throw Problem.badParameter(name, problem) }
        if let d = CalendarDate(text), let t = Timestamp(endOf: d) { return t }
        throw Problem.badParameter(
            name, "is neither a date nor a time: a date YYYY-MM-DD (its end), or a time such as 2024-04-01T09:00:00Z")
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws(Problem) -> Int? {
        guard let text = try string(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw Problem.badParameter(name, "takes a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// A yes-or-no parameter: `true` or `false`, or given with no value (`?monthly`) for true.
    func flag(_ name: String) throws(Problem) -> Bool {
        guard let text = try string(name) else { return false }
        switch text {
        case "", "true": return true
        case "false": return false
        default: throw Problem.badParameter(name, "takes true or false")
        }
    }

    /// One of a fixed set of words (`format`, `part`).
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) throws(Problem) -> T?
    where T.RawValue == String {
        guard let text = try string(name) else { return nil }
        guard let value = T(rawValue: text) else {
            throw Problem.badParameter(name, "takes \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
