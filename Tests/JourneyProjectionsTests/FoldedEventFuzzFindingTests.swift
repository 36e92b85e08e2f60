import JourneyCore
import Testing

@testable import JourneyProjections

/// What the fuzz target `fuzz-event-binary` (Fuzz/) found in the replay's reading of stored events (`FoldedEvent`,
/// through `EventScanner`): each input, cut down, and what reading it must do instead of stopping the program.
@Suite("Atoms from stored events under fuzzing")
struct FoldedEventFuzzFindingTests {
    /// The stored form of a `cp-plan.started` whose `previousPlans`, its last field, is `count` as a LEB128 number.
    func stored(previousPlans count: [UInt8]) -> [UInt8] {
        let event = Event(
            id: "e-1", child: "C1", occurred: CalendarDate(dayNumber: 19_000),
            body: .cpPlanStarted(
                CPPlanStarted(plan: "P1", referral: "R1", category: AbuseCategory("NEG")!, previousPlans: 5)))
        var writer = BinaryWriter()
        event.write(binary: &writer)
        #expect(writer.bytes.last == 5)
        return writer.bytes.dropLast() + count
    }

    // Found by fuzz-event-binary: a `cp-plan.started` whose `previousPlans` is 2^64 − 1 trapped in the fold
    // (FoldedEvent.swift, `optionalCount().map { $0 + 1 }` overflows), so a replay (`metrics`, `check`) of a log
    // holding such a record stopped. `Event.read(binary:)` calls it damage; so does the replay now.
    @Test func aCountPastIntMaxIsDamage() {
        let bytes = stored(previousPlans: Array(repeating: 0xFF, count: 9) + [0x01])
        bytes.withUnsafeBytes { buffer in
            var strings = FoldedStrings()
            #expect(throws: BinaryReader.Damage.self) {
                _ = try FoldedEvent(position: 1, stored: buffer, strings: &strings)
            }
            var reader = BinaryReader(buffer)
            #expect(throws: BinaryReader.Damage.self) { _ = try Event.read(binary: &reader) }
        }
    }

    // The largest count the format holds still folds (the atom holds it + 1, wrapping).
    @Test func theLargestCountFolds() throws {
        let bytes = stored(previousPlans: Array(repeating: 0xFF, count: 8) + [0x7F])
        try bytes.withUnsafeBytes { buffer in
            var strings = FoldedStrings()
            let folded = try FoldedEvent(position: 1, stored: buffer, strings: &strings)
            #expect(folded.atom.previousPlans == Int.max)
        }
    }
}
