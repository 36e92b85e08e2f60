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

    /// An index loaded from the file (its ids read in place) and brought up to date with the events appended since
    /// names every event, old and new, and is saved as the same file an index built afresh from the whole log is.
    @Test func anIndexBroughtUpToDateNamesOldAndNewEventsAndSavesAsIfBuiltAfresh() throws {
        let path = temporaryDirectory("journey-ids-append")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var builder = EventBuilder()
        for i in 0..<12 { _ = builder.referral("C\(i % 3)", "2024-04-0\(1 + i % 9)", "R\(i)") }
        let writer = try LogWriter.open(path)
        try writer.append(Array(builder.events[..<5]))
        // Saved with the first 5 events' ids; then 7 more are appended and looked up through the saved index.
        #expect(try EventIDLookup.ids(at: [1], inLogAt: path) == [1: builder.events[0].id])
        try writer.append(Array(builder.events[5...]))
        writer.close()
        let expected = Dictionary(uniqueKeysWithValues: builder.events.enumerated().map { (UInt64($0 + 1), $1.id) })
        // Positions 1 to 5 come from the loaded file, 6 to 12 from the events added to it; 13 is past the log.
        #expect(try EventIDLookup.ids(at: Set(1...13), inLogAt: path) == expected)
        let file = path + "/cache/" + EventIDIndex.fileName
        let updated = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(try EventIDLookup.ids(at: Set(1...12), inLogAt: path) == expected)
        try FileManager.default.removeItem(atPath: file)
        #expect(try EventIDLookup.ids(at: Set(1...12), inLogAt: path) == expected)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == updated)
    }
}
