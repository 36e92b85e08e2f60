import Foundation
import Testing

/// `journey synth`, run in-process on a council of a few children.
@Suite("journey synth")
struct SynthCommandTests {
    static let council = ["synth", "--children", "3", "--from", "2024-04-01", "--to", "2024-09-30", "--history", "0"]

    @Test("Events to standard output, the summary to standard error; the same arguments give the same bytes")
    func standardOutput() throws {
        let result = journey(Self.council)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(!lines.isEmpty)
        // With no history, the children are the 3 new ones who come to the front door.
        let children = Set(
            lines.map { line in
                line.split(separator: "\"child\":\"", maxSplits: 1).last!.prefix { $0 != "\"" }
            })
        #expect(children.count == 3, "\(children)")
        #expect(!result.errors.isEmpty)
        #expect(journey(Self.council).output == result.output)
    }

    @Test("--log appends the same events to a log")
    func toLog() throws {
        let folder = try scratchFolder("journey-synth")
        let printed = journey(Self.council + ["--clean"])
        let appended = journey(Self.council + ["--clean", "--log", folder + "/log"])
        #expect(appended.status == 0, "\(appended.errors)")
        #expect(appended.output.isEmpty)
        let stats = journey(["stats", "--log", folder + "/log"])
        let count = printed.output.split(separator: "\n").count
        #expect(stats.output.contains("events        \(count) in "), "\(stats.output)")
    }

    @Test("--children must be 1 or more, exit 64")
    func noChildren() {
        let result = journey(["synth", "--children", "0", "--from", "2024-04-01", "--to", "2024-09-30"])
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("--children must be 1 or more"), "\(result.errors)")
    }

    @Test("--show-parameters prints the calibration targets as JSON")
    func showParameters() throws {
        let result = journey(["synth", "--show-parameters"])
        #expect(result.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) is [String: Any])
    }
}
