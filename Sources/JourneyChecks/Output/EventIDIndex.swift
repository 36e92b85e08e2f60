import JourneyCore
import JourneyLog

/// Every event id of a log by position, kept in the log's cache folder beside the checkpoint, so that a report can
/// name the events its findings cite without decoding the log again.
///
/// Like the checkpoint, it is disposable derived state: it is used only when the log still holds, with the same
/// chain hash, the batch it was built up to; it is then brought up to date with the events appended since, and
/// otherwise rebuilt. Deleting it changes no output.
///
/// The file is a `CacheFile` whose prefix is the magic `JRNYIDS2` and whose contents are the number of ids `n`
/// (u64), `n + 1` byte offsets (u64) and the ids' UTF-8 bytes. A file that fails its checksum is not used: the
/// index is rebuilt from the log and saved again.
struct EventIDIndex {
    static let fileName = "event-ids.index"
    /// `JRNYIDS1` files, without the checksum, are stale: not used, and replaced.
    static let magic = Array("JRNYIDS2".utf8)

    var cursor: LogCursor?
    /// The ids as loaded from the file, read in place: its contents (`savedCount`, `savedCount + 1` offsets and the
    /// bytes), never copied out, since a report wants a few thousand of the millions of ids it holds.
    var saved: [UInt8] = []
    var savedCount = 0
    /// The ids added after those, from the log: `offsets[i]..<offsets[i + 1]` are the bytes of the id at position
    /// `savedCount + i + 1`.
    var offsets: [UInt64] = [0]
    var bytes: [UInt8] = []

    var count: Int { savedCount + offsets.count - 1 }

    func id(at position: UInt64) -> EventID? {
        guard position >= 1, position <= UInt64(count) else { return nil }
        let i = Int(position - 1)
        guard i < savedCount else {
            let j = i - savedCount
            return EventID(String(decoding: bytes[Int(offsets[j])..<Int(offsets[j + 1])], as: UTF8.self))
        }
        return saved.withUnsafeBytes { raw in
            let base = Self.savedBytesStart(savedCount)
            let (start, end) = (Int(Self.fixed(raw, 8 + i * 8)), Int(Self.fixed(raw, 16 + i * 8)))
            return EventID(
                String(decoding: UnsafeRawBufferPointer(rebasing: raw[base + start..<base + end]), as: UTF8.self))
        }
    }

    mutating func append(_ id: EventID) {
        bytes.append(contentsOf: id.rawValue.utf8)
        offsets.append(UInt64(bytes.count))
    }

    /// Where the ids' bytes start in a file's contents of `count` ids: after the count and the offsets.
    static func savedBytesStart(_ count: Int) -> Int { 8 + (count + 1) * 8 }

    /// The little-endian u64 at byte `at` of `raw`.
    static func fixed(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    /// The index of `log`: the saved one brought up to date, or a new one; saved back when `save` and anything was
    /// added.
    static func upToDate(_ log: EventLog, save: Bool) throws -> EventIDIndex {
        let file = log.cacheDirectory().map(file(in:))
        var index = EventIDIndex()
        if let file, let saved = load(file, log: log), let cursor = saved.cursor, UInt64(saved.count) == cursor.position
        {
            index = saved
        }
        let before = index.count
        let end = try log.replay(after: index.cursor) { stored in
            // Positions are gapless from 1 (the log's rule): anything else means the saved index is not this log's.
            guard stored.position == UInt64(index.count + 1) else { throw Mismatch() }
            index.append(stored.event.id)
        }
        index.cursor = end
        if save, let file, index.count > before, log.lastPosition > 0 {
            try? index.save(chainHash: log.headChainHash, to: file)
        }
        return index
    }

    struct Mismatch: Error {}

    // MARK: The file

    static func file(in directory: String) -> CacheFile {
        CacheFile(directory: directory, name: fileName, prefix: magic)
    }

    func save(chainHash: [UInt8], to file: CacheFile) throws {
        guard let cursor, chainHash.count == 32 else { throw Mismatch() }
        // The ids loaded and those added, as one list: the added ones' offsets follow the loaded ids' bytes.
        let base = Self.savedBytesStart(savedCount)
        let savedBytes = saved.isEmpty ? 0 : saved.count - base
        var out: [UInt8] = []
        out.reserveCapacity(8 + (count + 1) * 8 + savedBytes + bytes.count)
        withUnsafeBytes(of: UInt64(count).littleEndian) { out += $0 }
        if saved.isEmpty {
            for o in offsets { withUnsafeBytes(of: o.littleEndian) { out += $0 } }
        } else {
            out += saved[8..<base]
            for o in offsets.dropFirst() { withUnsafeBytes(of: (o + UInt64(savedBytes)).littleEndian) { out += $0 } }
            out += saved[base...]
        }
        out += bytes
        try file.write(end: cursor, chainHash: chainHash) { try $0.write(out) }
    }

    static func load(_ file: CacheFile, log: EventLog) -> EventIDIndex? {
        file.read(for: log) { file -> EventIDIndex? in
            let size = file.remaining
            guard size >= 8 else { return nil }
            // Read straight into the array, not into zeros first: it is the size of the whole index.
            var good = false
            let data = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                good = file.read(into: UnsafeMutableRawBufferPointer(buffer))
                initialized = good ? size : 0
            }
            guard good, file.isChecksumGood() else { return nil }
            let valid = data.withUnsafeBytes { raw -> Int? in
                let count = Int(truncatingIfNeeded: fixed(raw, 0))
                guard count >= 0, count <= (data.count - 8) / 8 - 1 else { return nil }
                // The offsets start at 0, never go back, and end at the end of the bytes.
                var previous: UInt64 = 0
                guard fixed(raw, 8) == 0 else { return nil }
                for i in stride(from: 1, through: count, by: 1) {
                    let o = fixed(raw, 8 + i * 8)
                    guard o >= previous else { return nil }
                    previous = o
                }
                guard previous == UInt64(data.count - savedBytesStart(count)) else { return nil }
                return count
            }
            guard let valid else { return nil }
            return EventIDIndex(cursor: file.end, saved: data, savedCount: valid)
        }
    }
}
