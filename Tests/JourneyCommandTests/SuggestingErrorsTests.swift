import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyCommandLine

/// Errors say what to fix: a missing file is "no such file" with its path (not Foundation's NSCocoaErrorDomain
/// code), a date in another form gets the form dates take, a comma in a targets file gets how fields are separated,
/// and an id with a typo gets the nearest known id.
@Suite("Errors that suggest")
struct SuggestingErrorsTests {
    let folder = temporaryDirectory("journey-err")
    var sample: String { sampleLog }

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    @Test(
        "A missing file an option names is \"no such file\" with its path",
        arguments: [
            ["report", "--year", "2024-25", "--out", "PACK", "--targets", "MISSING"],
            ["report", "--year", "2024-25", "--out", "PACK", "--calendar", "MISSING"],
            ["metrics", "--year", "2024-25", "--calendar", "MISSING"],
            ["check", "--calendar", "MISSING"],
            ["synth", "--show-parameters", "--parameters", "MISSING"],
        ])
    func missingFile(command: [String]) throws {
        let missing = folder + "/missing.txt"
        var arguments = command.map { $0 == "MISSING" ? missing : $0 == "PACK" ? folder + "/pack.html" : $0 }
        if command[0] != "synth" { arguments += ["--log", sample] }
        let result = journey(arguments)
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("\(missing): no such file"), "\(result.errors)")
        #expect(!result.errors.contains("NSCocoaErrorDomain"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/pack.html"))
    }

    @Test(
        "A date written 01/04/2024 gets the form dates take, in every date option",
        arguments: [
            ["metrics", "--from", "01/04/2024", "--to", "2025-03-31"],
            ["metrics", "--from", "2024-04-01", "--to", "31/03/2025"],
            ["metrics", "--year", "2024-25", "--as-known-at", "01/04/2024"],
            ["check", "--as-of", "01/04/2024"],
            ["check", "--since", "01/04/2024"],
            ["chronology", "C100", "--from", "01/04/2024"],
            ["chronology", "C100", "--diff", "01/04/2024", "2025-01-01"],
            ["cohort", "repeat-cp", "--from", "01/04/2024", "--to", "2025-03-31"],
            ["export", "--as-known-at", "01/04/2024"],
            ["report", "--year", "2024-25", "--out", "p.html", "--as-known-at", "01/04/2024"],
            ["synth", "--children", "10", "--from", "01/04/2024", "--to", "2025-03-31"],
            ["import", "ssda903", "dir", "--recorded", "01/04/2024"],
        ])
    func dateForm(arguments: [String]) throws {
        let message = try #require(refusal(arguments))
        #expect(message.contains("dates are written YYYY-MM-DD, e.g. 2024-04-01"), "\(message)")
    }

    @Test("A comma between fields of a targets file gets \"fields are separated by spaces\"")
    func targetsComma() throws {
        let targets = folder + "/targets.txt"
        try "# metric id, target\nre-referrals,20\n".write(toFile: targets, atomically: false, encoding: .utf8)
        let result = journey(
            ["report", "--log", sample, "--year", "2024-25", "--out", folder + "/pack.html", "--targets", targets])
        #expect(result.status == 1)
        #expect(result.errors.contains("line 2"), "\(result.errors)")
        #expect(result.errors.contains("fields are separated by spaces"), "\(result.errors)")
    }

    @Test("An unknown metric id suggests the nearest known one")
    func metricSuggestion() throws {
        let message = try #require(refusal(["metrics", "--year", "2024-25", "--only", "re-referals"]))
        #expect(message.contains("did you mean re-referrals?"), "\(message)")
        let far = try #require(refusal(["metrics", "--year", "2024-25", "--only", "zzzz"]))
        #expect(!far.contains("did you mean"))
        #expect(far.contains("journey metrics --help"))
    }

    @Test("An unknown check id suggests the nearest known one")
    func checkSuggestion() throws {
        let message = try #require(refusal(["check", "--only", "assessment-open-over-45-day"]))
        #expect(message.contains("did you mean assessment-open-over-45-days?"), "\(message)")
    }

    @Test("The nearest id is by edit distance, and only when it is close")
    func nearest() {
        let known = ["re-referrals", "repeat-cp-plans", "cp-plan-duration"]
        #expect(nearestID(to: "rereferrals", in: known) == "re-referrals")
        #expect(nearestID(to: "repeat-cp-plan", in: known) == "repeat-cp-plans")
        #expect(nearestID(to: "placements", in: known) == nil)
        #expect(editDistance("kitten", "sitting") == 3)
    }
}
