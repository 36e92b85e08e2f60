import JourneyCore
import JourneyLog
import JourneyProjections

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

    /// The events of `children` at `positions` (those of them that are), from a log directory or a JSON Lines file:
    /// what `read(_:children:)` gives at those positions. From a log directory they are read where they lie,
    /// through the index of event locations in its cache folder (`EventLog.storedEvents(at:savingIndex:_:)`), and
    /// the whole log only when that index cannot be trusted.
    public static func read(_ path: String, children: Set<ChildID>, at positions: Set<UInt64>) throws -> [UInt64:
        Event]
    {
        guard try !LogSource(locating: path).isJSONLines else {
            return try read(path, children: children).filter { positions.contains($0.key) }
        }
        let log = try EventLog.open(path)
        let wanted = Wanted(children)
        let located = try log.storedEvents(at: positions) { stored -> Event? in
            var r = BinaryReader(stored.event)
            guard wanted.contains(try Event.childBytes(binary: &r)) else { return nil }
            return try Record.decodeEvent(stored).event
        }
        return try located ?? read(log, children: children).filter { positions.contains($0.key) }
    }

    /// Every position a chronology or a diff of `record` looks an event up at (`Chronology.init`,
    /// `RecordDiff.init`): its events', its corrections' and the events they name, and its merges'.
    public static func positions(readFor record: ChildRecord) -> Set<UInt64> {
        var positions = Set(record.recording.events.lazy.map(\.position))
        for correction in record.recording.corrections {
            positions.insert(correction.position)
            positions.insert(correction.targetPosition)
        }
        for merge in record.recording.merges { positions.insert(merge.position) }
        return positions
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
        let wanted = Wanted(children)
        _ = try store.replay(decoding: { stored -> (UInt64, Event?) in
            var r = BinaryReader(stored.event)
            guard wanted.contains(try Event.childBytes(binary: &r)) else { return (stored.position, nil) }
            return (stored.position, try Record.decodeEvent(stored).event)
        }) { position, event in
            if let event { try body(position, event) }
            if let progress, position & 0xFFFF == 0 { progress(position) }
        }
    }

    /// The children whose events are read, asked of each event's child as stored.
    struct Wanted: Sendable {
        let children: Set<ChildID>
        let bytes: [[UInt8]]

        init(_ children: Set<ChildID>) {
            self.children = children
            bytes = children.map { Array($0.rawValue.utf8) }
        }

        /// A few children (one and those merged into it) are compared byte for byte; many, looked up.
        func contains(_ child: UnsafeRawBufferPointer) -> Bool {
            bytes.count <= 8
                ? bytes.contains { $0.elementsEqual(child) }
                : children.contains(ChildID(String(decoding: child, as: UTF8.self)))
        }
    }
}
