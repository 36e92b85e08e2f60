import Dispatch
import JourneyCore

/// A file of state derived from a log, kept in the log's cache folder: the checkpoint, the writer's saved index,
/// the index of event ids. Each is disposable and trusted only while it fits the log: its prefix (magic and format)
/// is this build's, the log still holds, with the same chain hash, the batch that ends where it was made, and its
/// checksum is good. Anything else and it is not used: the caller rebuilds from the log, as if it were not there.
///
///     prefix · segment u64 · offset u64 · position u64 · chain hash (32) · contents · CRC-32C of everything
///     before it (u32)
///
/// Integers are little-endian. It is replaced whole (`System.replaceFile`), so a reader never finds half of one.
///
/// The same layout, written and read by the same code (`frame`, `read(prefix:size:from:chainHash:_:)`), serves a
/// log kept elsewhere: PostgreSQL keeps a checkpoint's bytes in a table beside the log (`DerivedFile`).
package struct CacheFile: Sendable {
    package let directory: String
    package let name: String
    /// The bytes every such file starts with: its magic, its format, anything else that must match exactly.
    package let prefix: [UInt8]

    package init(directory: String, name: String, prefix: [UInt8]) {
        self.directory = directory
        self.name = name
        self.prefix = prefix
    }

    package var path: String { directory + "/" + name }
    /// Where it is written before it is renamed into place.
    package var temporaryPath: String { path + ".new" }
    /// The bytes before the contents.
    package var headerSize: Int { prefix.count + 3 * 8 + 32 }

    // MARK: Writing

    /// The file being written: what is written goes into its checksum.
    package struct Writer {
        /// Where the bytes go: a file in the cache folder, or another place (`DerivedFileSink`).
        enum Sink {
            case file(FileOutput)
            case other(any DerivedFileSink)
        }
        var sink: Sink
        var checksum: UInt32 = 0
        /// The checksums of the blocks written since `beginBlocks()`, when the file has a block table.
        var blocks: BlockChecksums?

        /// A writer into another place than a file: `frame` writes the header, the contents and the checksum.
        package init(_ sink: any DerivedFileSink) { self.sink = .other(sink) }

        init(_ output: FileOutput) { self.sink = .file(output) }

        package mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
            checksum = CRC32C.checksum(bytes, continuing: checksum)
            blocks?.add(bytes)
            try put(bytes)
        }

        package mutating func write(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try write($0) }
        }

        /// Writes bytes without counting them into the checksum: the checksum itself.
        mutating func put(_ bytes: UnsafeRawBufferPointer) throws {
            switch sink {
            case .file(var output):
                try output.write(bytes)
                sink = .file(output)
            case .other(let other):
                try other.write(bytes)
            }
        }
    }

    /// Writes the file for the batch that ends at `end` with `chainHash`: the header, what `contents` writes, and
    /// the checksum, replacing the file there only once all of it is on the disk.
    package func write(end: LogCursor, chainHash: [UInt8], _ contents: (inout Writer) throws -> Void) throws {
        try System.makeDirectory(directory)
        try System.replaceFile(path, temporary: temporaryPath) { output in
            var writer = Writer(output)
            try Self.frame(prefix: prefix, end: end, chainHash: chainHash, into: &writer, contents)
            if case .file(let written) = writer.sink { output = written }
        }
    }

    /// Writes a whole derived file into `writer`: the header (`prefix`, `end`, `chainHash`), what `contents`
    /// writes, and the checksum of all of it. One layout wherever the file is kept.
    package static func frame(
        prefix: [UInt8], end: LogCursor, chainHash: [UInt8], into writer: inout Writer,
        _ contents: (inout Writer) throws -> Void
    ) throws {
        // Cannot fail on input: a chain hash is a SHA-256 digest (`Commit`), or the head's, which `Head.read` refuses
        // as damage unless it is 32 bytes. A shorter one here is a programming error, not a file to write.
        precondition(chainHash.count == 32, "a chain hash is 32 bytes")
        var header = BinaryWriter(capacity: prefix.count + 3 * 8 + 32)
        header.bytes += prefix
        end.write(to: &header)
        header.bytes += chainHash
        try writer.write(header.bytes)
        try contents(&writer)
        let sum = writer.checksum
        try withUnsafeBytes(of: sum.littleEndian) { try writer.put($0) }
    }

    // MARK: Reading

    /// The file being read, from the end of its header to its checksum: what is read goes into the checksum.
    package struct Reader {
        /// Where the bytes come from: a file in the cache folder, or another place (`DerivedFileSource`).
        enum Source {
            case file(fd: Int32, path: String)
            case other(any DerivedFileSource)
        }
        let source: Source
        /// The end of the batch the file was made after, and the chain hash there (the log's own).
        package let end: LogCursor
        package let chainHash: [UInt8]
        /// The file's size.
        package let size: Int
        /// Where the next read starts.
        package private(set) var offset: Int
        var checksum: UInt32
        /// Set by `isChecksumGood()` when every byte before the checksum has been read and the checksum matches.
        package private(set) var isVerified = false

        /// The bytes left before the checksum.
        package var remaining: Int { size - 4 - offset }

        /// Fills `buffer` with the next bytes; false when fewer are left before the checksum, or they cannot be
        /// read.
        package mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Bool {
            guard buffer.count <= remaining else { return false }
            guard buffer.baseAddress != nil else { return true }
            guard fetch(buffer, at: offset) else { return false }
            checksum = CRC32C.checksum(UnsafeRawBufferPointer(buffer), continuing: checksum)
            offset += buffer.count
            return true
        }

        /// `read(into:)` on all cores: for a buffer of hundreds of megabytes (a checkpoint's atoms), whose reading
        /// (the kernel's copy, the first touch of each fresh page) and checksum were most of the 0.8 s a command from
        /// a checkpoint of ten million events spent on one core before it began its work. Each core reads and checks
        /// its own slices of `sliceSize` bytes; the slices' checksums are combined in order (`CRC32C.combine`), so the
        /// file's checksum is compared as before.
        package mutating func readOnAllCores(
            into buffer: UnsafeMutableRawBufferPointer, sliceSize: Int = 16 << 20
        ) -> Bool {
            guard buffer.count <= remaining else { return false }
            guard let base = buffer.baseAddress else { return true }
            return checkOnAllCores(buffer.count, sliceSize: sliceSize) { slice, _ in
                UnsafeMutableRawBufferPointer(start: base + slice.lowerBound, count: slice.count)
            }
        }

        /// Reads the next `count` bytes for the file's checksum alone, on all cores (as `readOnAllCores`), each
        /// slice `pieceSize` bytes at a time into a buffer of its own.
        package mutating func skipOnAllCores(
            _ count: Int, sliceSize: Int = 16 << 20, pieceSize: Int = 1 << 20
        ) -> Bool {
            let (sliceSize, pieceSize) = (max(1, sliceSize), max(1, pieceSize))
            guard count <= remaining else { return false }
            let slices = (count + sliceSize - 1) / sliceSize
            let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, pieceSize * slices), alignment: 64)
            defer { scratch.deallocate() }
            return checkOnAllCores(count, sliceSize: sliceSize) { _, index in
                UnsafeMutableRawBufferPointer(rebasing: scratch[index * pieceSize..<(index + 1) * pieceSize])
            }
        }

        /// Reads the next `count` bytes a slice at a time, each into the memory `target` gives for it (the slice's
        /// own place, or, when that is shorter than the slice, a buffer filled again for each part of it), on all
        /// cores for a file; in order, on this thread, for another source.
        private mutating func checkOnAllCores(
            _ count: Int, sliceSize: Int, target: (Range<Int>, Int) -> UnsafeMutableRawBufferPointer
        ) -> Bool {
            let sliceSize = max(1, sliceSize)
            let slices = stride(from: 0, to: count, by: sliceSize).map { $0..<min($0 + sliceSize, count) }
            guard case .file(let fd, let path) = source else {
                for (index, slice) in slices.enumerated() {
                    let place = target(slice, index)
                    var done = 0
                    while done < slice.count {
                        let n = min(place.count, slice.count - done)
                        guard read(into: UnsafeMutableRawBufferPointer(rebasing: place[..<n])) else { return false }
                        done += n
                    }
                }
                return true
            }
            let places = slices.enumerated().map { target($1, $0) }
            let start = offset
            var sums = [UInt32?](repeating: nil, count: slices.count)
            sums.withUnsafeMutableBufferPointer { buffer in
                // Each slice writes its own element only, and the buffer outlives `concurrentPerform`.
                nonisolated(unsafe) let sums = buffer
                nonisolated(unsafe) let places = places
                DispatchQueue.concurrentPerform(iterations: slices.count) { index in
                    let slice = slices[index]
                    let place = places[index]
                    var sum: UInt32 = 0
                    var done = 0
                    while done < slice.count {
                        let n = min(place.count, slice.count - done)
                        let got = try? System.read(
                            fd, into: place.baseAddress!, count: n, at: start + slice.lowerBound + done, path: path)
                        guard got == n else { return }
                        sum = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: place[..<n]), continuing: sum)
                        done += n
                    }
                    sums[index] = sum
                }
            }
            for (slice, sum) in zip(slices, sums) {
                guard let sum else { return false }
                checksum = CRC32C.combine(checksum, sum, length: UInt64(slice.count))
            }
            offset += count
            return true
        }

        /// The next `count` bytes, or `nil`.
        package mutating func read(_ count: Int) -> [UInt8]? {
            guard count >= 0, count <= remaining else { return nil }
            // Read into the array as it is made, not into one filled with zeros first: a pass over memory fresh to
            // the process (saved results hold a 13 MB tail late in a checkpoint's 2% at 10M events).
            var isRead = false
            let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                isRead = read(into: UnsafeMutableRawBufferPointer(buffer))
                initialized = isRead ? count : 0
            }
            return isRead ? bytes : nil
        }

        /// Whether every byte before the checksum has been read and the checksum matches: to be asked before
        /// what was read is believed.
        package mutating func isChecksumGood() -> Bool {
            guard remaining == 0 else { return false }
            var stored: UInt32 = 0
            let isRead = withUnsafeMutableBytes(of: &stored) { fetch($0, at: offset) }
            isVerified = isRead && UInt32(littleEndian: stored) == checksum
            return isVerified
        }

        /// Fills `buffer` with the bytes at `offset`, whole, or says it could not.
        func fetch(_ buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
            switch source {
            case .file(let fd, let path):
                (try? System.read(fd, into: buffer.baseAddress!, count: buffer.count, at: offset, path: path))
                    == buffer.count
            case .other(let other):
                other.read(into: buffer, at: offset)
            }
        }
    }

    /// The file's contents if it fits `log` (see above); `nil` otherwise, for any reason. `contents` reads them
    /// from a reader just past the header; what it returns is used only if it read every byte and asked
    /// `isChecksumGood()`, and the checksum matched.
    package func read<T>(for log: EventLog, _ contents: (inout Reader) -> T?) -> T? {
        guard let fd = try? System.open(path, flags: O_RDONLY_) else { return nil }
        defer { System.close(fd) }
        guard let size = try? System.size(fd, path: path) else { return nil }
        return Self.read(
            prefix: prefix, size: size, from: .file(fd: fd, path: path), chainHash: log.chainHash(endingAt:),
            contents)
    }

    /// A derived file's contents from `source`, which holds `size` bytes, if its header starts with `prefix` and
    /// names a batch whose chain hash `chainHash` gives as the header's; `nil` otherwise. One reading of the
    /// layout wherever the file is kept.
    package static func read<T>(
        prefix: [UInt8], size: Int, from source: any DerivedFileSource,
        chainHash: (LogCursor) -> [UInt8]?, _ contents: (inout Reader) -> T?
    ) -> T? {
        read(prefix: prefix, size: size, from: .other(source), chainHash: chainHash, contents)
    }

    static func read<T>(
        prefix: [UInt8], size: Int, from source: Reader.Source, chainHash hashAt: (LogCursor) -> [UInt8]?,
        _ contents: (inout Reader) -> T?
    ) -> T? {
        let headerSize = prefix.count + 3 * 8 + 32
        var reader = Reader(
            source: source, end: LogCursor(segment: 0, offset: 0, position: 0), chainHash: [], size: size,
            offset: 0, checksum: 0)
        guard let (header, end) = self.header(prefix: prefix, size: size, fetch: { reader.fetch($0, at: 0) }),
            hashAt(end) == Array(header.suffix(32))
        else { return nil }
        let chainHash = Array(header.suffix(32))
        reader = Reader(
            source: source, end: end, chainHash: chainHash, size: size, offset: headerSize,
            checksum: header.withUnsafeBytes { CRC32C.checksum($0) })
        guard let value = contents(&reader), reader.isVerified else { return nil }
        return value
    }

    /// The header of a derived file of `size` bytes, as `fetch` gives its first bytes, and the batch end it names;
    /// `nil` when it is too short, starts with another prefix, or names an end that does not fit an `Int`.
    static func header(prefix: [UInt8], size: Int, fetch: (UnsafeMutableRawBufferPointer) -> Bool) -> (
        [UInt8], LogCursor
    )? {
        let headerSize = prefix.count + 3 * 8 + 32
        guard size >= headerSize + 4 else { return nil }
        var header = [UInt8](repeating: 0, count: headerSize)
        guard header.withUnsafeMutableBytes({ fetch($0) }), header.starts(with: prefix) else { return nil }
        // Numbers that do not fit an Int make the file unusable: it is ignored, not a trap.
        let end = header.withUnsafeBytes { raw -> LogCursor? in
            var r = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[prefix.count...]))
            return try? LogCursor(reading: &r)
        }
        return end.map { (header, $0) }
    }
}
