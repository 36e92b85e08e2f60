import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyAccess

@Suite struct AuditLogTests {
    static func scratch() throws -> String {
        let folder = temporaryDirectory("journey-audit")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/audit.jsonl"
    }

    /// 2026-12-04T09:00:00Z plus `seconds`: 20,791 days after 1970-01-01 (56 years, 14 of them leap: 56 × 365
    /// + 14 = 20,454 to 2026-01-01, then 334 days to 1 December, + 3 = 20,791), × 86,400 + 9 h.
    static func at(_ seconds: Int64) -> Timestamp {
        Timestamp(nanoseconds: (20_791 * 86_400 + 9 * 3600 + seconds) * 1_000_000_000)
    }

    static let entries = [
        AuditEntry(
            user: "ana", at: at(0), child: "C100", page: "/children/C100/chronology", reason: nil, outcome: .allowed),
        AuditEntry(
            user: "ivy", at: at(60), child: "C200", page: "/children/C200/chronology", reason: "complaint 14",
            outcome: .allowed),
        AuditEntry(
            user: "val", at: at(120), child: "C100", page: "/children/C100/chronology", reason: nil, outcome: .refused),
        AuditEntry(user: "ivy", at: at(180), child: nil, page: "/findings", reason: nil, outcome: .refused),
    ]

    static func filled() throws -> (AuditLog, String) {
        let path = try scratch()
        let log = try AuditLog.open(path)
        for e in entries { try log.append(e) }
        return (log, path)
    }

    static func damage(_ path: String, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func appendsListAndFilters() throws {
        let (log, _) = try Self.filled()
        #expect(try log.entries() == Self.entries)
        #expect(try log.entries(child: "C100") == [Self.entries[0], Self.entries[2]])
        #expect(try log.entries(user: "ivy") == [Self.entries[1], Self.entries[3]])
        #expect(try log.entries(child: "C100", user: "val") == [Self.entries[2]])
        #expect(try log.entries(child: "C999") == [])
        try log.verify()
    }

    @Test func reopenedLogContinuesTheChain() throws {
        let (log, path) = try Self.filled()
        _ = log
        let again = try AuditLog.open(path)
        #expect(again.recovery == nil)
        try again.append(Self.entries[0])
        #expect(try again.entries().count == 5)
        try again.verify()
        #expect(try again.verification().entries == 5)
    }

    @Test func filesAreOwnerOnly() throws {
        let (log, path) = try Self.filled()
        #expect(try System.status(of: path).permissions == 0o600)
        #expect(try System.status(of: log.headPath).permissions == 0o600)
    }

    @Test func linesAreTheDocumentedFormat() throws {
        let (_, path) = try Self.filled()
        let first = try #require(try Self.lines(path).first)
        // Line 1: seq 1, the time as RFC 3339 (whole seconds: no fraction), prev the genesis of 64 zeros, and the
        // hash the SHA-256 of the line up to `,"hash"` with `}` put back.
        let body =
            #"{"seq":1,"at":"2026-12-04T09:00:00Z","user":"ana","child":"C100","page":"/children/C100/chronology","#
            + #""reason":null,"outcome":"allowed","prev":""# + String(repeating: "0", count: 64) + #""}"#
        let hash = Secrets.hex(Secrets.sha256(Array(body.utf8)))
        #expect(first == String(body.dropLast()) + #","hash":""# + hash + #""}"#)
    }

    @Test func subSecondTimesAreKeptToTheNanosecond() throws {
        let path = try Self.scratch()
        let log = try AuditLog.open(path)
        let at = Timestamp(nanoseconds: Self.at(0).nanoseconds + 123_456_789)
        let entry = AuditEntry(user: "ana", at: at, child: nil, page: "/", reason: nil, outcome: .allowed)
        try log.append(entry)
        #expect(try log.entries().first?.at.nanoseconds == at.nanoseconds)
    }

    @Test func anEditedByteIsFound() throws {
        let (log, path) = try Self.filled()
        // Line 2's user "ivy" becomes "ivz": the line still parses, but its hash no longer matches.
        try Self.damage(path) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let line2 = text.split(separator: "\n")[1]
            let offset = text.utf8.distance(from: text.startIndex, to: line2.range(of: "\"ivy\"")!.lowerBound) + 3
            bytes[offset] = UInt8(ascii: "z")
        }
        #expect(
            throws: AccessError.damagedAuditLog(
                path: path, line: 2, problem: "its hash does not match its contents (it was changed)")
        ) {
            try log.verify()
        }
        #expect(throws: AccessError.self) { try log.entries() }
    }

    @Test func aRemovedEntryIsFound() throws {
        let (log, path) = try Self.filled()
        var lines = try Self.lines(path)
        lines.remove(at: 1)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        // The old line 3 is now line 2: its seq (3) is not 2.
        #expect(throws: AccessError.damagedAuditLog(path: path, line: 2, problem: "its sequence number is 3, not 2")) {
            try log.verify()
        }
    }

    @Test func aRemovedLastEntryIsFoundByTheHead() throws {
        let (log, path) = try Self.filled()
        let lines = try Self.lines(path)
        try Data((lines.dropLast().joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        // The chain of the three left is whole; only the head (4 entries) says one is missing.
        #expect(throws: AccessError.self) { try log.verify() }
        #expect(throws: AccessError.self) { try AuditLog.open(path) }
        // And nothing may be appended over the gap.
        #expect(throws: AccessError.self) { try log.append(Self.entries[0]) }
    }

    @Test func aMissingHeadIsDamage() throws {
        let (log, path) = try Self.filled()
        try FileManager.default.removeItem(atPath: log.headPath)
        #expect(
            throws: AccessError.damagedAuditLog(path: path, line: 0, problem: "its head (\(path).head) is missing")
        ) { try log.verify() }
    }

    @Test func aTornLastEntryIsSetAsideAndReported() throws {
        let (log, path) = try Self.filled()
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        // A crash mid-append: half of a fifth line, with no line end.
        let torn = Data(#"{"seq":5,"at":"2026-12-04T09:04:00Z","user":"an"#.utf8)
        try (whole + torn).write(to: URL(fileURLWithPath: path))
        #expect(throws: AccessError.self) { try log.verify() }  // seen, not skipped
        let reopened = try AuditLog.open(path)
        #expect(reopened.recovery?.contains("\(torn.count) bytes") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: reopened.tornPath)) == torn)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == whole)
        try reopened.verify()
        #expect(try reopened.verification().hasTornBytes)
        try reopened.append(Self.entries[0])
        #expect(try reopened.entries().count == 5)
    }

    @Test func concurrentAppendsAllLand() async throws {
        let path = try Self.scratch()
        let log = try AuditLog.open(path)
        // A second handle on the same file, as a second process would have: the file lock orders them too.
        let other = try AuditLog.open(path)
        let tasks = 8
        let each = 25
        await withTaskGroup(of: Void.self) { group in
            for t in 0..<tasks {
                group.addTask {
                    for i in 0..<each {
                        let entry = AuditEntry(
                            user: "user\(t)", at: Self.at(Int64(i)), child: ChildID("C\(t)-\(i)"), page: "/p",
                            reason: nil, outcome: .allowed)
                        try? (t % 2 == 0 ? log : other).append(entry)
                    }
                }
            }
        }
        let entries = try log.entries()
        // 8 tasks × 25 entries = 200, each once.
        #expect(entries.count == tasks * each)
        #expect(Set(entries.map(\.child)).count == tasks * each)
        for t in 0..<tasks { #expect(try log.entries(user: "user\(t)").count == each) }
        try log.verify()
        try other.verify()
    }

    @Test func anEmptyLogWhoseHeadWasNeverWrittenOpens() throws {
        // A crash between creating the log and writing its head leaves an empty log and no head: nothing was lost.
        let path = try Self.scratch()
        FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        let log = try AuditLog.open(path)
        try log.append(Self.entries[0])
        try log.verify()
    }

    @Test func aDeletedLogIsFoundByItsHead() throws {
        let (log, path) = try Self.filled()
        _ = log
        try FileManager.default.removeItem(atPath: path)
        // The head still records 4 entries; a new, empty log beside it is not taken for a fresh start.
        #expect(throws: AccessError.self) { try AuditLog.open(path) }
    }

    @Test func aLogOthersMayReadIsRefused() throws {
        let (_, path) = try Self.filled()
        chmod(path, 0o644)
        #expect(
            throws: AccessError.damagedAuditLog(
                path: path, line: 0, problem: "others may read it (its permissions are 644)")
        ) { try AuditLog.open(path) }
    }

    @Test func aHandleCatchesUpWithAnotherHandlesAppends() throws {
        let (first, path) = try Self.filled()
        let second = try AuditLog.open(path)
        try second.append(Self.entries[0])  // entry 5, by the other handle
        try first.append(Self.entries[1])  // entry 6: `first` must chain it to entry 5, which it did not write
        try second.append(Self.entries[2])  // entry 7
        #expect(try first.entries() == Self.entries + [Self.entries[0], Self.entries[1], Self.entries[2]])
        try first.verify()
        #expect(try Self.lines(path).count == 7)
    }

    @Test func aLogLargerThanOneReadIsCheckedWhole() throws {
        // 300 entries of about 4.2 KB each (a 4,096-byte page) make about 1.26 MB: more than the 1 MiB read at a
        // time, so lines cross the reads' boundaries.
        let path = try Self.scratch()
        let log = try AuditLog.open(path)
        let page = "/" + String(repeating: "p", count: 4095)
        for i in 0..<300 {
            try log.append(
                AuditEntry(
                    user: "ana", at: Self.at(Int64(i)), child: ChildID("C\(i)"), page: page, reason: nil,
                    outcome: .allowed))
        }
        #expect(try System.status(of: path).size > 1 << 20)
        #expect(try log.entries().count == 300)
        #expect(try log.entries(child: "C299").count == 1)
        #expect(try AuditLog.open(path).verification().entries == 300)
        // A byte changed beyond the first megabyte (in line 280 of 300) is found.
        try Self.damage(path) { bytes in
            let offset = bytes.count - 20 * 4_200
            bytes[offset] = bytes[offset] == UInt8(ascii: "p") ? UInt8(ascii: "q") : UInt8(ascii: "p")
        }
        #expect(throws: AccessError.self) { try log.verify() }
    }

    @Test func asyncAppendsFromManyTasksAllLandInTheirTurn() async throws {
        let path = try Self.scratch()
        let log = try AuditLog.open(path)
        // 4 tasks × 10 entries = 40, each once; each task's own entries in the order it appended them.
        await withTaskGroup(of: Void.self) { group in
            for t in 0..<4 {
                group.addTask {
                    for i in 0..<10 {
                        try? await log.appendAsync(
                            AuditEntry(
                                user: "user\(t)", at: Self.at(Int64(i)), child: ChildID("C\(i)"), page: "/p",
                                reason: nil, outcome: .allowed))
                    }
                }
            }
        }
        #expect(try log.entries().count == 40)
        for t in 0..<4 {
            #expect(try log.entries(user: "user\(t)").map(\.child) == (0..<10).map { ChildID("C\($0)") })
        }
        await #expect(throws: AccessError.self) {
            try await log.appendAsync(
                AuditEntry(user: "", at: Self.at(0), child: nil, page: "/", reason: nil, outcome: .allowed))
        }
        try log.verify()
    }

    @Test func invalidEntriesAreRefused() throws {
        let path = try Self.scratch()
        let log = try AuditLog.open(path)
        #expect(throws: AccessError.self) {
            try log.append(AuditEntry(user: "", at: Self.at(0), child: nil, page: "/", reason: nil, outcome: .allowed))
        }
        #expect(throws: AccessError.self) {
            try log.append(AuditEntry(user: "a", at: Self.at(0), child: nil, page: "", reason: nil, outcome: .allowed))
        }
        #expect(try log.entries().isEmpty)
    }

    @Test func damageMessagesNameNoChild() throws {
        let (log, path) = try Self.filled()
        try Self.damage(path) { bytes in bytes[bytes.count / 2] ^= 0x01 }
        do {
            try log.verify()
            Issue.record("a flipped bit was not found")
        } catch {
            #expect(!"\(error)".contains("C100") && !"\(error)".contains("C200"))
        }
    }

    @Test func defaultPathIsBesideTheUsersFile() {
        #expect(AuditLog.defaultPath(besideUsersFile: "service/users.json") == "service/audit.jsonl")
        #expect(AuditLog.defaultPath(besideUsersFile: "/srv/journey/users.json") == "/srv/journey/audit.jsonl")
        #expect(AuditLog.defaultPath(besideUsersFile: "users.json") == "audit.jsonl")
    }

    @Test func entryCodableRoundTrips() throws {
        let data = try JSONEncoder().encode(Self.entries)
        #expect(try JSONDecoder().decode([AuditEntry].self, from: data) == Self.entries)
    }
}
