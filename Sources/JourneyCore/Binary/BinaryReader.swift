/// Reads what `BinaryWriter` wrote, from memory in place. Running past the end or meeting a value that
/// cannot be is damage, reported as `BinaryReader.Damage`.
public struct BinaryReader {
    public struct Damage: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    let base: UnsafeRawPointer
    let end: Int
    public private(set) var offset: Int

    public init(_ buffer: UnsafeRawBufferPointer) {
        base = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        end = buffer.count
        offset = 0
    }

    public var isAtEnd: Bool { offset == end }

    @inline(__always)
    public mutating func byte() throws(Damage) -> UInt8 {
        guard offset < end else { throw Damage("record ends early") }
        let b = base.load(fromByteOffset: offset, as: UInt8.self)
        offset += 1
        return b
    }

    @inline(__always)
    public mutating func varint() throws(Damage) -> UInt64 {
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

    @inline(__always)
    public mutating func fixed<T: FixedWidthInteger>(_: T.Type) throws(Damage) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= end else { throw Damage("record ends early") }
        let v = base.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: v)
    }

    @inline(__always)
    public mutating func string() throws(Damage) -> String {
        let n = Int(try varint())
        guard n <= end - offset else { throw Damage("record ends early") }
        let s = String(decoding: UnsafeRawBufferPointer(start: base + offset, count: n), as: UTF8.self)
        offset += n
        return s
    }

    /// Skips a string without making one.
    public mutating func skipString() throws(Damage) {
        let n = Int(try varint())
        guard n <= end - offset else { throw Damage("record ends early") }
        offset += n
    }
}
