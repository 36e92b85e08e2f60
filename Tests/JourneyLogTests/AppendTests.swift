import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@Suite("Appending")
struct AppendTests {
    @Test func appendedEventsReplayInOrderWithPositionsAndVersions() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        let report = try writer.append(simpleEvents(5, children: 2))
        #expect(report.appended == 5 && report.positions == 1...5)
        try writer.append(simpleEvents(2, prefix: "y", children: 2))
        writer.close()
        let stored = try log.events()
        #expect(stored.map(\.position) == [1, 2, 3, 4, 5, 6, 7])
        // Children alternate C0, C1, C0, …: C0 gets x-1, x-3, x-5, y-1 = versions 1–4; C1 gets x-2, x-4, y-2.
        #expect(stored.map(\.version) == [1, 1, 2, 2, 3, 4, 3])
        #expect(stored.map(\.event) == simpleEvents(5, children: 2) + simpleEvents(2, prefix: "y", children: 2))
    }

    @Test func everyEventTypeSurvivesStorage() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        var events = SampleEvents.everyType
        events[8].corrects = nil  // no event e9x in this log
        events[34] = Event(
            id: "e35", child: "C100", occurred: d("2024-06-04"), recorded: Timestamp("2024-06-05T09:00:00Z")!,
            body: .eventRetracted(event: "e1", reason: "wrong child"))
        try writer.append(events)
        writer.close()
        #expect(try log.events().map(\.event) == events)
    }

    @Test func exportOfWhatWasAppendedGivesTheSameEventsAndBytes() throws {
        let log = ScratchLog()
        var builder = EventBuilder()
        builder.add(
            "C1", "2024-04-02", .referralReceived(ReferralReceived(referral: "R1", source: ReferralSource("2A")!)))
        let first = builder.add("C1", "2024-04-03", .assessmentStarted(assessment: "A1", referral: "R1"))
        builder.add(
            "C1", "2024-04-04", .assessmentStarted(assessment: "A1", referral: "R1"), recorded: "2024-04-10",
            corrects: first)
        let input = builder.jsonLines
        try input.write(toFile: log.path + ".jsonl", atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: log.path + ".jsonl") }
        let writer = try LogWriter.open(log.path)
        try writer.appendJSONLines(from: LineReader(path: log.path + ".jsonl"))
        writer.close()
        let exported = try log.events().map { $0.event.canonicalJSONString + "\n" }.joined()
        #expect(exported == input)
    }

    @Test func recordedIsStampedWhenAbsent() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        var e = simpleEvents(1)[0]
        e.recorded = nil
        let stamp = Timestamp("2024-07-01T12:00:00Z")!
        let report = try writer.append([e], options: AppendOptions(stamp: stamp))
        #expect(report.stamped == 1)
        #expect(try log.events()[0].event.recorded == stamp)
    }

    @Test func reappendingTheSameEventsIsANoOp() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(4))
        let before = try log.snapshot()
        let again = try writer.append(simpleEvents(4))
        #expect(again.appended == 0 && again.duplicates == 4)
        #expect(try log.snapshot() == before)
        // Without `recorded`, an event is the same as the stored copy that was stamped.
        var unstamped = simpleEvents(1)
        unstamped[0].recorded = nil
        #expect(try writer.append(unstamped).duplicates == 1)
    }

    @Test func theSameIdWithOtherContentIsRejectedAndNothingChanges() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(4))
        let before = try log.snapshot()
        var changed = simpleEvents(6, prefix: "z")
        changed[3] = simpleEvents(4)[1]
        changed[3].occurred = d("2020-01-01")
        #expect {
            try writer.append(changed)
        } throws: { error in
            guard case LogError.rejected(let problems, _) = error else { return false }
            return problems.map(\.line) == [4] && problems[0].problem.field == "id"
        }
        #expect(try log.snapshot() == before)
        // The writer is still usable, and the rejected batch's other ids are free again.
        #expect(try writer.append(simpleEvents(6, prefix: "z")).appended == 6)
        #expect(try log.events().count == 10)
    }

    @Test func aRejectedBatchThatStartedANewSegmentLeavesNoFileBehind() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        writer.maximumSegmentSize = 200
        try writer.append(simpleEvents(5))
        let before = try log.snapshot()
        var bad = simpleEvents(3, prefix: "b")
        bad[2].corrects = "missing"
        #expect(throws: LogError.self) { try writer.append(bad) }
        #expect(try log.snapshot() == before)
    }

    @Test func correctionsMustNameAnEventOfTheSameChildAndType() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(2, children: 2))
        var wrongChild = simpleEvents(1, prefix: "c")[0]
        wrongChild.child = "C1"
        wrongChild.corrects = "x-1"  // x-1 is C0's
        var wrongType = Event(
            id: "c-2", child: "C0", occurred: d("2024-04-01"), recorded: t("2024-04-01"), body: .childDied,
            corrects: "x-1")
        wrongType.source = "lcs"
        let retractMissing = Event(
            id: "c-3", child: "C0", occurred: d("2024-04-01"), recorded: t("2024-04-01"),
            body: .eventRetracted(event: "nothing", reason: "error"))
        #expect {
            try writer.append([wrongChild, wrongType, retractMissing])
        } throws: { error in
            guard case LogError.rejected(let problems, _) = error else { return false }
            return problems.map(\.line) == [1, 2, 3]
                && problems.map(\.problem.field) == ["corrects", "corrects", "data.event"]
        }
    }

    @Test func aCorrectionMayNameAnEventLaterInTheSameBatch() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        var events = simpleEvents(2)
        events[0].id = "fix"
        events[0].child = "C1"
        events[0].corrects = "x-2"  // x-2 (child C1) comes next in the batch
        #expect(try writer.append(events).appended == 2)
    }

    @Test func expectedVersionsGuardAppends() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(3, children: 1))
        #expect(writer.version(of: "C0") == 3)
        #expect(throws: LogError.versionMismatch(child: "C0", expected: 2, actual: 3)) {
            try writer.append(simpleEvents(1, prefix: "n"), options: AppendOptions(expectedVersions: ["C0": 2]))
        }
        #expect(
            try writer.append(simpleEvents(1, prefix: "n"), options: AppendOptions(expectedVersions: ["C0": 3]))
                .appended == 1)
    }

    @Test func aSecondWriterIsRefused() throws {
        let log = ScratchLog()
        let first = try LogWriter.open(log.path)
        #expect(throws: LogError.locked(path: log.path + "/writer.lock")) { try LogWriter.open(log.path) }
        first.close()
        let second = try LogWriter.open(log.path)
        second.close()
    }

    @Test func readersNeverSeeHalfABatch() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        try writer.append(simpleEvents(3))
        var seenDuringBatch = -1
        try writer.append { batch in
            // Enough events that the batch's records are written to the file (4 MiB) before it commits.
            for (i, e) in simpleEvents(60_000, prefix: "big").enumerated() { try batch.add(e, line: i + 1) }
            seenDuringBatch = try log.events().count
        }
        #expect(seenDuringBatch == 3)
        #expect(try log.events().count == 60_003)
    }

    @Test func segmentsRollBetweenBatches() throws {
        let log = ScratchLog()
        let writer = try LogWriter.open(log.path)
        // Any size at all starts a new segment: each batch after the first goes into a segment of its own.
        writer.maximumSegmentSize = 1
        for b in 0..<5 { try writer.append(simpleEvents(4, prefix: "b\(b)")) }
        writer.close()
        let segments = try FileManager.default.contentsOfDirectory(atPath: log.path).filter { $0.hasPrefix("segment-") }
        #expect(segments.count == 5)
        #expect(try log.events().map(\.position) == Array(1...20))
        #expect(try EventLog.verify(log.path).isIntact)
        // A writer opened later carries on where the last left off.
        let again = try LogWriter.open(log.path)
        #expect(try again.append(simpleEvents(4, prefix: "b0")).duplicates == 4)
    }

    @Test func filesAreReadableByTheirOwnerOnly() throws {
        let log = ScratchLog()
        try LogWriter.open(log.path).append(simpleEvents(1))
        for name in ["", "/head", "/segment-000001.log", "/writer.lock"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: log.path + name)
            let mode = (attributes[.posixPermissions] as! NSNumber).intValue
            #expect(mode & 0o077 == 0, "\(name) is \(String(mode, radix: 8))")
        }
    }
}
