import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyLog

/// `verify` fails wherever a reader or the next append would: it never says "ok" on a log nothing else can use.
@Suite("Verify agrees with the readers and the writer")
struct VerifyAgreesWithReadersTests {
    static func firstHeadAndTwoBatches() throws -> (log: ScratchLog, firstHead: Data) {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(3, prefix: "a"))
        let firstHead = try ReaderChecksTests.read(log.path + "/head")
        try writer.append(simpleEvents(3, prefix: "b"))
        writer.close()
        return (log, firstHead)
    }

    @Test func withoutItsHeadALogOfCommittedBatchesIsDamage() throws {
        let (log, _) = try Self.firstHeadAndTwoBatches()
        try FileManager.default.removeItem(atPath: log.path + "/head")
        let report = try EventLog.verify(log.path)
        #expect(!report.isIntact)
        #expect(report.damage.contains { $0.file.hasSuffix("/head") })
        #expect(throws: LogError.self) { try log.events() }
        #expect(throws: LogError.self) { try LogWriter.open(log.path) }
    }

    @Test func anUnrecoverableTailPastTheHeadIsDamage() throws {
        // A damaged record past the head with a whole record after it: not a torn write, so no append can repair it.
        let (log, firstHead) = try Self.firstHeadAndTwoBatches()
        var segment = try ReaderChecksTests.read(log.segmentPath)
        let r = ReaderChecksTests.records(segment)
        segment[r[4].lowerBound + 6] ^= 0xFF
        try ReaderChecksTests.write(segment, log.segmentPath)
        try ReaderChecksTests.write(firstHead, log.path + "/head")
        #expect(throws: LogError.self) { try LogWriter.open(log.path) }
        #expect(!(try EventLog.verify(log.path).isIntact))
    }

    @Test(arguments: [2, 3])
    func aStraySegmentPastTheHeadIsDamage(_ number: Int) throws {
        // Segment 2 with another segment's header, or segment 3 with segment 2 missing before it.
        let (log, _) = try Self.firstHeadAndTwoBatches()
        let stray = log.path + "/segment-00000\(number).log"
        let segment = try ReaderChecksTests.read(log.segmentPath)
        var copy = segment
        if number == 3 { copy[12] = 3 }
        try ReaderChecksTests.write(copy, stray)
        #expect(throws: LogError.self, "segment \(number)") { try LogWriter.open(log.path) }
        #expect(!(try EventLog.verify(log.path).isIntact), "segment \(number)")
        #expect(try log.events().count == 6, "readers read to the head")
    }

    @Test func aTornTailIsNotDamage() throws {
        let (log, firstHead) = try Self.firstHeadAndTwoBatches()
        let segment = try ReaderChecksTests.read(log.segmentPath)
        try ReaderChecksTests.write(segment.prefix(segment.count - 10), log.segmentPath)
        try ReaderChecksTests.write(firstHead, log.path + "/head")
        let report = try EventLog.verify(log.path)
        #expect(report.isIntact)
        #expect(report.uncommittedBytes > 0)
    }

    @Test func aDirectoryThatIsNotALogIsNotVerifiedAsOne() throws {
        let path = temporaryDirectory("journey-not-a-log")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: LogError.notALog(path: path)) { try EventLog.verify(path) }
    }
}

/// Disk full (or a head that cannot be written) between the batch and the head: the batch is a tail like any
/// other, which readers do not see and the next append keeps; nothing is left behind.
@Suite("A head that could not be written")
struct HeadWriteFailureTests {
    @Test func readersReadToTheOldHeadWithoutWritingAndTheNextAppendRecovers() throws {
        let (log, firstHead) = try VerifyAgreesWithReadersTests.firstHeadAndTwoBatches()
        // The state ENOSPC on head.new leaves: the batch durable, the head not moved, a partial head.new beside it.
        try ReaderChecksTests.write(firstHead, log.path + "/head")
        try ReaderChecksTests.write(Data("{\"format\":1,\"seg".utf8), log.path + "/head.new")
        let before = try log.snapshot()
        #expect(try log.events().map(\.event) == simpleEvents(3, prefix: "a"))
        #expect(try log.snapshot() == before, "a reader writes nothing")
        #expect(try EventLog.verify(log.path).isIntact)
        let writer = try LogWriter.open(log.path)
        #expect(writer.recovery?.keptBatches == 1)
        writer.close()
        #expect(!FileManager.default.fileExists(atPath: log.path + "/head.new"))
        #expect(try log.events().count == 6)
    }

    @Test func anAppendWhoseHeadCannotBeReplacedLeavesNoNewFile() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(3, prefix: "a"))
        let head = try ReaderChecksTests.read(log.path + "/head")
        // A non-empty directory where the head is: the rename over it fails, as a full or read-only disk would.
        try FileManager.default.removeItem(atPath: log.path + "/head")
        try FileManager.default.createDirectory(atPath: log.path + "/head/x", withIntermediateDirectories: true)
        #expect(throws: LogError.self) { try writer.append(simpleEvents(3, prefix: "b")) }
        writer.close()
        #expect(!FileManager.default.fileExists(atPath: log.path + "/head.new"))
        try FileManager.default.removeItem(atPath: log.path + "/head")
        try ReaderChecksTests.write(head, log.path + "/head")
        #expect(try log.events().count == 3)
        #expect(try LogWriter.open(log.path).recovery?.keptBatches == 1)
        #expect(try log.events().count == 6)
    }
}

/// Readers never write into what they read: not into a folder that is not a log, and not the writer's lock.
@Suite("Readers write nothing")
struct ReadersWriteNothingTests {
    @Test func aFolderThatIsNotALogIsRefusedAndLeftAlone() throws {
        let path = temporaryDirectory("journey-not-a-log")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: LogError.notALog(path: path)) { try EventLog.open(path) }
        #expect(LogError.notALog(path: path).description.contains("is not a journey log"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).isEmpty)
    }

    @Test func theCommandsRefuseAFolderThatIsNotALogAndWriteNothingIntoIt() throws {
        let binary = try #require(journeyBinary(), "build the journey executable first (swift build)")
        let path = temporaryDirectory("journey-not-a-log")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let commands = [
            ["metrics", "--year", "2024-25"], ["check"], ["export"], ["stats"], ["verify"],
            ["cohort", "repeat-cp", "--from", "2023-04-01", "--to", "2025-03-31"],
        ]
        for command in commands {
            let (status, errors) = try run(binary, command + ["--log", path])
            #expect(status != 0, "\(command[0])")
            #expect(errors.contains("is not a journey log"), "\(command[0]): \(errors)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: path).isEmpty, "\(command[0])")
        }
    }

    @Test func appendCreatesALogOnlyWhenItHasSomethingToAppend() throws {
        let binary = try #require(journeyBinary(), "build the journey executable first (swift build)")
        let path = temporaryDirectory("journey-new-log")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (missing, _) = try run(binary, ["append", path + "-missing.jsonl", "--log", path])
        #expect(missing != 0)
        #expect(!FileManager.default.fileExists(atPath: path))
        let empty = path + "-empty.jsonl"
        try Data("\n".utf8).write(to: URL(fileURLWithPath: empty))
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let (status, _) = try run(binary, ["append", empty, "--log", path])
        #expect(status == 0)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func readersTakeNoWriterLock() throws {
        let log = try ReaderChecksTests.twoBatches()
        try FileManager.default.removeItem(atPath: log.path + "/writer.lock")
        let before = try log.snapshot()
        _ = try log.events()
        _ = try LogStatistics(log: EventLog.open(log.path))
        _ = try EventLog.verify(log.path)
        #expect(try log.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: log.path + "/writer.lock"))
    }

    @Test func appendFromStandardInputReadsItBeforeTakingTheLock() throws {
        let binary = try #require(journeyBinary(), "build the journey executable first (swift build)")
        let log = try ReaderChecksTests.twoBatches()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["append", "-", "--log", log.path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A producer that has not finished yet: every other writer must still get in meanwhile.
        Thread.sleep(forTimeInterval: 0.5)
        let other = try LogWriter.open(log.path)
        try other.append(simpleEvents(1, prefix: "c"))
        other.close()
        input.fileHandleForWriting.write(Data((simpleEvents(1, prefix: "d")[0].canonicalJSONString + "\n").utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try log.events().count == 8)
    }
}

/// Runs the `journey` executable; returns its exit status and standard error.
func run(_ binary: String, _ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
}
