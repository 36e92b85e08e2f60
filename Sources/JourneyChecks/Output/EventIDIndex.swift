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
    /// `offsets[i]..<offsets[i + 1]` are the bytes of the id at position `i + 1`.
    var offsets: [UInt64] = [0]
    var bytes: [UInt8] = []

    var count: Int { offsets.count - 1 }

    func id(at position: UInt64) -> EventID? {
        guard position >= 1, position <= UInt64(count) else { return nil }
        let i = Int(position - 1)
        let slice = bytes[Int(offsets[i])..<Int(offsets[i + 1])]
        return EventID(String(decoding: slice, as: UTF8.self))
    }

    mutating func append(_ id: EventID) {
        bytes.append(contentsOf: id.rawValue.utf8)
        offsets.append(UInt64(bytes.count))
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
        var out: [UInt8] = []
        out.reserveCapacity(8 + offsets.count * 8 + bytes.count)
        withUnsafeBytes(of: UInt64(count).littleEndian) { out += $0 }
        for o in offsets { withUnsafeBytes(of: o.littleEndian) { out += $0 } }
        out += bytes
        try file.write(end: cursor, chainHash: chainHash) { try $0.write(out) }
    }

    static func load(_ file: CacheFile, log: EventLog) -> EventIDIndex? {
        file.read(for: log) { file -> EventIDIndex? in
            guard let data = file.read(file.remaining), file.isChecksumGood(), data.count >= 8 else { return nil }
            return data.withUnsafeBytes { raw -> EventIDIndex? in
                func fixed(_ at: Int) -> UInt64 {
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                }
                let count = Int(truncatingIfNeeded: fixed(0))
                guard count >= 0, count <= (data.count - 8) / 8 - 1 else { return nil }
                var index = EventIDIndex(cursor: file.end)
                index.offsets = (0...count).map { fixed(8 + $0 * 8) }
                index.bytes = Array(data[(8 + (count + 1) * 8)...])
                guard index.offsets.first == 0, index.offsets.last == UInt64(index.bytes.count),
                    zip(index.offsets, index.offsets.dropFirst()).allSatisfy({ $0 <= $1 })
                else { return nil }
                return index
            }
        }
    }
}
