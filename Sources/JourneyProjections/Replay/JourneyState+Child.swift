import JourneyCore

extension JourneyState {
    /// One child's record as known at `asKnownAt`, with its recording when asked for: what an investigation of a
    /// single child reads. The rules are `forEachRecord`'s, so a chronology and the figures never disagree.
    ///
    /// `nil` when the log holds nothing for that child as known then, or the child's record was merged into another
    /// (see `record(containing:asKnownAt:)`).
    ///
    /// Only that record is built: building every child's to keep one had taken a chronology on a 10M-event log seconds.
    public func record(of child: ChildID, asKnownAt: Timestamp?, includingRecording: Bool) -> ChildRecord? {
        // Built from the atoms of the child and of those a merge joins it to alone: grouping every child's atoms for
        // one record cost 50 ms at 10M events.
        RecordResolution(
            self, asKnownAt: asKnownAt, includingRecording: includingRecording,
            onlyChildren: childrenMerged(with: child)
        ).record(of: child)
    }

    /// The id of the record that holds `child`'s events as known at `asKnownAt`: the child itself, or the record it
    /// was merged into; `nil` when the log holds nothing for it.
    public func recordID(containing child: ChildID, asKnownAt: Timestamp?) -> ChildID? {
        // From the merges alone: no child's atoms are grouped.
        RecordResolution(self, asKnownAt: asKnownAt, includingRecording: false, onlyChildren: []).recordID(
            containing: child)
    }

    /// Calls `body` with the record (as known now, without its recording) of each of `children` the log holds a
    /// record for, each the id of a record (a child's own, or a merged one), in no particular order: what
    /// `record(of:asKnownAt:includingRecording:)` gives for each, built from the atoms of those children and of the
    /// children merged with them alone, gathered in one pass.
    package func forEachRecord(of children: Set<ChildID>, _ body: (ChildID, consuming ChildRecord) throws -> Void)
        rethrows
    {
        guard !children.isEmpty else { return }
        let resolution = RecordResolution(
            self, asKnownAt: nil, includingRecording: false, onlyChildren: childrenMerged(with: children))
        for child in children {
            if let record = resolution.record(of: child) { try body(child, record) }
        }
    }

    /// The numbers of `child` and of every child a merge joins it to, through any chain of merges.
    func childrenMerged(with child: ChildID) -> Set<Int> { childrenMerged(with: [child]) }

    /// The numbers of `children` and of every child a merge joins one of them to, through any chain of merges.
    func childrenMerged(with children: Set<ChildID>) -> Set<Int> {
        var joined: [ChildID: [ChildID]] = [:]
        for merge in merges {
            joined[merge.child, default: []].append(merge.into)
            joined[merge.into, default: []].append(merge.child)
        }
        var seen = children
        var pending = Array(children)
        while let next = pending.popLast() {
            for other in joined[next] ?? [] where seen.insert(other).inserted { pending.append(other) }
        }
        return Set(seen.compactMap { childNumbers[ChildKey($0)] })
    }
}
