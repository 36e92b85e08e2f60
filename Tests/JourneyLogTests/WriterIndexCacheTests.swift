import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyLog

/// A writer opened on a log with a saved index reads only the records after it; it must know every id and every
/// child's version exactly as a writer that read the whole log does.
@Suite("The writer's saved index")
struct WriterIndexCacheTests {
    /// A log of 30 events with the index saved after them, then 12 more appended past the saved copy.
    static func logWithSavedIndexAndTail() throws -> ScratchLog {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(30, prefix: "a", children: 4))
        writer.saveIndexIfWorthIt(always: true)
        #expect(writer.savedIndexPosition == 30)
        writer.close()
        let later = try LogWriter.open(log.path)
        #expect(later.savedIndexPosition == 30)
        try later.append(simpleEvents(12, prefix: "b", children: 4))
        later.close()
        return log
    }

    /// What a writer knows: whether each id is in the log, and each child's version.
    static func knowledge(_ writer: LogWriter) throws -> (duplicates: Int, versions: [UInt32]) {
        let report = try writer.append(
            simpleEvents(30, prefix: "a", children: 4) + simpleEvents(12, prefix: "b", children: 4))
        return (report.duplicates, (0..<4).map { writer.version(of: ChildID("C\($0)")) })
    }

    @Test("Ids from before and after the saved copy are known, and versions are counted on from it")
    func savedIndexAndTail() throws {
        let log = try Self.logWithSavedIndexAndTail()
        let writer = try LogWriter.open(log.path)
        #expect(writer.savedIndexPosition == 30)
        let known = try Self.knowledge(writer)
        // 42 events over children C0–C3 in turn: C0 and C1 have 11 each (a-1, a-5, … and b-1, b-5, b-9), C2 and
        // C3 have 10.
        #expect(known.duplicates == 42)
        #expect(known.versions == [11, 11, 10, 10])
        // An id from before the saved copy with other content is still refused.
        var changed = simpleEvents(1, prefix: "a")
        changed[0].occurred = d("2020-01-01")
        #expect(throws: LogError.self) { try writer.append(changed) }
    }

    @Test("A damaged saved index, or one of another log, is not used: the whole log is read")
    func damagedOrForeignIndexIsIgnored() throws {
        let log = try Self.logWithSavedIndexAndTail()
        let file = log.path + "/cache/" + WriterIndexCache.fileName
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        var flipped = good
        flipped[WriterIndexCache.headerSize + 8] ^= 0x01  // in the id table
        let other = ScratchLog()
        let otherWriter = try LogWriter.open(other.path)
        try otherWriter.append(simpleEvents(30, prefix: "z", children: 4))
        otherWriter.saveIndexIfWorthIt(always: true)
        otherWriter.close()
        let foreign = try Data(contentsOf: URL(fileURLWithPath: other.path + "/cache/" + WriterIndexCache.fileName))
        for bad in [flipped, good.dropLast(1), foreign] {
            try bad.write(to: URL(fileURLWithPath: file))
            let writer = try LogWriter.open(log.path)
            #expect(writer.savedIndexPosition == 0)
            let known = try Self.knowledge(writer)
            #expect(known.duplicates == 42 && known.versions == [11, 11, 10, 10])
            writer.close()
        }
    }

    @Test("The saved index is rewritten once the records past it reach 100,000 or 2% of the log")
    func whenToSave() {
        #expect(!WriterIndexCache.isWorthSaving(sinceSaved: 99_999, logSize: 1_000_000))
        #expect(WriterIndexCache.isWorthSaving(sinceSaved: 100_000, logSize: 1_000_000))
        #expect(!WriterIndexCache.isWorthSaving(sinceSaved: 199_999, logSize: 10_000_000))
        #expect(WriterIndexCache.isWorthSaving(sinceSaved: 200_000, logSize: 10_000_000))
    }

    @Test("The saved index is readable by its owner only")
    func ownerOnly() throws {
        let log = try Self.logWithSavedIndexAndTail()
        let attributes = try FileManager.default.attributesOfItem(
            atPath: log.path + "/cache/" + WriterIndexCache.fileName)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
