import JourneyCore

extension JourneyState {
    /// One child's record as known at `asKnownAt`, with its recording when asked for: what an investigation of a
    /// single child reads. The rules are `forEachRecord`'s, so a chronology and the figures never disagree.
    ///
    /// `nil` when the log holds nothing for that child as known then, or the child's record was merged into another
    /// (see `record(containing:asKnownAt:)`).
    public func record(of child: ChildID, asKnownAt: Timestamp?, includingRecording: Bool) -> ChildRecord? {
        var found: ChildRecord?
        forEachRecord(asKnownAt: asKnownAt, includingRecording: includingRecording) {
            if $0.id == child { found = $0 }
        }
        return found
    }

    /// The id of the record that holds `child`'s events as known at `asKnownAt`: the child itself, or the record it
    /// was merged into; `nil` when the log holds nothing for it.
    public func recordID(containing child: ChildID, asKnownAt: Timestamp?) -> ChildID? {
        var found: ChildID?
        forEachRecord(asKnownAt: asKnownAt) { r in
            if r.id == child || r.mergedFrom.contains(child) { found = r.id }
        }
        return found
    }
}
