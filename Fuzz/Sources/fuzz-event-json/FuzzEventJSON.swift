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
        guard !hasKnownCrash(line) else { return }
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

/// Known and open (issue 16, item 1): a `recorded` time outside about 1678–2261 overflows `Timestamp`'s
/// nanoseconds, as `EventJSONFuzzFindingTests.aRecordedTimeInTheYear1006` shows. Such lines are left out, so that
/// a run finds what is not yet known; remove this once that test is enabled.
private func hasKnownCrash(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    let key = Array(#""recorded""#.utf8)
    guard line.count >= key.count,
        (0...(line.count - key.count)).contains(where: { i in key.indices.allSatisfy { line[i + $0] == key[$0] } })
    else { return false }
    guard case .object(let members)? = try? JSONParser.parse(line) else { return true }
    return members.contains { member in
        guard member.key == "recorded", case .string(let text) = member.value else { return false }
        guard let year = Int(text.prefix(4)) else { return false }
        return !(1679...2261).contains(year)
    }
}
