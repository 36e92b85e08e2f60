import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JourneyCore
import JourneyLog
import JourneyService
import JourneyTestSupport
import Testing

/// Each endpoint against the two-child council, its answers worked out by hand or compared, byte for byte, with the
/// command line's for the same parameters.
@Suite("The service's API")
struct ServiceAPITests {
    @Test("GET /v1/health: up, at the log's last position (12 events), with its head hash")
    func health() async throws {
        let log = try tinyCouncilLog()
        let head = try EventLog.open(log).headHash
        try await withService(log: log) { client in
            try await client.execute(uri: "/v1/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(
                    response.text == "{\n  \"status\": \"up\",\n  \"position\": 12,\n  \"headHash\": \"\(head)\"\n}\n")
            }
        }
    }

    @Test("GET /v1/metrics: the live year (2024-25, the year of the latest event, 2024-10-01) as journey metrics")
    func liveMetricsAsTheCommandLine() async throws {
        let log = try tinyCouncilLog()
        for format in ["json", "csv"] {
            let cli = journey(["metrics", "--log", log, "--year", "2024-25", "--format", format])
            #expect(cli.status == 0)
            try await withService(log: log) { client in
                try await client.execute(uri: "/v1/metrics?format=\(format)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text == cli.output)
                    #expect(response.headers[HTTPField.Name("Journey-Log-Position")!] == "12")
                }
                // The same year named: the same bytes.
                try await client.execute(uri: "/v1/metrics?year=2024-25&format=\(format)", method: .get) { response in
                    #expect(response.text == cli.output)
                }
                // Some of the metrics: the live figures cut down, as the command's evaluation of those alone.
                let only = "re-referrals,assessment-timeliness"
                let some = journey(["metrics", "--log", log, "--year", "2024-25", "--only", only, "--format", format])
                #expect(some.status == 0)
                try await client.execute(uri: "/v1/metrics?only=\(only)&format=\(format)", method: .get) { response in
                    #expect(response.text == some.output)
                }
            }
        }
    }

    @Test("GET /v1/metrics with other parameters: a full evaluation, as journey metrics gives it")
    func otherParameters() async throws {
        let log = try tinyCouncilLog()
        let cli = journey([
            "metrics", "--log", log, "--from", "2024-04-01", "--to", "2025-03-31", "--only", "re-referrals",
            "--min-denominator", "0", "--by", "team", "--format", "csv",
        ])
        #expect(cli.status == 0)
        // R1, R2 and R3 in the year; R3 is C1's second within 12 months of R1: 1 / 3 = 33.3%.
        #expect(cli.output.contains("\r\n2024-04-01,2025-03-31,,re-referrals,all,all,1,3,33.3,partial,"))
        try await withService(log: log) { client in
            try await client.execute(
                uri: "/v1/metrics?from=2024-04-01&to=2025-03-31&only=re-referrals&min-denominator=0&by=team&format=csv",
                method: .get
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.text == cli.output)
            }
        }
    }

    @Test("POST /v1/events, then the live figures take the new event in: 2 re-referrals of 4, as the command line")
    func appendThenLiveFigures() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            // Read first, so that the live figures exist before the append.
            try await client.execute(uri: "/v1/metrics?format=csv", method: .get) { _ in }
            try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: c2Referral)) {
                response in
                #expect(response.status == .created)
                // One event, after the 12: position 13.
                #expect(
                    response.text
                        == "{\n  \"appended\": 1,\n  \"duplicates\": 0,\n  \"stamped\": 0,\n  \"positions\": {\n"
                        + "    \"first\": 13,\n    \"last\": 13\n  }\n}\n")
            }
            let cli = journey(["metrics", "--log", log, "--year", "2024-25", "--format", "csv"])
            try await client.execute(uri: "/v1/metrics?format=csv", method: .get) { response in
                #expect(response.text == cli.output)
                #expect(response.headers[HTTPField.Name("Journey-Log-Position")!] == "13")
            }
            try await client.execute(
                uri: "/v1/metrics?year=2024-25&only=re-referrals&min-denominator=0&format=csv", method: .get
            ) { response in
                // R1…R4 in the year; R3 (C1, within 12 months of R1) and R4 (C2, 5 months after R2): 2 / 4 = 50.0%.
                #expect(response.text.contains(",re-referrals,all,all,2,4,50.0,"), "\(response.text)")
            }
            // The same batch again: already in the log, skipped, 200.
            try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: c2Referral)) {
                response in
                #expect(response.status == .ok)
                #expect(response.text.contains("\"appended\": 0,\n  \"duplicates\": 1,"))
            }
        }
    }

    @Test("Another writer moves the log's head: the next answer folds its events in")
    func anotherWriter() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            try await client.execute(uri: "/v1/checks?format=csv", method: .get) { _ in }
            let writer = try LogWriter.open(log)
            if case .success(let event) = Event.parse(jsonLine: c2Referral.trimmingCharacters(in: .newlines)) {
                try writer.append([event])
            }
            writer.close()
            let metrics = journey(["metrics", "--log", log, "--year", "2024-25", "--format", "json"])
            let checks = journey(["check", "--log", log, "--format", "json", "--fail-on", "never"])
            try await client.execute(uri: "/v1/metrics", method: .get) { response in
                #expect(response.headers[HTTPField.Name("Journey-Log-Position")!] == "13")
                #expect(response.text == metrics.output)
            }
            try await client.execute(uri: "/v1/checks", method: .get) { response in
                #expect(response.text == checks.output)
            }
        }
    }

    @Test("GET /v1/checks: as journey check; C2's assessment authorised before it started is a finding")
    func checks() async throws {
        let log = try tinyCouncilLog()
        for format in ["json", "csv"] {
            let cli = journey(["check", "--log", log, "--format", format, "--fail-on", "never"])
            let byTeam = journey(["check", "--log", log, "--format", format, "--by", "team", "--fail-on", "never"])
            try await withService(log: log) { client in
                try await client.execute(uri: "/v1/checks?format=\(format)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text == cli.output)
                }
                try await client.execute(uri: "/v1/checks?format=\(format)&by=team", method: .get) { response in
                    #expect(response.text == byTeam.output)
                }
            }
        }
        try await withService(log: log) { client in
            try await client.execute(
                uri: "/v1/checks?only=assessment-completed-before-start&format=csv", method: .get
            ) { response in
                let rows = response.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                // The heading and C2's one finding: authorised 2024-06-05, started 2024-06-10.
                #expect(rows.count == 2, "\(response.text)")
                #expect(rows.last?.contains(",C2,") == true)
            }
            // Answered from the live findings of every check, cut down: as the command's run of those checks alone,
            // their list and counts included.
            let only = "assessment-completed-before-start,recorded-late,cp-visit-overdue"
            for (query, options) in [
                ("format=json", ["--format", "json"]), ("format=csv&by=team", ["--format", "csv", "--by", "team"]),
            ] {
                let cli = journey(["check", "--log", log, "--only", only, "--fail-on", "never"] + options)
                #expect(cli.status == 0)
                try await client.execute(uri: "/v1/checks?only=\(only)&\(query)", method: .get) { response in
                    #expect(response.text == cli.output, "\(query)")
                }
            }
        }
    }

    @Test("GET /v1/children/{id}/chronology: as journey chronology, as known at a time and as a diff")
    func chronology() async throws {
        let log = try tinyCouncilLog()
        let cases: [(String, [String])] = [
            ("format=text", ["--format", "text"]),
            ("format=json", ["--format", "json"]),
            ("as-known-at=2024-06-30&format=html", ["--as-known-at", "2024-06-30", "--format", "html"]),
            (
                "diff=2024-06-30&diff=2024-12-31&format=text",
                ["--diff", "2024-06-30", "2024-12-31", "--format", "text"]
            ),
        ]
        try await withService(log: log) { client in
            for (query, options) in cases {
                let cli = journey(["chronology", "C1", "--log", log] + options)
                #expect(cli.status == 0)
                try await client.execute(uri: "/v1/children/C1/chronology?\(query)", method: .get) { response in
                    #expect(response.status == .ok, "\(query)")
                    #expect(response.text == cli.output, "\(query)")
                }
            }
            // C1's record as known at the end of 2024-04-30: registered 1 April, referred 10 April, assessment
            // started 11 April; the CP plan (1 May) not yet.
            try await client.execute(uri: "/v1/children/C1/chronology?as-known-at=2024-04-30&format=json", method: .get)
            {
                response in
                #expect(response.text.contains("2024-04-11"))
                #expect(!response.text.contains("2024-05-01"))
            }
        }
    }

    @Test("The warm-up builds the index chronologies read the log through, beside the server; answers unchanged")
    func warmUpMakesChronologyReadsReady() async throws {
        let log = try tinyCouncilLog()
        let index = log + "/cache/event-locations.index"
        #expect(!FileManager.default.fileExists(atPath: index))
        let service = Service(Service.Configuration(log: log))
        try service.warmUp()
        // Built on a thread of its own: waited for, up to a minute on a busy machine.
        var waited = 0
        while !FileManager.default.fileExists(atPath: index), waited < 600 {
            try await Task.sleep(for: .milliseconds(100))
            waited += 1
        }
        #expect(FileManager.default.fileExists(atPath: index))
        let cli = journey(["chronology", "C1", "--log", log, "--format", "json"])
        try await withService(service) { client in
            try await client.execute(uri: "/v1/children/C1/chronology?format=json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == cli.output)
            }
        }
    }

    @Test("GET /v1/cohorts/repeat-cp: as journey cohort repeat-cp; C1 comes back onto a plan within the window")
    func repeatCP() async throws {
        let log = try tinyCouncilLog()
        let cli = journey([
            "cohort", "repeat-cp", "--log", log, "--from", "2024-09-01", "--to", "2025-03-31", "--format", "csv",
        ])
        #expect(cli.status == 0)
        try await withService(log: log) { client in
            try await client.execute(
                uri: "/v1/cohorts/repeat-cp?from=2024-09-01&to=2025-03-31&format=csv", method: .get
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text == cli.output)
                // One plan started in the range: C1's P2 (1 October), 92 days after P1 ended (1 July): within 2 years.
                let rows = response.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(rows.count == 2)
                #expect(rows.last?.contains("repeat-within-window") == true)
            }
        }
    }
}

/// Appends queue: behind another process's writer, and behind each other, never failing and never interleaved.
@Suite("The service's appends")
struct ServiceAppendTests {
    @Test("A POST while another writer holds the log waits for it (as append --wait), then appends")
    func waitsForTheWriter() async throws {
        let log = try tinyCouncilLog()
        let writer = HeldWriter(try LogWriter.open(log))
        let released = ManagedFlag()
        try await withService(log: log) { client in
            let post = Task {
                try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: c2Referral)) {
                    response in
                    // Answered only after the other writer let go.
                    #expect(released.isSet)
                    #expect(response.status == .created)
                }
            }
            try await Task.sleep(for: .milliseconds(500))
            released.set()
            writer.writer.close()
            try await post.value
        }
        #expect(try EventLog.open(log).lastPosition == 13)
    }

    @Test("Two batches posted at once are appended one after the other: positions 13 and 14, each whole")
    func oneAtATime() async throws {
        let log = try tinyCouncilLog()
        let second = c2Referral.replacingOccurrences(of: "e13", with: "e14").replacingOccurrences(of: "R4", with: "R5")
        try await withService(log: log) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for batch in [c2Referral, second] {
                    group.addTask {
                        try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: batch)) {
                            response in
                            #expect(response.status == .created)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let events = try LogWriter.open(log)
        defer { events.close() }
        // C2 had 4 events; both referrals are now in the log, after the 12 the council began with.
        #expect(events.lastPosition == 14)
        #expect(events.version(of: ChildID("C2")) == 6)
    }
}

/// Another process's writer, as a test holds it (closed from another task).
final class HeldWriter: @unchecked Sendable {
    let writer: LogWriter
    init(_ writer: LogWriter) { self.writer = writer }
}

/// A flag set once, read from other tasks.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
