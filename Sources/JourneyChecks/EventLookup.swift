import JourneyCore
import JourneyProjections

/// The first of a record's counting events by type and key, and by type, key and date: what `ChildJourney` uses to find the
/// events behind a fact when the record has too many events to scan for each one.
struct EventLookup: Sendable {
    /// Records with more events than this are indexed; below it a scan is cheaper than building the tables.
    static let threshold = 256

    struct Key: Hashable, Sendable {
        var type: EventType
        /// 0 stands for any key: every event of the type is filed under it as well.
        var key: UInt64
    }

    struct DatedKey: Hashable, Sendable {
        var key: Key
        var date: CalendarDate
    }

    /// The first position of each type and key.
    private var firstOfKey: [Key: UInt64] = [:]
    /// The first position of each type, key and date.
    private var firstOn: [DatedKey: UInt64] = [:]

    init(_ events: [ChildRecord.RecordedEvent]) {
        for e in events where e.counts {
            file(e, under: Key(type: e.type, key: e.key))
            // Filed under "any key" too, unless its key is already 0.
            if e.key != 0 { file(e, under: Key(type: e.type, key: 0)) }
        }
    }

    private mutating func file(_ e: ChildRecord.RecordedEvent, under key: Key) {
        if firstOfKey[key] == nil { firstOfKey[key] = e.position }
        let dated = DatedKey(key: key, date: e.occurred)
        if firstOn[dated] == nil { firstOn[dated] = e.position }
    }

    /// The first counting event of `type` about `key` (any key when 0), dated `date` when given.
    func first(_ type: EventType, key: UInt64, on date: CalendarDate?) -> UInt64? {
        let k = Key(type: type, key: key)
        guard let date else { return firstOfKey[k] }
        return firstOn[DatedKey(key: k, date: date)]
    }
}
