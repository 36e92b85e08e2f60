import Dispatch
import JourneyCore
import JourneyLog

/// A saved `JourneyState` with the log position it reflects, kept in the log's cache folder (a log folder) or in
/// its database (a log in PostgreSQL).
///
/// Loading a checkpoint and folding the events appended since gives exactly the state a full replay gives: the
/// state holds every atom and every correction, retraction and merge, and nothing is resolved until evaluation.
/// A checkpoint is used only when its format matches this build and the log still holds, with the same chain hash,
/// the batch it was taken after; otherwise it is ignored and replaced. Deleting it changes no figure.
public enum Checkpoint {
    static let fileName = "journey-state.checkpoint"
    static let magic = Array("JRNYSTATE".utf8)
    /// Bumped whenever `Atom` or the file layout changes. 3: the types of permanence, leaving care and health (an
    /// atom's `type` byte an older build does not know, which it must not load as it stands) and the fold's texts.
    /// 4: the UPN, the disability codes and the assessment factors in the atoms, and the texts only the returns read
    /// (a placement's postcode and URN) by event position. 5: the types of motherhood, the home postcode and the
    /// reason a social worker changed (type bytes a build of format 4 does not know); old types' atoms unchanged.
    /// 6: the length of the middle part in the counts, the atoms' ids again after the atoms, and a table of block
    /// checksums at the end, so that some children's atoms can be read alone (`CheckpointPart`). 7: the atoms' ids
    /// filed by id with their children's numbers (`AtomIDBuckets`), in place of the ids in atom order. 8: the atoms
    /// child after child, each child's in log order, with a table of where each child's start, so that a reader of
    /// some children reads each child's atoms together rather than from all over the file.
    static let formatVersion: UInt32 = 8

    /// How a replay went: from the start, or from a checkpoint.
    public struct Outcome: Sendable {
        public var resumedFrom: UInt64?
        public var eventsFolded: UInt64
        public var saved: Bool
    }

    /// The state of the log folder `log`: from the checkpoint in its cache folder if there is a good one, then the
    /// events after it; saving a new checkpoint when `save` is true and anything was folded. `progress` is told the
    /// log position reached (the checkpoint's, then every 65,536 events or so), to be read against the log's last
    /// position.
    public static func replay(_ log: EventLog, save: Bool = true, progress: ((UInt64) -> Void)? = nil) throws -> (
        JourneyState, Outcome
    ) {
        try replay(keeping: log, save: save, progress: progress)
    }

    /// The state of a log in any store, as `replay(_:save:progress:)` gives a log folder's: a log in PostgreSQL
    /// keeps its checkpoint in its database (`checkpoint_parts`, docs/postgres.md), shared by every program that
    /// reads it, by the same rules; a store that keeps no derived files is replayed from the start. The call a
    /// program makes for a log's first fold, whatever its store.
    ///
    /// `roomForAppends`: for a state that will be folded onto again and again (the service's, `LiveRecords`), the
    /// atoms are read into arrays with room for appends, so that making it later does not copy them (half a
    /// gigabyte at 10M events, held twice for a moment at the service's start).
    public static func replay<Store: EventStoreReader>(
        _ store: Store, save: Bool = true, progress: ((UInt64) -> Void)? = nil, roomForAppends: Bool = false
    ) throws -> (JourneyState, Outcome) {
        if let keeping = store as? any DerivedFileKeeping {
            return try replay(keeping: keeping, save: save, progress: progress, roomForAppends: roomForAppends)
        }
        let state = try JourneyState(replaying: store, progress: progress)
        return (state, Outcome(resumedFrom: nil, eventsFolded: state.eventCount, saved: false))
    }

    static func replay<Log: DerivedFileKeeping>(
        keeping log: Log, save: Bool, progress: ((UInt64) -> Void)?, roomForAppends: Bool = false
    ) throws -> (JourneyState, Outcome) {
        var state = JourneyState()
        var cursor: LogCursor?
        let file = log.derivedFile(name: fileName, prefix: prefix)
        if let file, let loaded = load(file, log: log, roomForAppends: roomForAppends) {
            state = loaded.state
            cursor = loaded.cursor
        }
        if cursor == nil {
            let events = Int(log.lastPosition)
            state.reserve(events: events + (roomForAppends ? JourneyState.roomForAppends(after: events) : 0))
        }
        let start = state.eventCount
        let resumed = cursor?.position ?? 0
        let end = try state.fold(
            log, after: cursor.map(log.cursor(at:)), progress: progress.map { p in { n in p(resumed + n) } })
        let n = state.eventCount - start
        var saved = false
        if save, let file, n > 0, log.lastPosition > 0, cursor == nil || isWorthSaving(folded: n, of: state) {
            saved =
                (try? write(state, cursor: log.headerEnd(of: end), chainHash: log.headChainHash, to: file)) != nil
        }
        return (state, Outcome(resumedFrom: cursor?.position, eventsFolded: n, saved: saved))
    }

    /// Whether a checkpoint that `folded` events have just been folded onto should be written again. Writing costs
    /// about as much as folding a few hundred thousand events (the file is the whole state), so a short tail is
    /// folded again on each run instead, until it reaches 100,000 events or 2% of the log.
    static func isWorthSaving(folded: UInt64, of state: JourneyState) -> Bool {
        isWorthSaving(folded: folded, ofEvents: state.eventCount)
    }

    /// The same rule for any file derived from `count` events with `folded` after it (the index of event ids too).
    package static func isWorthSaving(folded: UInt64, ofEvents count: UInt64) -> Bool {
        folded >= max(100_000, count / 50)
    }

    // MARK: The file

    /// The checkpoint's `CacheFile` in the log's cache folder (or, for a log in PostgreSQL, the same bytes in its
    /// `checkpoint_parts` table): its prefix is the magic, the format and the size of
    /// an `Atom` in memory (the atoms are saved as they are in memory); its contents are the state's position, event
    /// count, atom count and the middle part's length (u64 each), the middle part (the interned strings,
    /// corrections, merges and children), the atoms (child after child), their children's numbers, where each
    /// child's atoms start, their ids filed by id (`AtomIDBuckets`), and last the table of block checksums
    /// (`CacheFile.Writer.writeBlockTable`).
    static func file(in directory: String) -> CacheFile {
        CacheFile(directory: directory, name: fileName, prefix: prefix)
    }

    /// The bytes a checkpoint starts with, wherever it is kept: the magic, the format and the size of an `Atom`.
    static var prefix: [UInt8] {
        var prefix = magic
        withUnsafeBytes(of: formatVersion.littleEndian) { prefix += $0 }
        withUnsafeBytes(of: UInt32(MemoryLayout<Atom>.stride).littleEndian) { prefix += $0 }
        return prefix
    }

    static func write(_ state: JourneyState, cursor: LogCursor, chainHash: [UInt8], to file: some DerivedFile) throws {
        try file.write(end: cursor, chainHash: chainHash) { try writeContents(of: state, to: &$0) }
    }

    /// Streams the state a megabyte at a time, so that writing needs no second copy of it in memory.
    static func writeContents(of state: JourneyState, to out: inout CacheFile.Writer) throws {
        let flushSize = 1 << 20
        var w = BinaryWriter(capacity: 2 * flushSize)
        func flush() throws {
            try out.write(w.bytes)
            w.bytes.removeAll(keepingCapacity: true)
        }
        out.beginBlocks()
        // The middle part (strings, corrections, merges, children: a few megabytes) is made first, for its length.
        var middle = BinaryWriter(capacity: flushSize)
        writeMiddle(of: state, to: &middle)
        w.fixed(state.position)
        w.fixed(state.eventCount)
        w.fixed(UInt64(state.atoms.count))
        w.fixed(UInt64(middle.bytes.count))
        try flush()
        try out.write(middle.bytes)
        // The atoms child after child, each child's in log order (`ChildStreams`), then their children's numbers,
        // then where each child's atoms start (u64, and the count of atoms after the last), a megabyte at a time: a
        // reader of the whole file reads the atoms and numbers straight into place; a reader of some children
        // (`CheckpointPart`) reads each child's atoms together. A record is built from its child's atoms in log
        // order whatever order the children's come in, so a state read back evaluates as the one saved.
        let childCount = state.childCount
        let streams = ChildStreams(atomChildren: state.atomChildren, childCount: childCount)
        var child = 0
        while child < childCount {
            var end = child + 1
            while end < childCount
                && (streams.start(of: end) - streams.start(of: child)) * MemoryLayout<Atom>.stride
                    < flushSize
            {
                end += 1
            }
            streams.atoms(ofChildren: child..<end, from: state.atoms).withUnsafeBytes { w.bytes.append(contentsOf: $0) }
            try flush()
            child = end
        }
        for n in 0..<childCount {
            let number = UInt32(n).littleEndian
            for _ in streams.start(of: n)..<streams.start(of: n + 1) {
                withUnsafeBytes(of: number) { w.bytes.append(contentsOf: $0) }
            }
            if w.bytes.count >= flushSize { try flush() }
        }
        for n in 0...childCount {
            w.fixed(UInt64(streams.start(of: n)))
            if w.bytes.count >= flushSize { try flush() }
        }
        try flush()
        // The atoms' ids with their children's numbers, filed by id (`AtomIDBuckets`), for a reader of a part: a
        // correction appended since names an event by id, and the child whose record it changes is found there.
        try AtomIDBuckets.write(state.atoms, children: state.atomChildren) { bytes in
            w.bytes.append(contentsOf: bytes)
            if w.bytes.count >= flushSize { try flush() }
        }
        try flush()
        try out.writeBlockTable()
    }

    /// The interned strings, the returns' texts, the corrections, the merges and the children.
    static func writeMiddle(of state: JourneyState, to w: inout BinaryWriter) {
        writeStrings(state.strings, to: &w)
        writeRecords(drops: state.drops[...], merges: state.merges[...], children: state.childKeys[...], to: &w)
    }

    /// The interned strings and the returns' texts, as the middle part holds them: each interner's strings from the
    /// `from` count of it on (all by default), and the texts of the events after position `textsAfter` (all by
    /// default). A state's tail (`StateTail`) writes those added since its checkpoint.
    static func writeStrings(
        _ strings: FoldedStrings, from counts: [Int] = [0, 0, 0, 0], textsAfter: UInt64? = nil,
        to w: inout BinaryWriter
    ) {
        for (interner, count) in zip(strings.interners, counts) {
            let added = interner.strings[count...]
            w.varint(UInt64(added.count))
            for s in added { w.string(s) }
        }
        // The returns' texts by event position, in position order so that the same state saves the same bytes.
        let texts = strings.eventTexts.filter { position, _ in textsAfter.map { position > $0 } ?? true }
            .sorted { $0.key < $1.key }
        w.varint(UInt64(texts.count))
        for (position, number) in texts {
            w.fixed(position)
            w.fixed(number)
        }
    }

    /// Corrections, merges and children, as the middle part holds them (and a state's tail, `StateTail`).
    static func writeRecords(
        drops: ArraySlice<JourneyState.Drop>, merges: ArraySlice<JourneyState.Merge>, children: ArraySlice<ChildKey>,
        to w: inout BinaryWriter
    ) {
        w.varint(UInt64(drops.count))
        for d in drops {
            w.fixed(d.source)
            w.fixed(d.target)
            w.fixed(d.recorded)
            w.fixed(d.position)
        }
        w.varint(UInt64(merges.count))
        for m in merges {
            w.fixed(m.source)
            w.string(m.child.rawValue)
            w.string(m.into.rawValue)
            w.fixed(m.recorded)
            w.fixed(m.position)
        }
        w.varint(UInt64(children.count))
        for key in children { key.withUTF8 { w.string(utf8: $0) } }
    }

    struct CheckpointFailure: Error {}

    /// The checkpoint in `file` if it is one for `log`, with room for the events after it to be folded on, and for
    /// appends after those with `roomForAppends` (`JourneyState.roomForAppends`).
    ///
    /// The atoms, most of the file, are read from it straight into their arrays: no copy of the file is held.
    static func load<Place: DerivedFile>(_ file: Place, log: Place.Log, roomForAppends: Bool = false) -> (
        state: JourneyState, cursor: LogCursor
    )? {
        file.read(for: log) { reader in
            try? parse(&reader, logEnd: log.lastPosition, roomForAppends: roomForAppends)
        }
    }

    /// Reads a checkpoint's contents, after its header.
    static func parse(_ file: inout CacheFile.Reader, logEnd: UInt64, roomForAppends: Bool = false) throws -> (
        JourneyState, LogCursor
    ) {
        guard let counts = file.read(Self.countsSize) else { throw CheckpointFailure() }
        var state = JourneyState()
        let size = file.size
        let (atomCount, middleBytes) = try Self.counts(counts, fileSize: size, into: &state)
        guard let middle = file.read(middleBytes) else { throw CheckpointFailure() }
        try middle.withUnsafeBytes { try parseMiddle($0, into: &state) }
        state.tailStart = StateTail.Start(state)

        // The atoms, with room for the events the caller will fold on (and for appends after them: room for a
        // sixteenth more of them than there will be atoms is room enough).
        var extra = logEnd > state.position ? Int(logEnd - state.position) : 0
        if roomForAppends { extra += JourneyState.roomForAppends(after: atomCount + extra) }
        func array<T>(of _: T.Type) throws -> [T] {
            var isRead = true
            let values = [T](unsafeUninitializedCapacity: atomCount + extra) { buffer, initialized in
                let bytes = UnsafeMutableRawBufferPointer(
                    rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<(atomCount * MemoryLayout<T>.stride)])
                isRead = file.readOnAllCores(into: bytes)
                initialized = isRead ? atomCount : 0
            }
            guard isRead else { throw CheckpointFailure() }
            return values
        }
        state.atoms = try array(of: Atom.self)
        state.atomChildren = try array(of: UInt32.self)
        state.checkpointed = (atomCount, state.position)
        // The atoms' ids filed by id and the table of block checksums are for readers of a part (`CheckpointPart`): read here
        // only for the whole file's checksum.
        guard file.skipOnAllCores(file.remaining) else { throw CheckpointFailure() }
        guard file.isChecksumGood() else { throw CheckpointFailure() }
        let childCount = UInt32(state.childCount)
        guard state.atomChildren.allSatisfy({ $0 < childCount }) else { throw CheckpointFailure() }
        return (state, file.end)
    }
}

extension JourneyState {
    mutating func restore(position: UInt64, eventCount: UInt64) {
        self.position = position
        self.eventCount = eventCount
    }
}

extension Checkpoint {
    /// The counts at the start of the contents: position, event count, atom count, the middle part's length.
    static let countsSize = 4 * 8

    /// Reads the counts into `state` (its position and event count); returns the atom count and the middle part's
    /// length. A count that does not fit an Int, or the file, makes the checkpoint unusable: it is ignored, not a
    /// trap.
    static func counts(_ bytes: [UInt8], fileSize: Int, into state: inout JourneyState) throws -> (Int, Int) {
        try bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            state.restore(position: try r.fixed(UInt64.self), eventCount: try r.fixed(UInt64.self))
            guard let atoms = Int(exactly: try r.fixed(UInt64.self)), atoms <= fileSize,
                let middle = Int(exactly: try r.fixed(UInt64.self)), middle <= fileSize
            else { throw CheckpointFailure() }
            return (atoms, middle)
        }
    }

    /// Reads the middle part (`writeMiddle`) into `state`.
    ///
    /// It is read on two cores: the interned strings (half a million texts for a council, each filed in its table)
    /// and the returns' texts by position on one; the corrections, merges and children (as many ids, each filed in
    /// the table of children) on the other. Together they were most of the time of a run that reads a checkpoint in
    /// part, the children the larger share.
    static func parseMiddle(_ raw: UnsafeRawBufferPointer, into state: inout JourneyState) throws {
        // Where the strings and the returns' texts (16 bytes each) end, found by skipping them.
        var skip = BinaryReader(raw)
        for _ in 0..<4 {
            for _ in 0..<(try skip.count()) { try skip.skipString() }
        }
        let stringsEnd = skip.offset
        let eventTextCount = try skip.count()
        guard eventTextCount <= (raw.count - skip.offset) / 16 else { throw CheckpointFailure() }
        let textsEnd = skip.offset + 16 * eventTextCount
        nonisolated(unsafe) let raw = raw
        nonisolated(unsafe) var strings: FoldedStrings?
        nonisolated(unsafe) var rest = state
        // One failure for each half, so that the two never write the same variable.
        nonisolated(unsafe) var stringsFailure: (any Error)?
        nonisolated(unsafe) var recordsFailure: (any Error)?
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            do {
                if half == 0 {
                    var parsed = try parseStrings(UnsafeRawBufferPointer(rebasing: raw[..<stringsEnd]))
                    parsed.eventTexts = try parseEventTexts(
                        UnsafeRawBufferPointer(rebasing: raw[stringsEnd..<textsEnd]))
                    strings = parsed
                } else {
                    try parseRecords(UnsafeRawBufferPointer(rebasing: raw[textsEnd...]), into: &rest)
                }
            } catch {
                if half == 0 { stringsFailure = error } else { recordsFailure = error }
            }
        }
        if let failure = stringsFailure ?? recordsFailure { throw failure }
        guard let strings else { throw CheckpointFailure() }
        rest.strings = strings
        state = rest
    }

    /// The returns' texts by event position.
    static func parseEventTexts(_ raw: UnsafeRawBufferPointer) throws -> [UInt64: UInt64] {
        var r = BinaryReader(raw)
        let count = try r.count()
        var texts: [UInt64: UInt64] = [:]
        texts.reserveCapacity(count)
        for _ in 0..<count { texts[try r.fixed(UInt64.self)] = try r.fixed(UInt64.self) }
        guard r.isAtEnd else { throw CheckpointFailure() }
        return texts
    }

    /// The four interners, in the order `writeMiddle` writes them. Each text is hashed from its bytes as it is read,
    /// into arrays made at their size with room for the strings of the events folded on after (pages not touched cost
    /// nothing): half a million texts at 10M events, this is one of the two halves of reading a checkpoint in part,
    /// and the first new text (a new child's UPN, in the saved results' tail) would otherwise copy the texts and their
    /// hashes (11 MB) into arrays twice the size.
    static func parseStrings(_ raw: UnsafeRawBufferPointer) throws -> FoldedStrings {
        var r = BinaryReader(raw)
        var interners: [Interner] = []
        for _ in 0..<4 {
            let count = try r.count()
            var strings: [String] = []
            var hashes: [UInt64] = []
            let capacity = count + max(1024, count / 16)
            strings.reserveCapacity(capacity)
            hashes.reserveCapacity(capacity)
            for _ in 0..<count {
                let bytes = try r.bytes()
                strings.append(String(decoding: bytes, as: UTF8.self))
                hashes.append(StableHash.of(bytes))
            }
            interners.append(Interner(strings: strings, hashes: hashes))
        }
        guard r.isAtEnd else { throw CheckpointFailure() }
        return FoldedStrings(teams: interners[0], workers: interners[1], wards: interners[2], texts: interners[3])
    }

    /// A correction or retraction as `writeRecords(drops:merges:children:to:)` writes it.
    static func drop(_ r: inout BinaryReader) throws(BinaryReader.Damage) -> JourneyState.Drop {
        JourneyState.Drop(
            source: try r.fixed(UInt64.self), target: try r.fixed(UInt64.self), recorded: try r.fixed(Int64.self),
            position: try r.fixed(UInt64.self))
    }

    /// A merge as `writeRecords(drops:merges:children:to:)` writes it.
    static func merge(_ r: inout BinaryReader) throws(BinaryReader.Damage) -> JourneyState.Merge {
        JourneyState.Merge(
            source: try r.fixed(UInt64.self), child: ChildID(try r.string()), into: ChildID(try r.string()),
            recorded: try r.fixed(Int64.self), position: try r.fixed(UInt64.self))
    }

    /// The corrections, the merges and the children.
    static func parseRecords(_ raw: UnsafeRawBufferPointer, into state: inout JourneyState) throws {
        var r = BinaryReader(raw)
        let dropCount = try r.count()
        state.drops.reserveCapacity(dropCount)
        for _ in 0..<dropCount { state.drops.append(try drop(&r)) }
        for _ in 0..<(try r.count()) { state.merges.append(try merge(&r)) }
        // The children in number order, as `state.add` would number them, their keys made from the ids' bytes
        // (no string made) and filed in one loop of their own (`ChildNumbers(keys:)`).
        let childCount = try r.count()
        var keys = state.childKeys
        // With room for the children of the events folded on after (pages not touched cost nothing): the first new
        // child would otherwise copy the keys (19 MB at 10M events) into an array twice the size.
        keys.reserveCapacity(keys.count + childCount + max(4096, childCount / 16))
        for _ in 0..<childCount { keys.append(try ChildKey(r.bytes())) }
        state.childNumbers = ChildNumbers(keys: keys)
        guard r.isAtEnd else { throw CheckpointFailure() }
    }
}
