import JourneyCore

/// One fact a return states, as the event that records it.
///
/// A fact has a key made of the return kind, the child, what the fact is and the dates that identify it
/// (`903.C1.ps.20160215`: child C1's placement that started on 2016-02-15). Every return that states the fact gives
/// the same key, so importing year after year finds what the log already holds: the key is the id of the fact's
/// first event, and a later version gets the key with a suffix (`~…`) and `corrects` the one before.
struct Fact {
    var key: String
    var child: ChildID
    var occurred: CalendarDate
    var body: EventBody
    /// The table (or CIN module) the fact came from: an index into the report's tables.
    var table: Int
    /// The line of the row (or element) that states it.
    var line: Int
}

/// The parts of fact keys.
enum FactKey {
    /// `yyyymmdd`: the date in a key, short enough that a key with three dates and a 20-character child fits the
    /// 64-character event id.
    static func compact(_ date: CalendarDate) -> String {
        let (y, m, d) = date.parts
        return String(y) + (m < 10 ? "0" : "") + String(m) + (d < 10 ? "0" : "") + String(d)
    }

    static func make(_ prefix: String, _ child: ChildID, _ tag: String, _ dates: CalendarDate...) -> String {
        ([prefix, child.rawValue, tag] + dates.map(compact)).joined(separator: ".")
    }

    /// The key of an event this importer wrote: its id up to any `~` suffix.
    static func base(of id: EventID) -> Substring {
        id.rawValue.split(separator: "~", maxSplits: 1, omittingEmptySubsequences: false)[0]
    }

    /// The tag of a key (`ps` in `903.C1.ps.20160215`).
    static func tag(of key: String) -> Substring {
        let parts = key.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false)
        return parts.count > 2 ? parts[2] : ""
    }

    /// The dates of a key after its tag.
    static func dateParts(of key: String) -> [Substring] {
        Array(key.split(separator: ".").dropFirst(3))
    }

    /// A 64-bit hash of a text that is the same in every process (`StableHash`), unlike Swift's `Hasher`. It keeps 0,
    /// which an identifier's hash turns to 1, as it always has: its values are saved in the ids of corrections.
    static func stableHash(_ text: String) -> UInt64 {
        var hash = StableHash()
        hash.combine(bytes: text.utf8)
        return hash.value
    }

    /// A digest of what a fact says (its date and fields), to compare a return with what an earlier import wrote.
    static func digest(_ child: ChildID, _ occurred: CalendarDate, _ body: EventBody) -> UInt64 {
        stableHash(Event(id: "fact", child: child, occurred: occurred, body: body).canonicalJSONString)
    }

    /// `count` lowercase hexadecimal digits of a hash.
    static func hex(_ value: UInt64, digits count: Int) -> String {
        let s = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - s.count)) + s
        return String(padded.suffix(count))
    }
}
