import JourneyCore
import Testing

@testable import JourneyProjections

/// A recording's content hash is saved in checkpoints: these values, computed by the hash as it first was (FNV-1a
/// over the atom's values, then a final mix), must never change.
@Suite("The content hash of an atom")
struct ContentHashTests {
    @Test func knownValues() {
        var atom = Atom(type: EventType(rawValue: 3)!, occurred: 19_723, id: 99, position: 5, recorded: 1)
        atom.a = 2
        atom.b = 5
        atom.c = 1
        atom.key = 0x1234_5678_9abc_def0
        atom.ref = 42
        atom.extra = 7
        #expect(atom.contentHash == 0x0ef3_70ed_bb96_8d16)
        #expect(
            Atom(type: EventType(rawValue: 0)!, occurred: -1, id: 0, position: 0, recorded: 0).contentHash
                == 0x7b8c_763c_c13f_d1d9)
    }
}
