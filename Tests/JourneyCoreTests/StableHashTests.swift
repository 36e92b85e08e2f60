import JourneyCore
import Testing

/// `stableHash` is saved in checkpoints and writers' indexes: these values, computed by the hash as it first was
/// (FNV-1a over the UTF-8 bytes, then a final mix), must never change.
@Suite("The stable hash")
struct StableHashTests {
    static let known: [(text: String, hash: UInt64)] = [
        ("", 0xecba_3df2_c338_3c52),
        ("a", 0xed81_70de_1919_a24d),
        ("C1", 0x9afe_4ed6_7591_ea99),
        ("ref-000123", 0xc3a3_a325_5aa9_fed7),
        ("903.C1.ps.20160215", 0xe131_1c96_f00e_1e76),
        ("Zoë", 0x2c8b_0eb8_69f8_1c5e),
    ]

    @Test("an identifier hashes as it always has", arguments: known)
    func identifier(text: String, hash: UInt64) {
        #expect(EventID(text).stableHash == hash)
    }

    @Test("hashing the bytes in place gives the identifier's hash", arguments: known)
    func bytes(text: String, hash: UInt64) {
        var text = text
        #expect(text.withUTF8 { StableHash.of(UnsafeRawBufferPointer($0)) } == hash)
    }
}
