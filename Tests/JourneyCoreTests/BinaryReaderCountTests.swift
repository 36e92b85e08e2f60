import JourneyCore
import Testing

/// Counts in the saved caches (the checkpoint's string tables, drops, merges and children; the writer's index) are
/// read with `count()`: a count larger than the bytes left is damage, so a damaged or hostile cache file is ignored
/// and rebuilt, where `Int(varint())` trapped past `Int.max` and `reserveCapacity` tried to allocate the rest.
@Suite("Counts in stored files")
struct BinaryReaderCountTests {
    @Test("A count no larger than the bytes left is read; a larger one, or one past Int.max, is damage")
    func counts() throws {
        // 3, then three bytes: the count fits.
        let fits = try [UInt8]([3, 0, 0, 0]).withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            return try r.count()
        }
        #expect(fits == 3)
        // 4, then three bytes: one too many.
        [UInt8]([4, 0, 0, 0]).withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            #expect(throws: BinaryReader.Damage.self) { _ = try r.count() }
        }
        // 2^64 − 1 as LEB128 (nine 0xFF and 0x01): past Int.max.
        ([UInt8](repeating: 0xFF, count: 9) + [0x01]).withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            #expect(throws: BinaryReader.Damage.self) { _ = try r.count() }
        }
    }
}
