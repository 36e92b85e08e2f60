import JourneyCore

/// libFuzzer's entry: the input is JSON Lines, read as `journey append` reads them.
///
/// Each line goes through `Event.parse(jsonLine:)` (the in-place fast path, and the JSON tree when that declines).
/// What it accepts must also be what the tree alone accepts, and must survive the stored form and canonical JSON:
/// a disagreement is a bug even when nothing crashes, so it stops the run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    JSONLines.forEachLine(in: input) { _, line in
        guard case .success(let event) = Event.parse(jsonLine: line) else { return }
        // The tree alone must read the line to the same event.
        guard let tree = try? JSONParser.parse(line), case .success(let slow) = Event.parse(json: tree) else {
            fatalError("the fast path accepted a line the JSON tree rejects")
        }
        guard slow == event else { fatalError("the fast path and the JSON tree read a line differently") }
        // The stored form reads back to the same event.
        var writer = BinaryWriter(capacity: 256)
        event.write(binary: &writer)
        let stored = writer.bytes
        let decoded = stored.withUnsafeBytes { bytes -> Event? in
            var reader = BinaryReader(bytes)
            return try? Event.read(binary: &reader)
        }
        guard decoded == event else { fatalError("an accepted event does not read back from its stored form") }
        // Canonical JSON (what `journey export` writes) parses back to the same event.
        guard case .success(let again) = Event.parse(jsonLine: event.canonicalJSONString), again == event else {
            fatalError("an accepted event's canonical JSON does not read back to the same event")
        }
    }
    return 0
}
