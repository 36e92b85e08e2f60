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

    /// The numbers of `child` and of every child a merge joins it to, through any chain of merges.
    func childrenMerged(with child: ChildID) -> Set<Int> {
        var joined: [ChildID: [ChildID]] = [:]
        for merge in merges {
            joined[merge.child, default: []].append(merge.into)
            joined[merge.into, default: []].append(merge.child)
        }
        var seen: Set<ChildID> = [child]
        var pending = [child]
        while let next = pending.popLast() {
            for other in joined[next] ?? [] where seen.insert(other).inserted { pending.append(other) }
        }
        return Set(seen.compactMap { childNumbers[ChildKey($0)] })
    }
}
