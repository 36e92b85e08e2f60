import JourneyCore
import Testing

@testable import JourneyProjections

/// The two tables a checkpoint fills in bulk: the interner of texts (`Interner(strings:hashes:)`) and the children's
/// numbers (`ChildNumbers(keys:)`). Filled in bulk, they number as filling them one at a time does.
@Suite("Numbering tables filled in bulk")
struct NumberingTablesTests {
    /// Strings numbered from 1 in the order given; a string met again keeps its number, a new one takes the next;
    /// the table grows past its first size (room for 4 strings at most half full: 16 slots) and keeps them all.
    @Test func anInternerFilledInBulkNumbersInOrderAndGrows() {
        let strings = ["North", "South", "", "Ouest-é"]
        var interner = Interner(strings: strings, hashes: strings.map { Array($0.utf8).withUnsafeBytes(StableHash.of) })
        #expect(interner.number("South") == 2)
        #expect(interner.number("") == 3)
        #expect(interner.number("Ouest-é") == 4)
        #expect(interner.number("North") == 1)
        #expect(interner.number("East") == 5)
        let more = (0..<100).map { "Team \($0)" }
        // Numbers 6 to 105, in order: the table has grown from 16 slots to 256.
        #expect(more.map { interner.number($0) } == (6...105).map { UInt64($0) })
        #expect(interner.number("East") == 5 && interner.number("Team 99") == 105)
        #expect(interner.string(1) == "North" && interner.string(105) == "Team 99" && interner.string(106) == nil)
    }

    /// Keys filed in bulk are numbered by their places, then keys added one at a time take the next numbers, with
    /// the table growing to take them; a key not given one has none, nor has one that shares a filed key's hash but
    /// not its bytes.
    @Test func childNumbersFiledInBulkAreTheirPlaces() {
        let keys = [ChildKey(ChildID("A")), ChildKey(ChildID("B"))]
        var numbers = ChildNumbers(keys: keys)
        // 200 keys after the first 2: more than the 64 slots at most half full the table starts with.
        let more = (0..<200).map { ChildKey(ChildID("C\($0)")) }
        #expect(more.map { numbers.append($0) } == Array(2..<202))
        #expect(numbers.count == 202)
        #expect(numbers[ChildKey(ChildID("A"))] == 0 && numbers[ChildKey(ChildID("B"))] == 1)
        #expect(more.map { numbers[$0] } == (2..<202).map { Optional($0) })
        #expect(numbers.keys == keys + more)
        #expect(numbers[ChildKey(ChildID("C200"))] == nil)
        // The same hash as "A"'s, other bytes: found in the slot by its hash, refused by its key.
        let a = ChildKey(ChildID("A"))
        #expect(numbers[ChildKey(hash: a.hash, count: 1, words: (0x5A, 0, 0))] == nil)
        // Filed in bulk, the 202 keys are numbered as added one at a time.
        let bulk = ChildNumbers(keys: numbers.keys)
        #expect((keys + more).map { bulk[$0] } == (0..<202).map { Optional($0) })
    }

    /// A key gives back the id it was made from, byte for byte: what a checkpoint saves of each child.
    @Test(arguments: ["C1", "child-0000000000000001", "Zoë-Ł-7", ""])
    func aKeyHoldsItsIDsBytes(id: String) {
        let key = ChildKey(ChildID(id))
        #expect(key.withUTF8 { Array($0) } == Array(id.utf8))
        #expect(key.child == ChildID(id))
        #expect(key.withUTF8 { try? ChildKey($0) } == key)
    }

    /// A key's count comes after its words: 33 bytes, 40 in an array of them.
    @Test func aKeyTakes33Bytes() {
        #expect(MemoryLayout<ChildKey>.size == 33)
        #expect(MemoryLayout<ChildKey>.stride == 40)
    }
}
