import JourneyCore
import JourneyLog
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// What a state folded after its checkpoint, saved and put back onto the checkpoint read in part, is what folding
/// the events again gives; a tail of another checkpoint, or damaged, is refused.
struct StateTailTests {
    /// A log of a synthetic council with 5% defects, its checkpoint written after the first two thirds; then the
    /// rest appended, with a correction, retractions and a merge of old events.
    static func council() throws -> (log: EventLog, checkpointAtoms: Int) {
        let events = try SyntheticCouncil(
            SynthParameters(children: 200, from: d("2023-04-01"), to: d("2025-03-31"), seed: 9, defectRate: 0.05)
        ).events()
        let path = temporaryDirectory("journey-state-tail")
        let writer = try LogWriter.open(path)
        defer { writer.close() }
        let split = events.count * 2 / 3
        try writer.append(Array(events[..<split]))
        let (atCheckpoint, outcome) = try Checkpoint.replay(EventLog.open(path))
        #expect(outcome.saved)
        try writer.append(Array(events[split...]))
        try writer.append(oldRecordChanges(after: events, within: split))
        return (try EventLog.open(path), atCheckpoint.atoms.count)
    }

    /// The checkpoint loaded whole and the events after it folded on: what a full evaluation saves results from.
    static func folded(_ log: EventLog) throws -> JourneyState {
        let file = Checkpoint.file(in: try #require(log.cacheDirectory()))
        let loaded = try #require(Checkpoint.load(file, log: log))
        var state = loaded.state
        _ = try state.fold(log, after: loaded.cursor)
        return state
    }

    @Test func aTailPutBackIsTheFoldOfTheEventsAgain() throws {
        let (log, checkpointAtoms) = try Self.council()
        let replayed = try JourneyState(replaying: log)
        let folded = try Self.folded(log)
        #expect(folded.drops.count > 0 && folded.merges.count > 0)
        let tail = try #require(StateTail.bytes(of: folded))

        var (_, state) = try #require(CheckpointPart.open(log))
        #expect(state.position < replayed.position && state.atoms.isEmpty)
        try StateTail.apply(tail, to: &state, roomAfter: 64)
        // With room for the atoms of the events to be folded next.
        #expect(state.atoms.capacity >= state.atoms.count + 64)
        #expect(state.atomChildren.capacity >= state.atomChildren.count + 64)
        // Every table as a replay of the whole log has it, and the atoms those folded after the checkpoint: the
        // replay's own atoms after the checkpoint's, whose number the checkpoint was written with.
        #expect(state.position == replayed.position && state.eventCount == replayed.eventCount)
        #expect(state.childKeys == replayed.childKeys)
        for (a, b) in zip(state.strings.interners, replayed.strings.interners) { #expect(a.strings == b.strings) }
        #expect(state.strings.eventTexts == replayed.strings.eventTexts)
        #expect(state.drops == replayed.drops && state.merges == replayed.merges)
        #expect(state.atoms.count == replayed.atoms.count - checkpointAtoms)
        #expect(state.atoms == Array(replayed.atoms[checkpointAtoms...]))
        #expect(state.atomChildren == Array(replayed.atomChildren[checkpointAtoms...]))
        for child in [0, replayed.childCount - 1] { #expect(state.childNumbers[replayed.childKeys[child]] == child) }

        // A state read in part with the tail put back saves the same tail again.
        #expect(StateTail.bytes(of: state) == tail)
    }

    @Test func aStateAtItsCheckpointHasAnEmptyTail() throws {
        let (log, _) = try Self.council()
        var (_, state) = try #require(CheckpointPart.open(log))
        let before = (state.position, state.eventCount, state.childCount, state.drops.count)
        let tail = try #require(StateTail.bytes(of: state))
        try StateTail.apply(tail, to: &state)
        #expect(before == (state.position, state.eventCount, state.childCount, state.drops.count))
        #expect(state.atoms.isEmpty)
        #expect(StateTail.bytes(of: JourneyState()) == nil, "a state read from no checkpoint has no tail")
    }

    @Test func aTailOfAnotherStartOrDamagedIsRefused() throws {
        let (log, _) = try Self.council()
        let tail = try #require(StateTail.bytes(of: try Self.folded(log)))
        let opened = try #require(CheckpointPart.open(log)).state

        // Made from a checkpoint of one child more.
        var other = opened
        other.add(ChildKey(ChildID("not-in-the-log")))
        other.tailStart = StateTail.Start(other)
        #expect(throws: (any Error).self) { try StateTail.apply(tail, to: &other) }

        // Cut short anywhere, or with a byte of its atoms' children changed to a child the state does not have.
        for cut in [1, 17, tail.count / 2, tail.count - 1] {
            var state = opened
            #expect(throws: (any Error).self) { try StateTail.apply(Array(tail[..<cut]), to: &state) }
        }
        var damaged = tail
        damaged[damaged.count - 1] = 0xFF
        var state = opened
        #expect(throws: (any Error).self) { try StateTail.apply(damaged, to: &state) }
    }
}
