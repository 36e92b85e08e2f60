import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyAccess

/// docs/service-access.md stays in step with the code: its roles table with `Account.decide`, its audit members
/// with the lines `AuditLog` writes.
@Suite struct ServiceAccessDocumentTests {
    /// The cells of the table rows whose first cell is a role in backquotes.
    static func roleRows() throws -> [Role: [String]] {
        var rows: [Role: [String]] = [:]
        for line in try ProjectDocument.text("service-access.md").split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if let role = Role(rawValue: cells[0].trimmingCharacters(in: ["`"])) {
                rows[role] = Array(cells.dropFirst())
            }
        }
        return rows
    }

    @Test func rolesTableAgreesWithThePolicy() throws {
        let rows = try Self.roleRows()
        #expect(Set(rows.keys) == Set(Role.allCases))
        for (role, cells) in rows {
            let account = Account(name: "a", role: role, team: role == .teamManager ? "North" : nil)
            // Columns: aggregates, one child's record, child-level lists, write events. "no" in a column means
            // every reading of that kind is refused, even with a reason; anything else that one at least is allowed.
            func anyAllowed(_ readings: [Reading]) -> Bool {
                readings.contains { account.decide($0, reason: "a reason") == .allowed }
            }
            #expect((cells[0] != "no") == anyAllowed([.aggregates]), "\(role) aggregates")
            #expect(
                (cells[1] != "no") == anyAllowed([.childRecord("C1", team: "North"), .childRecord("C1", team: nil)]),
                "\(role) record")
            #expect(
                (cells[2] != "no") == anyAllowed([.childLevelList(team: "North"), .childLevelList(team: nil)]),
                "\(role) lists")
            #expect((cells[3] == "yes") == anyAllowed([.write]), "\(role) write")
        }
    }

    @Test func auditMembersAreTheLinesMembers() throws {
        let text = try ProjectDocument.text("service-access.md")
        let section = try #require(text.range(of: "### Format")).upperBound
        let documented = text[section...].split(separator: "\n").prefix { !$0.hasPrefix("### ") }
            .filter { $0.hasPrefix("| `") }
            .map { $0.dropFirst(3).prefix { $0 != "`" } }.map(String.init)
        let entry = AuditEntry(
            user: "a", at: Timestamp(nanoseconds: 0), child: nil, page: "/", reason: nil, outcome: .allowed)
        let line = AuditChain.line(entry, sequence: 1, previous: AuditChain.genesis).bytes
        guard case .object(let members) = try JSONParser.parse(String(decoding: line.dropLast(), as: UTF8.self))
        else {
            Issue.record("a line is not a JSON object")
            return
        }
        #expect(documented == members.map(\.key))
    }
}
