import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JourneyCore
import JourneyLog
import JourneyProjections
import Testing

@testable import JourneyService

/// A served log whose store cannot be reached: every read and every append throws `LogUnavailable`, as the
/// PostgreSQL log does when its database is away.
struct UnreachableLog: ServedLog {
    static let reason = "could not connect to PostgreSQL at postgres://journey@db.internal:5432/journey: refused"

    var name: String { "postgres://journey@db.internal:5432/journey" }
    func current() throws -> EventLog? { throw LogUnavailable(reason: Self.reason) }
    func replay(_ reader: EventLog) throws -> JourneyState { throw LogUnavailable(reason: Self.reason) }
    func append(_ input: LineReader, options: AppendOptions) throws -> AppendReport {
        throw LogUnavailable(reason: Self.reason, duringAppend: true)
    }
    func events(of children: Set<ChildID>, at positions: Set<UInt64>, through position: UInt64) throws -> [UInt64:
        Event]
    {
        throw LogUnavailable(reason: Self.reason)
    }
    func eventIDs(at positions: Set<UInt64>) throws -> [UInt64: EventID] { throw LogUnavailable(reason: Self.reason) }
}

/// A log that cannot be reached is 503 with a problem that says so and names nothing: not the database's address (the
/// server's log has it), not the child asked about. Needs no PostgreSQL.
@Suite("The service with its log's store away")
struct LogUnavailableTests {
    @Test("The problem: 503, log-unavailable, the address and the driver's words left out")
    func problem() {
        let read = Problem(LogUnavailable(reason: UnreachableLog.reason))
        #expect(read.status == .serviceUnavailable)
        #expect(read.code == "log-unavailable")
        #expect(!read.json.prettyText.contains("db.internal"))
        #expect(!read.json.prettyText.contains("refused"))
        // An append cut off: stored whole or not at all, so the same batch is posted again.
        let append = Problem(LogUnavailable(reason: UnreachableLog.reason, duringAppend: true))
        #expect(append.status == .serviceUnavailable)
        #expect(append.detail.contains("post the same batch again"))
    }

    @Test("Every route of the API and every page answers 503 while the log cannot be reached")
    func routes() async throws {
        try await withService(served: UnreachableLog(), log: UnreachableLog().name) { client in
            for uri in [
                "/v1/health", "/v1/metrics", "/v1/metrics?year=2023-24", "/v1/checks", "/v1/checks?as-of=2024-03-31",
                "/v1/children/C1/chronology", "/v1/cohorts/repeat-cp?from=2023-04-01&to=2025-03-31",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                    #expect(response.text.contains("\"type\": \"about:blank#log-unavailable\""), "\(uri)")
                    #expect(!response.text.contains("db.internal"), "\(uri)")
                    #expect(!response.text.contains("C1"), "\(uri)")
                }
            }
            try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: c2Referral)) {
                response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains("post the same batch again"))
            }
            for uri in ["/findings", "/caseload", "/children/C1/chronology"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                }
            }
        }
    }

    @Test("A PostgreSQL address where nothing listens: the warm-up throws LogUnavailable, and requests answer 503")
    func nothingListening() async throws {
        // A port the kernel gave a socket that is closed again: nothing listens there.
        let port = try freeLoopbackPort()
        let served = try PostgresServedLog(address: "postgres://journey@127.0.0.1:\(port)/journey")
        let service = Service(Service.Configuration(log: served.name), log: served)
        #expect(throws: LogUnavailable.self) { try service.warmUp() }
        try await withService(served: served, log: served.name) { client in
            try await client.execute(uri: "/v1/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains("log-unavailable"))
            }
        }
    }

    /// A loopback port free now: bound with port 0 (the kernel picks one), read back, and closed.
    func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        #expect(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
