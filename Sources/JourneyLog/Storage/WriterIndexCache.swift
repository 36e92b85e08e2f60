import JourneyCore

/// The writer's id index and child versions, saved in the log's cache folder with the committed end they
/// reflect, so that opening a writer reads only the records committed since, not the whole log: on a log of ten
/// million events, reading them all took longer than appending a day's events.
///
/// Like a checkpoint it is disposable: it is used only when the log still holds, with the same chain hash, the
/// batch it was saved after, and its bytes pass their checksum; otherwise the log is read whole, as if it were not
/// there. It is rewritten once the records read past it reach 100,000 or 2% of the log.
///
/// A `CacheFile` whose prefix is the magic and the format (u32), and whose contents are: where the last batch
/// begins (segment u64 · offset u64 · position u64 · chain hash (32)) · slot words u64 · the id table's slot words
/// · overflow ids (count, then id and location each) · child versions (count, then child and version each).
enum WriterIndexCache {
    static let fileName = "writer-index"
    static let magic = Array("JRNYWIDX".utf8)
    /// 2 added where the last batch begins (format 1 files are stale: not used, and replaced when next saved).
    static let formatVersion: UInt32 = 2
    /// The bytes before the id table.
    static let headerSize = 8 + 4 + 2 * (3 * 8 + 32) + 8

    struct Contents {
        var ids: IDIndex
        var overflow: [EventID: RecordLocation]
        var versions: [ChildID: ChildVersion]
        /// The committed end the contents reflect, and the chain hash there.
        var end: LogCursor
        var chainHash: [UInt8]
        /// Where the batch that ends at `end` begins.
        var lastBatch: LastBatch
    }

    static func file(_ layout: LogLayout) -> CacheFile {
        var prefix = magic
        withUnsafeBytes(of: formatVersion.littleEndian) { prefix += $0 }
        return CacheFile(directory: layout.cachePath, name: fileName, prefix: prefix)
    }

    /// Whether the index, `sinceSaved` records past its saved copy, is worth saving again.
    static func isWorthSaving(sinceSaved: UInt64, logSize: UInt64) -> Bool {
        sinceSaved >= max(100_000, logSize / 50)
    }

    /// The saved index, if there is one that fits `log`; `nil` otherwise, for any reason.
    static func load(_ layout: LogLayout, log: EventLog) -> Contents? {
        file(layout).read(for: log) { file -> Contents? in
            guard let batch = file.read(3 * 8 + 32 + 8) else { return nil }
            let (lastBatch, wordCount) = batch.withUnsafeBytes { raw -> (LastBatch?, UInt64) in
                var r = BinaryReader(raw)
                guard let start = try? LogCursor(reading: &r) else { return (nil, 0) }
                let words = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 56, as: UInt64.self))
                return (LastBatch(start: start, chainHash: Array(batch[24..<56])), words)
            }
            guard let lastBatch, wordCount <= UInt64(file.remaining / 8) else { return nil }
            let words = Int(wordCount)
            var isRead = true
            let slotWords = [UInt64](unsafeUninitializedCapacity: words) { buffer, initialized in
                isRead = file.read(into: UnsafeMutableRawBufferPointer(buffer))
                initialized = isRead ? words : 0
            }
            guard isRead, let rest = file.read(file.remaining), file.isChecksumGood(),
                let ids = IDIndex(slotWords: slotWords)
            else { return nil }
            return rest.withUnsafeBytes { raw -> Contents? in
                var r = BinaryReader(raw)
                do {
                    var overflow: [EventID: RecordLocation] = [:]
                    for _ in 0..<(try r.count()) {
                        overflow[EventID(try r.string())] = RecordLocation(rawValue: try r.fixed(UInt64.self))
                    }
                    let childCount = try r.count()
                    var versions: [ChildID: ChildVersion] = [:]
                    versions.reserveCapacity(childCount)
                    for _ in 0..<childCount {
                        versions[ChildID(try r.string())] = ChildVersion(current: try r.fixed(UInt32.self))
                    }
                    guard r.isAtEnd else { return nil }
                    return Contents(
                        ids: ids, overflow: overflow, versions: versions, end: file.end, chainHash: file.chainHash,
                        lastBatch: lastBatch)
                } catch {
                    return nil
                }
            }
        }
    }

    /// Saves the index as it is at the committed end `head` (`CacheFile.write`).
    static func save(
        ids: IDIndex, overflow: [EventID: RecordLocation], versions: [ChildID: ChildVersion], head: Head,
        lastBatch: LastBatch, _ layout: LogLayout
    ) throws {
        let end = LogCursor(segment: head.segment, offset: head.offset, position: head.position)
        try file(layout).write(end: end, chainHash: head.chainHash) { file in
            let words = ids.slotWords
            var w = BinaryWriter(capacity: 3 * 8 + 32 + 8)
            lastBatch.start.write(to: &w)
            w.bytes += lastBatch.chainHash
            w.fixed(UInt64(words.count))
            try file.write(w.bytes)
            try words.withUnsafeBytes { try file.write($0) }
            w = BinaryWriter(capacity: 16 * versions.count + 1024)
            w.varint(UInt64(overflow.count))
            for (id, location) in overflow.sorted(by: { $0.key < $1.key }) {
                w.string(id.rawValue)
                w.fixed(location.rawValue)
            }
            w.varint(UInt64(versions.count))
            for (child, version) in versions {
                w.string(child.rawValue)
                w.fixed(version.current)
            }
            try file.write(w.bytes)
        }
    }
}
