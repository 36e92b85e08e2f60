import JourneyCore

extension JourneyState {
    /// Calls `body` with every child's record as known at `asKnownAt` (everything when `nil`).
    ///
    /// This is where the metric conventions on corrections, retractions, merges and "as known at" are applied, once,
    /// for every projection (metrics.md, conventions):
    /// - only events recorded at or before `asKnownAt` count;
    /// - an event named by a counting `corrects` or `event.retracted` is dropped. Naming events are resolved from the
    ///   last to the first, so a retracted correction drops nothing and the event it would have replaced counts;
    /// - after `child.merged` from A into B, every event of A counts as B's (chains followed, cycles broken).
    ///
    /// Children come in no particular order; every consumer must be independent of it.
    ///
    /// With `includingRecording`, each record also carries how its events were recorded (`ChildRecord.recording`:
    /// every event with its times and whether it counts, the corrections and the merges), for the data-quality
    /// checks; metrics leave it off and pay nothing for it.
    public func forEachRecord(
        asKnownAt: Timestamp? = nil, includingRecording: Bool = false, _ body: (ChildRecord) throws -> Void
    ) rethrows {
        let resolution = RecordResolution(self, asKnownAt: asKnownAt, includingRecording: includingRecording)
        try resolution.forEachRecord(inChildren: 0..<childCount, body)
        try resolution.forEachMergedRecord(body)
    }

    /// The record of one child (after merges), or `nil` if the log holds nothing for it.
    public func record(of child: ChildID, asKnownAt: Timestamp? = nil) -> ChildRecord? {
        record(of: child, asKnownAt: asKnownAt, includingRecording: false)
    }
}

/// What every child's record is built from, worked out once for a time "as known at": which events are dropped,
/// which records are merged, and each child's atoms grouped. Building records from it only reads it, so the
/// children can be shared out between threads (`JourneyState.reduceRecords`).
struct RecordResolution: Sendable {
    let state: JourneyState
    let builder: RecordBuilder
    let streams: ChildStreams
    let merged: MergedRecords

    /// The resolution as known at `asKnownAt`; with `onlyChildren` (children's numbers), one whose streams hold the
    /// atoms of those children alone, which builds their records and no others (`record(of:)` for one record).
    init(_ state: JourneyState, asKnownAt: Timestamp?, includingRecording: Bool, onlyChildren: Set<Int>? = nil) {
        let cutoff = asKnownAt?.nanoseconds ?? Int64.max
        let dropped = Self.dropped(state, cutoff: cutoff)
        self.init(
            state, cutoff: cutoff, dropped: dropped, merged: MergedRecords(state, cutoff: cutoff, dropped: dropped),
            streams: onlyChildren.map { ChildStreams(atomChildren: state.atomChildren, only: $0) }
                ?? ChildStreams(atomChildren: state.atomChildren, childCount: state.childCount),
            includingRecording: includingRecording)
    }

    /// A resolution from its parts, worked out already: what `LiveMetrics` keeps between appends.
    init(
        _ state: JourneyState, cutoff: Int64, dropped: EventIDSet, merged: MergedRecords, streams: ChildStreams,
        includingRecording: Bool = false
    ) {
        var builder = RecordBuilder(strings: state.strings, cutoff: cutoff, dropped: dropped)
        if includingRecording {
            builder.recording = state.recordingContext(cutoff: cutoff, dropped: dropped, streams: streams)
        }
        self.state = state
        self.builder = builder
        self.streams = streams
        self.merged = merged
    }

    /// The events dropped by corrections and retractions recorded by `cutoff`. Naming events are resolved from the
    /// last to the first, so a retracted correction drops nothing.
    static func dropped(_ state: JourneyState, cutoff: Int64) -> EventIDSet {
        var dropped = EventIDSet()
        for drop in state.drops.sorted(by: { $0.position > $1.position }) where drop.recorded <= cutoff {
            if !dropped.contains(drop.source) { dropped.insert(drop.target) }
        }
        return dropped
    }

    /// Calls `body` with the record of each child numbered in `children` who is their own record, in that order.
    ///
    /// The children's atoms are gathered a run of children at a time (`ChildStreams.atoms(ofChildren:from:)`):
    /// the atoms of a child lie all over the log, so each read waits for memory, and gathered one child at a time the
    /// last reads of each child were waited for before the next child's began.
    func forEachRecord(inChildren children: Range<Int>, _ body: (consuming ChildRecord) throws -> Void) rethrows {
        var first = children.lowerBound
        // Children met since the streams were grouped, or atoms appended since, are left to `record(ofChild:)`.
        let grouped = streams.isGroupedOnly ? max(first, min(children.upperBound, streams.groupedChildCount)) : first
        while first < grouped {
            let run = first..<min(first + Self.childrenGatheredAtOnce, grouped)
            let atoms = streams.atoms(ofChildren: run, from: state.atoms)
            let base = streams.start(of: run.lowerBound)
            try atoms.withUnsafeBufferPointer { atoms in
                for n in run where merged.isOwnRecord(n) {
                    let own = atoms[(streams.start(of: n) - base)..<(streams.start(of: n + 1) - base)]
                    try body(
                        builder.record(state.childID(n), atoms: UnsafeBufferPointer(rebasing: own), mergedFrom: []))
                }
            }
            first = run.upperBound
        }
        for n in first..<children.upperBound where merged.isOwnRecord(n) { try body(record(ofChild: n)) }
    }

    /// Children whose atoms are gathered in one loop: a few hundred atoms, tens of kilobytes.
    static let childrenGatheredAtOnce = 16

    /// The record `forEachRecord` or `forEachMergedRecord` gives for `child`, built alone: `nil` when there is none
    /// (a child the log does not know, or one merged into another).
    func record(of child: ChildID) -> ChildRecord? {
        if let n = state.childNumbers[ChildKey(child)], merged.isOwnRecord(n) { return record(ofChild: n) }
        return merged.groups.firstIndex { $0.target == child }.map(mergedRecord)
    }

    /// The id of the record that holds `child`'s events: the child's own, or that of the merged record it is in.
    func recordID(containing child: ChildID) -> ChildID? {
        if let n = state.childNumbers[ChildKey(child)], merged.isOwnRecord(n) { return child }
        return merged.groups.first { $0.target == child || $0.members.contains(child) }?.target
    }

    /// The record of child n, who is their own record.
    func record(ofChild n: Int) -> ChildRecord {
        builder.record(state.childID(n), atoms: streams.atoms(of: n, from: state.atoms), mergedFrom: [])
    }

    /// Calls `body` with each merged record.
    func forEachMergedRecord(_ body: (consuming ChildRecord) throws -> Void) rethrows {
        for group in merged.groups.indices { try body(mergedRecord(group)) }
    }

    /// The merged record of `merged.groups[group]`.
    func mergedRecord(_ group: Int) -> ChildRecord {
        let (target, members) = merged.groups[group]
        var atoms: [Atom] = []
        for m in members {
            guard let n = state.childNumbers[ChildKey(m)] else { continue }
            // Ids are unique within a child (events.md), not across children: a merged record's R1 is not the
            // R1 of the record it joins, so its ids are kept apart.
            let scope = m == target ? 0 : m.stableHash
            atoms += streams.atoms(of: n, from: state.atoms).map { $0.scoped(scope) }
        }
        atoms.sort { $0.position < $1.position }
        return builder.record(target, atoms: atoms, mergedFrom: members.filter { $0 != target }.sorted())
    }
}

/// Which children's records are merged, as known at a time: the merges recorded by then and not dropped.
struct MergedRecords: Sendable {
    /// `child.merged` from each child into another, as it stands.
    let mergedInto: [ChildID: ChildID]
    /// Merged records: the child each ends up as, and every child whose events it holds.
    let groups: [(target: ChildID, members: [ChildID])]
    /// For each child, by number, the index in `groups` of the merged record that holds it, or -1 for a child who is
    /// their own record: not merged into another, and with no other merged into them.
    private var groupOfChild: [Int32]
    /// The numbers of each merged record's children: those with a number, since a child a merge names has none until
    /// its first event. So that an update finds every child of the records its children are in without looking
    /// each child up by id (`LiveRecords.changes`).
    private(set) var memberNumbers: [[Int]]
    /// The index in `groups` of the record that holds each child a merged record holds.
    private let groupOfMember: [ChildID: Int]

    init(_ state: JourneyState, cutoff: Int64, dropped: EventIDSet) {
        var mergedInto: [ChildID: ChildID] = [:]
        for merge in state.merges.sorted(by: { $0.position < $1.position })
        where merge.recorded <= cutoff && !dropped.contains(merge.source) {
            mergedInto[merge.child] = merge.into
        }
        let finalID = Self.finalIDs(mergedInto)
        // Only merged records need grouping: every other child is its own record. Each merged child joins the group
        // of the child it ends up as; that child's own events join it too, unless it is itself merged away.
        var members: [ChildID: [ChildID]] = [:]
        for source in mergedInto.keys { members[finalID[source]!, default: []].append(source) }
        for target in members.keys where mergedInto[target] == nil { members[target]!.append(target) }
        self.mergedInto = mergedInto
        self.groups = members.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
        var groupOfMember: [ChildID: Int] = [:]
        for (g, group) in groups.enumerated() {
            for member in group.members { groupOfMember[member] = g }
        }
        // By each member's number, not each child's id: a full evaluation makes this for hundreds of thousands of
        // children, a few of them merged.
        var groupOfChild = [Int32](repeating: -1, count: state.childCount)
        var memberNumbers = [[Int]](repeating: [], count: groups.count)
        for (member, g) in groupOfMember {
            guard let n = state.childNumbers[ChildKey(member)] else { continue }
            groupOfChild[n] = Int32(g)
            memberNumbers[g].append(n)
        }
        self.groupOfMember = groupOfMember
        self.groupOfChild = groupOfChild
        self.memberNumbers = memberNumbers
    }

    /// The number of children this knows the records of: those the state it was made from, or last admitted from,
    /// numbered.
    var childCount: Int { groupOfChild.count }

    /// Whether child n is their own record: not merged into another, and with no other merged into them.
    func isOwnRecord(_ n: Int) -> Bool { groupOfChild[n] < 0 }

    /// The index in `groups` of the merged record that holds child n, who is numbered in `state`, or `nil`. A child
    /// numbered since this was made is looked up by id.
    func group(ofChild n: Int, in state: JourneyState) -> Int? {
        if n < groupOfChild.count { return groupOfChild[n] < 0 ? nil : Int(groupOfChild[n]) }
        return groupOfMember[state.childID(n)]
    }

    /// The same merged records, knowing the children numbered in `state` since: what a new `MergedRecords` of
    /// `state` is when no merge has been folded in and no correction or retraction has changed which count.
    func admittingChildren(of state: JourneyState) -> MergedRecords {
        var admitted = self
        admitted.admitChildren(of: state)
        return admitted
    }

    /// Places the children numbered in `state` after those placed already: a day's new children, each looked up by
    /// id.
    private mutating func admitChildren(of state: JourneyState) {
        let first = groupOfChild.count
        // None met since: nothing to copy.
        guard first < state.childCount else { return }
        groupOfChild.reserveCapacity(state.childCount)
        for n in first..<state.childCount {
            if let g = groupOfMember[state.childID(n)] {
                groupOfChild.append(Int32(g))
                memberNumbers[g].append(n)
            } else {
                groupOfChild.append(-1)
            }
        }
    }

    /// The child each merged child ends up as: its `into` followed to a child that is not merged, or, where the
    /// merges make a cycle, to the last child before the walk would come back to one already passed (the cycle is
    /// broken there).
    ///
    /// Worked out in one walk over each chain rather than a walk from every child (a chain of n merges once took n²
    /// steps): a child outside a cycle ends up where the child it was merged into ends up, and a child in a cycle
    /// ends up as the child before it in the cycle, the last new one its own walk reaches.
    static func finalIDs(_ mergedInto: [ChildID: ChildID]) -> [ChildID: ChildID] {
        var final: [ChildID: ChildID] = [:]
        final.reserveCapacity(mergedInto.count)
        for start in mergedInto.keys where final[start] == nil {
            // Walk until a child already resolved, a child not merged, or a child on this walk (a cycle).
            var path: [ChildID] = []
            var onPath: [ChildID: Int] = [:]
            var current = start
            var resolved: ChildID?
            while true {
                if let known = final[current] {
                    resolved = known
                    break
                }
                guard let next = mergedInto[current] else {
                    resolved = current  // not merged: the end of the chain
                    break
                }
                if let entry = onPath[current] {
                    // path[entry...] is a cycle: each of its children ends up as the one before it in the cycle.
                    let cycle = path[entry...]
                    var previous = cycle.last!
                    for child in cycle {
                        final[child] = previous
                        previous = child
                    }
                    path.removeSubrange(entry...)
                    resolved = nil
                    break
                }
                onPath[current] = path.count
                path.append(current)
                current = next
            }
            // The children before the end (or before the cycle) end up where the child each was merged into does.
            for child in path.reversed() {
                let next = mergedInto[child]!
                final[child] = final[next] ?? resolved ?? next
            }
        }
        return final
    }
}

extension Atom {
    /// The atom with its ids (`key`, `ref`) made distinct for the child record it came from; `scope` 0 leaves it.
    func scoped(_ scope: UInt64) -> Atom {
        guard scope != 0, holdsIDs else { return self }
        var atom = self
        if atom.key != 0 { atom.key = (atom.key ^ scope) | 1 }
        if atom.ref != 0 { atom.ref = (atom.ref ^ scope) | 1 }
        return atom
    }
}
