import JourneyCore

/// What a record's `recording` is built from: the corrections, retractions and merges that count as known at one
/// time, and every child's atoms (to tell which merged record an event was written to).
///
/// Built once per `forEachRecord(asKnownAt:includingRecording:)` and only then, so metrics never pay for it.
struct RecordingContext: Sendable {
    /// Counting `corrects` and `event.retracted`, by the id hash of the event each drops.
    var drops: [UInt64: JourneyState.Drop]
    /// The counting `child.merged` of each merged record (the latest, if several).
    var merges: [ChildID: JourneyState.Merge]
    var state: JourneyState
    var streams: ChildStreams
    var cutoff: Int64
    var dropped: EventIDSet

    /// The recording of one child's record; `atoms` are the record's atoms (merged records' included, in log order).
    func recording(of child: ChildID, atoms: UnsafeBufferPointer<Atom>, mergedFrom: [ChildID]) -> ChildRecord.Recording
    {
        var recording = ChildRecord.Recording()
        recording.events.reserveCapacity(atoms.count)
        // Which merged record each event was written to, by its index in `mergedFrom`: only merged records need the
        // lookup.
        var streamOf: [UInt64: Int32] = [:]
        for (index, member) in mergedFrom.enumerated() {
            guard let n = state.childNumbers[ChildKey(member)] else { continue }
            for i in streams.atomIndices(of: n) { streamOf[state.atoms[Int(i)].position] = Int32(index) }
        }
        // The first atom of each id hash known by the cutoff: the replacement a correction names, built only for a
        // record with dropped events, so that looking one up is not a scan of every atom.
        var firstOfID: [UInt64: Atom]?
        for atom in atoms where atom.recorded <= cutoff {
            let counts = !dropped.contains(atom.id)
            recording.events.append(
                ChildRecord.RecordedEvent(
                    type: atom.type, occurred: atom.date, recorded: atom.recordedTimestamp, position: atom.position,
                    idHash: atom.id, key: atom.key, ref: atom.ref, contentHash: atom.contentHash,
                    counts: counts, mergedFrom: streamOf[atom.position]))
            // Only an event that does not count has a counting correction or retraction (each one `drops` holds drops
            // its event: `dropped` is made by the same rule), so the table is not looked in for the others, nearly
            // every event.
            guard !counts, let drop = drops[atom.id] else { continue }
            // A correction is an event of the same child and type (events.md); a retraction is not an atom. Looked for
            // only here, for the few events dropped.
            if firstOfID == nil {
                var first: [UInt64: Atom] = [:]
                for a in atoms where a.recorded <= cutoff && first[a.id] == nil { first[a.id] = a }
                firstOfID = first
            }
            let replacement = firstOfID![drop.source]
            recording.corrections.append(
                ChildRecord.Correction(
                    isRetraction: replacement == nil, position: drop.position,
                    recorded: drop.recorded == Int64.min ? nil : Timestamp(nanoseconds: drop.recorded),
                    occurred: replacement?.date, targetPosition: atom.position, targetType: atom.type,
                    targetOccurred: atom.date))
        }
        for member in mergedFrom {
            guard let merge = merges[member] else { continue }
            recording.merges.append(
                ChildRecord.MergedRecord(
                    child: member, position: merge.position,
                    recorded: merge.recorded == Int64.min ? nil : Timestamp(nanoseconds: merge.recorded)))
        }
        return recording
    }
}

extension JourneyState {
    func recordingContext(cutoff: Int64, dropped: EventIDSet, streams: ChildStreams) -> RecordingContext {
        // The same rule as `forEachRecord`: a naming event counts when recorded by the cutoff and not itself dropped.
        var counting: [UInt64: Drop] = [:]
        for drop in drops where drop.recorded <= cutoff && !dropped.contains(drop.source) {
            if let other = counting[drop.target], other.position > drop.position { continue }
            counting[drop.target] = drop
        }
        var merged: [ChildID: Merge] = [:]
        for merge in merges.sorted(by: { $0.position < $1.position })
        where merge.recorded <= cutoff && !dropped.contains(merge.source) {
            merged[merge.child] = merge
        }
        return RecordingContext(
            drops: counting, merges: merged, state: self, streams: streams, cutoff: cutoff, dropped: dropped)
    }

    /// Whether every event of the log is recorded at or before `time` (nanoseconds since 1970 UTC): its atoms, its
    /// corrections and retractions, and its merges. The log is then as known at `time` as it is now, and a record
    /// as known at that time is the record as known now.
    package func isEverythingRecorded(by time: Int64) -> Bool {
        atoms.allSatisfy { $0.recorded <= time } && drops.allSatisfy { $0.recorded <= time }
            && merges.allSatisfy { $0.recorded <= time }
    }

    /// The latest `occurred` date among the events recorded by `asKnownAt` (all when `nil`), corrected ones included;
    /// `nil` for an empty log. What "today" is for a report on a log, so that it never depends on the wall clock.
    public func latestOccurred(asKnownAt: Timestamp? = nil) -> CalendarDate? {
        let cutoff = asKnownAt?.nanoseconds ?? Int64.max
        var latest = Int32.min
        for atom in atoms where atom.recorded <= cutoff && atom.occurred > latest { latest = atom.occurred }
        return latest == Int32.min ? nil : CalendarDate(dayNumber: latest)
    }

    /// `latestOccurred()` among the events after `position` alone. A fold only ever adds events (a correction or a
    /// retraction takes none away from `latestOccurred()`, which counts them all), so the later of this and the
    /// date before the fold is the date after it: what a served log keeps up to date without reading every event of
    /// the log after each append. The atoms folded since the state's checkpoint, in log order, are read back from
    /// the last until one at `position` or before; those read from the checkpoint (child after child) only for a
    /// position before the checkpoint's, and then every one of them.
    public func latestOccurred(after position: UInt64) -> CalendarDate? {
        var latest = Int32.min
        for atom in atoms[checkpointed.atoms...].reversed() {
            guard atom.position > position else { break }
            if atom.occurred > latest { latest = atom.occurred }
        }
        if position < checkpointed.position {
            for atom in atoms[..<checkpointed.atoms] where atom.position > position && atom.occurred > latest {
                latest = atom.occurred
            }
        }
        return latest == Int32.min ? nil : CalendarDate(dayNumber: latest)
    }

    /// Whether any event after `position` is recorded at or before `time` (nanoseconds since 1970 UTC): an atom, a
    /// correction or retraction, or a merge; an event recorded at no time is known at every time. When none is, the
    /// log as known at `time` is what it was at `position`: a served pack's findings as known at a month's end
    /// carry over an append. The atoms are read as `latestOccurred(after:)` reads them.
    package func isAnythingRecorded(after position: UInt64, by time: Int64) -> Bool {
        for atom in atoms[checkpointed.atoms...].reversed() {
            guard atom.position > position else { break }
            if atom.recorded <= time { return true }
        }
        if position < checkpointed.position,
            atoms[..<checkpointed.atoms].contains(where: { $0.position > position && $0.recorded <= time })
        {
            return true
        }
        return drops.contains { $0.position > position && $0.recorded <= time }
            || merges.contains { $0.position > position && $0.recorded <= time }
    }
}

extension Atom {
    /// `recorded` as a timestamp; `nil` when the event had none.
    var recordedTimestamp: Timestamp? { recorded == Int64.min ? nil : Timestamp(nanoseconds: recorded) }

    /// The type, date and fields, hashed (`StableHash`, a word at a time): equal for two recordings of one fact.
    var contentHash: UInt64 {
        var h = StableHash()
        h.combine(UInt64(type.rawValue))
        h.combine(UInt64(UInt32(bitPattern: occurred)))
        h.combine(UInt64(a) | UInt64(b) << 8 | UInt64(c) << 16)
        h.combine(key)
        h.combine(ref)
        h.combine(extra)
        return h.value
    }
}
