import JourneyCore
import JourneyLog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A saved `JourneyState` with the log position it reflects, kept in the log's cache folder.
///
/// Loading a checkpoint and folding the events appended since gives exactly the state a full replay gives: the
/// state holds every atom and every correction, retraction and merge, and nothing is resolved until evaluation.
/// A checkpoint is used only when its format matches this build and the log still holds, with the same chain hash,
/// the batch it was taken after; otherwise it is ignored and replaced. Deleting it changes no figure.
public enum Checkpoint {
    static let fileName = "journey-state.checkpoint"
    static let magic = Array("JRNYSTATE".utf8)
    /// Bumped whenever `Atom` or the file layout changes.
    static let formatVersion: UInt32 = 1

    /// How a replay went: from the start, or from a checkpoint.
    public struct Outcome: Sendable {
        public var resumedFrom: UInt64?
        public var eventsFolded: UInt64
        public var saved: Bool
    }

    /// The state of the log at `path`: from the checkpoint if there is a good one, then the events after it; saving
    /// a new checkpoint when `save` is true and anything was folded.
    public static func replay(_ log: EventLog, save: Bool = true, progress: ((UInt64) -> Void)? = nil) throws -> (
        JourneyState, Outcome
    ) {
        var state = JourneyState()
        var cursor: LogCursor?
        let directory = log.cacheDirectory()
        if let directory, let loaded = load(directory + "/" + fileName),
            let hash = log.chainHash(endingAt: loaded.cursor),
            hash == loaded.chainHash
        {
            state = loaded.state
            cursor = loaded.cursor
        }
        let start = state.eventCount
        var n: UInt64 = 0
        let end = try log.replay(after: cursor) { stored in
            state.apply(stored)
            n += 1
            if n & 0xFFFF == 0 { progress?(n) }
        }
        var saved = false
        if save, let directory, n > 0, log.lastPosition > 0, cursor == nil || isWorthSaving(folded: n, of: state) {
            saved =
                (try? write(state, cursor: end, chainHash: log.headChainHash, to: directory + "/" + fileName)) != nil
        }
        return (state, Outcome(resumedFrom: cursor?.position, eventsFolded: state.eventCount - start, saved: saved))
    }

    /// Whether a checkpoint that `folded` events have just been folded onto should be written again. Writing costs
    /// about as much as folding a few hundred thousand events (the file is the whole state), so a short tail is
    /// folded again on each run instead, until it reaches 100,000 events or 2% of the log.
    static func isWorthSaving(folded: UInt64, of state: JourneyState) -> Bool {
        folded >= max(100_000, state.eventCount / 50)
    }

    // MARK: The file

    static func write(_ state: JourneyState, cursor: LogCursor, chainHash: [UInt8], to path: String) throws {
        // Written beside, then renamed over, so that a reader never finds half a checkpoint; streamed a megabyte at
        // a time, so that writing needs no second copy of the state in memory.
        let temporary = path + ".new"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CheckpointFailure() }
        defer { close(fd) }
        let flushSize = 1 << 20
        var w = BinaryWriter(capacity: 2 * flushSize)
        func flush() throws {
            var done = 0
            try w.bytes.withUnsafeBytes { raw in
                while done < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                    guard n > 0 else { throw CheckpointFailure() }
                    done += n
                }
            }
            w.bytes.removeAll(keepingCapacity: true)
        }
        w.bytes += magic
        w.fixed(formatVersion)
        w.fixed(UInt32(MemoryLayout<Atom>.stride))
        w.fixed(UInt64(cursor.segment))
        w.fixed(UInt64(cursor.offset))
        w.fixed(cursor.position)
        w.bytes += chainHash
        w.fixed(state.position)
        w.fixed(state.eventCount)
        for interner in [state.teams, state.workers, state.wards] {
            w.varint(UInt64(interner.strings.count))
            for s in interner.strings { w.string(s) }
        }
        w.varint(UInt64(state.drops.count))
        for d in state.drops {
            w.fixed(d.source)
            w.fixed(d.target)
            w.fixed(d.recorded)
            w.fixed(d.position)
            if w.bytes.count >= flushSize { try flush() }
        }
        w.varint(UInt64(state.merges.count))
        for m in state.merges {
            w.fixed(m.source)
            w.string(m.child.rawValue)
            w.string(m.into.rawValue)
            w.fixed(m.recorded)
            w.fixed(m.position)
            if w.bytes.count >= flushSize { try flush() }
        }
        w.varint(UInt64(state.children.count))
        for (child, atoms) in state.children {
            w.string(child.rawValue)
            w.varint(UInt64(atoms.count))
            atoms.withUnsafeBytes { w.bytes.append(contentsOf: $0) }
            if w.bytes.count >= flushSize { try flush() }
        }
        try flush()
        guard rename(temporary, path) == 0 else { throw CheckpointFailure() }
    }

    struct CheckpointFailure: Error {}

    static func load(_ path: String) -> (state: JourneyState, cursor: LogCursor, chainHash: [UInt8])? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(size, 1), alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        while done < size {
            let n = read(fd, buffer.baseAddress! + done, size - done)
            guard n > 0 else { return nil }
            done += n
        }
        return try? parse(UnsafeRawBufferPointer(rebasing: buffer[0..<size]))
    }

    static func parse(_ raw: UnsafeRawBufferPointer) throws -> (JourneyState, LogCursor, [UInt8]) {
        var r = BinaryReader(raw)
        for b in magic where try r.byte() != b { throw CheckpointFailure() }
        guard try r.fixed(UInt32.self) == formatVersion, try r.fixed(UInt32.self) == MemoryLayout<Atom>.stride else {
            throw CheckpointFailure()
        }
        let cursor = LogCursor(
            segment: Int(try r.fixed(UInt64.self)), offset: Int(try r.fixed(UInt64.self)),
            position: try r.fixed(UInt64.self))
        var hash: [UInt8] = []
        for _ in 0..<32 { hash.append(try r.byte()) }
        var state = JourneyState()
        state.restore(position: try r.fixed(UInt64.self), eventCount: try r.fixed(UInt64.self))
        var interners: [Interner] = []
        for _ in 0..<3 {
            var strings: [String] = []
            for _ in 0..<(try r.varint()) { strings.append(try r.string()) }
            interners.append(Interner(strings: strings))
        }
        (state.teams, state.workers, state.wards) = (interners[0], interners[1], interners[2])
        let dropCount = Int(try r.varint())
        state.drops.reserveCapacity(dropCount)
        for _ in 0..<dropCount {
            state.drops.append(
                .init(
                    source: try r.fixed(UInt64.self), target: try r.fixed(UInt64.self),
                    recorded: try r.fixed(Int64.self),
                    position: try r.fixed(UInt64.self)))
        }
        for _ in 0..<(try r.varint()) {
            state.merges.append(
                .init(
                    source: try r.fixed(UInt64.self), child: ChildID(try r.string()), into: ChildID(try r.string()),
                    recorded: try r.fixed(Int64.self), position: try r.fixed(UInt64.self)))
        }
        let childCount = Int(try r.varint())
        state.children.reserveCapacity(childCount)
        let stride = MemoryLayout<Atom>.stride
        // Atoms are copied straight from the file; the reader is re-based past each child's block.
        var base = 0
        for _ in 0..<childCount {
            let child = ChildID(try r.string())
            let count = Int(try r.varint())
            let start = base + r.offset
            let bytes = count * stride
            guard start + bytes <= raw.count else { throw CheckpointFailure() }
            let atoms = [Atom](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + bytes)]))
                initialized = count
            }
            base = start + bytes
            r = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[base...]))
            state.children[child] = atoms
        }
        guard r.isAtEnd else { throw CheckpointFailure() }
        return (state, cursor, hash)
    }
}

extension JourneyState {
    mutating func restore(position: UInt64, eventCount: UInt64) {
        self.position = position
        self.eventCount = eventCount
    }
}
