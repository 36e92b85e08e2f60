import JourneyCore

@testable import JourneyLog
@testable import JourneyProjections

/// libFuzzer's entry: the input is the bytes of a segment file, read record by record as a replay reads them.
///
/// The checksum is not checked, so that mutations reach the decoders behind it (a real read stops at a checksum
/// that does not match). Each event record is decoded twice, as `export` decodes it (`Event.read(binary:)`, then
/// canonical JSON) and as the replay folds it (`EventScanner`, through `FoldedEvent`); each commit record as a
/// commit. Damage is an answer; a crash or a sanitizer report is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventBinary(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    var strings = FoldedStrings()
    var offset = 0
    while offset < input.count {
        let rest = UnsafeRawBufferPointer(rebasing: input[offset...])
        guard case .record(let record) = Record.read(rest, verifyChecksum: false) else { break }
        offset += record.size
        switch record.kind {
        case .event:
            if let stored = try? Record.decodeEvent(record.body) {
                _ = stored.event.canonicalJSON()
            }
            if let bytes = try? StoredEventBytes(record.body) {
                _ = try? FoldedEvent(bytes, strings: &strings)
            }
        case .commit:
            _ = try? Commit.decode(record.body)
        }
    }
    // The same bytes as one event's stored form, without the framing: mutations of the event itself.
    var reader = BinaryReader(input)
    if let event = try? Event.read(binary: &reader) {
        _ = event.canonicalJSON()
    }
    _ = try? FoldedEvent(position: 1, stored: input, strings: &strings)
    return 0
}
