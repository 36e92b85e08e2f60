import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

/// `report --out` writes beside the path and renames into place. It once renamed over whatever was there: as root it
/// replaced `/dev/full` with the pack. Only a regular file or a new name is taken now.
@Suite("report --out: a regular file or a new name")
struct ReportOutputTests {
    let folder = temporaryDirectory("journey-out")

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    @Test("A device, a folder and a link are refused and left as they were")
    func refused() throws {
        #expect(throws: ReportFileError.self) { try Journey.Report.write("pack", to: "/dev/null") }
        #expect(throws: ReportFileError.self) { try Journey.Report.write("pack", to: folder) }
        let target = folder + "/target.html"
        let link = folder + "/link.html"
        _ = FileManager.default.createFile(atPath: target, contents: Data("kept".utf8))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: ReportFileError.self) { try Journey.Report.write("pack", to: link) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "kept")
        // A link where the temporary goes is not followed either.
        let other = folder + "/other.html"
        try FileManager.default.createSymbolicLink(atPath: other + ".partial", withDestinationPath: target)
        #expect(throws: ReportFileError.self) { try Journey.Report.write("pack", to: other) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "kept")
    }

    @Test("A new name and an existing regular file are written, owner-only")
    func written() throws {
        let fresh = folder + "/pack.html"
        try Journey.Report.write("first", to: fresh)
        try Journey.Report.write("second", to: fresh)
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == "second")
        let mode = try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!FileManager.default.fileExists(atPath: fresh + ".partial"))
    }

    @Test("--marking takes one line of words; OFFICIAL-SENSITIVE unless given")
    func marking() throws {
        let base = ["report", "--year", "2024-25", "--out", "p.html"]
        #expect(refusal(base + ["--marking", "OFFICIAL"]) == nil)
        #expect(refusal(base + ["--marking", " "])?.contains("--marking") == true)
        #expect(refusal(base + ["--marking", "OFFICIAL\nSENSITIVE"])?.contains("--marking") == true)
        let report = try #require(try Journey.parseAsRoot(base) as? Journey.Report)
        #expect(report.marking == "OFFICIAL-SENSITIVE")
    }
}
