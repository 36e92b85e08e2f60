import Foundation
import Hummingbird
import HummingbirdTesting
import JourneyAccess
import JourneyCore
import JourneyService
import JourneyTestSupport
import Testing

/// With access control: 401 without a token, 403 outside the role, and the access audit written for every
/// child-level read and every refusal.
@Suite("The service's access control")
struct ServiceAccessTests {
    @Test("No token, or one that names no account: 401")
    func unauthenticated() async throws {
        let log = try tinyCouncilLog()
        let access = TestAccess()
        try await withService(log: log, access: access) { client in
            try await client.execute(uri: "/v1/metrics", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/metrics", method: .get, headers: bearer("guess")) { response in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(access.audited.isEmpty)
    }

    @Test("A viewer reads figures, is refused a chronology (403), and the refusal is audited")
    func viewer() async throws {
        let log = try tinyCouncilLog()
        let access = TestAccess()
        try await withService(log: log, access: access) { client in
            try await client.execute(uri: "/v1/metrics", method: .get, headers: bearer("viewer-token")) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/v1/children/C1/chronology", method: .get, headers: bearer("viewer-token")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(!response.text.contains("C1"))
            }
        }
        // The figures are aggregates: not audited. The refusal is, with the child and the route's pattern.
        let audited = access.audited
        #expect(audited.count == 1)
        #expect(audited.first?.user == "vic")
        #expect(audited.first?.child == ChildID("C1"))
        #expect(audited.first?.page == "GET /v1/children/{id}/chronology")
        #expect(audited.first?.outcome == .refused)
    }

    @Test("A viewer asking for a child not in the log is refused as for one that is: 403, audited, not 404")
    func noProbing() async throws {
        let log = try tinyCouncilLog()
        let access = TestAccess()
        try await withService(log: log, access: access) { client in
            try await client.execute(
                uri: "/v1/children/C999/chronology", method: .get, headers: bearer("viewer-token")
            ) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(
                uri: "/v1/children/C999/chronology", method: .get, headers: bearer("analyst-token")
            ) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(access.audited.map(\.outcome) == [.refused, .allowed])
        #expect(access.audited.allSatisfy { $0.child == ChildID("C999") })
    }

    @Test("An analyst reads a chronology, and the read is audited")
    func analyst() async throws {
        let log = try tinyCouncilLog()
        let access = TestAccess()
        try await withService(log: log, access: access) { client in
            try await client.execute(
                uri: "/v1/children/C2/chronology?format=text", method: .get, headers: bearer("analyst-token")
            ) { response in
                #expect(response.status == .ok)
            }
        }
        let audited = access.audited
        #expect(audited.count == 1)
        #expect(audited.first?.user == "ana")
        #expect(audited.first?.child == ChildID("C2"))
        #expect(audited.first?.outcome == .allowed)
    }

    @Test("A team manager's findings are their own team's: none here, where C2's finding has no team allocated")
    func teamManagerFindings() async throws {
        let log = try tinyCouncilLog()
        let access = TestAccess()
        try await withService(log: log, access: access) { client in
            try await client.execute(uri: "/v1/checks?format=csv", method: .get, headers: bearer("manager-token")) {
                response in
                #expect(response.status == .ok)
                // The heading alone: the one finding (C2's assessment) is charged to no team.
                let rows = response.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(rows.count == 1, "\(response.text)")
            }
            try await client.execute(uri: "/v1/checks?format=csv", method: .get, headers: bearer("analyst-token")) {
                response in
                // The heading and at least C2's finding.
                #expect(response.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count >= 2)
            }
        }
        // Both lists are child-level reads: audited, allowed.
        #expect(access.audited.map(\.user) == ["max", "ana"])
        #expect(access.audited.allSatisfy { $0.outcome == .allowed && $0.page == "GET /v1/checks" })
    }

    @Test("The web: pages need a session; a login form with its CSRF token sets an HttpOnly, SameSite cookie")
    func webLogin() async throws {
        let log = try tinyCouncilLog()
        let access = TestAccess()
        try await withService(log: log, access: access) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/login")
            }
            let (token, cookie) = try await client.execute(uri: "/login", method: .get) { response in
                let cookie = try #require(response.headers[.setCookie])
                let token = try #require(cookie.split(separator: ";").first?.split(separator: "=").last)
                #expect(response.text.contains("name=\"csrf\" value=\"\(token)\""))
                return (String(token), String(cookie.split(separator: ";")[0]))
            }
            // Without the token: refused.
            try await client.execute(
                uri: "/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                body: ByteBuffer(string: "name=ana&password=correct+horse")
            ) { response in
                #expect(response.status == .forbidden)
            }
            let session = try await client.execute(
                uri: "/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                body: ByteBuffer(string: "csrf=\(token)&name=ana&password=correct+horse")
            ) { response in
                #expect(response.status == .found)
                let set = try #require(response.headers[.setCookie])
                #expect(set.contains("HttpOnly"))
                #expect(set.contains("SameSite=Strict"))
                return String(set.split(separator: ";")[0])
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: session]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Find a child"))
            }
            // The form's reason, its spaces written +, is audited as typed.
            try await client.execute(
                uri: "/children/C1/chronology?reason=s47+enquiry%2B", method: .get, headers: [.cookie: session]
            ) { response in
                #expect(response.status == .ok)
            }
            #expect(access.audited.last?.reason == "s47 enquiry+")
        }
    }

    @Test("Five failed logins for a name: the sixth is refused without checking the password (429)")
    func loginRateLimited() async throws {
        let log = try tinyCouncilLog()
        try await withService(log: log, access: TestAccess()) { client in
            for attempt in 1...6 {
                let (token, cookie) = try await client.execute(uri: "/login", method: .get) { response in
                    let cookie = try #require(response.headers[.setCookie])
                    let token = try #require(cookie.split(separator: ";").first?.split(separator: "=").last)
                    return (String(token), String(cookie.split(separator: ";")[0]))
                }
                try await client.execute(
                    uri: "/login", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                    body: ByteBuffer(string: "csrf=\(token)&name=ana&password=wrong")
                ) { response in
                    #expect(response.status == (attempt <= 5 ? .unauthorized : .tooManyRequests), "attempt \(attempt)")
                }
            }
        }
    }
}
