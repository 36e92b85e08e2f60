import JourneyCore
import JourneyLog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every event id of a log by position, kept in the log's cache folder beside the checkpoint, so that a report can
/// name the events its findings cite without decoding the log again.
///
/// Like the checkpoint, it is disposable derived state: it is used only when the log still holds, with the same
/// chain hash, the batch it was built up to; it is then brought up to date with the events appended since, and
/// otherwise rebuilt. Deleting it changes no output.
///
/// The file: the magic `JRNYIDS2`; the cursor it was built up to (segment, offset, position) and the chain hash of
/// that batch (32 bytes); the number of ids `n`; `n + 1` byte offsets; the ids' UTF-8 bytes; a CRC-32C of
/// everything before it (u32), as the checkpoint and the writer's saved index end. Integers are little-endian.
/// A file that fails its checksum is not used: the index is rebuilt from the log and saved again.
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
        let directory = log.cacheDirectory()
        var index = EventIDIndex()
        if let directory, let saved = load(directory + "/" + fileName), let cursor = saved.index.cursor,
            log.chainHash(endingAt: cursor) == saved.chainHash, UInt64(saved.index.count) == cursor.position
        {
            index = saved.index
        }
        let before = index.count
        let end = try log.replay(after: index.cursor) { stored in
            // Positions are gapless from 1 (the log's rule): anything else means the saved index is not this log's.
            guard stored.position == UInt64(index.count + 1) else { throw Mismatch() }
            index.append(stored.event.id)
        }
        index.cursor = end
        if save, let directory, index.count > before, log.lastPosition > 0 {
            try? index.save(chainHash: log.headChainHash, to: directory + "/" + fileName)
        }
        return index
    }

    struct Mismatch: Error {}

    // MARK: The file

    func save(chainHash: [UInt8], to path: String) throws {
        guard let cursor, chainHash.count == 32 else { throw Mismatch() }
        var out = Self.magic
        out.reserveCapacity(64 + offsets.count * 8 + bytes.count)
        func fixed(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        fixed(UInt64(cursor.segment))
        fixed(UInt64(cursor.offset))
        fixed(cursor.position)
        out += chainHash
        fixed(UInt64(count))
        for o in offsets { fixed(o) }
        out += bytes
        let crc = out.withUnsafeBytes { CRC32C.checksum($0) }
        withUnsafeBytes(of: crc.littleEndian) { out.append(contentsOf: $0) }
        // Written beside, then renamed over, so that a reader never finds half an index.
        let temporary = path + ".new"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Mismatch() }
        defer { close(fd) }
        var done = 0
        do {
            try out.withUnsafeBytes { raw in
                while done < raw.count {
                    let n = write(fd, raw.baseAddress! + done, raw.count - done)
                    guard n > 0 else { throw Mismatch() }
                    done += n
                }
            }
            guard rename(temporary, path) == 0 else { throw Mismatch() }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    static func load(_ path: String) -> (index: EventIDIndex, chainHash: [UInt8])? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        var data = [UInt8](repeating: 0, count: size)
        var done = 0
        let ok = data.withUnsafeMutableBytes { raw -> Bool in
            while done < size {
                let n = read(fd, raw.baseAddress! + done, size - done)
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        guard ok else { return nil }
        return parse(data)
    }

    static func parse(_ file: [UInt8]) -> (index: EventIDIndex, chainHash: [UInt8])? {
        let header = magic.count + 3 * 8 + 32 + 8
        guard file.count >= header + 4, Array(file[0..<magic.count]) == magic else { return nil }
        let stored = file.withUnsafeBytes {
            UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: file.count - 4, as: UInt32.self))
        }
        guard file.withUnsafeBytes({ CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0.dropLast(4))) }) == stored
        else { return nil }
        let data = Array(file.dropLast(4))
        return data.withUnsafeBytes { raw -> (EventIDIndex, [UInt8])? in
            func fixed(_ at: Int) -> UInt64 {
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            }
            var at = magic.count
            let cursor = LogCursor(segment: Int(fixed(at)), offset: Int(fixed(at + 8)), position: fixed(at + 16))
            at += 24
            let hash = Array(data[at..<(at + 32)])
            at += 32
            let count = Int(fixed(at))
            at += 8
            guard count >= 0, count <= (data.count - at) / 8 - 1 else { return nil }
            var index = EventIDIndex(cursor: cursor)
            index.offsets = (0...count).map { fixed(at + $0 * 8) }
            at += (count + 1) * 8
            index.bytes = Array(data[at...])
            guard index.offsets.first == 0, index.offsets.last == UInt64(index.bytes.count),
                zip(index.offsets, index.offsets.dropFirst()).allSatisfy({ $0 <= $1 })
            else { return nil }
            return (index, hash)
        }
    }
}
