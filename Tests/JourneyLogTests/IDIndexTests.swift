import Testing

@testable import JourneyLog

/// The writer's id index is its own hash table: check it against a `Dictionary`, with hashes chosen to collide.
@Suite("Id index")
struct IDIndexTests {
    @Test("Inserts, lookups and removals agree with a Dictionary", arguments: [0, 1, 2])
    func agreesWithADictionary(seed: UInt64) {
        var index = IDIndex()
        var expected: [UInt64: RecordLocation] = [:]
        var random = SplitMix(seed: seed)
        // Few distinct low bits, so that entries pile up in runs and removals must move others back.
        func key() -> UInt64 { random.next() % 64 | (random.next() % 4) << 62 }
        for step in 0..<20_000 {
            let k = key()
            if random.next() % 3 == 0 {
                index.remove(k)
                expected[k] = nil
            } else {
                let location = RecordLocation(rawValue: UInt64(step + 1))
                let isInserted = index.insert(k, at: location)
                #expect(isInserted == (expected[k] == nil))
                if expected[k] == nil { expected[k] = location }
            }
            #expect(index.count == expected.count)
        }
        for k in 0..<64 as Range<UInt64> {
            for high in 0..<4 as Range<UInt64> { #expect(index[k | high << 62] == expected[k | high << 62]) }
        }
    }

    @Test func growsPastItsFirstCapacity() {
        var index = IDIndex()
        for k in 1...100_000 as ClosedRange<UInt64> {
            let isInserted = index.insert(k &* 0x9E37_79B9_7F4A_7C15, at: RecordLocation(rawValue: k))
            #expect(isInserted)
        }
        #expect(index.count == 100_000)
        for k in 1...100_000 as ClosedRange<UInt64> { #expect(index[k &* 0x9E37_79B9_7F4A_7C15]?.rawValue == k) }
    }

    /// A small deterministic generator, so that a failure can be replayed.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
