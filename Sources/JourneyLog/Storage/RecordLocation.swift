/// Where a record is: its segment and its byte offset in it, packed in one word (segment << 40 | offset) for the
/// writer's id table (`IDIndex`) and its saved copy. A segment may be up to a terabyte; segments count from 1, so a
/// location is never 0.
struct RecordLocation: Hashable, Sendable {
    let rawValue: UInt64

    init(rawValue: UInt64) { self.rawValue = rawValue }

    init(segment: Int, offset: Int) { rawValue = UInt64(segment) << 40 | UInt64(offset) }

    var segment: Int { Int(rawValue >> 40) }
    var offset: Int { Int(rawValue & ((1 << 40) - 1)) }
}
