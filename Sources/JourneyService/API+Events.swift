import Foundation
import Hummingbird
import JourneyCore
import JourneyLog

/// Appends through the served log's writer, one at a time from this server (`ServedLog.append`): for a folder the
/// writer is opened for each request and closed after it, so that `journey append` on the command line takes its
/// turn too, and a request waits for the lock (as `--wait`) rather than failing; for PostgreSQL the writer's
/// connection is held, and other processes' writers take turns through the store's advisory lock. The batch is all
/// or nothing: a rejected or refused batch leaves the log as it was.
final class Appends: Sendable {
    let live: any LiveSource
    /// One append at a time from this server: the others queue here, not on the store's lock.
    private let queue = DispatchQueue(label: "journey.appends")

    init(_ live: any LiveSource) { self.live = live }

    func append(_ body: ByteBuffer, options: AppendOptions) async throws -> AppendReport {
        let live = self.live
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(
                    with: Result {
                        try body.withUnsafeReadableBytes { bytes in
                            let input = try LineReader.spooled(bytes, name: "the request body")
                            defer { input.close() }
                            return try live.append(input, options: options)
                        }
                    })
            }
        }
    }
}

extension Service {
    static let appendParameters: Set<String> = ["expect-version", "max-problems"]

    /// `POST /v1/events`: `journey append`, the body a JSON Lines file of events.
    func append(_ request: Request, context: ServiceContext) async throws -> Response {
        let caller = try apiCaller(request)
        let query = try Query(request, allowed: Service.appendParameters)
        var options = AppendOptions()
        for item in query.all("expect-version") {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, ChildID.problem(with: String(parts[0])) == nil, let n = UInt32(parts[1]) else {
                throw Problem.badParameter("expect-version", "takes CHILD=N, for example C100=12")
            }
            options.expectedVersions[ChildID(String(parts[0]))] = n
        }
        options.problemLimit = try query.int("max-problems", in: 1...100_000) ?? options.problemLimit
        try await authorize(caller, .write, route: "POST /v1/events", reason: nil)
        let limit = configuration.bodyLimit
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw Problem(
                .contentTooLarge, code: "body-too-large",
                detail: "the batch is over the limit of \(limit >> 20 > 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"): "
                    + "split it into batches (each is all or nothing on its own)")
        }
        let report: AppendReport
        do {
            report = try await appends.append(body, options: options)
        } catch let error as LogError {
            throw Problem(appendError: error)
        }
        // The live figures take the new events in now, not at the next read.
        let live = self.live
        let position = try await Service.offload { try live.head().position }
        var members = [
            JSONMember(key: "appended", value: .number("\(report.appended)")),
            JSONMember(key: "duplicates", value: .number("\(report.duplicates)")),
            JSONMember(key: "stamped", value: .number("\(report.stamped)")),
        ]
        if let p = report.positions {
            members.append(
                JSONMember(
                    key: "positions",
                    value: .object([
                        JSONMember(key: "first", value: .number("\(p.lowerBound)")),
                        JSONMember(key: "last", value: .number("\(p.upperBound)")),
                    ])))
        } else {
            members.append(JSONMember(key: "positions", value: .null))
        }
        return textResponse(
            JSONValue.object(members).prettyText, type: MediaType.json, position: position,
            status: report.appended > 0 ? .created : .ok)
    }
}

extension Problem {
    /// An append's refusal: the batch's problems (422), a child's version moved (409), the log damaged (500).
    init(appendError error: LogError) {
        switch error {
        case .rejected(let problems, let truncated):
            let list = problems.map { p in
                JSONValue.object([
                    JSONMember(key: "line", value: .number("\(p.line)")),
                    JSONMember(key: "field", value: p.problem.field.map { .string($0) } ?? .null),
                    JSONMember(key: "rule", value: .string(p.problem.message)),
                ])
            }
            self = Problem(
                .unprocessableContent, code: "batch-rejected",
                detail: "the batch was rejected and nothing was appended (\(problems.count) problem"
                    + (problems.count == 1 ? "" : "s") + (truncated ? ", and more: max-problems lists more" : "")
                    + "); fix the lines named and post the whole batch again",
                members: [
                    JSONMember(key: "problems", value: .array(list)),
                    JSONMember(key: "truncated", value: .bool(truncated)),
                ])
        case .versionMismatch(let child, let expected, let actual):
            self = Problem(
                .conflict, code: "version-conflict",
                detail: LogError.versionMismatch(
                    child: child, expected: expected, actual: actual, requiredBy: "expect-version")
                    + " Read the child's record again before appending.",
                members: [
                    JSONMember(key: "child", value: .string(child.description)),
                    JSONMember(key: "expected", value: .number("\(expected)")),
                    JSONMember(key: "actual", value: .number("\(actual)")),
                ])
        case .damaged, .notALog:
            self = Problem(
                .internalServerError, code: "log-damaged",
                detail: "\(error) (an administrator runs journey verify on the server)")
        default:
            self = Problem(.internalServerError, code: "append-failed", detail: error.description)
        }
    }
}
