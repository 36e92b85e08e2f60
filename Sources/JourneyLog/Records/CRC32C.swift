import CRC32CInstruction

/// CRC-32C (Castagnoli), the checksum on every stored record: it catches torn writes and flipped bits cheaply
/// enough to check on every replay. By the processor's instruction where it has one (a few times faster: the
/// checksum was a tenth of a replay's time), in three streams at once for a buffer of three blocks or more (the
/// checkpoint's blocks, cache files; CRC32CInstruction.c), else by slicing-by-8 tables, built once.
package enum CRC32C {
    static let hasInstruction = journey_crc32c_is_available() != 0

    package static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard hasInstruction, let base = bytes.baseAddress else { return checksumByTables(bytes, continuing: crc) }
        return ~journey_crc32c_update(~crc, base, bytes.count)
    }

    static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
            t[i] = c
        }
        for i in 0..<256 {
            for k in 1..<8 {
                let prev = t[(k - 1) * 256 + i]
                t[k * 256 + i] = (prev >> 8) ^ t[Int(prev & 0xFF)]
            }
        }
        return t
    }()

    static func checksumByTables(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress else { return crc }
        var c = ~crc
        var p = base
        var n = bytes.count
        tables.withUnsafeBufferPointer { t in
            while n >= 8 {
                let word = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)) ^ UInt64(c)
                c =
                    t[7 * 256 + Int(word & 0xFF)] ^ t[6 * 256 + Int((word >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((word >> 16) & 0xFF)] ^ t[4 * 256 + Int((word >> 24) & 0xFF)]
                    ^ t[3 * 256 + Int((word >> 32) & 0xFF)] ^ t[2 * 256 + Int((word >> 40) & 0xFF)]
                    ^ t[1 * 256 + Int((word >> 48) & 0xFF)] ^ t[Int(word >> 56)]
                p += 8
                n -= 8
            }
            while n > 0 {
                c = t[Int((c ^ UInt32(p.load(as: UInt8.self))) & 0xFF)] ^ (c >> 8)
                p += 1
                n -= 1
            }
        }
        return ~c
    }
}

extension CRC32C {
    /// The CRC-32C of some bytes followed by `length` more, from the checksums of each (`checksum`): so that a large
    /// file's parts can be checked on several cores and the file's checksum still compared whole. The way zlib's
    /// `crc32_combine` works, for Castagnoli's polynomial: the first checksum shifted past the second's bytes
    /// (multiplied by x^(8 × length), modulo the polynomial), then added to the second. The length is unsigned: a
    /// count of bytes, which no caller can get wrong by its sign.
    package static func combine(_ first: UInt32, _ second: UInt32, length: UInt64) -> UInt32 {
        multiplied(first, by: xToThe8n(length)) ^ second
    }

    /// The polynomial, with bits reversed as the checksum keeps it.
    static let polynomial: UInt32 = 0x82F6_3B78

    /// `a × b` modulo the polynomial, in its reversed form (the top bit is x^0).
    static func multiplied(_ a: UInt32, by b: UInt32) -> UInt32 {
        var product: UInt32 = 0
        var term: UInt32 = 1 << 31
        var b = b
        while term != 0 {
            if a & term != 0 { product ^= b }
            term >>= 1
            b = b & 1 != 0 ? (b >> 1) ^ polynomial : b >> 1
        }
        return product
    }

    /// x^(2^k) modulo the polynomial, for k from 0 to 66 (enough for 8 × the largest Int).
    static let xToThePowersOfTwo: [UInt32] = {
        var table: [UInt32] = [1 << 30]  // x^1
        for _ in 1..<67 { table.append(multiplied(table.last!, by: table.last!)) }
        return table
    }()

    /// x^(8n) modulo the polynomial: the factor that shifts a checksum past n bytes.
    static func xToThe8n(_ n: UInt64) -> UInt32 {
        var result: UInt32 = 1 << 31  // x^0
        var n = n
        var k = 3  // 8n = n × 2^3
        while n != 0 {
            if n & 1 != 0 { result = multiplied(xToThePowersOfTwo[k], by: result) }
            n >>= 1
            k += 1
        }
        return result
    }
}
