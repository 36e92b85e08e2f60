import JourneyCore

/// Where every 128th event of a log lies in its segments, kept in the log's cache folder, so that a few events
/// wanted by position (one child's, for a chronology) are read where they lie, not found by reading the whole log
/// (`EventLog.storedEvents(at:savingIndex:_:)`).
///
/// Like the checkpoint, it is disposable derived state (`CacheFile`): it is used only while the log still holds,
/// with the same chain hash, the batch it was made after. Deleting it changes no output. What it says is not taken
/// on trust either: every record read through it is checked (its checksum, and that it is the event at the position
/// expected), and a read that finds anything else is done again without it.
///
/// The file's contents are the spacing (u64), the last position it covers `n` (u64, that of the batch end in its
/// header), then, for positions 1, 1 + spacing, 1 + 2 × spacing, … up to `n`, the segment (u64) and the offset (u64)
/// of the event's record.
struct EventLocations: Sendable {
    static let fileName = "event-locations.index"
    static let magic = Array("JRNYLOC1".utf8)
    /// A read of one event walks at most 127 records before it (about 10 KB); the index of a 10M-event log is 1.3 MB.
    static let defaultSpacing: UInt64 = 128

    /// The record of every `spacing`-th event, from position 1.
    let spacing: UInt64
    /// The segment and offset of the records of positions 1, 1 + spacing, 1 + 2 × spacing, …
    var segments: [Int] = []
    var offsets: [Int] = []
    /// The batch end it was made at: it covers positions 1 through `end.position`.
    var end: LogCursor

    init(spacing: UInt64 = defaultSpacing) {
        self.spacing = spacing
        end = LogCursor(segment: 0, offset: 0, position: 0)
    }

    static func file(in directory: String) -> CacheFile {
        CacheFile(directory: directory, name: fileName, prefix: magic)
    }

    /// Notes the record of the event at `position`, the one after the last it covers, when it is one it keeps.
    mutating func take(position: UInt64, segment: Int, offset: Int) {
        if (position - 1) % spacing == 0 {
            segments.append(segment)
            offsets.append(offset)
        }
    }

    /// Where to start reading for `position` (one it covers): the record of the nearest kept position at or
    /// before it, and that position.
    func start(for position: UInt64) -> (segment: Int, offset: Int, position: UInt64) {
        let k = Int((position - 1) / spacing)
        return (segments[k], offsets[k], UInt64(k) * spacing + 1)
    }

    // MARK: The saved file

    /// The index saved in `log`'s cache folder, if there is one that fits the log.
    static func saved(in log: EventLog) -> EventLocations? {
        guard let directory = log.cacheDirectory() else { return nil }
        return file(in: directory).read(for: log) { reader -> EventLocations? in
            guard let head = reader.read(16) else { return nil }
            let (spacing, count) = head.withUnsafeBytes { (fixed($0, 0), fixed($0, 8)) }
            // The kept positions the count calls for, and no more: anything else is not a file this wrote.
            guard spacing > 0, count == reader.end.position,
                let kept = Int(exactly: count == 0 ? 0 : (count - 1) / spacing + 1),
                kept * 16 == reader.remaining, let table = reader.read(kept * 16), reader.isChecksumGood()
            else { return nil }
            var index = EventLocations(spacing: spacing)
            index.end = reader.end
            index.segments.reserveCapacity(kept)
            index.offsets.reserveCapacity(kept)
            let fits = table.withUnsafeBytes { raw -> Bool in
                for k in 0..<kept {
                    guard let segment = Int(exactly: fixed(raw, 16 * k)),
                        let offset = Int(exactly: fixed(raw, 16 * k + 8))
                    else { return false }
                    index.segments.append(segment)
                    index.offsets.append(offset)
                }
                return true
            }
            return fits ? index : nil
        }
    }

    /// Writes the index into the log's cache folder, for the batch end it was made at.
    func write(in directory: String, chainHash: [UInt8]) throws {
        try Self.file(in: directory).write(end: end, chainHash: chainHash) { w in
            var bytes = BinaryWriter(capacity: 16 + 16 * segments.count)
            bytes.fixed(spacing)
            bytes.fixed(end.position)
            for (segment, offset) in zip(segments, offsets) {
                bytes.fixed(UInt64(segment))
                bytes.fixed(UInt64(offset))
            }
            try w.write(bytes.bytes)
        }
    }

    private static func fixed(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }
}
