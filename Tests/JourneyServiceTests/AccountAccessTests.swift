import Foundation
import Hummingbird
import HummingbirdTesting
import JourneyAccess
import JourneyCore
import JourneyService
import JourneyTestSupport
import Testing

/// The service on the accounts library itself: a users file made by `UsersFile.add`, the roles' rules of
/// `Account.decide`, and the hash-chained access audit read back from its file.
@Suite("The service with JourneyAccess")
struct AccountAccessTests {
    @Test(
        "An analyst's chronology read and a viewer's refusal are in the audit file; a team manager is refused a child of no team"
    )
    func auditedInTheFile() async throws {
        let log = try tinyCouncilLog()
        let folder = temporaryDirectory("journey-service-access")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let usersPath = folder + "/users.json"
        // Tokens only (no password): a password's hash is slow on purpose.
        let analyst = try UsersFile.add(name: "ana", role: .analyst, team: nil, password: nil, to: usersPath)
        let viewer = try UsersFile.add(name: "vic", role: .viewer, team: nil, password: nil, to: usersPath)
        let manager = try UsersFile.add(name: "max", role: .teamManager, team: "North", password: nil, to: usersPath)
        let audit = try AuditLog.open(AuditLog.defaultPath(besideUsersFile: usersPath))
        let access = AccountAccess(users: try Users.load(path: usersPath), audit: audit)
        try await withService(log: log, access: access) { client in
            for (token, status) in [(analyst, HTTPResponse.Status.ok), (viewer, .forbidden), (manager, .forbidden)] {
                try await client.execute(
                    uri: "/v1/children/C1/chronology?format=text", method: .get,
                    headers: [.authorization: "Bearer \(token)"]
                ) { response in
                    #expect(response.status == status)
                }
            }
            // Figures are aggregates: every role, and nothing audited.
            try await client.execute(
                uri: "/v1/metrics", method: .get, headers: [.authorization: "Bearer \(viewer)"]
            ) { response in
                #expect(response.status == .ok)
            }
            // Only an analyst writes events.
            try await client.execute(
                uri: "/v1/events", method: .post, headers: [.authorization: "Bearer \(manager)"],
                body: ByteBuffer(string: c2Referral)
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
        try audit.verify()
        let entries = try audit.entries()
        // Three opens of C1 (allowed for ana; refused for vic, and for max: C1 has no team, so no manager's) and
        // max's refused append.
        #expect(entries.map(\.user) == ["ana", "vic", "max", "max"])
        #expect(entries.map(\.outcome) == [.allowed, .refused, .refused, .refused])
        #expect(
            entries.prefix(3).allSatisfy { $0.child == ChildID("C1") && $0.page == "GET /v1/children/{id}/chronology" })
        #expect(entries.last?.page == "POST /v1/events")
    }
}
