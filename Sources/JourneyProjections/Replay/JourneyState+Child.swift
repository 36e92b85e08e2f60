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
        RecordResolution(self, asKnownAt: asKnownAt, includingRecording: includingRecording).record(of: child)
    }

    /// The id of the record that holds `child`'s events as known at `asKnownAt`: the child itself, or the record it
    /// was merged into; `nil` when the log holds nothing for it.
    public func recordID(containing child: ChildID, asKnownAt: Timestamp?) -> ChildID? {
        RecordResolution(self, asKnownAt: asKnownAt, includingRecording: false).recordID(containing: child)
    }
}
