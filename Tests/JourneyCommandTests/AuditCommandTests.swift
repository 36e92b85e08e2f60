import Foundation
import JourneyAccess
import JourneyCore
import Testing

@testable import JourneyCommandLine

@Suite("journey audit")
struct AuditCommandTests {
    /// 2026-12-04T09:00:00Z + `minutes`: day 20,791 since 1970 (see AuditLogTests), × 86,400 s, + 9 h.
    static func at(_ minutes: Int64) -> Timestamp {
        Timestamp(nanoseconds: (20_791 * 86_400 + 9 * 3600 + minutes * 60) * 1_000_000_000)
    }

    /// A log of three entries: ana opens C100; ivy opens C200 with a reason; val is refused C100.
    static func log() throws -> String {
        let path = try scratchFolder("journey-audit") + "/audit.jsonl"
        let log = try AuditLog.open(path)
        try log.append(
            .init(user: "ana", at: at(0), child: "C100", page: "/children/C100", reason: nil, outcome: .allowed))
        try log.append(
            .init(
                user: "ivy", at: at(1), child: "C200", page: "/children/C200", reason: "complaint, 14",
                outcome: .allowed))
        try log.append(
            .init(user: "val", at: at(2), child: "C100", page: "/children/C100", reason: nil, outcome: .refused))
        return path
    }

    @Test("audit lists every entry as text, oldest first")
    func text() throws {
        let path = try Self.log()
        let result = journey(["audit", "--audit-log", path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.output == """
                2026-12-04T09:00:00Z  allowed  ana  C100  /children/C100
                2026-12-04T09:01:00Z  allowed  ivy  C200  /children/C200  reason: complaint, 14
                2026-12-04T09:02:00Z  refused  val  C100  /children/C100
                3 entries

                """)
    }

    @Test("audit --child and --user filter; csv and json formats")
    func filtersAndFormats() throws {
        let path = try Self.log()
        let child = journey(["audit", "--audit-log", path, "--child", "C100", "--format", "csv"])
        #expect(child.status == 0, "\(child.errors)")
        #expect(
            child.output
                == "at,user,child,page,reason,outcome\r\n"
                + "2026-12-04T09:00:00Z,ana,C100,/children/C100,,allowed\r\n"
                + "2026-12-04T09:02:00Z,val,C100,/children/C100,,refused\r\n")
        let user = journey(["audit", "list", "--audit-log", path, "--user", "ivy", "--format", "json"])
        #expect(user.status == 0, "\(user.errors)")
        #expect(
            user.output
                == #"{"user":"ivy","at":"2026-12-04T09:01:00Z","child":"C200","page":"/children/C200","reason":"complaint, 14","outcome":"allowed"}"#
                + "\n")
        let none = journey(["audit", "--audit-log", path, "--user", "ivy", "--child", "C100"])
        #expect(none.output == "0 entries\n")
    }

    @Test("audit verify passes a sound log and fails an edited one with exit 1")
    func verify() throws {
        let path = try Self.log()
        let sound = journey(["audit", "verify", "--audit-log", path])
        #expect(sound.status == 0, "\(sound.errors)")
        #expect(sound.output.hasPrefix("ok: 3 entries; last hash "))
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"val\"", with: "\"vaL\"")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let edited = journey(["audit", "verify", "--audit-log", path])
        #expect(edited.status == 1)
        #expect(edited.output.contains("DAMAGED"))
        #expect(edited.output.contains("line 3"))
        let listed = journey(["audit", "--audit-log", path])
        #expect(listed.status == 1)
        #expect(listed.errors.contains("journey audit verify"))
    }

    @Test("audit's text shows a control character in a reason as U+FFFD and a line break as a space")
    func controlCharacters() throws {
        let path = try scratchFolder("journey-audit") + "/audit.jsonl"
        let log = try AuditLog.open(path)
        // ESC [2J would clear the auditor's screen; \n would split the entry in two.
        try log.append(
            .init(user: "ivy", at: Self.at(0), child: "C1", page: "/c", reason: "a\u{1B}[2Jb\nc", outcome: .allowed))
        let result = journey(["audit", "--audit-log", path])
        #expect(result.output == "2026-12-04T09:00:00Z  allowed  ivy  C1  /c  reason: a\u{FFFD}[2Jb c\n1 entry\n")
    }

    @Test("audit of a missing log says so and creates nothing")
    func missing() throws {
        let path = try scratchFolder("journey-audit") + "/audit.jsonl"
        let result = journey(["audit", "--audit-log", path])
        #expect(result.status == 1)
        #expect(result.errors.contains("there is no audit log at \(path)"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
