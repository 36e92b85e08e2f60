/// A place that keeps a file derived from a log (the checkpoint of its folded state): the log folder's cache folder
/// (`CacheFile`), or a table beside the log in PostgreSQL. Wherever it is kept, the file has one layout and one set
/// of rules (`CacheFile`): it is used only if its prefix is this build's, the log still holds, with the same chain
/// hash, the batch it was made after, and its checksum is good; otherwise it is as if it were not there. So the code
/// that writes and parses a derived file (`Checkpoint`) is written once, against `CacheFile.Writer` and
/// `CacheFile.Reader`, and a place only moves bytes.
package protocol DerivedFile<Log> {
    associatedtype Log: EventStoreReader

    /// The file's contents if it fits `log`; `nil` otherwise, for any reason (nothing there, another format,
    /// another log, damage, a place that cannot be read): never an error. `contents` reads from just past the
    /// header, and what it returns is used only if it read every byte and the checksum matched.
    func read<T>(for log: Log, _ contents: (inout CacheFile.Reader) -> T?) -> T?

    /// Replaces the file, whole, with one made after the batch that ends at `end` with `chainHash`: a reader finds
    /// the old file or the new one, never half of one.
    func write(end: LogCursor, chainHash: [UInt8], _ contents: (inout CacheFile.Writer) throws -> Void) throws
}

/// A log that keeps files derived from it in a place of its own (`DerivedFile`).
package protocol DerivedFileKeeping: EventStoreReader {
    associatedtype Place: DerivedFile where Place.Log == Self

    /// Where the file `name` with `prefix` is kept for this log; `nil` when it has nowhere to keep one (a log
    /// folder that cannot be written).
    func derivedFile(name: String, prefix: [UInt8]) -> Place?

    /// The chain hash of the last batch, 32 bytes: what a file made at the log's end is checked against.
    var headChainHash: [UInt8] { get }

    /// The log's cursor at the end of a batch, as a derived file's header keeps it (segment, offset, position),
    /// and back. The log folder keeps all three; PostgreSQL, whose cursor is a position, keeps 0, 0, position.
    func cursor(at end: LogCursor) -> Cursor
    func headerEnd(of cursor: Cursor) -> LogCursor
}

/// Bytes of a derived file kept elsewhere than in a file, read in order from the start (`CacheFile.Reader`).
package protocol DerivedFileSource: AnyObject {
    /// Fills `buffer`, whole, with the bytes from `offset`; false when it cannot.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool
}

/// Where a derived file's bytes go when they do not go to a file, in order (`CacheFile.Writer`).
package protocol DerivedFileSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension CacheFile: DerivedFile {
    package typealias Log = EventLog
}

extension EventLog: DerivedFileKeeping {
    /// A file in the log's cache folder.
    package func derivedFile(name: String, prefix: [UInt8]) -> CacheFile? {
        cacheDirectory().map { CacheFile(directory: $0, name: name, prefix: prefix) }
    }

    package func cursor(at end: LogCursor) -> LogCursor { end }
    package func headerEnd(of cursor: LogCursor) -> LogCursor { cursor }
}
