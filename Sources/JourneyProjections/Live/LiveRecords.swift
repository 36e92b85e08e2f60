import JourneyCore
import JourneyLog

/// A log's folded state and how its records stand, kept between appends: which records the events folded in since
/// the last update change, and each of them as it stood and as it stands. What live figures (`LiveMetrics`) and live
/// findings (`LiveChecks`) are kept up to date with.
///
/// A record changes when an event is added to one of its children, when a correction or retraction drops an event
/// of it or brings one back, and when a merge joins or parts it; a merged record changes whenever one of its
/// children does, and all of a merge's children are built again together, so that the records taken out and those
/// put back hold the same children.
///
/// Records are as known now (no "as known at"). The state is held here and grows in place: a caller that keeps its
/// own copy of the state it passed in makes the first append copy every atom.
package struct LiveRecords: Sendable {
    package private(set) var state: JourneyState
    /// How the records stood at the last update.
    var dropped: EventIDSet
    var merged: MergedRecords
    var streams: ChildStreams
    var dropCount: Int
    var mergeCount: Int
    /// The prints of the ids of the atoms held, made at the first update that folds in a correction or retraction
    /// and kept up to date from then on at each such update (`update`, `changes`).
    var atomIDs = AtomIDSieve()
    /// How many atoms appended since the streams were grouped are kept apart at least, before every atom is grouped
    /// again (or an eighth as many as the streams hold, if that is more: seven months of appends to a council of 10M
    /// events over five years).
    var streamsRegroupedAfter = 1 << 16
    /// Whether an update has been made: earlier atoms go in before (`insertEarlierAtoms`).
    private var isUpdated = false
    static let cutoff = Int64.max

    /// Takes `state` over: a caller that passes its last use of a state (`consume`) keeps no second copy of it.
    /// `roomForAppends`: for a state that will be folded onto again and again (the service's), room is made at once
    /// for a sixteenth more atoms, and the atoms' id prints are made (`atomIDs`); a caller that folds only the events
    /// already in the log, for which a checkpoint read has made room, asks for neither: room would copy the atoms
    /// into a larger array (half a gigabyte at 10M events, held twice for a moment).
    package init(_ state: consuming JourneyState, roomForAppends: Bool = true) {
        let dropped = RecordResolution.dropped(state, cutoff: Self.cutoff)
        self.merged = MergedRecords(copy state, cutoff: Self.cutoff, dropped: dropped)
        self.streams = ChildStreams(atomChildren: state.atomChildren, childCount: state.childCount)
        self.dropped = dropped
        self.dropCount = state.drops.count
        self.mergeCount = state.merges.count
        self.state = consume state
        // Room for appends: a state read from a checkpoint or a replay holds exactly its atoms, and the first atom
        // more would copy them all (half a gigabyte at 10M events) into an array twice the size. (`self.state`
        // alone from here: a caller that hands its state over must not have it kept alive, and copied, by a read of
        // `state`.)
        if roomForAppends {
            self.state.makeRoomForAppends()
            // The atoms' id prints too, with the full evaluation this starts with, rather than at the first update
            // that folds in a correction or retraction: a pass over every atom (30-40 ms at 10M events) that would
            // otherwise fall on one update of the many to come.
            atomIDs.extend(to: streams.atomCount, from: self.state.atoms)
        }
    }

    /// `JourneyState.reduceRecords` over the records as they stand at the last update.
    package func reduceRecords<Partial: Sendable>(
        includingRecording: Bool = false, parts: Int = 16, initial: @Sendable () -> Partial,
        add: @Sendable (inout Partial, consuming ChildRecord) -> Void, merge: (inout Partial, Partial) -> Void
    ) -> Partial {
        RecordResolution(
            state, cutoff: Self.cutoff, dropped: dropped, merged: merged, streams: streams,
            includingRecording: includingRecording
        ).reduceRecords(parts: parts, initial: initial, add: add, merge: merge)
    }

    /// The same, with the fold an update takes (`update`): every record is new to it.
    package func reduceRecords<Partial: Sendable>(
        includingRecording: Bool = false, parts: Int = 16, _ fold: RecordFold<Partial>
    ) -> Partial {
        reduceRecords(
            includingRecording: includingRecording, parts: parts, initial: fold.initial,
            add: { fold.add(&$0, $1, true) }, merge: fold.merge)
    }

    /// Puts `atoms` (with their children's numbers), atoms from before those of the state this was made from, in
    /// front of them. For a state read in part (`CheckpointPart`), holding only the atoms of the events after its
    /// checkpoint: the events folded since this was made tell which children's records change (`changes`), and only
    /// those children's atoms are read. Each child's atoms must be all of its atoms before the state's, in log order;
    /// no update may have been made yet.
    ///
    /// The atoms go in as `JourneyState.insertCheckpointAtoms` puts them.
    mutating func insertEarlierAtoms(_ atoms: consuming [Atom], children: consuming [UInt32]) {
        // Cannot fail on input: the one caller (`SavedResults.resume`) makes the records, folds the events after
        // them and calls this, with no update in between.
        precondition(!isUpdated, "earlier atoms go in before the first update only")
        // The streams held the state's atoms up to the last update (none, or those of the events between the
        // checkpoint and saved results): now the earlier atoms and those.
        let held = children.count + streams.atomCount
        state.insertCheckpointAtoms(consume atoms, children: consume children)
        streams = ChildStreams(
            atomChildren: Array(state.atomChildren[..<held]), childCount: merged.childCount)
        atomIDs = AtomIDSieve()
    }

    /// The numbers of the children of the atoms held at the last update (or since this was made) whose ids are in
    /// `ids`, each atom's id compared: for the few atoms of a state read in part (`SavedResults.resume`).
    func childrenOfHeldAtoms(_ ids: EventIDSet) -> Set<Int> {
        AtomIDSieve().children(
            ofAtomsWithIDs: ids, atoms: state.atoms, atomChildren: state.atomChildren, before: streams.atomCount)
    }

    /// Folds in `events`, which must follow the state's last position; `update` then tells what they changed.
    package mutating func apply(_ events: [StoredEvent]) {
        for event in events { state.apply(event) }
    }

    /// Folds in the events of `log` after `cursor`; returns the cursor at the log's end and the number of events
    /// folded.
    package mutating func fold<Store: EventStoreReader>(_ log: Store, after cursor: Store.Cursor?) throws -> (
        Store.Cursor, Int
    ) {
        let before = state.eventCount
        let end = try state.fold(log, after: cursor)
        return (end, Int(state.eventCount - before))
    }

    /// The records the events folded in since the last update change, and those named in `remaking` (by record id)
    /// whether they change or not: `removing` is called with the id of each as it stood and whether the events
    /// changed it, then the records as they stand are folded on all cores by `adding`, as `reduceRecords` folds
    /// every record. A day that the findings are judged on again can check ten thousand records.
    package mutating func update<Partial: Sendable>(
        includingRecording: Bool = false, remaking: some Sequence<ChildID> = [], parts: Int = 8,
        removing: (ChildID, _ changedByEvents: Bool) -> Void, adding: RecordFold<Partial>
    ) -> Partial {
        let (new, added, _) = takingOut(includingRecording: includingRecording, remaking: remaking) { _, records in
            for record in records { removing(record.id, record.changedByEvents) }
        }
        return Self.fold(added, of: new, parts: parts, adding)
    }

    /// The same, with the records the events change also folded as they stood (without their recording: the
    /// corrections then are not kept), by `taking`, in the same way: what a fold of every record must take out.
    /// A record named in `remaking` whose events did not change is the same as it stood and as it stands: it is
    /// not folded as it stood, and `adding` is told so. Returns each value with the number of records folded into
    /// it.
    package mutating func update<Removed: Sendable, Partial: Sendable>(
        includingRecording: Bool = false, remaking: some Sequence<ChildID> = [], parts: Int = 8,
        removing: (ChildID, _ changedByEvents: Bool) -> Void = { _, _ in }, taking: RecordFold<Removed>,
        adding: RecordFold<Partial>
    ) -> (removed: (value: Removed, records: Int), added: (value: Partial, records: Int)) {
        let (new, added, removed) = takingOut(includingRecording: includingRecording, remaking: remaking) {
            old, records in
            for record in records { removing(record.id, record.changedByEvents) }
            let changed = records.filter(\.changedByEvents)
            return (Self.fold(changed.map { ($0.record, true) }, of: old, parts: parts, taking), changed.count)
        }
        return (removed, (Self.fold(added, of: new, parts: parts, adding), added.count))
    }

    /// `records` as `resolution` builds them, folded on all cores: cut into `parts` runs in order, each folded into a
    /// value of its own, made by `fold.initial`, and the values merged in part order.
    private static func fold<Partial: Sendable>(
        _ records: [(record: Added, changedByEvents: Bool)], of resolution: RecordResolution, parts: Int,
        _ fold: RecordFold<Partial>
    ) -> Partial {
        foldInRuns(
            count: records.count, parts: parts, initial: fold.initial,
            add: { fold.add(&$0, resolution.record(records[$1].record), records[$1].changedByEvents) },
            merge: fold.merge)
    }

    /// A record to build, as it stood or as it stands: a child's own, or a merged one.
    enum Added: Sendable {
        case child(Int)
        case group(Int)
    }

    /// The first half of an update: finds the records that change, calls `removing` with the resolution that builds
    /// them as they stood and those records, in order, and moves the records on to how they stand. Returns the
    /// resolution that builds them so, those to add, in order, and what `removing` returned. Each record comes with
    /// whether the events changed it (or only `remaking` named it).
    private mutating func takingOut<Removed>(
        includingRecording: Bool, remaking: some Sequence<ChildID>,
        removing: (RecordResolution, [(id: ChildID, record: Added, changedByEvents: Bool)]) -> Removed
    ) -> (RecordResolution, [(record: Added, changedByEvents: Bool)], Removed) {
        let cutoff = Self.cutoff
        isUpdated = true
        // The atoms a correction or retraction may name are those the streams held at the last update.
        if state.drops.count != dropCount { atomIDs.extend(to: streams.atomCount, from: state.atoms) }
        let changes = self.changes(remaking: remaking)
        let ordered = changes.children

        // Out with the old: the records as they stood, from the atoms the streams held then.
        let oldChildCount = merged.childCount
        let old = RecordResolution(state, cutoff: cutoff, dropped: dropped, merged: merged, streams: streams)
        var taken: [(id: ChildID, record: Added, changedByEvents: Bool)] = []
        for n in ordered where n < oldChildCount && merged.isOwnRecord(n) {
            taken.append((state.childID(n), .child(n), changes.byEvents?.children.contains(n) ?? true))
        }
        for g in changes.oldGroups {
            taken.append((merged.groups[g].target, .group(g), changes.byEvents?.oldGroups.contains(g) ?? true))
        }
        let removed = removing(old, taken)

        // In with the new. The atoms appended since the streams were grouped are kept apart, by child, until they
        // are many: then every atom is grouped again, once (for a service, after months of appends), so that what
        // is kept apart does not grow with the service's uptime, nor each record built gather from both.
        streams.append(state.atomChildren)
        if streams.appendedCount > max(streamsRegroupedAfter, streams.atomCount / 8) {
            streams = ChildStreams(atomChildren: state.atomChildren, childCount: state.childCount)
        }
        let new = RecordResolution(
            state, cutoff: cutoff, dropped: changes.dropped, merged: changes.merged, streams: streams,
            includingRecording: includingRecording)
        let added =
            ordered.filter { changes.merged.isOwnRecord($0) }.map {
                (Added.child($0), changes.byEvents?.children.contains($0) ?? true)
            } + changes.newGroups.map { (Added.group($0), changes.byEvents?.newGroups.contains($0) ?? true) }
        dropped = changes.dropped
        merged = changes.merged
        dropCount = state.drops.count
        mergeCount = state.merges.count
        return (new, added, removed)
    }

    /// What the events folded in since the last update change, and how records stand after them.
    struct Changes {
        /// The numbers of the children whose records change, in order.
        var children: [Int]
        /// The merged records that hold them, as they stood (indices in the old `merged.groups`) and as they stand.
        var oldGroups: [Int]
        var newGroups: [Int]
        var dropped: EventIDSet
        var merged: MergedRecords
        /// Those of them the events change, when records were named in `remaking`: the rest are the same as they
        /// stood and as they stand. `nil` when every one changes.
        var byEvents: (children: Set<Int>, oldGroups: Set<Int>, newGroups: Set<Int>)?
    }

    /// The children whose records the events folded in since the last update change: those with new events; those
    /// with an event dropped or brought back, or (for the recording) named by a new correction or retraction, or by
    /// one that now counts or no longer does; those a merge joins, parts or states again; and the children of the
    /// records named in `remaking`; with every other child of a merged record one of them is in.
    ///
    /// `childrenOfOldAtoms` finds the children of the atoms folded in before the last update that have one of the
    /// given ids: by default among the atoms held; a state that holds only some (`CheckpointPart`) finds them
    /// elsewhere.
    func changes(
        remaking: some Sequence<ChildID> = [], childrenOfOldAtoms: ((EventIDSet) throws -> Set<Int>)? = nil
    ) rethrows -> Changes {
        let cutoff = Self.cutoff
        let oldAtomCount = streams.atomCount
        let dropsChanged = state.drops.count != dropCount
        let newDropped = dropsChanged ? RecordResolution.dropped(state, cutoff: cutoff) : dropped
        // With no merge folded in and no change to which corrections and retractions count, the merges that count
        // are those that counted: only the children met since are new to them.
        let mergesChanged = dropsChanged || state.merges.count != mergeCount
        let newMerged =
            mergesChanged
            ? MergedRecords(state, cutoff: cutoff, dropped: newDropped) : merged.admittingChildren(of: state)

        var changed = Set(state.atomChildren[oldAtomCount...].map(Int.init))
        func mark(_ children: ChildID...) {
            for child in children {
                if let n = state.childNumbers[ChildKey(child)] { changed.insert(n) }
            }
        }
        if dropsChanged {
            let flipped = Set(newDropped.ids).symmetricDifference(dropped.ids)
            var named = EventIDSet()
            for id in flipped { named.insert(id) }
            for drop in state.drops[dropCount...] { named.insert(drop.target) }
            for drop in state.drops where flipped.contains(drop.source) { named.insert(drop.target) }
            changed.formUnion(try childrenOfOldAtoms?(named) ?? childrenOfAtoms(named, before: oldAtomCount))
            for merge in state.merges where flipped.contains(merge.source) { mark(merge.child, merge.into) }
        }
        for merge in state.merges[mergeCount...] { mark(merge.child, merge.into) }
        // A merge that now counts, no longer does, or points elsewhere: its child and both children it pointed to
        // (the records of the rest of its chain are found through the merged records that hold them, below).
        if mergesChanged {
            for (source, into) in [merged.mergedInto, newMerged.mergedInto].joined()
            where merged.mergedInto[source] != newMerged.mergedInto[source] {
                mark(source, into)
            }
        }
        var groups = groupsTouching(&changed, merged: merged, and: newMerged)
        // The records named in `remaking` after those the events change, so that each can be told apart. A merged
        // record is named by its target, whose merged record takes in the rest.
        var byEvents: (children: Set<Int>, oldGroups: Set<Int>, newGroups: Set<Int>)?
        var remade = false
        for record in remaking {
            if !remade { byEvents = (changed, Set(groups.old), Set(groups.new)) }
            remade = true
            mark(record)
        }
        if remade { groups = groupsTouching(&changed, merged: merged, and: newMerged) }
        return Changes(
            children: changed.sorted(), oldGroups: groups.old, newGroups: groups.new, dropped: newDropped,
            merged: newMerged, byEvents: byEvents)
    }

    /// The numbers of the children of the first `count` atoms whose ids are in `ids`, asked only when corrections
    /// or retractions were appended: by the atoms' id prints (`update` makes them first).
    private func childrenOfAtoms(_ ids: EventIDSet, before count: Int) -> Set<Int> {
        atomIDs.children(ofAtomsWithIDs: ids, atoms: state.atoms, atomChildren: state.atomChildren, before: count)
    }

    /// Widens `changed` to every child of a merged record (as it stood, or as it stands) that holds one of them,
    /// until no record is left half in; returns the indices of those records in `merged.groups` and in
    /// `newMerged.groups`.
    private func groupsTouching(_ changed: inout Set<Int>, merged: MergedRecords, and newMerged: MergedRecords) -> (
        old: [Int], new: [Int]
    ) {
        var oldTouched = Set<Int>()
        var newTouched = Set<Int>()
        var pending = Array(changed)
        func widen(_ n: Int, _ records: MergedRecords, _ touched: inout Set<Int>) {
            guard let g = records.group(ofChild: n, in: state), touched.insert(g).inserted else { return }
            for m in records.memberNumbers[g] where changed.insert(m).inserted { pending.append(m) }
        }
        while let n = pending.popLast() {
            widen(n, merged, &oldTouched)
            widen(n, newMerged, &newTouched)
        }
        return (oldTouched.sorted(), newTouched.sorted())
    }
}

/// What bringing live results up to date did (`LiveMetrics`, `LiveChecks`).
public struct LiveUpdate: Sendable, Equatable {
    /// Events folded in.
    public var events: Int
    /// Records whose results were taken out, and records evaluated again (a merge can make them differ).
    public var recordsRemoved: Int
    public var recordsAdded: Int

    public init(events: Int, recordsRemoved: Int, recordsAdded: Int) {
        self.events = events
        self.recordsRemoved = recordsRemoved
        self.recordsAdded = recordsAdded
    }
}

extension RecordResolution {
    /// The record `added` names, as this resolution builds it.
    fileprivate func record(_ added: LiveRecords.Added) -> ChildRecord {
        switch added {
        case .child(let n): record(ofChild: n)
        case .group(let g): mergedRecord(g)
        }
    }
}
