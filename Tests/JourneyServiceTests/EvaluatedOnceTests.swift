import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyService

/// Full evaluations answered once per position of the log (`Service.evaluatedOnce`): the same question at the same
/// position gets the answer already made; a question that differs in anything but a form's token, or a log that has
/// moved, gets one made again.
@Suite("The service's full evaluations, made once per position")
struct EvaluatedOnceTests {
    /// The pack names the second it was made (`made 2026-…T…:…:…Z`): two made a second apart differ, one kept is
    /// the same bytes.
    @Test("The pack asked again at the same position is the one made first; after another writer's append, a new one")
    func packKeptUntilTheLogMoves() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            let uri = "/pack?year=2024-25&month=2025-03"
            var first = ""
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[HTTPField.Name("Journey-Log-Position")!] == "12")
                first = response.text
            }
            try await Task.sleep(for: .milliseconds(1100))
            // A form's token (each session's own) changes no answer.
            try await client.execute(uri: uri + "&csrf=another", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == first)
            }
            let writer = try LogWriter.open(log)
            if case .success(let event) = Event.parse(jsonLine: c2Referral.trimmingCharacters(in: .newlines)) {
                try writer.append([event])
            }
            writer.close()
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.headers[HTTPField.Name("Journey-Log-Position")!] == "13")
                #expect(response.text != first)
            }
        }
    }

    @Test("Another period's figures: the command's before and after an append, and kept between")
    func metricsOfAnotherPeriod() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log) { client in
            let uri = "/v1/metrics?from=2024-04-01&to=2024-12-31&format=csv"
            let before = journey([
                "metrics", "--log", log, "--from", "2024-04-01", "--to", "2024-12-31", "--format", "csv",
            ])
            for _ in 0..<2 {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.text == before.output)
                    #expect(response.headers[HTTPField.Name("Journey-Log-Position")!] == "12")
                }
            }
            try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: c2Referral)) {
                response in
                #expect(response.status == .created)
            }
            let after = journey([
                "metrics", "--log", log, "--from", "2024-04-01", "--to", "2024-12-31", "--format", "csv",
            ])
            // R4 is one more referral in the period: the figures the command gives now differ.
            #expect(after.output != before.output)
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.text == after.output)
                #expect(response.headers[HTTPField.Name("Journey-Log-Position")!] == "13")
            }
        }
    }

    @Test("A team manager's list is their team's, even when an analyst asked the same question first")
    func keptPerTeam() async throws {
        let log = try tinyCouncilLog()
        let access = TestAccess()
        try await withService(log: log, access: access) { client in
            // Judged on a day before the log's latest (2024-10-01, the live findings' day): a full evaluation.
            let uri = "/v1/checks?as-of=2024-09-30&format=csv"
            func rows(_ response: TestResponse) -> Int {
                response.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count
            }
            try await client.execute(uri: uri, method: .get, headers: bearer("analyst-token")) { response in
                // The heading and at least C2's finding (its assessment authorised before it started).
                #expect(rows(response) >= 2, "\(response.text)")
            }
            for _ in 0..<2 {
                try await client.execute(uri: uri, method: .get, headers: bearer("manager-token")) { response in
                    #expect(response.status == .ok)
                    // The heading alone: C2's finding is charged to no team.
                    #expect(rows(response) == 1, "\(response.text)")
                }
            }
        }
        // Every request is a child-level read, audited, whether its answer was kept or made.
        #expect(access.audited.map(\.user) == ["ana", "max", "max"])
    }

    @Test("Answers kept at one position stay under their byte limit: past it, those kept so far are let go")
    func byteLimit() {
        var answers = EvaluatedAnswers()
        let half = String(repeating: "x", count: EvaluatedAnswers.byteLimit / 2)
        answers.keep(half, under: "a")
        #expect(answers.answers.keys.sorted() == ["a"])
        // The same key again replaces its answer, counted once.
        answers.keep(half, under: "a")
        #expect(answers.answers.keys.sorted() == ["a"])
        // Two halves and their keys are over the limit: the first is let go.
        answers.keep(half, under: "b")
        #expect(answers.answers.keys.sorted() == ["b"])
        answers.keep("small", under: "c")
        #expect(answers.answers.keys.sorted() == ["b", "c"])
        // An answer over the limit on its own is not kept, and lets nothing go.
        answers.keep(half + half + "x", under: "d")
        #expect(answers.answers.keys.sorted() == ["b", "c"])
    }
}
