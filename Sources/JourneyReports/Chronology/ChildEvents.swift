import JourneyCore
import JourneyLog

/// The raw events of a few children, by log position: the fields atoms do not keep (`by`, `source`, free text), for
/// a chronology to show. Which of them count is never decided here: that is the engine's (`ChildRecord.recording`).
public enum ChildEvents {
    /// Reads the events of `children` from a log directory, or from a JSON Lines file (positions in line order,
    /// as `JourneyState(replayingLogAt:)` gives them, so that positions agree with the engine's).
    public static func read(_ path: String, children: Set<ChildID>) throws -> [UInt64: Event] {
        var found: [UInt64: Event] = [:]
        if try LogSource(locating: path).isJSONLines {
            let reader = try LineReader(path: path)
            defer { reader.close() }
            var position: UInt64 = 0
            try reader.forEachLine { _, bytes in
                // Lines that do not parse were rejected by the replay already; here they only must not shift positions.
                guard case .success(let event) = Event.parse(jsonLine: bytes) else { return }
                position += 1
                if children.contains(event.child) { found[position] = event }
            }
            return found
        }
        let log = try EventLog.open(path)
        _ = try log.replay { stored in
            if children.contains(stored.event.child) { found[stored.position] = stored.event }
        }
        return found
    }

    /// Reads the events of `children` from a log kept in another store (PostgreSQL).
    public static func read(_ store: some EventStoreReader, children: Set<ChildID>) throws -> [UInt64: Event] {
        var found: [UInt64: Event] = [:]
        _ = try store.replay { stored in
            if children.contains(stored.event.child) { found[stored.position] = stored.event }
        }
        return found
    }
}
