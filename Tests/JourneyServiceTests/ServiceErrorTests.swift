import Foundation
import Hummingbird
import HummingbirdTesting
import JourneyCore
import JourneyLog
import JourneyService
import JourneyTestSupport
import Testing

/// Refusals: each as `application/problem+json`, naming the parameter, line or rule, never a child's data; and a
/// refused append leaves the log as it was.
@Suite("The service's refusals")
struct ServiceErrorTests {
    /// The problem's JSON, parsed.
    func problem(_ response: TestResponse) throws -> [String: Any] {
        #expect(response.headers[.contentType] == "application/problem+json")
        return try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }

    @Test("An unknown query parameter is 400, naming it (and not a known one)")
    func unknownParameter() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            try await client.execute(uri: "/v1/metrics?yeer=2024-25&format=csv", method: .get) { response in
                #expect(response.status == .badRequest)
                let json = try problem(response)
                #expect(json["parameters"] as? [String] == ["yeer"])
                #expect((json["detail"] as? String)?.contains("unknown parameter yeer") == true)
                #expect(json["status"] as? Int == 400)
            }
        }
    }

    @Test(
        "A malformed value is 400, naming the parameter",
        arguments: [
            ("/v1/metrics?year=2024", "year"), ("/v1/metrics?from=2024-04-01", "to"),
            ("/v1/metrics?format=xlsx", "format"), ("/v1/metrics?by=colour", "by"),
            ("/v1/checks?as-of=31/03/2025", "as-of"), ("/v1/checks?recorded-late-days=-1", "recorded-late-days"),
            ("/v1/children/C1/chronology?diff=2024-06-30", "diff"), ("/v1/cohorts/repeat-cp?from=2024-09-01", "to"),
            ("/v1/events?expect-version=C1", "expect-version"),
        ])
    func malformed(uri: String, parameter: String) async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            try await client.execute(uri: uri, method: uri.hasPrefix("/v1/events") ? .post : .get) { response in
                #expect(response.status == .badRequest, "\(uri)")
                let json = try problem(response)
                #expect(json["parameter"] as? String == parameter, "\(uri)")
            }
        }
    }

    @Test("An unknown child is 404, and the problem does not repeat the id")
    func unknownChild() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            try await client.execute(uri: "/v1/children/C999/chronology", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(!response.text.contains("C999"))
            }
        }
    }

    @Test("A batch over the body limit is 413, and nothing is appended")
    func tooLarge() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log, bodyLimit: 100) { client in
            try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: c2Referral)) {
                response in
                #expect(response.status == .contentTooLarge)
                let json = try problem(response)
                #expect(json["type"] as? String == "about:blank#body-too-large")
            }
        }
        #expect(try EventLog.open(log).lastPosition == 12)
    }

    @Test("A batch with a bad line is 422 with append's problems (line, field, rule), and nothing is appended")
    func rejected() async throws {
        let log = try tinyCouncilLog()
        // Line 1 is good; line 2's source is not a referral source code.
        let batch =
            c2Referral
            + c2Referral.replacingOccurrences(of: "e13", with: "e14")
            .replacingOccurrences(of: "\"source\":\"6\"", with: "\"source\":\"1Z\"")
        try await withService(log: log) { client in
            try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: batch)) { response in
                #expect(response.status == .unprocessableContent)
                let json = try problem(response)
                let problems = try #require(json["problems"] as? [[String: Any]])
                #expect(problems.count == 1)
                #expect(problems.first?["line"] as? Int == 2)
                #expect(problems.first?["field"] as? String == "data.source")
                #expect((problems.first?["rule"] as? String)?.isEmpty == false)
            }
        }
        #expect(try EventLog.open(log).lastPosition == 12)
    }

    @Test("expect-version that is not the child's is 409, and nothing is appended; the right one appends")
    func versionConflict() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            // C2 has 4 events (registered, referred, assessment started and completed): version 4, not 3.
            try await client.execute(
                uri: "/v1/events?expect-version=C2=3", method: .post, body: ByteBuffer(string: c2Referral)
            ) { response in
                #expect(response.status == .conflict)
                let json = try problem(response)
                #expect(json["expected"] as? Int == 3)
                #expect(json["actual"] as? Int == 4)
            }
            #expect(try EventLog.open(log).lastPosition == 12)
            try await client.execute(
                uri: "/v1/events?expect-version=C2=4", method: .post, body: ByteBuffer(string: c2Referral)
            ) { response in
                #expect(response.status == .created)
            }
        }
        #expect(try EventLog.open(log).lastPosition == 13)
    }

    @Test("A period wholly outside the log is refused, as the command line refuses it, unless allow-uncovered")
    func uncovered() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            try await client.execute(uri: "/v1/metrics?year=2019-20", method: .get) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/v1/metrics?year=2019-20&allow-uncovered=true", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("An unknown route is 404 as a problem")
    func unknownRoute() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            try await client.execute(uri: "/v1/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }
}
