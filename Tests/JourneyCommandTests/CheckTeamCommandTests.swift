import Foundation
import JourneyTestSupport
import Testing

/// `journey check --team` and `--format html`, on the two-child council (`tinyCouncil`): C2's assessment was
/// authorised (2024-06-05) before it started (2024-06-10), an error; no child is allocated, so every finding is the
/// team `unallocated`'s.
@Suite("journey check --team and --format html")
struct CheckTeamCommandTests {
    @Test("--team keeps one team's findings: none for North (exit 0), C2's for unallocated (exit 1)")
    func oneTeam() throws {
        let (_, events) = try tinyCouncilFile()
        let north = journey(["check", "--log", events, "--team", "North", "--format", "json"])
        #expect(north.status == 0, "\(north.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(north.output.utf8)) as? [String: Any])
        #expect((json["findings"] as? [Any])?.isEmpty == true, "\(north.output)")
        let unallocated = journey(["check", "--log", events, "--team", "unallocated", "--format", "csv"])
        #expect(unallocated.status == 1)
        #expect(unallocated.output.contains("assessment-completed-before-start"), "\(unallocated.output)")
        #expect(unallocated.output.contains("C2"))
    }

    @Test("--format html: the counts per check and team, and the team's findings, in one page")
    func html() throws {
        let (_, events) = try tinyCouncilFile()
        let page = journey([
            "check", "--log", events, "--team", "unallocated", "--format", "html", "--fail-on", "never",
        ])
        #expect(page.status == 0, "\(page.errors)")
        #expect(page.output.hasPrefix("<!DOCTYPE html>"))
        #expect(page.output.contains("<caption>Findings per check and team"))
        #expect(page.output.contains("<caption>Findings for unallocated: "))
        #expect(!page.output.contains("<script"))
    }

    @Test("--list is not printed as html")
    func listNotHTML() {
        #expect(refusal(["check", "--list", "--format", "html"])?.contains("--list is printed as") == true)
    }
}
