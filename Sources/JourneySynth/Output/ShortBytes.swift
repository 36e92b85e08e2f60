/// A few bytes held inline (up to 32): a child's identifier or the seed's part of an event id, made per event
/// without touching the heap.
struct ShortBytes {
    private var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private(set) var count = 0

    init() {}

    /// `C000123`: the letter, then the ordinal padded to `width` digits. Made for every event written, so the
    /// digits are written straight into the storage, last first.
    init(letter: UInt8, ordinal: Int, width: Int) {
        var digits = 1
        var rest = ordinal / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let length = 1 + max(width, digits)
        precondition(length <= 32, "ShortBytes holds at most 32 bytes")
        count = length
        withUnsafeMutableBytes(of: &storage) { bytes in
            bytes[0] = letter
            var n = ordinal
            var i = length - 1
            while i > 0 {
                bytes[i] = 0x30 + UInt8(n % 10)
                n /= 10
                i -= 1
            }
        }
    }

    /// `s42-`: the part of every event id that comes from the seed.
    init(seedPrefix seed: UInt64) {
        append(0x73)
        for b in String(seed).utf8 { append(b) }
        append(0x2D)
    }

    mutating func append(_ byte: UInt8) {
        precondition(count < 32, "ShortBytes holds at most 32 bytes")
        withUnsafeMutableBytes(of: &storage) { $0[count] = byte }
        count += 1
    }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeBytes(of: storage) { raw in
            body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }
}
