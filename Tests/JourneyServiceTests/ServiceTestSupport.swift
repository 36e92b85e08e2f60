import Foundation
import Hummingbird
import HummingbirdTesting
import JourneyAccess
import JourneyCore
import JourneyLog
import JourneyService
import JourneyTestSupport
import Logging
import Testing

@testable import JourneyCommandLine

/// Runs `journey` with `arguments` in this process (`Journey.run`, as the program does), and returns its exit
/// status and standard output: what the service's answers are compared with, byte for byte.
func journey(_ arguments: [String]) -> (status: Int32, output: String) {
    final class Captured: @unchecked Sendable {
        let lock = NSLock()
        var bytes: [UInt8] = []
    }
    let captured = Captured()
    let sink = Terminal.Sink(
        output: { bytes in
            captured.lock.withLock { captured.bytes.append(contentsOf: bytes) }
            return nil
        }, error: { _ in }, isErrorATerminal: { false })
    let status = Terminal.$sink.withValue(sink) { Journey.run(arguments) }
    return (status, captured.lock.withLock { String(decoding: captured.bytes, as: UTF8.self) })
}

/// C2 referred again on 2024-11-01 (R4), within 12 months of R2: a second re-referral. JSON Lines, one event.
let c2Referral = """
    {"id":"e13","child":"C2","type":"referral.received","occurred":"2024-11-01","recorded":"2024-11-01T12:00:00Z","data":{"referral":"R4","source":"6"}}

    """

/// The tiny council appended to a new log folder; returns the log's path.
func tinyCouncilLog() throws -> String {
    let folder = temporaryDirectory("journey-service")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let log = folder + "/log"
    let writer = try LogWriter.open(log)
    defer { writer.close() }
    try writer.append(tinyCouncil.events)
    return log
}

/// A service on `log` driven in-process through its router.
func withService(
    log: String, access: (any AccessControl)? = nil, bodyLimit: Int = Service.bodyLimit,
    _ body: @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    try await withService(Service(Service.Configuration(log: log, access: access, bodyLimit: bodyLimit)), body)
}

/// `service` driven in-process through its router.
func withService(_ service: Service, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    var logger = Logger(label: "journey-serve-tests")
    logger.logLevel = .warning
    let app = Application(router: service.router(), logger: logger)
    try await app.test(.router) { client in try await body(client) }
}

/// The header that signs a request of the API in with `token` (`TestAccess`'s tokens).
func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// A policy for the tests: an analyst (everything), a viewer (aggregates only) and a manager of team North (lists
/// of North's children), and the audit kept in memory.
final class TestAccess: AccessControl, @unchecked Sendable {
    let lock = NSLock()
    private var records: [AuditEntry] = []
    var audited: [AuditEntry] { lock.withLock { records } }

    func caller(bearerToken: String) -> Account? {
        switch bearerToken {
        case "analyst-token": Account(name: "ana", role: .analyst, team: nil)
        case "viewer-token": Account(name: "vic", role: .viewer, team: nil)
        case "manager-token": Account(name: "max", role: .teamManager, team: "North")
        default: nil
        }
    }

    func caller(name: String, password: String) -> Account? {
        name == "ana" && password == "correct horse" ? Account(name: "ana", role: .analyst, team: nil) : nil
    }

    func decide(_ caller: Account, _ reading: Reading, reason: String?) -> AccessDecision {
        switch (caller.role, reading) {
        case (.analyst, _), (_, .aggregates): .allowed
        case (.teamManager, .childLevelList(let team)) where team == caller.team: .allowed
        default: .refused("not for this role")
        }
    }

    func audit(_ entry: AuditEntry) async throws { lock.withLock { records.append(entry) } }
}
