import JourneyCore
import JourneyLog

/// The folded state of a log: every child's history as atoms, plus the corrections, retractions and merges that
/// decide which atoms count. A pure fold: `apply` takes events in log order and needs no clock and no I/O.
///
/// The state does not depend on the reporting period or on "as known at": those are arguments of what reads it
/// (`forEachRecord(asKnownAt:includingRecording:)`, `metrics(_:asKnownAt:only:)`), so one replay (or one
/// checkpoint brought up to date) serves every period, every month of a series and any time.
public struct JourneyState: Sendable {
    /// Every child the log names, by number (the order they were first met in), with its key, which holds the id's
    /// bytes, so that a child met for the first time is filed without making its id's string (`childID(_:)` makes
    /// it when a record is built).
    var childNumbers = ChildNumbers()
    /// Every event of a child's history as an atom, in log order, and the number of the child whose stream it was
    /// written to. One flat array rather than one per child: the fold appends to the end of it, where a child's own
    /// array would be somewhere else in memory for each event. `ChildStreams` groups them when figures are wanted.
    /// The atoms read from a checkpoint come first, child after child, each child's in log order (`checkpointed`);
    /// those folded since follow in log order.
    var atoms: [Atom] = []
    var atomChildren: [UInt32] = []
    /// The number of atoms read from a checkpoint, at the front of `atoms`, and the position it was made at: none
    /// for a state replayed from the start.
    var checkpointed = (atoms: 0, position: UInt64(0))
    /// What the state held at the checkpoint it was read from or saved as, where what it folded since starts
    /// (`StateTail`): none for a state that is neither.
    var tailStart: StateTail.Start?
    /// `corrects` and `event.retracted`: the naming event's id and time, and the id it drops.
    var drops: [Drop] = []
    /// `child.merged`.
    var merges: [Merge] = []
    /// Teams, workers and wards, numbered.
    var strings = FoldedStrings()
    /// The position of the last event folded in.
    public internal(set) var position: UInt64 = 0
    public internal(set) var eventCount: UInt64 = 0

    struct Drop: Hashable, Sendable {
        var source: UInt64
        var target: UInt64
        var recorded: Int64
        var position: UInt64
    }

    struct Merge: Hashable, Sendable {
        var source: UInt64
        var child: ChildID
        var into: ChildID
        var recorded: Int64
        var position: UInt64
    }

    public init() {}

    /// Folds one stored event in. Events must come in position order.
    public mutating func apply(_ stored: StoredEvent) {
        // The fold reads events in their stored form, so that a log's replay and this take the same path.
        var w = BinaryWriter(capacity: 256)
        stored.event.write(binary: &w)
        let folded = w.bytes.withUnsafeBytes {
            try! FoldedEvent(position: stored.position, stored: $0, strings: &strings)
        }
        apply(folded)
    }

    /// Folds in the events of `log` after `cursor` (all of them when `nil`), and returns the cursor at its end.
    /// `progress` is told the number of events folded so far every 65,536 events or so.
    ///
    /// Events are read and decoded on a second thread, strings numbered there too, while this thread folds the
    /// chunk before (`EventStoreReader.replay(after:decoding:chunks:)`). Generic over the store, and specialized for
    /// the log folder where this module calls it with one (the checkpoint, the replay of a log folder).
    mutating func fold<Store: EventStoreReader>(
        _ log: Store, after cursor: Store.Cursor? = nil, progress: ((UInt64) -> Void)? = nil
    ) throws -> Store.Cursor {
        // The reading thread alone numbers strings while the replay runs; they come back when it has stopped.
        let reader = FoldedStringsOnReader(strings)
        strings = FoldedStrings()
        defer { strings = reader.strings }
        var n: UInt64 = 0
        return try log.replay(after: cursor, decoding: { try FoldedEvent($0, strings: &reader.strings) }) {
            (events: UnsafeBufferPointer<FoldedEvent>) in
            apply(events)
            let before = n
            n += UInt64(events.count)
            if n >> 16 != before >> 16 { progress?(n) }
        }
    }

    /// Folds a chunk of a replay in.
    ///
    /// The children are looked up first, all of them, then the events folded: the lookups are independent of one
    /// another, so the processor waits for their memory reads together, where one at a time each would wait
    /// alone (the table is tens of megabytes for a council; the lookups were a fifth of a replay's time).
    mutating func apply(_ chunk: UnsafeBufferPointer<FoldedEvent>) {
        let numbers = childNumbers.numbers(of: chunk)
        for i in chunk.indices { apply(chunk[i], number: Int(numbers[i])) }
    }

    /// Folds one event in; `number` is its child's number if known, else -1.
    mutating func apply(_ e: borrowing FoldedEvent, number: Int = -1) {
        position = e.atom.position
        eventCount += 1
        if e.corrects != 0 {
            drops.append(Drop(source: e.atom.id, target: e.corrects, recorded: e.atom.recorded, position: position))
        }
        switch e.kind {
        case .retraction:
            drops.append(
                Drop(source: e.atom.id, target: e.atom.retracted, recorded: e.atom.recorded, position: position))
        case .merge:
            merges.append(
                Merge(
                    source: e.atom.id, child: e.child.child, into: e.mergedInto, recorded: e.atom.recorded,
                    position: position))
        case .atom:
            // A child first met in this chunk is looked up again: its first event gave it a number.
            var n = number
            if n < 0 {
                let key = e.child
                n = childNumbers[key] ?? add(key)
            }
            atoms.append(e.atom)
            atomChildren.append(UInt32(truncatingIfNeeded: n))
        }
    }

    /// Gives a child not seen before its number.
    @discardableResult
    mutating func add(_ key: ChildKey) -> Int {
        childNumbers.append(key)
    }

    /// Each child's key, by number.
    var childKeys: [ChildKey] { childNumbers.keys }

    /// The number of children the log names.
    var childCount: Int { childNumbers.count }

    /// The id of child number `n`.
    func childID(_ n: Int) -> ChildID { childKeys[n].child }

    /// Makes room for `count` more events, so that a replay of a known number of events never copies the atoms
    /// to grow them.
    mutating func reserve(events count: Int) {
        atoms.reserveCapacity(atoms.count + count)
        atomChildren.reserveCapacity(atomChildren.count + count)
    }

    /// How many events' room a state of `events` events that will be folded onto again and again keeps (the
    /// service's): a sixteenth more, so that appends do not copy the atoms to grow them (half a gigabyte at 10M
    /// events, held twice for a moment).
    static func roomForAppends(after events: Int) -> Int { max(1 << 16, events / 16) }

    /// Makes room for appends (`roomForAppends`), and makes every table the fold adds to this state's own, copying
    /// those it shares with another state: for a state that will be folded onto again and again. A state read to be
    /// so (`Checkpoint.replay(_:roomForAppends:)`) has the atoms' room already, and they are not copied here.
    mutating func makeRoomForAppends() {
        reserve(events: Self.roomForAppends(after: atoms.count))
        childNumbers.makeUnique()
        drops.reserveCapacity(drops.count + 1024)
        merges.reserveCapacity(merges.count + 1024)
        strings.teams.makeUnique()
        strings.workers.makeUnique()
        strings.wards.makeUnique()
        strings.texts.makeUnique()
        strings.eventTexts.reserveCapacity(strings.eventTexts.count)
    }
}

extension JourneyState {
    /// Replays a whole log into a new state.
    public init(replaying log: EventLog, progress: ((UInt64) -> Void)? = nil) throws {
        self.init()
        reserve(events: Int(log.lastPosition))
        _ = try fold(log, progress: progress)
    }

    /// Replays a whole log kept in another store (PostgreSQL) into a new state: the same fold as a log folder's.
    public init(replaying store: some EventStoreReader, progress: ((UInt64) -> Void)? = nil) throws {
        self.init()
        reserve(events: Int(store.lastPosition))
        _ = try fold(store, progress: progress)
    }
}

/// The strings of a fold while a replay's reading thread numbers them: touched by that thread alone from the start
/// of the replay until it has stopped, which the replay waits for before it returns.
private final class FoldedStringsOnReader: @unchecked Sendable {
    /// Unchecked: one thread at a time, as above, so the run-time check of exclusive access (a tenth of the reading
    /// thread's time, taken for every event) finds nothing.
    @exclusivity(unchecked) var strings: FoldedStrings
    init(_ strings: FoldedStrings) { self.strings = strings }
}
