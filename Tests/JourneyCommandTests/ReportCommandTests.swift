import Foundation
import JourneyTestSupport
import Testing

/// `journey report`, run in-process: the pack written to --out, nothing on standard output.
@Suite("journey report")
struct ReportCommandTests {
    @Test("The pack of the two-child council: written owner-only, stamped, naming the file's events")
    func pack() throws {
        let (folder, events) = try tinyCouncilFile()
        let out = folder + "/pack.html"
        let result = journey([
            "report", "--log", events, "--year", "2024-25", "--out", out, "--stamp", "2025-04-01T09:00:00Z",
        ])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.isEmpty)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("2025-04-01T09:00:00Z"))
        #expect(html.contains("12 events"), "the provenance counts the file's events")
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("--month outside the year is refused, exit 64, and no pack is written")
    func monthOutsideYear() throws {
        let folder = try scratchFolder("journey-report")
        let out = folder + "/pack.html"
        let result = journey(["report", "--log", sampleLog, "--year", "2024-25", "--month", "2023-11", "--out", out])
        #expect(result.status == 64)
        #expect(result.errors.contains("--month 2023-11 is not in the year 2024-25"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
