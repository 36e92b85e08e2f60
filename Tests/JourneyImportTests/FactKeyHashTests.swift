import JourneyCore
import Testing

@testable import JourneyImport

/// An importer compares a return with what an earlier import wrote by `FactKey.stableHash`, and writes it into the
/// ids of corrections: these values, computed by the hash as it first was, must never change, or a return imported
/// again would not be recognised.
@Suite("The importers' stable hash")
struct FactKeyHashTests {
    @Test(
        "a text hashes as it always has",
        arguments: [
            ("", 0xecba_3df2_c338_3c52),
            ("a", 0xed81_70de_1919_a24d),
            ("903.C1.ps.20160215", 0xe131_1c96_f00e_1e76),
            ("Zoë", 0x2c8b_0eb8_69f8_1c5e),
        ] as [(String, UInt64)])
    func text(text: String, hash: UInt64) {
        #expect(FactKey.stableHash(text) == hash)
    }
}
