import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

/// A rejected batch must leave the writer as it found it: ids free again and every child at its old version,
/// within one open writer as well as on disk.
@Suite("Undoing a rejected batch")
struct BatchRollbackTests {
    @Test func versionsAndIdsAreRestoredInTheWriter() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(4, children: 2))  // C0 and C1 at version 2
        var bad = simpleEvents(6, prefix: "n", children: 3)  // C0, C1 and a new child C2
        bad[5].corrects = "missing"
        #expect(throws: LogError.self) { try writer.append(bad) }
        #expect(writer.version(of: "C0") == 2 && writer.version(of: "C1") == 2 && writer.version(of: "C2") == 0)
        // The same ids again, valid this time, get the versions and positions they would have had.
        try writer.append(simpleEvents(6, prefix: "n", children: 3))
        writer.close()
        let stored = try log.events()
        #expect(stored.map(\.position) == Array(1...10))
        #expect(stored.map(\.version) == [1, 1, 2, 2, 3, 3, 1, 4, 4, 2])
    }
}
