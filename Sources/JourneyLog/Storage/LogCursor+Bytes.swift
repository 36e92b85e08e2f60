import JourneyCore

/// A batch end as the cache's files hold it: its segment, offset and position, 8 bytes each, little-endian. The
/// header of every derived file (`CacheFile`), the writer's index and the saved results write it so.
extension LogCursor {
    /// The bytes `write(to:)` writes.
    package static let byteCount = 3 * 8

    package func write(to w: inout BinaryWriter) {
        w.fixed(UInt64(segment))
        w.fixed(UInt64(offset))
        w.fixed(position)
    }

    /// The cursor `write(to:)` wrote. A segment or offset that does not fit an `Int` is damage: the file is not
    /// believed, and nothing traps.
    package init(reading r: inout BinaryReader) throws(BinaryReader.Damage) {
        guard let segment = Int(exactly: try r.fixed(UInt64.self)), let offset = Int(exactly: try r.fixed(UInt64.self))
        else { throw BinaryReader.Damage("a batch end out of range") }
        self.init(segment: segment, offset: offset, position: try r.fixed(UInt64.self))
    }
}
