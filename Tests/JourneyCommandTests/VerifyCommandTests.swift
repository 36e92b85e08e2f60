import Foundation
import JourneyTestSupport
import Testing

/// `journey verify`, run in-process: ok and the fingerprint, or what is damaged and exit 1.
@Suite("journey verify")
struct VerifyCommandTests {
    @Test("An intact log: ok, with its events, batches and fingerprint")
    func intact() throws {
        let (_, log) = try tinyCouncilLog()
        let result = journey(["verify", "--log", log])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.hasPrefix("ok: 12 events in 1 batches, 1 segment file(s), "), "\(result.output)")
        let stats = journey(["stats", "--log", log])
        let head = try #require(stats.output.split(separator: "\n").first { $0.hasPrefix("head hash") })
        #expect(result.output.hasSuffix("head hash \(head.split(separator: " ").last!)\n"), "\(result.output)")
    }

    @Test("A byte changed in a segment: DAMAGED, with the file and byte of the record, exit 1")
    func damaged() throws {
        let (_, log) = try tinyCouncilLog()
        // A byte in the middle of the only segment: inside a record, which its checksum no longer matches.
        let segment = URL(fileURLWithPath: log + "/segment-000001.log")
        var bytes = try Data(contentsOf: segment)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: segment)
        let result = journey(["verify", "--log", log])
        #expect(result.status == 1)
        #expect(
            result.output.hasPrefix("damaged: \(log)/segment-000001.log at byte "), "\(result.output)")
        #expect(
            result.output.split(separator: "\n").first?.hasSuffix(": the record's checksum does not match its bytes")
                == true, "\(result.output)")
        #expect(result.output.contains("\nDAMAGED ("), "\(result.output)")
    }
}
