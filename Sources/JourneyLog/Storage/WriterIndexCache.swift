import JourneyCore

/// The writer's id index and child versions, saved in the log's cache folder with the committed end they
/// reflect, so that opening a writer reads only the records committed since, not the whole log: on a log of ten
/// million events, reading them all took longer than appending a day's events.
///
/// Like a checkpoint it is disposable: it is used only when the log still holds, with the same chain hash, the
/// batch it was saved after, and its bytes pass their checksum; otherwise the log is read whole, as if it were not
/// there. It is rewritten once the records read past it reach 100,000 or 2% of the log.
///
///     magic · format u32 · segment u64 · offset u64 · position u64 · chain hash (32) · where the last batch
///     begins: segment u64 · offset u64 · position u64 · chain hash (32) · slot words u64 · the id table's slot words · overflow ids (count, then id and location each) · child versions (count, then
///     child and version each) · CRC-32C of everything before it
enum WriterIndexCache {
    static let fileName = "writer-index"
    static let magic = Array("JRNYWIDX".utf8)
    /// 2 added where the last batch begins (format 1 files are stale: not used, and replaced when next saved).
    static let formatVersion: UInt32 = 2
    static let headerSize = 8 + 4 + 2 * (3 * 8 + 32) + 8

    struct Contents {
        var ids: IDIndex
        var overflow: [EventID: UInt64]
        var versions: [ChildID: ChildVersion]
        /// The committed end the contents reflect, and the chain hash there.
        var end: LogCursor
        var chainHash: [UInt8]
        /// Where the batch that ends at `end` begins.
        var lastBatch: LastBatch
    }

    static func path(_ layout: LogLayout) -> String { layout.cachePath + "/" + fileName }

    /// Whether the index, `sinceSaved` records past its saved copy, is worth saving again.
    static func isWorthSaving(sinceSaved: UInt64, logSize: UInt64) -> Bool {
        sinceSaved >= max(100_000, logSize / 50)
    }

    /// The saved index, if there is one that fits `log`; `nil` otherwise, for any reason.
    static func load(_ layout: LogLayout, log: EventLog) -> Contents? {
        let path = path(layout)
        guard System.exists(path), let fd = try? System.open(path, flags: O_RDONLY_) else { return nil }
        defer { System.close(fd) }
        guard let size = try? System.size(fd, path: path), size >= headerSize + 4 else { return nil }
        func read(_ buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
            guard let base = buffer.baseAddress else { return true }
            return (try? System.read(fd, into: base, count: buffer.count, at: offset, path: path)) == buffer.count
        }
        var header = [UInt8](repeating: 0, count: headerSize)
        guard header.withUnsafeMutableBytes({ read($0, at: 0) }) else { return nil }
        return header.withUnsafeBytes { raw -> Contents? in
            var r = BinaryReader(raw)
            guard (try? magic.allSatisfy({ try r.byte() == $0 })) == true,
                (try? r.fixed(UInt32.self)) == formatVersion,
                let segment = try? r.fixed(UInt64.self), let offset = try? r.fixed(UInt64.self),
                let position = try? r.fixed(UInt64.self)
            else { return nil }
            let chainHash = (0..<32).compactMap { _ in try? r.byte() }
            guard let batchSegment = try? r.fixed(UInt64.self), let batchOffset = try? r.fixed(UInt64.self),
                let batchPosition = try? r.fixed(UInt64.self)
            else { return nil }
            let batchHash = (0..<32).compactMap { _ in try? r.byte() }
            let lastBatch = LastBatch(
                start: LogCursor(segment: Int(batchSegment), offset: Int(batchOffset), position: batchPosition),
                chainHash: batchHash)
            guard let wordCount = try? r.fixed(UInt64.self), wordCount <= UInt64(size) / 8 else { return nil }
            let end = LogCursor(segment: Int(segment), offset: Int(offset), position: position)
            guard log.chainHash(endingAt: end) == chainHash else { return nil }

            let words = Int(wordCount)
            var isRead = true
            let slotWords = [UInt64](unsafeUninitializedCapacity: words) { buffer, initialized in
                isRead = read(UnsafeMutableRawBufferPointer(buffer), at: headerSize)
                initialized = isRead ? words : 0
            }
            let restStart = headerSize + 8 * words
            guard isRead, restStart + 4 <= size else { return nil }
            var rest = [UInt8](repeating: 0, count: size - restStart)
            guard rest.withUnsafeMutableBytes({ read($0, at: restStart) }) else { return nil }
            var crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<headerSize]))
            crc = slotWords.withUnsafeBytes { CRC32C.checksum($0, continuing: crc) }
            crc = rest.withUnsafeBytes {
                CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0.dropLast(4)), continuing: crc)
            }
            let stored = rest.suffix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard stored == crc, let ids = IDIndex(slotWords: slotWords) else { return nil }
            return rest.withUnsafeBytes { raw -> Contents? in
                var r = BinaryReader(UnsafeRawBufferPointer(rebasing: raw.dropLast(4)))
                do {
                    var overflow: [EventID: UInt64] = [:]
                    for _ in 0..<(try r.count()) { overflow[EventID(try r.string())] = try r.fixed(UInt64.self) }
                    let childCount = try r.count()
                    var versions: [ChildID: ChildVersion] = [:]
                    versions.reserveCapacity(childCount)
                    for _ in 0..<childCount {
                        versions[ChildID(try r.string())] = ChildVersion(current: try r.fixed(UInt32.self))
                    }
                    guard r.isAtEnd else { return nil }
                    return Contents(
                        ids: ids, overflow: overflow, versions: versions, end: end, chainHash: chainHash,
                        lastBatch: lastBatch)
                } catch {
                    return nil
                }
            }
        }
    }

    /// Saves the index as it is at the committed end `head`: beside, then renamed over, so that a reader never
    /// finds half of one.
    static func save(
        ids: IDIndex, overflow: [EventID: UInt64], versions: [ChildID: ChildVersion], head: Head, lastBatch: LastBatch,
        _ layout: LogLayout
    ) throws {
        try System.makeDirectory(layout.cachePath)
        let path = path(layout)
        let temporary = path + ".new"
        let fd = try System.open(temporary, flags: O_WRONLY_ | O_TRUNC_, create: true)
        defer { System.close(fd) }
        var offset = 0
        var crc: UInt32 = 0
        func write(_ bytes: UnsafeRawBufferPointer) throws {
            crc = CRC32C.checksum(bytes, continuing: crc)
            try System.write(fd, bytes, at: offset, path: temporary)
            offset += bytes.count
        }
        let words = ids.slotWords
        var w = BinaryWriter(capacity: headerSize)
        w.bytes += magic
        w.fixed(formatVersion)
        w.fixed(UInt64(head.segment))
        w.fixed(UInt64(head.offset))
        w.fixed(head.position)
        w.bytes += head.chainHash
        w.fixed(UInt64(lastBatch.start.segment))
        w.fixed(UInt64(lastBatch.start.offset))
        w.fixed(lastBatch.start.position)
        w.bytes += lastBatch.chainHash
        w.fixed(UInt64(words.count))
        try w.bytes.withUnsafeBytes { try write($0) }
        try words.withUnsafeBytes { try write($0) }
        w = BinaryWriter(capacity: 16 * versions.count + 1024)
        w.varint(UInt64(overflow.count))
        for (id, location) in overflow.sorted(by: { $0.key < $1.key }) {
            w.string(id.rawValue)
            w.fixed(location)
        }
        w.varint(UInt64(versions.count))
        for (child, version) in versions {
            w.string(child.rawValue)
            w.fixed(version.current)
        }
        try w.bytes.withUnsafeBytes { try write($0) }
        let sum = crc
        try withUnsafeBytes(of: sum.littleEndian) { try write($0) }
        try System.rename(temporary, path)
    }
}
