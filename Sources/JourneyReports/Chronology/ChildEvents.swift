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
        return try read(EventLog.open(path), children: children)
    }

    /// Reads the events of `children` from a log folder, or a log kept in another store (PostgreSQL).
    public static func read(_ store: some EventStoreReader, children: Set<ChildID>) throws -> [UInt64: Event] {
        var found: [UInt64: Event] = [:]
        try forEach(in: store, children: children) { found[$0] = $1 }
        return found
    }

    /// Calls `body` with each event of `children` in `store`, in log order, with its position; `progress`, when
    /// given, with a position every 65,536 events.
    ///
    /// Of each event only the child's bytes are read, on the reading thread; the events of `children` alone are
    /// decoded whole. Decoding every event of the log, and handing each over, had been most of a chronology's time
    /// (and of `journey export --child`'s).
    public static func forEach(
        in store: some EventStoreReader, children: Set<ChildID>, progress: ((UInt64) -> Void)? = nil,
        _ body: (UInt64, Event) throws -> Void
    ) throws {
        let wanted = children.map { Array($0.rawValue.utf8) }
        _ = try store.replay(decoding: { stored -> (UInt64, Event?) in
            var r = BinaryReader(stored.event)
            let child = try Event.childBytes(binary: &r)
            // A few children (one and those merged into it) are compared byte for byte; many, looked up.
            let isWanted =
                wanted.count <= 8
                ? wanted.contains { $0.elementsEqual(child) }
                : children.contains(ChildID(String(decoding: child, as: UTF8.self)))
            guard isWanted else { return (stored.position, nil) }
            return (stored.position, try Record.decodeEvent(stored).event)
        }) { position, event in
            if let event { try body(position, event) }
            if let progress, position & 0xFFFF == 0 { progress(position) }
        }
    }
}
