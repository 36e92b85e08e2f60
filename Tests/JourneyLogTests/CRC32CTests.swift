import Testing

@testable import JourneyLog

@Suite("CRC-32C")
struct CRC32CTests {
    static func checksum(_ text: String, tables: Bool) -> UInt32 {
        Array(text.utf8).withUnsafeBytes { tables ? CRC32C.checksumByTables($0) : CRC32C.checksum($0) }
    }

    @Test("The check value of the standard (RFC 3720, B.4): \"123456789\" gives E3069283, both ways")
    func checkValue() {
        #expect(Self.checksum("123456789", tables: true) == 0xE306_9283)
        #expect(Self.checksum("123456789", tables: false) == 0xE306_9283)
        #expect(Self.checksum("", tables: true) == 0)
        #expect(Self.checksum("", tables: false) == 0)
    }

    /// `count` bytes from a linear congruential generator: the same every run.
    static func bytes(count: Int, seed: UInt32) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var x = seed
        for i in bytes.indices {
            x = x &* 1_103_515_245 &+ 12345
            bytes[i] = UInt8(truncatingIfNeeded: x >> 16)
        }
        return bytes
    }

    /// Expects the instruction's checksum of `slice` to be the tables', whole, and continued after its first `cut`
    /// bytes.
    static func expectAgreement(_ slice: UnsafeRawBufferPointer, cut: Int, _ comment: Comment? = nil) {
        let tables = CRC32C.checksumByTables(slice)
        #expect(CRC32C.checksum(slice) == tables, comment)
        let first = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: slice[0..<cut]))
        #expect(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: slice[cut...]), continuing: first) == tables, comment)
    }

    @Test("The instruction and the tables agree on every length and alignment, and when continued")
    func instructionAgreesWithTables() {
        Self.bytes(count: 300, seed: 0x1234_5678).withUnsafeBytes { all in
            for start in 0..<9 {
                for length in 0..<(all.count - start) {
                    Self.expectAgreement(
                        UnsafeRawBufferPointer(rebasing: all[start..<(start + length)]), cut: length / 2)
                }
            }
        }
    }

    @Test("Buffers long enough to be checksummed as three streams give the tables' checksum, whole and continued")
    func threeStreamsAgreeWithTables() {
        // The instruction's path joins three streams once a buffer holds three blocks of 256 bytes, and of 8 KiB
        // (CRC32CInstruction.c): lengths just under, at and over each threshold, a 4 KiB block as the checkpoint's
        // are checked, and lengths that leave a tail for one stream.
        let lengths = [767, 768, 769, 775, 1_535, 1_536, 4_096, 4_103, 24_575, 24_576, 24_583, 50_000, 100_000]
        Self.bytes(count: 100_011, seed: 0x9E37_79B9).withUnsafeBytes { all in
            for start in 0..<3 {
                for length in lengths {
                    Self.expectAgreement(
                        UnsafeRawBufferPointer(rebasing: all[start..<(start + length)]), cut: length / 3 + 5,
                        "length \(length) from \(start)")
                }
            }
        }
    }
}

@Suite("CRC-32C combined")
struct CRC32CCombineTests {
    @Test("Two parts' checksums combine to the whole's, cut anywhere, and at every length tried")
    func combinedIsWhole() {
        // "123456789" cut at every place: the check value E3069283 whatever the cut (RFC 3720, B.4).
        let digits = Array("123456789".utf8)
        for cut in 0...digits.count {
            let first = digits[..<cut].withUnsafeBytes { CRC32C.checksum($0) }
            let second = digits[cut...].withUnsafeBytes { CRC32C.checksum($0) }
            #expect(CRC32C.combine(first, second, length: UInt64(digits.count - cut)) == 0xE306_9283, "cut at \(cut)")
        }
        let bytes = CRC32CTests.bytes(count: 200_000, seed: 0xC0FF_EE11)
        for (cut, length) in [(0, 0), (1, 0), (0, 1), (17, 4_096), (100_000, 100_000), (3, 199_997), (65_536, 65_537)] {
            bytes.withUnsafeBytes { all in
                let whole = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[..<(cut + length)]))
                let first = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[..<cut]))
                let second = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[cut..<(cut + length)]))
                #expect(CRC32C.combine(first, second, length: UInt64(length)) == whole, "\(cut) then \(length)")
            }
        }
    }
}
