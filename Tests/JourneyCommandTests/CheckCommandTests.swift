import Foundation
import JourneyChecks
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

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

    @Test("--list as csv: every check, then every DfE rule with its status, in the columns --help documents")
    func listCSV() {
        let result = journey(["check", "--list", "--format", "csv"])
        #expect(result.status == 0, "\(result.errors)")
        let rows = result.output.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let columns = ["kind", "return", "rule", "set", "status", "check", "severity", "reason", "message", "note"]
        #expect(rows.first == columns.joined(separator: ","))
        // A heading, a row per check, a row per rule of cin2025_26 (109) and lac2025_26 (316).
        #expect(rows.count == 1 + CheckCatalogue.all.count + 109 + 316)
        #expect(rows.filter { $0.hasPrefix("rule,CIN,") }.count == 109)
        #expect(rows.filter { $0.hasPrefix("rule,903,") }.count == 316)
        #expect(
            rows.contains(
                "rule,903,375,lac2025_26,ported,t1-hospital-over-six-weeks,error,,"
                    + "Hospitalisation coded as a temporary placement exceeds six weeks.,"))
        let help = Journey.Check.helpMessage(columns: 1_000)
        for column in columns { #expect(help.contains(" \(column) ("), "--help documents the column \(column)") }
        for status in DfERule.Status.allCases { #expect(help.contains(status.rawValue), "\(status)") }
    }

    @Test("--list --rules: the DfE rules alone, as a table, csv or json; --rules without --list is refused")
    func listRules() throws {
        let table = journey(["check", "--list", "--rules"])
        #expect(table.status == 0)
        let lines = table.output.split(separator: "\n")
        #expect(lines.count == 1 + 425)
        #expect(lines.contains { $0.hasPrefix("CIN 8840 ") && $0.contains(" ported ") })
        #expect(lines.contains { $0.hasPrefix("903 392c ") && $0.contains(" needs-reference-data ") })
        let csv = journey(["check", "--list", "--rules", "--format", "csv"])
        #expect(csv.output.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + 425)
        let json = journey(["check", "--list", "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(parsed.count == CheckCatalogue.all.count + 425)
        let rule8565 = try #require(parsed.first { $0["kind"] as? String == "rule" && $0["rule"] as? String == "8565" })
        #expect(rule8565["check"] as? [String] == ["activity-after-case-closed"])
        #expect((rule8565["note"] as? String)?.contains("test table") == true)
        let refused = journey(["check", "--rules"])
        #expect(refused.status == 64 && refused.errors.contains("--rules goes with --list"), "\(refused.errors)")
    }

    @Test("An unknown check id is refused with the nearest known one, exit 64")
    func unknownID() {
        let result = journey(["check", "--log", sampleLog, "--only", "assessment-completed-before-starts"])
        #expect(result.status == 64)
        #expect(result.errors.contains("did you mean assessment-completed-before-start?"), "\(result.errors)")
    }
}
