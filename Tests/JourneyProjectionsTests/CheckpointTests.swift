import Foundation
import JourneyCore
import JourneyLog
import JourneyTestSupport
import Testing

@testable import JourneyProjections

@Suite("Checkpoints")
struct CheckpointTests {
    /// Every figure for a few periods and times, as text: what must not differ.
    func figures(_ state: JourneyState) -> String {
        let contexts = ["2022-12-31", "2023-09-30", "2025-06-30"].map {
            MetricContext(period: .rollingYear(to: d($0)), dimensions: [.team, .ageBand])
        }
        return [nil, "2023-06-01", "2024-06-01"].map { known in
            state.metrics(contexts, asKnownAt: known.map { t($0) }).map(\.json.compactText).joined()
        }.joined(separator: "\n")
    }

    @Test("A checkpoint brought up to date gives exactly the figures of a full replay", arguments: 0..<12)
    func checkpointEqualsFullReplay(seed: Int) throws {
        var rng = SeededRandom(state: UInt64(seed) &* 7919)
        let events = randomLog(seed: UInt64(seed), events: 120)
        let split = Int.random(in: 1..<events.count, using: &rng)
        let path = temporaryDirectory("journey-checkpoint")
        defer { try? FileManager.default.removeItem(atPath: path) }

        let writer = try LogWriter.open(path)
        try writer.append(Array(events[..<split]))
        let (first, firstOutcome) = try Checkpoint.replay(EventLog.open(path))
        #expect(firstOutcome.resumedFrom == nil && firstOutcome.saved)
        #expect(first.eventCount == UInt64(split))
        try writer.append(Array(events[split...]))
        writer.close()

        let (resumed, outcome) = try Checkpoint.replay(EventLog.open(path))
        #expect(outcome.resumedFrom == UInt64(split))
        #expect(outcome.eventsFolded == UInt64(events.count - split))
        let full = try JourneyState(replaying: EventLog.open(path))
        #expect(figures(resumed) == figures(full))
        // The comparison means something only if the random log gives figures at all.
        let populated = full.metrics(MetricContext(period: .rollingYear(to: d("2024-12-31")))).metrics.filter {
            ($0.denominator ?? $0.numerator) > 0
        }
        #expect(populated.count >= 5, "only \(populated.map(\.id)) have a population")
    }

    /// A state read for a service (`roomForAppends`), from a checkpoint and from no checkpoint, is the state read
    /// without, with its atoms' room for appends made already: making it for the live records then copies nothing.
    @Test func aStateReadWithRoomForAppends() throws {
        let events = randomLog(seed: 3, events: 120)
        let path = temporaryDirectory("journey-checkpoint")
        defer { try? FileManager.default.removeItem(atPath: path) }
        /// The state `read` gives, held nowhere else, has room for a sixteenth more atoms (and at least 65,536), and
        /// making room for appends keeps its atoms' array.
        func expectRoom(_ read: () throws -> JourneyState) rethrows {
            var state = try read()
            // A sixteenth more of at most 120 atoms is under 65,536: the room is 65,536 atoms.
            #expect(state.atoms.count <= 120)
            let room = state.atoms.count + 65_536
            #expect(state.atoms.capacity >= room)
            #expect(state.atomChildren.capacity >= room)
            let before = state.atoms.withUnsafeBufferPointer { $0.baseAddress }
            state.makeRoomForAppends()
            #expect(state.atoms.withUnsafeBufferPointer { $0.baseAddress } == before)
        }
        let writer = try LogWriter.open(path)
        try writer.append(Array(events[..<100]))
        try expectRoom { try Checkpoint.replay(EventLog.open(path), save: false, roomForAppends: true).0 }
        _ = try Checkpoint.replay(EventLog.open(path))
        try writer.append(Array(events[100...]))
        writer.close()
        try expectRoom { try Checkpoint.replay(EventLog.open(path), save: false, roomForAppends: true).0 }
        let (resumed, outcome) = try Checkpoint.replay(EventLog.open(path), save: false, roomForAppends: true)
        #expect(outcome.resumedFrom == 100)
        #expect(figures(resumed) == figures(try Checkpoint.replay(EventLog.open(path), save: false).0))
    }

    @Test func aShortTailIsFoldedOnTheCheckpointWithoutRewritingIt() throws {
        let events = randomLog(seed: 5, events: 100)
        let path = temporaryDirectory("journey-checkpoint")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try LogWriter.open(path)
        try writer.append(Array(events[..<90]))
        #expect(try Checkpoint.replay(EventLog.open(path)).1.saved)
        try writer.append(Array(events[90...]))
        writer.close()
        // 10 events after a checkpoint of 90: folded each time, the checkpoint left as it was.
        for _ in 0..<2 {
            let (state, outcome) = try Checkpoint.replay(EventLog.open(path))
            #expect(outcome.resumedFrom == 90 && outcome.eventsFolded == 10 && !outcome.saved)
            #expect(figures(state) == figures(try JourneyState(replaying: EventLog.open(path))))
        }
        // The rule: at least 100,000 events, or 2% of the log.
        var big = JourneyState()
        big.eventCount = 10_000_000
        #expect(!Checkpoint.isWorthSaving(folded: 199_999, of: big))
        #expect(Checkpoint.isWorthSaving(folded: 200_000, of: big))
        #expect(!Checkpoint.isWorthSaving(folded: 99_999, of: JourneyState()))
        #expect(Checkpoint.isWorthSaving(folded: 100_000, of: JourneyState()))
    }

    /// The UPN and a placement's postcode and URN are kept by event position beside the atoms (format 4): a state
    /// loaded from a checkpoint gives the records a full replay gives.
    @Test func theReturnsTextsSurviveACheckpoint() throws {
        var log = EventBuilder()
        log.add("C1", "2024-01-02", .childRegistered(ChildDetails(birthDate: d("2012-01-01"), upn: "A123456789012")))
        log.add(
            "C1", "2024-02-01",
            .careStarted(CareStarted(period: "K1", legalStatus: LegalStatus("C2")!, needCode: CareNeed("N1")!)))
        log.add(
            "C1", "2024-02-01",
            .placementStarted(
                PlacementStarted(
                    placement: "P1", period: "K1", placementType: PlacementType("U1")!, postcode: "AB1 2CD",
                    urn: "SC123456")))
        log.add(
            "C1", "2024-03-01",
            .placementStarted(
                PlacementStarted(placement: "P2", period: "K1", placementType: PlacementType("U1")!, urn: "SC9")))
        let path = temporaryDirectory("journey-checkpoint")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try LogWriter.open(path).append(log.events)
        #expect(try Checkpoint.replay(EventLog.open(path)).1.saved)
        let (loaded, outcome) = try Checkpoint.replay(EventLog.open(path))
        #expect(outcome.resumedFrom == 4)
        let record = try #require(loaded.record(of: ChildID("C1")))
        #expect(record.upn == "A123456789012")
        #expect(record.placements.map(\.postcode) == ["AB1 2CD", nil])
        #expect(record.placements.map(\.urn) == ["SC123456", "SC9"])
    }

    @Test func deletingTheCacheChangesNoFigure() throws {
        let path = temporaryDirectory("journey-checkpoint")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try LogWriter.open(path).append(randomLog(seed: 99, events: 80))
        let (withCheckpoint, _) = try Checkpoint.replay(EventLog.open(path))
        let (again, outcome) = try Checkpoint.replay(EventLog.open(path))
        #expect(outcome.resumedFrom == 80 && outcome.eventsFolded == 0)
        try FileManager.default.removeItem(atPath: path + "/cache")
        let (fresh, freshOutcome) = try Checkpoint.replay(EventLog.open(path))
        #expect(freshOutcome.resumedFrom == nil)
        #expect(figures(fresh) == figures(withCheckpoint) && figures(again) == figures(withCheckpoint))
    }

    @Test func aCheckpointOfAnotherLogIsIgnored() throws {
        let a = temporaryDirectory("journey-checkpoint")
        let b = temporaryDirectory("journey-checkpoint")
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        try LogWriter.open(a).append(randomLog(seed: 1, events: 50))
        try LogWriter.open(b).append(randomLog(seed: 2, events: 50))
        _ = try Checkpoint.replay(EventLog.open(a))
        // Copy a's checkpoint into b: same position, different chain hash, so it must not be used.
        try FileManager.default.createDirectory(atPath: b + "/cache", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: a + "/cache/journey-state.checkpoint", toPath: b + "/cache/journey-state.checkpoint")
        let (state, outcome) = try Checkpoint.replay(EventLog.open(b))
        #expect(outcome.resumedFrom == nil)
        #expect(figures(state) == figures(try JourneyState(replaying: EventLog.open(b))))
    }

    @Test("A checkpoint damaged on disk, or cut short, is ignored: the log is replayed instead")
    func aDamagedCheckpointIsIgnored() throws {
        let path = temporaryDirectory("journey-checkpoint")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try LogWriter.open(path).append(randomLog(seed: 5, events: 60))
        let expected = figures(try JourneyState(replaying: EventLog.open(path)))
        _ = try Checkpoint.replay(EventLog.open(path))
        let file = path + "/cache/journey-state.checkpoint"
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        // A flipped bit in the last atom, and the file cut short. The file ends with the atoms, 4 bytes of child
        // number an atom, 8 bytes of id an atom, the table of block checksums (4 bytes a block, the count in 8, its
        // checksum in 4) and the file's 4-byte checksum; the count is read back to find the table's length.
        let blocks = good.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: good.count - 16, as: UInt64.self)) }
        #expect(
            blocks == (good.count - 16 - 4 * blocks - 73 + 4095) / 4096, "a block table, its blocks after the header")
        var flipped = good
        flipped[good.count - 16 - 4 * blocks - 60 * 8 - 60 * 4 - 30] ^= 0x10
        for damaged in [flipped, good.dropLast(3)] {
            try damaged.write(to: URL(fileURLWithPath: file))
            let (state, outcome) = try Checkpoint.replay(EventLog.open(path), save: false)
            #expect(outcome.resumedFrom == nil)
            #expect(figures(state) == expected)
        }
        try good.write(to: URL(fileURLWithPath: file))
        #expect(try Checkpoint.replay(EventLog.open(path), save: false).1.resumedFrom == 60)
    }
}
