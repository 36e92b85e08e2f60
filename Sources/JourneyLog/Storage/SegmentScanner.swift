/// Reads the records of one segment file in large chunks, in place.
struct SegmentScanner {
    /// Where a scan stopped.
    enum End: Equatable {
        /// At `limit` (or the end of the file when there is no limit), on a record boundary.
        case complete(offset: Int)
        /// A record starts at `offset` but the file ends inside it: a torn write.
        case incomplete(offset: Int)
        /// The bytes at `offset` are not a record.
        case damaged(offset: Int, reason: String)
    }

    let path: String
    /// How much of the file is mapped or read at once. At least the largest record with its framing, so that every
    /// chunk holds one whole.
    var chunkSize = 8 << 20
    /// Whether chunks are mapped into memory; when not (or when a chunk cannot be), they are read into a buffer.
    /// Both ways give the same records and the same end: the tests read both.
    var mapsChunks = true

    /// Checks the segment header; returns the segment number it names.
    static func readHeader(fd: Int32, path: String) throws -> Int {
        var header = [UInt8](repeating: 0, count: LogLayout.headerSize)
        let n = try header.withUnsafeMutableBytes { b throws in
            try LogIO.read(fd, into: b.baseAddress!, count: LogLayout.headerSize, at: 0, path: path)
        }
        guard n == LogLayout.headerSize, Array(header[0..<8]) == LogLayout.magic else {
            throw LogError.damaged(path: path, offset: 0, reason: "the file does not start with a segment header")
        }
        let version = header.withUnsafeBytes {
            UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        }
        guard version == 1 else {
            throw LogError.damaged(
                path: path, offset: 8, reason: "segment format \(version) is not one this version reads")
        }
        return Int(
            header.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self)) })
    }

    /// Calls `body` with each record from `start` up to `limit` (the file's end when `nil`) and its offset.
    /// `body` returns false to stop early.
    ///
    /// The file is read a chunk at a time, each mapped into memory and read in place: copying the records out
    /// first (`pread`) was a sixth of the time a replay's reading thread took. A chunk that cannot be mapped is read
    /// into a buffer instead. A chunk at a time, so that the pages of the file mapped at once stay few (peak memory
    /// counts them). Only bytes the file held when its size was read are mapped: a mapped page past the end of a
    /// file that has since been cut short would stop the process when read, and a writer's repair cuts only what
    /// lies past the committed end, which a reader never reads.
    func scan(
        fd: Int32, from start: Int, to limit: Int?, verifyChecksums: Bool = true,
        _ body: (Record.Framed, Int) throws -> Bool
    ) throws -> End {
        let fileSize = try LogIO.size(fd, path: path)
        let end = min(limit ?? fileSize, fileSize)
        var buffer: UnsafeMutableRawBufferPointer?
        defer { buffer?.deallocate() }
        var chunkStart = start
        while chunkStart < end {
            let want = min(chunkSize, end - chunkStart)
            let mapped = mapsChunks ? System.map(fd, offset: chunkStart, count: want) : nil
            defer { if let mapped { System.unmap(mapped) } }
            let chunk: UnsafeRawBufferPointer
            if let mapped {
                chunk = mapped
            } else {
                if buffer == nil { buffer = .allocate(byteCount: chunkSize, alignment: 16) }
                let got = try LogIO.read(fd, into: buffer!.baseAddress!, count: want, at: chunkStart, path: path)
                guard got > 0 else { return .incomplete(offset: chunkStart) }
                chunk = UnsafeRawBufferPointer(rebasing: buffer![0..<got])
            }
            var at = 0
            records: while at < chunk.count {
                switch Record.read(UnsafeRawBufferPointer(rebasing: chunk[at...]), verifyChecksum: verifyChecksums) {
                case .record(let framed):
                    guard try body(framed, chunkStart + at) else {
                        return .complete(offset: chunkStart + at + framed.size)
                    }
                    at += framed.size
                case .incomplete(let needed):
                    if chunkStart + at + needed > end { return .incomplete(offset: chunkStart + at) }
                    // The record goes on past this chunk: read the next chunk from its start.
                    break records
                case .damaged(let reason):
                    return .damaged(offset: chunkStart + at, reason: reason)
                }
            }
            chunkStart += at
        }
        return .complete(offset: end)
    }
}
