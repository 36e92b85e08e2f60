import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyService

/// The pack page as known now, made after appends from what the service kept of it (`ServedPack`: its figures kept
/// beside the live findings, its findings' counts carried over or taken from the live findings), is the page a
/// service started afresh on the same log evaluates in full, byte for byte but for the second it was made.
@Suite("The service's pack page, kept between appends")
struct PackPageTests {
    /// The month under way (the year's last month: every event recorded by its end) and a month that has ended.
    static let pages = ["/pack?year=2024-25", "/pack?year=2024-25&month=2024-09"]

    /// Recorded in September 2024: known by the end of September.
    static let septemberReferral = """
        {"id":"e14","child":"C2","type":"referral.received","occurred":"2024-09-20","recorded":"2024-09-20T12:00:00Z","data":{"referral":"R5","source":"6"}}

        """

    /// `page` without the second it was made (`made 2026-12-07T09:00:00Z`).
    static func withoutTimeMade(_ page: String) -> String {
        page.replacing(/made \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/, with: "made …")
    }

    static func get(_ uris: [String], from client: any TestClientProtocol) async throws -> [String] {
        var pages: [String] = []
        for uri in uris {
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(uri)")
                pages.append(withoutTimeMade(response.text))
            }
        }
        return pages
    }

    @Test("After appends, the month under way's page and an ended month's are a fresh evaluation's")
    func keptPagesAreAFreshEvaluations() async throws {
        let log = try tinyCouncilLog()
        let kept = Kept()
        try await withService(log: log) { client in
            let first = try await Self.get(Self.pages, from: client)
            // A referral recorded in September: the ended month's findings are checked again.
            // Then one recorded in November: they carry over; the month under way takes the live findings.
            for events in [Self.septemberReferral, c2Referral] {
                try await client.execute(uri: "/v1/events", method: .post, body: ByteBuffer(string: events)) {
                    response in
                    #expect(response.status == .created)
                }
            }
            let after = try await Self.get(Self.pages, from: client)
            // R4 and R5 are referrals in both periods: the figures differ.
            #expect(after[0] != first[0])
            #expect(after[1] != first[1])
            kept.pages = after
        }
        try await withService(log: log) { client in
            let fresh = try await Self.get(Self.pages, from: client)
            #expect(fresh == kept.pages)
        }
    }

    /// The pages one service made, read by the test after it stopped.
    final class Kept: @unchecked Sendable {
        var pages: [String] = []
    }
}
