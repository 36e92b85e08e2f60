import JourneyCore
import JourneyLog

extension JourneyState {
    /// The state of `log` as it stands, holding the atoms of `child` and of every child a merge joins it to
    /// (directly or through others, counting or not, at any time) and no others: what one record needs, as known at
    /// any time (`record(of:asKnownAt:includingRecording:)`, `recordID(containing:asKnownAt:)`), read from the
    /// checkpoint in part (`CheckpointPart`) with the events after it folded on. A chronology of a 10M-event log
    /// had read the whole checkpoint (800 MB) for one child's atoms.
    ///
    /// Everything but the atoms is whole: the strings, corrections, retractions, merges and children. So every
    /// record built from it of those children is the one the whole state builds; others are not, and no figure may
    /// be made from it.
    ///
    /// `nil` when the log has no checkpoint that fits, a piece of it is not as written, or the events after it are
    /// enough to save it again (`Checkpoint.isWorthSaving`): the caller replays from the checkpoint then, which
    /// saves it again.
    package static func forRecord(of child: ChildID, in log: EventLog) throws -> JourneyState? {
        guard let (part, opened) = CheckpointPart.open(log),
            !Checkpoint.isWorthSaving(folded: log.lastPosition - min(log.lastPosition, opened.position), of: opened)
        else { return nil }
        // Handed over, not copied, as `SavedResults.resume` does: the fold grows the state's tables in place.
        var records = LiveRecords(consume opened, roomForAppends: false)
        _ = try records.fold(log, after: part.end)
        let related = records.state.childrenMerged(with: child).filter { $0 < part.childCount }
        guard let (atoms, children) = part.atoms(of: related, roomAfter: records.state.atoms.count) else { return nil }
        records.insertEarlierAtoms(consume atoms, children: consume children)
        return records.state
    }
}
