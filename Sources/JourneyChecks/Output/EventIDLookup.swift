import JourneyCore
import JourneyLog

/// Looks up the ids of the events at given log positions, to name them in a report.
///
/// The replayed state keeps each event's position and a hash of its id, not the id itself (atoms hold numbers only,
/// so that checkpoints stay a copy of memory); a report names events by id, so the ids of the events findings cite
/// are read back: for a log directory from an index of every id kept in its cache folder (`EventIDIndex`, brought up
/// to date like the checkpoint), for a JSON Lines file by reading it again and parsing only the lines wanted.
/// Nothing is read when there are no findings.
public enum EventIDLookup {
    /// The ids of the events at `positions` in the log directory or JSON Lines file at `path` (positions in a file
    /// are its non-blank lines, counted from 1, as `JourneyState(replayingLogAt:)` numbers them). With `useCache`
    /// false, a log directory is read through and its cache folder left alone.
    public static func ids(at positions: Set<UInt64>, inLogAt path: String, useCache: Bool = true) throws -> [UInt64:
        EventID]
    {
        guard let last = positions.max() else { return [:] }
        var ids: [UInt64: EventID] = [:]
        ids.reserveCapacity(positions.count)
        if try LogSource(locating: path).isJSONLines {
            let reader = try LineReader(path: path)
            defer { reader.close() }
            var position: UInt64 = 0
            do {
                try reader.forEachLine { _, bytes in
                    position += 1
                    if position > last { throw Done() }
                    guard positions.contains(position), case .success(let event) = Event.parse(jsonLine: bytes) else {
                        return
                    }
                    ids[position] = event.id
                }
            } catch is Done {}
            return ids
        }
        let log = try EventLog.open(path)
        return useCache ? try self.ids(at: positions, inFolder: log) : try self.ids(at: positions, in: log)
    }

    /// The ids of the events at `positions` in the log folder `log`, from the index of ids in its cache folder
    /// (`EventIDIndex`, built there if there is none, and read in part: only the blocks that hold the positions).
    /// `resumingAt`, ends of batches of the log, are where the events after the index may be read from: each
    /// position wanted past the index from the latest of them before it (`EventIDIndex.ids(at:in:save:isWorthSaving:
    /// resumingAt:)`).
    public static func ids(
        at positions: Set<UInt64>, inFolder log: EventLog, resumingAt batchEnds: [LogCursor] = []
    ) throws -> [UInt64: EventID] {
        guard !positions.isEmpty else { return [:] }
        return try EventIDIndex.ids(at: positions, in: log, save: true, resumingAt: batchEnds)
    }

    /// The ids of the events at `positions` in a log kept in another store (PostgreSQL), or in a log folder whose
    /// cache is not to be used, read through to the last position wanted. Of each event only the id is read, and
    /// made into a string only at the positions wanted: decoding every event whole cost a quarter of a `check
    /// --no-cache`.
    public static func ids(at positions: Set<UInt64>, in store: some EventStoreReader) throws -> [UInt64: EventID] {
        guard !positions.isEmpty else { return [:] }
        let wanted = WantedPositions(positions, upTo: store.lastPosition)
        var ids: [UInt64: EventID] = [:]
        ids.reserveCapacity(positions.count)
        do {
            try store.replay(
                decoding: { stored in
                    (stored.position, wanted.contains(stored.position) ? try EventIDIndex.id(of: stored) : nil)
                }
            ) { position, id in
                if position > wanted.last { throw Done() }
                if let id { ids[position] = id }
            }
        } catch is Done {}
        return ids
    }

    /// Stops a read once the last position wanted is read or passed.
    struct Done: Error {}
}
