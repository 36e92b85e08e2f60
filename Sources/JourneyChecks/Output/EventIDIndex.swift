import JourneyCore
import JourneyLog
import JourneyProjections

/// Every event id of a log by position, kept in the log's cache folder beside the checkpoint, so that a report can
/// name the events its findings cite without decoding the log again.
///
/// Like the checkpoint, it is disposable derived state: it is used only when the log still holds, with the same
/// chain hash, the batch it was built up to; otherwise it is built again from the log. Deleting it changes no
/// output.
///
/// The file is a `CacheFile` whose prefix is the magic `JRNYIDS3` and whose contents are the number of ids `n`
/// (u64), `n + 1` byte offsets (u64), the ids' UTF-8 bytes, and a table of the checksums of its 4 KiB blocks
/// (`CacheFile.BlockReader`). A lookup reads and checks only the blocks that hold the positions it wants: a report
/// after an append wants the ids of a few thousand events out of millions, and the whole file of a 10M-event log is
/// a quarter of a gigabyte. A block that fails its checksum is never believed: the index is built again from the log.
///
/// The events appended after the saved index are read from the log, their ids alone, when a lookup wants one of
/// them. The file is written again only when those reach 100,000 events or 2% of the index (the checkpoint's rule,
/// `Checkpoint.isWorthSaving`): writing it means reading and writing all of it, which a short tail is not worth.
struct EventIDIndex {
    static let fileName = "event-ids.index"
    /// `JRNYIDS1` and `JRNYIDS2` files, without the block table, are stale: not used, and replaced.
    static let magic = Array("JRNYIDS3".utf8)

    /// Whether a saved index of `count` ids with `tail` events after it should be written again: the checkpoint's
    /// rule.
    static func isWorthSaving(tail: UInt64, of count: UInt64) -> Bool {
        Checkpoint.isWorthSaving(folded: tail, ofEvents: count)
    }

    static func file(in directory: String) -> CacheFile {
        CacheFile(directory: directory, name: fileName, prefix: magic)
    }

    /// The ids of the events at `positions` in `log` (those it holds). With `save`, the index in the log's cache
    /// folder is built when there is none that fits, and written again when the events after it are worth it
    /// (`isWorthSaving`, which a caller may replace).
    ///
    /// `batchEnds`, ends of batches of `log` (where saved results were made, `SavedChecks`), let the events after the
    /// index be read in part when the index is not written again: each position wanted past the index is read from
    /// the latest of them before it (or the index's end), and each such read stops at the last position it wants. A
    /// run after a day's append, six weeks after the index was saved, wants the ids of the day's events and of a few
    /// older ones a timescale that ran out cites: reading the six weeks' events for them took a tenth of the run.
    static func ids(
        at positions: Set<UInt64>, in log: EventLog, save: Bool,
        isWorthSaving: (_ tail: UInt64, _ count: UInt64) -> Bool = isWorthSaving(tail:of:),
        resumingAt batchEnds: [LogCursor] = []
    ) throws -> [UInt64: EventID] {
        let file = log.cacheDirectory().map(file(in:))
        var saved = Self.saved(in: log)
        var ids: [UInt64: EventID] = [:]
        ids.reserveCapacity(positions.count)
        if let index = saved {
            for position in positions.sorted() where position >= 1 && position <= index.count {
                guard let id = index.id(at: position) else {
                    // A block not as written: the whole index is built again below.
                    saved = nil
                    ids.removeAll(keepingCapacity: true)
                    break
                }
                ids[position] = id
            }
        }
        let known = saved?.count ?? 0
        let isRewritten =
            save && file != nil && log.lastPosition > known
            && (saved == nil || isWorthSaving(log.lastPosition - known, known))
        if isRewritten {
            var added = Added(expected: Int(log.lastPosition - known))
            var order = InOrder(after: known)
            let wanted = WantedPositions(positions, upTo: log.lastPosition)
            let end = try log.replay(after: saved?.reader.end, decoding: Self.position(andID:)) { position, id in
                try order.take(position)
                try added.append(id)
                if wanted.contains(position) { ids[position] = id }
            }
            if let file { try? write(saved, then: added, end: end, chainHash: log.headChainHash, to: file) }
            return ids
        }
        let after = positions.filter { $0 > known && $0 <= log.lastPosition }.sorted()
        guard !after.isEmpty else { return ids }
        // Where reads may begin: the index's end (the log's start when there is none), and the batch ends past it.
        let ends = batchEnds.filter { $0.position > known && $0.position < log.lastPosition }
            .sorted { $0.position < $1.position }
        var i = 0
        while i < after.count {
            // The latest start before this position, and the last position it is the latest start before.
            let start = ends.last { $0.position < after[i] } ?? saved?.reader.end
            let limit = ends.first { $0.position >= after[i] }?.position ?? log.lastPosition
            var j = i
            while j < after.count && after[j] <= limit { j += 1 }
            let wanted = WantedPositions(Set(after[i..<j]), upTo: log.lastPosition)
            var order = InOrder(after: start?.position ?? 0)
            do {
                // On this thread: a few thousand events, for which a replay's second thread costs more than it saves.
                try log.forEachStoredEvent(after: start) { stored in
                    try order.take(stored.position)
                    if wanted.contains(stored.position) { ids[stored.position] = try Self.id(of: stored) }
                    if stored.position == wanted.last { throw EventIDLookup.Done() }
                }
            } catch is EventIDLookup.Done {}
            i = j
        }
        return ids
    }

    /// A stored event's position and id, read in place: the id is the first string of the event's bytes, after its
    /// type and flags (`Event.write(binary:)`).
    @Sendable static func position(andID stored: StoredEventBytes) throws -> (UInt64, EventID) {
        (stored.position, try id(of: stored))
    }

    /// A stored event's id, read in place (as `position(andID:)`).
    static func id(of stored: StoredEventBytes) throws -> EventID {
        var r = BinaryReader(stored.event)
        _ = try r.byte()
        _ = try r.byte()
        return EventID(try r.string())
    }

    struct Mismatch: Error {}

    /// The positions read, checked to follow one another: positions are gapless from 1 (the log's rule), so anything
    /// else means the saved index, or the batch end read from, is not this log's, and it is found, not believed.
    struct InOrder {
        private var next: UInt64

        init(after position: UInt64) { next = position + 1 }

        mutating func take(_ position: UInt64) throws {
            guard position == next else { throw Mismatch() }
            next += 1
        }
    }

    /// The ids read from the log after the saved index, their bytes one after another, a megabyte to a piece, with
    /// the length of each (an id is at most 64 bytes): a byte an id rather than the 8 of its offset, which the file
    /// holds and `write` works out as it writes, and pieces rather than one array, which would be copied each time
    /// it grew. Built from the start, the index of a 10M-event log holds them all at once (180 MB): `SavedChecks`
    /// builds it before it reads the state, so that the two are not held together.
    struct Added {
        var lengths: [UInt8] = []
        var pieces: [[UInt8]] = []
        var count: Int { lengths.count }
        let pieceSize: Int

        init(expected count: Int = 0, pieceSize: Int = 1 << 20) {
            lengths.reserveCapacity(count)
            self.pieceSize = pieceSize
        }

        mutating func append(_ id: EventID) throws {
            var id = id.rawValue
            try id.withUTF8 { utf8 in
                // Longer than the format allows, which no stored event is: the log is not as written.
                guard let length = UInt8(exactly: utf8.count) else { throw Mismatch() }
                if pieces.isEmpty || pieces[pieces.count - 1].count + utf8.count > pieceSize {
                    pieces.append([])
                    pieces[pieces.count - 1].reserveCapacity(pieceSize)
                }
                pieces[pieces.count - 1].append(contentsOf: utf8)
                lengths.append(length)
            }
        }
    }

    // MARK: The saved file

    /// The index saved in `log`'s cache folder, if there is one that fits the log.
    static func saved(in log: EventLog) -> Saved? {
        log.cacheDirectory().flatMap { file(in: $0).openBlocks(for: log, blocksStart: 0) }.flatMap(Saved.init)
    }

    /// The saved index, opened to be read in pieces.
    final class Saved {
        let reader: CacheFile.BlockReader
        /// The ids it holds: those of positions 1 through `count`.
        let count: UInt64
        /// Where its offsets and its ids' bytes start in the file.
        let offsetsStart: Int
        let bytesStart: Int
        /// The last span of blocks read for offsets and for bytes: lookups in the order of positions read each span
        /// once.
        var offsetSpan = Span()
        var byteSpan = Span()

        /// `nil` unless the count, the offsets' first and last, and the size of the bytes agree, and the count is
        /// the position the file was made at.
        init?(_ reader: CacheFile.BlockReader) {
            self.reader = reader
            guard let count = reader.withBytes(at: reader.blocksStart, count: 8, { Saved.fixed($0, 0) }),
                count == reader.end.position, count < UInt64(reader.blocksEnd) / 8
            else { return nil }
            self.count = count
            offsetsStart = reader.blocksStart + 8
            bytesStart = offsetsStart + (Int(count) + 1) * 8
            guard bytesStart <= reader.blocksEnd,
                let first = reader.withBytes(at: offsetsStart, count: 8, { Saved.fixed($0, 0) }),
                let last = reader.withBytes(at: bytesStart - 8, count: 8, { Saved.fixed($0, 0) }),
                first == 0, last == UInt64(reader.blocksEnd - bytesStart)
            else { return nil }
        }

        /// The id at `position` (1 through `count`), or `nil` when a block that holds it is not as written or its
        /// offsets do not make sense.
        func id(at position: UInt64) -> EventID? {
            let at = offsetsStart + Int(position - 1) * 8
            let offsets = offsetSpan.withBytes(at: at, count: 16, in: reader) {
                (start: Saved.fixed($0, 0), end: Saved.fixed($0, 8))
            }
            guard let (start, end) = offsets, start <= end, end <= UInt64(reader.blocksEnd - bytesStart) else {
                return nil
            }
            return byteSpan.withBytes(at: bytesStart + Int(start), count: Int(end - start), in: reader) {
                EventID(String(decoding: $0, as: UTF8.self))
            }
        }

        /// Calls `body` with the bytes from `offset` to the end of the checked blocks, a span at a time (checked as
        /// read): how a new file carries the saved index's offsets and bytes over.
        func forEachSpan(from offset: Int, to end: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws
            -> Bool
        {
            var at = offset
            while at < end {
                let n = min(end - at, 1 << 20)
                guard try reader.withBytes(at: at, count: n, body) != nil else { return false }
                at += n
            }
            return true
        }

        static func fixed(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }
    }

    /// A run of whole blocks read and checked together, kept for the next lookup near it.
    struct Span {
        /// Where the run starts in the file, and its length: the first `count` bytes of `bytes`.
        var start = 0
        var count = 0
        var bytes: [UInt8] = []
        /// 64 KiB: a lookup of positions far apart costs a little more than one block, and one of many positions
        /// in order a read for every 16 blocks.
        static let length = 64 * 1024

        mutating func withBytes<T>(
            at offset: Int, count wanted: Int, in reader: CacheFile.BlockReader, _ body: (UnsafeRawBufferPointer) -> T
        ) -> T? {
            if offset < start || offset + wanted > start + count {
                let blockStart =
                    reader.blocksStart + (offset - reader.blocksStart) / CacheFile.blockSize * CacheFile.blockSize
                let length = min(max(Self.length, offset + wanted - blockStart), reader.blocksEnd - blockStart)
                // Read into this span's own buffer, which starts at the first block read.
                guard length >= 0, reader.withBytes(at: blockStart, count: length, scratch: &bytes, { _ in }) != nil
                else {
                    count = 0
                    return nil
                }
                (start, count) = (blockStart, length)
            }
            guard offset >= start, offset + wanted <= start + count else { return nil }
            return bytes.withUnsafeBytes {
                body(UnsafeRawBufferPointer(rebasing: $0[(offset - start)..<(offset - start + wanted)]))
            }
        }
    }

    /// Writes the index of the saved one's ids (none when `nil`) followed by `added`'s, made at `end`.
    static func write(_ saved: Saved?, then added: Added, end: LogCursor, chainHash: [UInt8], to file: CacheFile)
        throws
    {
        let savedCount = saved?.count ?? 0
        let savedBytes = saved.map { UInt64($0.reader.blocksEnd - $0.bytesStart) } ?? 0
        try file.write(end: end, chainHash: chainHash) { w in
            w.beginBlocks()
            var head = BinaryWriter(capacity: 8)
            head.fixed(savedCount + UInt64(added.count))
            try w.write(head.bytes)
            if let saved {
                // The saved offsets, its last (the end of its bytes) included: the added ids' offsets follow it.
                guard try saved.forEachSpan(from: saved.offsetsStart, to: saved.bytesStart, { try w.write($0) })
                else { throw Mismatch() }
            } else {
                try w.write([UInt8](repeating: 0, count: 8))
            }
            // The added ids' offsets (where each ends), a megabyte at a time.
            var offsets = BinaryWriter(capacity: 1 << 20)
            var offset = savedBytes
            for length in added.lengths {
                offset += UInt64(length)
                offsets.fixed(offset)
                if offsets.bytes.count >= 1 << 20 {
                    try w.write(offsets.bytes)
                    offsets.bytes.removeAll(keepingCapacity: true)
                }
            }
            try w.write(offsets.bytes)
            if let saved {
                guard try saved.forEachSpan(from: saved.bytesStart, to: saved.reader.blocksEnd, { try w.write($0) })
                else { throw Mismatch() }
            }
            for piece in added.pieces { try w.write(piece) }
            try w.writeBlockTable()
        }
    }
}
