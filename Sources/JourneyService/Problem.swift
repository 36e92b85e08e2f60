import Hummingbird
import JourneyCore
import JourneyProjections

/// An error answered as `application/problem+json` (RFC 9457): the status, a short title, a detail that says what
/// is wrong and how to put it right, and members of its own (the parameter named, the problems of a batch).
///
/// As every message of journey, a problem never repeats a child's data: it names parameters, fields, lines and
/// rules, and repeats only what the caller sent when it is an id or a code.
public struct Problem: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    /// A stable identifier of the kind of problem, e.g. `unknown-parameter`: `type` is `about:blank#` and it.
    public var code: String
    public var detail: String
    public var members: [JSONMember]

    public init(_ status: HTTPResponse.Status, code: String, detail: String, members: [JSONMember] = []) {
        self.status = status
        self.code = code
        self.detail = detail
        self.members = members
    }

    /// The problem's JSON: `type`, `title`, `status`, `detail`, then its own members.
    public var json: JSONValue {
        .object(
            [
                JSONMember(key: "type", value: .string("about:blank#\(code)")),
                JSONMember(key: "title", value: .string(status.reasonPhrase)),
                JSONMember(key: "status", value: .number("\(status.code)")),
                JSONMember(key: "detail", value: .string(detail)),
            ] + members)
    }

    public var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: json.prettyText)))
    }

    /// The problem as a web page: its title and detail, and the way home.
    var page: Response {
        let html = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>\(status.reasonPhrase)</title></head>
            <body>
            <h1>\(Service.escape(status.reasonPhrase))</h1>
            <p>\(Service.escape(detail))</p>
            <p><a href="/">Home</a></p>
            </body>
            </html>

            """
        return textResponse(html, type: MediaType.html, position: 0, status: status)
    }

    // MARK: The problems of requests

    static func badParameter(_ name: String, _ rule: String) -> Problem {
        Problem(
            .badRequest, code: "bad-parameter", detail: "parameter \(name): \(rule)",
            members: [JSONMember(key: "parameter", value: .string(name))])
    }

    static func notFound(_ detail: String) -> Problem { Problem(.notFound, code: "not-found", detail: detail) }

    /// The log's database cannot be reached (503): nothing of the log, and not its address (the server's log has
    /// that). An append cut off is stored whole or not at all (one transaction), and posting it again is safe: the
    /// events already stored count as duplicates.
    init(logUnavailable error: LogUnavailable) {
        let retry = "the server connects again at the next request"
        self = Problem(
            .serviceUnavailable, code: "log-unavailable",
            detail: error.duringAppend
                ? "the connection to the log's database was lost during the append, so the batch was stored whole "
                    + "or not at all: post the same batch again once the database is back (events already stored "
                    + "count as duplicates); \(retry)"
                : "the log's database cannot be reached just now: try again shortly; \(retry)")
    }
}

/// Makes any error a problem: a `Problem` as it is, Hummingbird's own errors (a body over the limit, an unknown
/// route) with their status, and anything else a 500 whose detail names no data (the server's log has the kind).
extension Problem {
    init(_ error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as HTTPResponseError where error.status == .contentTooLarge:
            self = Problem(
                .contentTooLarge, code: "body-too-large",
                detail: "the request body is over the server's limit: split it into smaller requests")
        case let error as HTTPError:
            self = Problem(error.status, code: "http", detail: error.body ?? error.status.reasonPhrase)
        case let error as HTTPResponseError:
            self = Problem(error.status, code: "http", detail: error.status.reasonPhrase)
        case let error as LogUnavailable:
            self = Problem(logUnavailable: error)
        case let error as PeriodOutsideLog:
            self = Problem(
                .unprocessableContent, code: "period-outside-log",
                detail: error.description + " Give allow-uncovered=true to have them anyway.")
        default:
            self = Problem(
                .internalServerError, code: "internal",
                detail: "the server could not answer (\(type(of: error))); the server's log says when")
        }
    }
}
