import JourneyCore
import Testing

/// What the fuzz target `fuzz-event-binary` (Fuzz/) found in the stored form of events: each input, cut down, and
/// what reading it must do instead of stopping the program.
@Suite("Stored events under fuzzing")
struct EventBinaryFuzzFindingTests {
    /// Reads `bytes` as one stored event.
    func read(_ bytes: [UInt8]) throws -> Event {
        try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            return try Event.read(binary: &reader)
        }
    }

    /// A LEB128 length of 2^64 − 1: nine bytes of 0xFF and a 0x01.
    let hugeLength: [UInt8] = Array(repeating: 0xFF, count: 9) + [0x01]

    // Found by fuzz-event-binary: a string whose length did not fit an `Int` trapped ("Not enough bits to
    // represent the passed value") before the length was compared with the bytes left.
    @Test func aStringLengthPastIntMaxIsDamage() {
        hugeLength.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: BinaryReader.Damage.self) { _ = try reader.string() }
            reader = BinaryReader(buffer)
            #expect(throws: BinaryReader.Damage.self) { _ = try reader.bytes() }
            reader = BinaryReader(buffer)
            #expect(throws: BinaryReader.Damage.self) { try reader.skipString() }
        }
    }

    // The fuzzer's input, cut down: an event type (0x08), flags (0x9D), then an id whose LEB128 length (nine bytes
    // of 0x9D and a 0x2D) is past Int.max.
    @Test func anEventWhoseIDLengthIsPastIntMaxIsDamage() {
        let input: [UInt8] = [0x08, 0x9D, 0x9D, 0x9D, 0x9D, 0x9D, 0x9D, 0x9D, 0x9D, 0x9D, 0x9D, 0x2D, 0x00]
        #expect(throws: BinaryReader.Damage.self) { try read(input) }
    }

    // Found with the same cause in the fields of `data`: a count or a list length past Int.max trapped too.
    @Test func aCountOrListLengthPastIntMaxIsDamage() {
        hugeLength.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: BinaryReader.Damage.self) { _ = try Int.read(binary: &reader) }
        }
        hugeLength.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: BinaryReader.Damage.self) { _ = try [String].read(binary: &reader) }
        }
    }

    // Found by fuzz-event-binary: a stored `recorded` time near the ends of `Timestamp`'s nanoseconds decodes, then
    // traps when it is printed (`JSONWriter.timestamp`, JSONWriter+Dates.swift line 22, `day * nanosecondsPerDay`
    // overflows; `Timestamp.description` does the same sum). Issue 16, item 1: the range of `Timestamp`.
    @Test
    func aStoredTimeAtTheEndOfTheRange() throws {
        for nanoseconds in [Int64.min, Int64.min + 1, Int64.max] {
            let event = Event(
                id: "e-1", child: "C1", occurred: CalendarDate(dayNumber: 0),
                recorded: Timestamp(nanoseconds: nanoseconds),
                body: .assessmentStarted(assessment: "A1", referral: "R1"))
            var writer = BinaryWriter()
            event.write(binary: &writer)
            // Damage, or an event that prints.
            guard let decoded = try? read(writer.bytes) else { continue }
            #expect(!decoded.canonicalJSON().isEmpty)
        }
    }
}
