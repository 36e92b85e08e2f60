/// Appends the stored form of values: little-endian integers, LEB128 lengths, UTF-8 strings.
///
/// `@inlinable` for the same reason as `BinaryReader`: the log module encodes every appended event with it.
public struct BinaryWriter {
    public var bytes: [UInt8]

    @inlinable
    public init(capacity: Int = 128) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inlinable
    public mutating func byte(_ v: UInt8) { bytes.append(v) }

    @inlinable
    public mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    @inlinable
    public mutating func fixed<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inlinable
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { string(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// A string given by its UTF-8 bytes: what `string(_:)` writes, for a caller that holds the bytes already.
    @inlinable
    public mutating func string(utf8: UnsafeRawBufferPointer) {
        varint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}
