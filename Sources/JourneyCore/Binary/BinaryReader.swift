/// Reads what `BinaryWriter` wrote, from memory in place. Running past the end or meeting a value that
/// cannot be is damage, reported as `BinaryReader.Damage`.
///
/// Every method is `@inlinable`: the log module decodes millions of records a second with it, and a call across
/// the module boundary would otherwise reach the unspecialized generic `fixed(_:)`, which looks up type metadata
/// on every call.
public struct BinaryReader {
    public struct Damage: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    @usableFromInline let base: UnsafeRawPointer
    @usableFromInline let end: Int
    @usableFromInline var position: Int

    @inlinable
    public init(_ buffer: UnsafeRawBufferPointer) {
        base = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        end = buffer.count
        position = 0
    }

    /// Bytes read so far.
    @inlinable public var offset: Int { position }

    @inlinable public var isAtEnd: Bool { position == end }

    /// Bytes left to read.
    @inlinable public var remaining: Int { end - position }

    @inlinable @inline(__always)
    public mutating func byte() throws(Damage) -> UInt8 {
        guard position < end else { throw Damage("record ends early") }
        let b = base.load(fromByteOffset: position, as: UInt8.self)
        position += 1
        return b
    }

    @inlinable @inline(__always)
    public mutating func varint() throws(Damage) -> UInt64 {
        // Most lengths are under 128: one byte, one test.
        if position < end {
            let b = base.load(fromByteOffset: position, as: UInt8.self)
            if b < 0x80 {
                position += 1
                return UInt64(b)
            }
        }
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw Damage("a length is malformed") }
        }
    }

    @inlinable @inline(__always)
    public mutating func fixed<T: FixedWidthInteger>(_: T.Type) throws(Damage) -> T {
        let size = MemoryLayout<T>.size
        guard size <= end - position else { throw Damage("record ends early") }
        let v = base.loadUnaligned(fromByteOffset: position, as: T.self)
        position += size
        return T(littleEndian: v)
    }

    /// A LEB128 length of what follows, no more than what is left: a length that does not fit an `Int` is damage
    /// too, not a trap.
    @inlinable @inline(__always)
    mutating func length() throws(Damage) -> Int {
        let n = try varint()
        guard n <= UInt64(end - position) else { throw Damage("record ends early") }
        return Int(n)
    }

    /// A LEB128 count of items that follow, each at least one byte: no more than the bytes left, so that a damaged
    /// count is damage, not a trap or an allocation of the whole address space.
    @inlinable
    public mutating func count() throws(Damage) -> Int {
        let n = try varint()
        guard n <= UInt64(end - position) else { throw Damage("a count is larger than what follows") }
        return Int(n)
    }

    @inlinable @inline(__always)
    public mutating func string() throws(Damage) -> String {
        let n = try length()
        let s = String(decoding: UnsafeRawBufferPointer(start: base + position, count: n), as: UTF8.self)
        position += n
        return s
    }

    /// A string's UTF-8 bytes, in place, without making the string: valid while the buffer read is.
    @inlinable @inline(__always)
    public mutating func bytes() throws(Damage) -> UnsafeRawBufferPointer {
        let n = try length()
        let bytes = UnsafeRawBufferPointer(start: base + position, count: n)
        position += n
        return bytes
    }

    /// Skips a string without making one.
    @inlinable
    public mutating func skipString() throws(Damage) {
        let n = try length()
        position += n
    }
}
