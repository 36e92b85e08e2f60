import JourneyCore

/// A derived file read in pieces: the bytes after `Writer.beginBlocks()` carry a checksum for every block of
/// `CacheFile.blockSize` bytes, in a table at the end of the contents, so that a reader who wants a few records of a
/// large file (some children's atoms out of a checkpoint of half a gigabyte) reads and checks only the blocks that
/// hold them, and still never believes a byte that is not as written.
///
///     … · contents before the table · checksum of each block (u32 each) · block count (u64) · CRC-32C of the
///     table and the count (u32) · CRC-32C of the whole file (u32)
///
/// The whole file's checksum is unchanged by the table, so a reader of the whole file (`Reader`) checks it as
/// before and reads the table as contents.
extension CacheFile {
    /// 4 KiB, a page: a record read alone costs a page read and its checksum, and the table is a thousandth of the
    /// file.
    package static let blockSize = 4096

    /// Checksums of the blocks written so far.
    struct BlockChecksums {
        var sums: [UInt32] = []
        var current: UInt32 = 0
        var filled = 0

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var rest = bytes
            while !rest.isEmpty {
                let n = min(CacheFile.blockSize - filled, rest.count)
                current = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: rest[..<n]), continuing: current)
                filled += n
                rest = UnsafeRawBufferPointer(rebasing: rest[n...])
                if filled == CacheFile.blockSize {
                    sums.append(current)
                    (current, filled) = (0, 0)
                }
            }
        }

        /// The checksums with the last, partial block's.
        func finished() -> [UInt32] { filled > 0 ? sums + [current] : sums }
    }
}

extension CacheFile.Writer {
    /// From here on, bytes are also checksummed a block at a time, for the table `writeBlockTable()` writes.
    package mutating func beginBlocks() { blocks = .init() }

    /// Writes the table of the blocks' checksums since `beginBlocks()`: the last of the contents.
    package mutating func writeBlockTable() throws {
        // Cannot fail on input: the one writer of a block table (`Checkpoint.writeContents`) calls `beginBlocks`
        // first, in the same function. Without it there would be no table to write: a programming error.
        guard let blocks else { preconditionFailure("writeBlockTable without beginBlocks") }
        self.blocks = nil
        let sums = blocks.finished()
        var w = BinaryWriter(capacity: sums.count * 4 + 12)
        for sum in sums { w.fixed(sum) }
        w.fixed(UInt64(sums.count))
        w.fixed(w.bytes.withUnsafeBytes { CRC32C.checksum($0) })
        try write(w.bytes)
    }
}

extension CacheFile {
    /// A derived file in the cache folder opened to be read in pieces (see above): its header fits the log, and its
    /// table of block checksums is whole; each read checks the blocks it touches. The file's own checksum, over
    /// all of it, is not checked: that would read every byte, which is what this is for not doing.
    package final class BlockReader {
        let fd: Int32
        let path: String
        /// The end of the batch the file was made after, and the chain hash there.
        package let end: LogCursor
        package let chainHash: [UInt8]
        /// Where the checked bytes start (the offset of `beginBlocks()`), and where the table starts.
        package let blocksStart: Int
        package let blocksEnd: Int
        let sums: [UInt32]

        init?(fd: Int32, path: String, size: Int, blocksStart: Int, end: LogCursor, chainHash: [UInt8]) {
            (self.fd, self.path, self.end, self.chainHash, self.blocksStart) = (fd, path, end, chainHash, blocksStart)
            // The table's count and checksum, before the file's checksum.
            var trailer = [UInt8](repeating: 0, count: 12)
            let trailerAt = size - 4 - 12
            guard trailerAt >= blocksStart,
                trailer.withUnsafeMutableBytes({ Self.fetch(fd, path, $0, at: trailerAt) })
            else { return nil }
            let (count, stored) = trailer.withUnsafeBytes {
                (
                    UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)),
                    UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
                )
            }
            guard let count = Int(exactly: count), count <= trailerAt / 4 else { return nil }
            let tableAt = trailerAt - 4 * count
            blocksEnd = tableAt
            guard tableAt >= blocksStart,
                count == (tableAt - blocksStart + CacheFile.blockSize - 1) / CacheFile.blockSize
            else { return nil }
            var table = [UInt8](repeating: 0, count: 4 * count + 8)
            guard table.withUnsafeMutableBytes({ Self.fetch(fd, path, $0, at: tableAt) }),
                table.withUnsafeBytes({ CRC32C.checksum($0) }) == stored
            else { return nil }
            sums = table.withUnsafeBytes { raw in
                (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)) }
            }
        }

        deinit { System.close(fd) }

        /// Reused by `withBytes`: a reader of many pieces allocates (and the kernel zeroes) its pages once.
        private var scratch: [UInt8] = []

        /// The `count` bytes at `offset` (an offset in the file, within the checked blocks), or `nil` when they are
        /// outside them, cannot be read, or a block that holds them is not as written.
        package func read(at offset: Int, count: Int) -> [UInt8]? {
            withBytes(at: offset, count: count) { Array($0) }
        }

        /// `body` called with the `count` bytes at `offset`, as `read(at:count:)` gives them, read into a buffer
        /// kept for the next call; `nil` when `read` would give `nil`.
        package func withBytes<T>(at offset: Int, count: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows
            -> T?
        {
            try withBytes(at: offset, count: count, scratch: &scratch, body)
        }

        /// `withBytes`, reading into `scratch`, the caller's: for readers on several threads at once, each with
        /// its own.
        package func withBytes<T>(
            at offset: Int, count: Int, scratch: inout [UInt8], _ body: (UnsafeRawBufferPointer) throws -> T
        ) rethrows -> T? {
            guard count >= 0, offset >= blocksStart, offset + count <= blocksEnd else { return nil }
            guard count > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            let size = CacheFile.blockSize
            let first = (offset - blocksStart) / size
            let last = (offset + count - 1 - blocksStart) / size
            let spanStart = blocksStart + first * size
            let spanEnd = min(blocksStart + (last + 1) * size, blocksEnd)
            // Made as it is read into, not filled with zeros first (the checkpoint's middle part is 12 MB at 10M
            // events): its bytes are read before they are used, and none is used when the read fails.
            if scratch.count < spanEnd - spanStart {
                scratch = [UInt8](unsafeUninitializedCapacity: spanEnd - spanStart) { $1 = $0.count }
            }
            let (fd, path, sums) = (self.fd, self.path, self.sums)
            return try scratch.withUnsafeMutableBytes { whole -> T? in
                let raw = UnsafeMutableRawBufferPointer(rebasing: whole[0..<(spanEnd - spanStart)])
                guard Self.fetch(fd, path, raw, at: spanStart) else { return nil }
                for block in first...last {
                    let from = (block - first) * size
                    let bytes = UnsafeRawBufferPointer(rebasing: raw[from..<min(from + size, raw.count)])
                    guard CRC32C.checksum(bytes) == sums[block] else { return nil }
                }
                let from = offset - spanStart
                return try body(UnsafeRawBufferPointer(rebasing: raw[from..<(from + count)]))
            }
        }

        static func fetch(_ fd: Int32, _ path: String, _ buffer: UnsafeMutableRawBufferPointer, at offset: Int)
            -> Bool
        {
            guard let base = buffer.baseAddress else { return true }
            return (try? System.read(fd, into: base, count: buffer.count, at: offset, path: path)) == buffer.count
        }
    }

    /// The file opened to be read in pieces, if it fits `log` (its prefix is this build's, the log still holds,
    /// with the same chain hash, the batch it names) and has a whole table of block checksums whose blocks start
    /// `blocksStart` bytes into the contents; `nil` otherwise, for any reason.
    package func openBlocks(for log: EventLog, blocksStart: Int) -> BlockReader? {
        guard let fd = try? System.open(path, flags: O_RDONLY_) else { return nil }
        guard let size = try? System.size(fd, path: path),
            let (header, end) = Self.header(
                prefix: prefix, size: size, fetch: { BlockReader.fetch(fd, path, $0, at: 0) }),
            log.chainHash(endingAt: end) == Array(header.suffix(32)),
            let reader = BlockReader(
                fd: fd, path: path, size: size, blocksStart: headerSize + blocksStart, end: end,
                chainHash: Array(header.suffix(32)))
        else {
            System.close(fd)
            return nil
        }
        return reader
    }
}
