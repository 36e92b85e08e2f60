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
        // Handed over, not copied: the fold grows the state's tables in place.
        var state = consume opened
        _ = try state.fold(log, after: part.end)
        let related = state.childrenMerged(with: child).filter { $0 < part.childCount }
        guard let (atoms, children) = part.atoms(of: related, roomAfter: state.atoms.count) else { return nil }
        state.insertCheckpointAtoms(consume atoms, children: consume children)
        return state
    }

    /// Puts `atoms` (with their children's numbers), read from the checkpoint this state was opened from in part
    /// (`CheckpointPart`), in front of the atoms folded since it. Each child's atoms must be all of its atoms in the
    /// checkpoint, in log order, child after child, as `CheckpointPart.atoms(of:parts:roomAfter:)` gives them.
    ///
    /// The state's atoms are appended to `atoms`, which a caller that hands them over (`consume`) with room for them
    /// lets this do without copying the earlier ones again.
    mutating func insertCheckpointAtoms(_ atoms: consuming [Atom], children: consuming [UInt32]) {
        // Read from the checkpoint, child after child: out of log order, in front of those folded since.
        let checkpointed = (atoms.count, atoms.lazy.map(\.position).max() ?? 0)
        atoms.append(contentsOf: self.atoms)
        children.append(contentsOf: atomChildren)
        self.atoms = atoms
        atomChildren = children
        self.checkpointed = checkpointed
    }
}
