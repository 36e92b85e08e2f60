import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyChecks

/// The index of event ids kept in a log's cache folder is derived state: damaged, it is rebuilt, never believed.
@Suite("The cached index of event ids")
struct EventIDIndexTests {
    @Test func aDamagedIndexIsRebuiltAndTheIdsCitedAreTheLogs() throws {
        let path = temporaryDirectory("journey-ids")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var builder = EventBuilder()
        for i in 0..<20 { _ = builder.referral("C\(i % 4)", "2024-04-0\(1 + i % 9)", "R\(i)") }
        let writer = try LogWriter.open(path)
        try writer.append(builder.events)
        writer.close()
        let positions = Set<UInt64>(1...20)
        let expected = Dictionary(uniqueKeysWithValues: builder.events.enumerated().map { (UInt64($0 + 1), $1.id) })
        #expect(try EventIDLookup.ids(at: positions, inLogAt: path) == expected)
        let file = path + "/cache/" + EventIDIndex.fileName
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        for i in 0..<good.count {
            var damaged = good
            damaged[i] ^= 0x04
            try damaged.write(to: URL(fileURLWithPath: file))
            #expect(try EventIDLookup.ids(at: positions, inLogAt: path) == expected, "byte \(i) flipped")
        }
    }
}
