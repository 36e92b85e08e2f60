import Foundation
import Hummingbird
import HummingbirdTesting
import JourneyService
import JourneyTestSupport
import Logging
import Testing

/// The server's own log: the method, the route's pattern, the status and the time; never the child's id, the query
/// string or a token.
@Suite("The server's request log")
struct RequestLogTests {
    /// Keeps every line logged, as text with its metadata.
    final class Captured: LogHandler, @unchecked Sendable {
        let lock = NSLock()
        var lines: [String] = []
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let text =
                "\(event.message) "
                + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: " ")
            lock.withLock { lines.append(text) }
        }
    }

    @Test("A chronology read is logged by its route's pattern, without the id, the query or the token")
    func noChildData() async throws {
        let log = try tinyCouncilLog()
        let captured = Captured()
        let logger = Logger(label: "journey-serve-tests") { _ in captured }
        let service = Service(Service.Configuration(log: log, access: TestAccess()))
        let app = Application(router: service.router(), logger: logger)
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/children/C2/chronology?as-known-at=2024-06-30&reason=concern", method: .get,
                headers: [.authorization: "Bearer analyst-token"]
            ) { response in
                #expect(response.status == .ok)
            }
        }
        let lines = captured.lock.withLock { captured.lines }
        let request = try #require(lines.first { $0.hasPrefix("request ") }, "\(lines)")
        #expect(request.contains("route=/v1/children/{id}/chronology"))
        #expect(request.contains("method=GET"))
        #expect(request.contains("status=200"))
        for line in lines {
            #expect(!line.contains("C2"), "\(line)")
            #expect(!line.contains("2024-06-30") && !line.contains("concern") && !line.contains("analyst-token"))
        }
    }
}
