import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JourneyCore
import JourneyLog
import JourneyPostgres
import JourneyService
import JourneyTestSupport
import Logging
import PostgresNIO
import Testing

@testable import JourneyCommandLine

/// The repository's sample log, JSON Lines: 18,730 lines, one event each.
let sampleEventsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("event-logs/sample.jsonl").path

/// A service on `served` (a log in PostgreSQL, or a test double) driven in-process through its router.
func withService(
    served: some ServedLog, log: String, _ body: @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    let service = Service(Service.Configuration(log: log), log: served)
    var logger = Logger(label: "journey-serve-tests")
    logger.logLevel = .critical
    let app = Application(router: service.router(), logger: logger)
    try await app.test(.router) { client in try await body(client) }
}

/// The service on a log kept in PostgreSQL: every route answers as on a folder holding the same events, appends go
/// to the database, another process's append shows, and a database lost or away is 503 until it is back.
///
/// They need a server: `JOURNEY_TEST_POSTGRES=postgres://USER@HOST:PORT/DB` (`Scripts/postgres.sh start DIR`). Each
/// test uses a schema of its own, or a database of its own where it cuts connections off.
@Suite(
    "The service on a PostgreSQL log",
    .enabled(
        if: ProcessInfo.processInfo.environment["JOURNEY_TEST_POSTGRES"].map { !$0.isEmpty } ?? false,
        "JOURNEY_TEST_POSTGRES is not set: no PostgreSQL to test against"),
    .serialized)
struct ServicePostgresTests {
    let server = ProcessInfo.processInfo.environment["JOURNEY_TEST_POSTGRES"] ?? ""

    /// A new, empty log's address: a schema of its own.
    func newAddress() -> String {
        server + (server.contains("?") ? "&" : "?") + "schema=journey_svc_\(UInt32.random(in: 0...UInt32.max))"
    }

    /// A new folder holding `lines` (a JSON Lines file), copied to `address` (`journey-serve copy`: the same
    /// batches, so the same head hash). Returns the folder.
    func folderAndCopy(of lines: String, to address: String) throws -> String {
        let folder = temporaryDirectory("journey-svc-pg")
        #expect(journey(["append", lines, "--log", folder]).status == 0)
        try copy(folder, to: address)
        return folder
    }

    /// The tiny council in a new folder (`tinyCouncilLog`), copied to `address`. Returns the folder.
    func tinyCouncilAndCopy(to address: String) throws -> String {
        let folder = try tinyCouncilLog()
        try copy(folder, to: address)
        return folder
    }

    func copy(_ folder: String, to address: String) throws {
        let copy = LogStores.$offered.withValue([PostgresLogStore()]) {
            journey(["copy", "--from", folder, "--to", address])
        }
        #expect(copy.status == 0, "\(copy.output)")
    }

    /// `c2Referral` in a JSON Lines file, for `journey append`.
    func c2ReferralFile() throws -> String {
        let file = temporaryFile("journey-svc-c2", extension: "jsonl")
        try c2Referral.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// What is compared: every API route (with options answered live and in full) and every page.
    static let routes = [
        "/v1/health",
        "/v1/metrics", "/v1/metrics?format=csv", "/v1/metrics?year=2023-24&by=team&format=csv",
        "/v1/metrics?year=2024-25&as-known-at=2024-10-01T00:00:00Z",
        "/v1/checks", "/v1/checks?format=csv&by=team", "/v1/checks?as-of=2024-03-31",
        // C001086's record holds D001086's, merged into it (the sample's line 6,481): both children's events.
        "/v1/children/C001086/chronology", "/v1/children/C001086/chronology?format=html",
        "/v1/children/C000127/chronology?from=2023-04-01&to=2024-03-31&format=text",
        "/v1/children/C000127/chronology?diff=2023-01-01T00:00:00Z&diff=2024-06-01T00:00:00Z",
        "/v1/children/NOBODY/chronology",
        "/v1/cohorts/repeat-cp?from=2023-04-01&to=2025-03-31",
        "/v1/cohorts/repeat-cp?from=2023-04-01&to=2025-03-31&format=csv",
        "/", "/children/C001086/chronology", "/findings", "/caseload", "/caseload?on=2024-06-30",
        "/audit-sample?size=3&seed=7", "/pack?year=2024-25&month=2025-03",
    ]

    @Test("Every API route and page answers, byte for byte, as on a folder holding the sample's events")
    func sameAsTheFolder() async throws {
        let address = newAddress()
        let folder = try folderAndCopy(of: sampleEventsFile, to: address)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let onFolder = Service(Service.Configuration(log: folder))
        let served = try PostgresServedLog(address: address)
        let onDatabase = Service(Service.Configuration(log: address), log: served)
        for uri in Self.routes {
            let (fromFolder, fromDatabase) = (
                try await answer(uri, service: onFolder), try await answer(uri, service: onDatabase)
            )
            #expect(fromDatabase.status == fromFolder.status, "\(uri)")
            #expect(fromDatabase.position == fromFolder.position, "\(uri)")
            // The pack's provenance names the log (the folder's path, the database's address, and each's last
            // part) and the second it was made: the rest is the same.
            #expect(
                Self.withoutProvenance(fromDatabase.text, log: address)
                    == Self.withoutProvenance(fromFolder.text, log: folder), "\(uri)")
        }
        // The sample's 18,730 lines, one event each, at positions 1 to 18,730.
        #expect(try await answer("/v1/health", service: onDatabase).text.contains("\"position\": 18730,"))
    }

    /// The findings cite their events by id in both stores, as `journey check` on the folder names them.
    @Test("GET /v1/checks names the events cited, as journey check does on the folder")
    func checksWithEventIDs() async throws {
        let address = newAddress()
        let folder = try folderAndCopy(of: sampleEventsFile, to: address)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cli = journey(["check", "--log", folder, "--format", "csv", "--fail-on", "never"])
        #expect(cli.status == 0)
        // The sample's ids begin with the year the synthetic council was made for: the findings cite some.
        #expect(cli.output.contains(",s2025-"))
        let served = try PostgresServedLog(address: address)
        let onDatabase = try await answer(
            "/v1/checks?format=csv", service: Service(Service.Configuration(log: address), log: served))
        #expect(onDatabase.text == cli.output)
    }

    @Test("POST /v1/events appends to the database; a rejected batch leaves the head hash as it was")
    func appends() async throws {
        let address = newAddress()
        let folder = try tinyCouncilAndCopy(to: address)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let served = try PostgresServedLog(address: address)
        try await withService(served: served, log: address) { client in
            try await client.execute(uri: "/v1/metrics?format=csv", method: .get) { _ in }
            try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: c2Referral)) {
                response in
                #expect(response.status == .created)
                // One event after the tiny council's 12: position 13.
                #expect(response.text.contains("\"first\": 13,\n    \"last\": 13\n"))
            }
            // The same event appended to the folder: the service on the database answers as the command on it.
            #expect(journey(["append", try c2ReferralFile(), "--log", folder]).status == 0)
            let cli = journey(["metrics", "--log", folder, "--year", "2024-25", "--format", "csv"])
            try await client.execute(uri: "/v1/metrics?format=csv", method: .get) { response in
                #expect(response.headers[HTTPField.Name("Journey-Log-Position")!] == "13")
                #expect(response.text == cli.output)
            }
            let before = try PostgresEventLog.open(PostgresLocation(url: address))
            let hash = before.headHash
            before.close()
            // The event id e13 again with another date: a different event under a stored id, refused, 422.
            let clash = c2Referral.replacingOccurrences(of: "2024-11-01\"", with: "2024-11-02\"")
            try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: clash)) { response in
                #expect(response.status == .unprocessableContent)
            }
            let after = try PostgresEventLog.open(PostgresLocation(url: address))
            #expect(after.headHash == hash)
            #expect(after.lastPosition == 13)
            after.close()
            try await client.execute(uri: "/v1/health", method: .get) { response in
                #expect(response.text.contains("\"headHash\": \"\(hash)\""))
            }
        }
    }

    @Test("Another process's append to the database shows in the next answer")
    func anotherWriter() async throws {
        let address = newAddress()
        let folder = try tinyCouncilAndCopy(to: address)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let served = try PostgresServedLog(address: address)
        try await withService(served: served, log: address) { client in
            try await client.execute(uri: "/v1/checks", method: .get) { response in
                #expect(response.headers[HTTPField.Name("Journey-Log-Position")!] == "12")
            }
            // `journey-serve append --log postgres://…`, as another process runs it.
            let file = try c2ReferralFile()
            let appended = LogStores.$offered.withValue([PostgresLogStore()]) {
                journey(["append", file, "--log", address])
            }
            #expect(appended.status == 0)
            #expect(journey(["append", try c2ReferralFile(), "--log", folder]).status == 0)
            let checks = journey(["check", "--log", folder, "--format", "json", "--fail-on", "never"])
            try await client.execute(uri: "/v1/checks", method: .get) { response in
                #expect(response.headers[HTTPField.Name("Journey-Log-Position")!] == "13")
                #expect(response.text == checks.output)
            }
        }
    }

    @Test("The service's connections cut off by the server: the next requests connect again, read and append")
    func lostConnectionsRecovered() async throws {
        try await withDatabaseOfItsOwn { address, database in
            let folder = try tinyCouncilAndCopy(to: address)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let served = try PostgresServedLog(address: address)
            let before = try await answer("/v1/metrics", served: served, address: address)
            try await withService(served: served, log: address) { client in
                try await client.execute(uri: "/v1/metrics", method: .get) { response in
                    #expect(response.status == .ok)
                }
                try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: "")) { response in
                    #expect(response.status == .ok)  // an empty batch: the writer's connection is opened
                }
                try await cutOff(database)
                try await client.execute(uri: "/v1/metrics", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text == before.text)
                }
                try await cutOff(database)
                try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: c2Referral)) {
                    response in
                    #expect(response.status == .created, "\(response.text)")
                }
                try await client.execute(uri: "/v1/health", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("\"position\": 13,"))
                }
            }
        }
    }

    @Test("The database away: 503 with a problem that names nothing of the log, then answers again once it is back")
    func databaseAway() async throws {
        try await withDatabaseOfItsOwn { address, database in
            let folder = try tinyCouncilAndCopy(to: address)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let served = try PostgresServedLog(address: address)
            try await withService(served: served, log: address) { client in
                let before = try await client.execute(uri: "/v1/metrics", method: .get) { response in response.text }
                // No new connection taken, and those there cut off: the database is away, as when it is stopped.
                try await sql(["ALTER DATABASE \(database) ALLOW_CONNECTIONS false"])
                try await cutOff(database)
                for uri in ["/v1/metrics", "/v1/health", "/v1/children/C1/chronology"] {
                    try await client.execute(uri: uri, method: .get) { response in
                        #expect(response.status == .serviceUnavailable, "\(uri)")
                        #expect(response.headers[.contentType] == "application/problem+json")
                        #expect(response.text.contains("\"type\": \"about:blank#log-unavailable\""))
                        #expect(!response.text.contains(database))
                        #expect(!response.text.contains("C1"))
                    }
                }
                try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: c2Referral)) {
                    response in
                    #expect(response.status == .serviceUnavailable)
                }
                try await client.execute(uri: "/caseload", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                }
                try await sql(["ALTER DATABASE \(database) ALLOW_CONNECTIONS true"])
                try await client.execute(uri: "/v1/metrics", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text == before)
                }
                try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: c2Referral)) {
                    response in
                    #expect(response.status == .created)
                }
            }
        }
    }

    // MARK: Helpers

    /// `text` with the log's name, and the time a pack was made, put as LOG and TIME.
    static func withoutProvenance(_ text: String, log: String) -> String {
        let short = log.split(separator: "/").last.map(String.init) ?? log
        return text.replacingOccurrences(of: log, with: "LOG").replacingOccurrences(of: short, with: "LOG")
            .replacingOccurrences(
                of: #"made \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "made TIME", options: .regularExpression)
    }

    /// An answer's status, text and position.
    struct Answer: Sendable {
        var status: HTTPResponse.Status
        var text: String
        var position: String?
    }

    func answer(_ uri: String, service: Service) async throws -> Answer {
        var logger = Logger(label: "journey-serve-tests")
        logger.logLevel = .critical
        let app = Application(router: service.router(), logger: logger)
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                Answer(
                    status: response.status, text: response.text,
                    position: response.headers[HTTPField.Name("Journey-Log-Position")!])
            }
        }
    }

    func answer(_ uri: String, served: PostgresServedLog, address: String) async throws -> Answer {
        try await answer(uri, service: Service(Service.Configuration(log: address), log: served))
    }

    /// Runs `body` with a new database of its own on the test server (its address and name), dropped after: the
    /// tests that cut connections off cut off only those to it.
    func withDatabaseOfItsOwn(_ body: (String, String) async throws -> Void) async throws {
        let location = try PostgresLocation(url: server)
        let database = "journey_svc_\(UInt32.random(in: 0...UInt32.max))"
        try await sql(["CREATE DATABASE \(database)"])
        let host = location.host.contains(":") ? "[\(location.host)]" : location.host
        let address =
            "postgres://\(location.user)@\(host):\(location.port)/\(database)"
            + (location.requiresTLS ? "?sslmode=require" : "")
        do {
            try await body(address, database)
        } catch {
            try? await sql(["DROP DATABASE IF EXISTS \(database) WITH (FORCE)"])
            throw error
        }
        try await sql(["DROP DATABASE IF EXISTS \(database) WITH (FORCE)"])
    }

    /// Ends every session on `database` (`pg_terminate_backend`, from a second session), and waits until they have
    /// gone: the signal is taken by each backend in its own time.
    func cutOff(_ database: String) async throws {
        try await sql(["SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)'"])
        for _ in 0..<100 {
            if try await count("SELECT count(*) FROM pg_stat_activity WHERE datname = '\(database)'") == 0 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the sessions on \(database) did not end within 5 seconds")
    }

    /// Runs statements on the test server's own database, on a connection of its own (a second session).
    func sql(_ statements: [String]) async throws { _ = try await run(statements) }

    /// The number the statement answers (a count).
    func count(_ statement: String) async throws -> Int { try await run([statement]) ?? -1 }

    /// Runs `statements` and returns the first column of the last one's first row, when it is a number.
    func run(_ statements: [String]) async throws -> Int? {
        let location = try PostgresLocation(url: server)
        var logger = Logger(label: "journey-serve-tests.sql")
        logger.logLevel = .critical
        let tls: PostgresConnection.Configuration.TLS =
            location.requiresTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
        let configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user,
            password: try location.password(environment: ProcessInfo.processInfo.environment),
            database: location.database, tls: tls)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 7, logger: logger)
        var number: Int?
        do {
            for statement in statements {
                let rows = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).collect()
                number = rows.first.flatMap { try? $0.decode(Int64.self) }.map(Int.init)
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
        return number
    }
}
