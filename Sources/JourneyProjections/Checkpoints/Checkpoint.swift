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
    static let formatVersion: UInt32 = 2

    /// How a replay went: from the start, or from a checkpoint.
    public struct Outcome: Sendable {
        public var resumedFrom: UInt64?
        public var eventsFolded: UInt64
        public var saved: Bool
    }

    /// The state of the log at `path`: from the checkpoint if there is a good one, then the events after it; saving
    /// a new checkpoint when `save` is true and anything was folded. `progress` is told the log position reached
    /// (the checkpoint's, then every 65,536 events or so), to be read against the log's last position.
    public static func replay(_ log: EventLog, save: Bool = true, progress: ((UInt64) -> Void)? = nil) throws -> (
        JourneyState, Outcome
    ) {
        var state = JourneyState()
        var cursor: LogCursor?
        let directory = log.cacheDirectory()
        if let directory, let loaded = load(directory + "/" + fileName, logEnd: log.lastPosition),
            let hash = log.chainHash(endingAt: loaded.cursor),
            hash == loaded.chainHash
        {
            state = loaded.state
            cursor = loaded.cursor
        }
        if cursor == nil { state.reserve(events: Int(log.lastPosition)) }
        let start = state.eventCount
        let resumed = cursor?.position ?? 0
        let end = try state.fold(log, after: cursor, progress: progress.map { p in { n in p(resumed + n) } })
        let n = state.eventCount - start
        var saved = false
        if save, let directory, n > 0, log.lastPosition > 0, cursor == nil || isWorthSaving(folded: n, of: state) {
            saved =
                (try? write(state, cursor: end, chainHash: log.headChainHash, to: directory + "/" + fileName)) != nil
        }
        return (state, Outcome(resumedFrom: cursor?.position, eventsFolded: n, saved: saved))
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
        // A CRC-32C of everything written ends the file: a checkpoint damaged on disk is found, not believed.
        var crc: UInt32 = 0
        func flush() throws {
            var done = 0
            try w.bytes.withUnsafeBytes { raw in
                crc = CRC32C.checksum(raw, continuing: crc)
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
        w.fixed(UInt64(state.atoms.count))
        for interner in [state.strings.teams, state.strings.workers, state.strings.wards] {
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
        w.varint(UInt64(state.childIDs.count))
        for child in state.childIDs {
            w.string(child.rawValue)
            if w.bytes.count >= flushSize { try flush() }
        }
        // The atoms and their children's numbers last, as they are in memory, a megabyte at a time: a reader
        // finds them from the end of the file and reads them straight into place.
        func copy<T>(_ values: [T]) throws {
            let perFlush = max(1, flushSize / MemoryLayout<T>.stride)
            var start = 0
            while start < values.count {
                let end = min(values.count, start + perFlush)
                values[start..<end].withUnsafeBytes { w.bytes.append(contentsOf: $0) }
                try flush()
                start = end
            }
        }
        try copy(state.atoms)
        try copy(state.atomChildren)
        let sum = crc
        w.fixed(sum)
        try flush()
        guard rename(temporary, path) == 0 else { throw CheckpointFailure() }
    }

    struct CheckpointFailure: Error {}

    /// The checkpoint at `path`, with room for the events up to `logEnd` (the log's last position) to be folded on.
    ///
    /// The atoms, most of the file, are read from it straight into their arrays: no copy of the file is held.
    static func load(_ path: String, logEnd: UInt64 = 0) -> (
        state: JourneyState, cursor: LogCursor, chainHash: [UInt8]
    )? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        func read(_ into: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
            var done = 0
            while done < into.count {
                let n = pread(fd, into.baseAddress! + done, into.count - done, off_t(offset + done))
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        return try? parse(size: Int(st.st_size), logEnd: logEnd, read: read)
    }

    /// Reads a checkpoint of `size` bytes through `read` (which fills a buffer from an offset, or says it could not).
    static func parse(
        size: Int, logEnd: UInt64, read: (UnsafeMutableRawBufferPointer, Int) -> Bool
    ) throws -> (JourneyState, LogCursor, [UInt8]) {
        let headerSize = magic.count + 4 + 4 + 3 * 8 + 32 + 3 * 8
        guard size >= headerSize else { throw CheckpointFailure() }
        var header = [UInt8](repeating: 0, count: headerSize)
        guard header.withUnsafeMutableBytes({ read($0, 0) }) else { throw CheckpointFailure() }
        var state = JourneyState()
        var cursor = LogCursor(segment: 0, offset: 0, position: 0)
        var hash: [UInt8] = []
        var atomCount = 0
        try header.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            for b in magic where try r.byte() != b { throw CheckpointFailure() }
            guard try r.fixed(UInt32.self) == formatVersion, try r.fixed(UInt32.self) == MemoryLayout<Atom>.stride
            else { throw CheckpointFailure() }
            // Sizes that do not fit an Int, or the file, make the checkpoint unusable: it is ignored, not a trap.
            guard let segment = Int(exactly: try r.fixed(UInt64.self)),
                let offset = Int(exactly: try r.fixed(UInt64.self))
            else { throw CheckpointFailure() }
            cursor = LogCursor(segment: segment, offset: offset, position: try r.fixed(UInt64.self))
            for _ in 0..<32 { hash.append(try r.byte()) }
            state.restore(position: try r.fixed(UInt64.self), eventCount: try r.fixed(UInt64.self))
            guard let count = Int(exactly: try r.fixed(UInt64.self)), count <= size else { throw CheckpointFailure() }
            atomCount = count
        }
        let atomBytes = atomCount * MemoryLayout<Atom>.stride
        let childBytes = atomCount * MemoryLayout<UInt32>.stride
        let atomsStart = size - atomBytes - childBytes - 4
        guard atomCount >= 0, atomsStart >= headerSize else { throw CheckpointFailure() }
        var crc = header.withUnsafeBytes { CRC32C.checksum($0) }

        // Everything between the header and the atoms: interned strings, corrections, merges and children.
        var middle = [UInt8](repeating: 0, count: atomsStart - headerSize)
        guard middle.withUnsafeMutableBytes({ read($0, headerSize) }) else { throw CheckpointFailure() }
        crc = middle.withUnsafeBytes { CRC32C.checksum($0, continuing: crc) }
        try middle.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            var interners: [Interner] = []
            for _ in 0..<3 {
                var strings: [String] = []
                for _ in 0..<(try r.count()) { strings.append(try r.string()) }
                interners.append(Interner(strings: strings))
            }
            state.strings = FoldedStrings(teams: interners[0], workers: interners[1], wards: interners[2])
            let dropCount = try r.count()
            state.drops.reserveCapacity(dropCount)
            for _ in 0..<dropCount {
                state.drops.append(
                    .init(
                        source: try r.fixed(UInt64.self), target: try r.fixed(UInt64.self),
                        recorded: try r.fixed(Int64.self), position: try r.fixed(UInt64.self)))
            }
            for _ in 0..<(try r.count()) {
                state.merges.append(
                    .init(
                        source: try r.fixed(UInt64.self), child: ChildID(try r.string()),
                        into: ChildID(try r.string()), recorded: try r.fixed(Int64.self),
                        position: try r.fixed(UInt64.self)))
            }
            let childCount = try r.count()
            state.childIDs.reserveCapacity(childCount)
            state.childNumbers = ChildNumbers(minimumCapacity: childCount)
            for _ in 0..<childCount { state.add(ChildID(try r.string())) }
            guard r.isAtEnd else { throw CheckpointFailure() }
        }

        // The atoms, with room for the events the caller will fold on.
        let extra = logEnd > state.position ? Int(logEnd - state.position) : 0
        func array<T>(of _: T.Type, at offset: Int) throws -> [T] {
            var isRead = true
            let values = [T](unsafeUninitializedCapacity: atomCount + extra) { buffer, initialized in
                let bytes = UnsafeMutableRawBufferPointer(
                    rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<(atomCount * MemoryLayout<T>.stride)])
                isRead = bytes.isEmpty || read(bytes, offset)
                if isRead { crc = CRC32C.checksum(UnsafeRawBufferPointer(bytes), continuing: crc) }
                initialized = isRead ? atomCount : 0
            }
            guard isRead else { throw CheckpointFailure() }
            return values
        }
        state.atoms = try array(of: Atom.self, at: atomsStart)
        state.atomChildren = try array(of: UInt32.self, at: atomsStart + atomBytes)
        var stored: UInt32 = 0
        guard withUnsafeMutableBytes(of: &stored, { read($0, size - 4) }), UInt32(littleEndian: stored) == crc else {
            throw CheckpointFailure()
        }
        let childCount = UInt32(state.childIDs.count)
        guard state.atomChildren.allSatisfy({ $0 < childCount }) else { throw CheckpointFailure() }
        return (state, cursor, hash)
    }
}

extension JourneyState {
    mutating func restore(position: UInt64, eventCount: UInt64) {
        self.position = position
        self.eventCount = eventCount
    }
}
