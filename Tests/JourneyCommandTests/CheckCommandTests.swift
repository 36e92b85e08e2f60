import Foundation
import Testing

/// `journey check`, run in-process: findings, and exit 1 when one is at or above --fail-on.
@Suite("journey check")
struct CheckCommandTests {
    @Test("C2's assessment authorised before it started is an error: listed, exit 1; --fail-on never exits 0")
    func finding() throws {
        let (_, events) = try tinyCouncilFile()
        let arguments = ["check", "--log", events, "--only", "assessment-completed-before-start", "--format", "csv"]
        let result = journey(arguments)
        #expect(result.status == 1, "\(result.errors)")
        let rows = result.output.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 2, "\(result.output)")
        #expect(rows[1].contains("assessment-completed-before-start,error,"), "\(rows)")
        #expect(rows[1].contains(",C2,"), "\(rows)")
        #expect(rows[1].contains("Assessment authorised 2024-06-05, before it started on 2024-06-10"), "\(rows)")
        let never = journey(arguments + ["--fail-on", "never"])
        #expect(never.status == 0)
        #expect(never.output == result.output)
    }

    @Test("--list prints the catalogue without a log")
    func list() {
        let result = journey(["check", "--list", "--log", "/nonexistent"])
        #expect(result.status == 0)
        #expect(result.output.contains("assessment-completed-before-start"))
    }

    @Test("An unknown check id is refused with the nearest known one, exit 64")
    func unknownID() {
        let result = journey(["check", "--log", sampleLog, "--only", "assessment-completed-before-starts"])
        #expect(result.status == 64)
        #expect(result.errors.contains("did you mean assessment-completed-before-start?"), "\(result.errors)")
    }
}
