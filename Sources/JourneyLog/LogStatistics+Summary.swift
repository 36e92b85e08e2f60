import JourneyCore

extension LogStatistics {
    /// The statistics of a log folder, from the summary kept in its cache folder (`StatisticsSummary`) when one fits
    /// the log, with only the events after it read (each record checked, as a replay checks it), or from a replay of
    /// every event; the summary is then saved at the log's end for the next run. `useCache` false reads and saves no
    /// summary. The same statistics either way: a summary holds the counts as a replay to its end had them, and the
    /// children it had met.
    ///
    /// On a council of 10M events a replay of every event takes over a second; the events of a day, milliseconds.
    /// Damage to the records before the summary's end goes unnoticed here, as it does for a replay from the
    /// checkpoint: `journey verify` checks every stored byte.
    public init(log: EventLog, useCache: Bool) throws {
        guard useCache, log.lastPosition > 0, let directory = log.cacheDirectory() else {
            try self.init(log: log)
            return
        }
        var summary = StatisticsSummary.saved(in: log) ?? StatisticsSummary()
        // Anything appended since the summary (or no summary): the events after it counted, and it saved again.
        if summary.end.position < log.lastPosition {
            var met = Set<ChildID>()
            try log.replay(after: summary.end.position == 0 ? nil : summary.end, decoding: Self.header) { head in
                summary.statistics.count(head)
                if !summary.children.contains(head.child) { met.insert(head.child) }
            }
            summary.children.insert(met)
            summary.statistics.children = summary.children.count
            summary.end = log.end
            // A cache folder that cannot be written leaves the counts right for this run: the events are read again
            // next time.
            try? summary.write(in: directory, chainHash: log.headChainHash)
        }
        self = summary.statistics
        describe(log)
        try countFiles(of: log)
    }
}

/// The counts of `journey stats` as they stood after a batch of a log folder, and every child met by then, kept in
/// the log's cache folder, so that a run after an append reads only the events since (`LogStatistics.init(log:
/// useCache:)`). Disposable derived state like the checkpoint (`CacheFile`): used only while the log still holds,
/// with the same chain hash, the batch it was made after.
///
/// The file's contents: the events (u64), the corrections (u64), the count of each event type met (a count, u8,
/// then each type's code, u8, and count, u64), the first and last `occurred` day (a byte, 1 when there are any, then
/// two i32), the first and last time of recording as they were written (a byte, then for each: nanoseconds i64, offset
/// in minutes i16, digits of the fraction u8), then the children (`ChildSet.write(to:)`).
struct StatisticsSummary: Sendable {
    static let fileName = "log-statistics.summary"
    static let magic = Array("JRNYSTS1".utf8)

    var statistics = LogStatistics()
    var children = ChildSet()
    /// The batch end it was made at; position 0 for none.
    var end = LogCursor(segment: 0, offset: 0, position: 0)

    static func file(in directory: String) -> CacheFile {
        CacheFile(directory: directory, name: fileName, prefix: magic)
    }

    /// The summary saved in `log`'s cache folder, if there is one that fits the log.
    static func saved(in log: EventLog) -> StatisticsSummary? {
        guard let directory = log.cacheDirectory() else { return nil }
        return file(in: directory).read(for: log) { reader -> StatisticsSummary? in
            guard let bytes = reader.read(reader.remaining), reader.isChecksumGood() else { return nil }
            var summary = StatisticsSummary()
            summary.end = reader.end
            let isRead = bytes.withUnsafeBytes { raw -> Bool in
                var r = BinaryReader(raw)
                guard (try? summary.read(&r)) != nil, r.remaining == 0 else { return false }
                return true
            }
            return isRead ? summary : nil
        }
    }

    /// Writes the summary into the log's cache folder, for the batch end it was made at.
    func write(in directory: String, chainHash: [UInt8]) throws {
        var w = BinaryWriter(capacity: 1 << 16)
        let s = statistics
        w.fixed(s.events)
        w.fixed(UInt64(s.corrections))
        let types = EventType.allCases.filter { s.eventsByType[$0] != nil }
        w.byte(UInt8(types.count))
        for type in types {
            w.byte(type.rawValue)
            w.fixed(UInt64(s.eventsByType[type]!))
        }
        w.byte(s.occurred == nil ? 0 : 1)
        if let occurred = s.occurred {
            w.fixed(occurred.lowerBound.dayNumber)
            w.fixed(occurred.upperBound.dayNumber)
        }
        w.byte(s.recorded == nil ? 0 : 1)
        if let recorded = s.recorded {
            for time in [recorded.lowerBound, recorded.upperBound] {
                w.fixed(time.nanoseconds)
                w.fixed(time.offsetMinutes)
                w.byte(time.fractionDigits)
            }
        }
        children.write(to: &w)
        try Self.file(in: directory).write(end: end, chainHash: chainHash) { try $0.write(w.bytes) }
    }

    /// Reads what `write(in:chainHash:)` wrote after the header.
    private mutating func read(_ r: inout BinaryReader) throws(BinaryReader.Damage) {
        statistics.events = try r.fixed(UInt64.self)
        guard let corrections = Int(exactly: try r.fixed(UInt64.self)) else { throw BinaryReader.Damage("a count") }
        statistics.corrections = corrections
        for _ in 0..<(try r.byte()) {
            guard let type = EventType(rawValue: try r.byte()), let n = Int(exactly: try r.fixed(UInt64.self)) else {
                throw BinaryReader.Damage("an event type's count")
            }
            statistics.eventsByType[type] = n
        }
        if try r.byte() == 1 {
            let first = CalendarDate(dayNumber: try r.fixed(Int32.self))
            let last = CalendarDate(dayNumber: try r.fixed(Int32.self))
            guard first <= last else { throw BinaryReader.Damage("the days occurred") }
            statistics.occurred = first...last
        }
        if try r.byte() == 1 {
            func time() throws(BinaryReader.Damage) -> Timestamp {
                Timestamp(
                    nanoseconds: try r.fixed(Int64.self), offsetMinutes: try r.fixed(Int16.self),
                    fractionDigits: try r.byte())
            }
            let first = try time()
            let last = try time()
            guard first <= last else { throw BinaryReader.Damage("the times recorded") }
            statistics.recorded = first...last
        }
        children = try ChildSet(reading: &r)
        statistics.children = children.count
    }
}

/// A set of child ids kept as their UTF-8 bytes, in byte order, one after another: read back from a summary without
/// making a string of each of the half a million children of a large council, and asked about only for the children
/// of the events after it. Child ids are ASCII (`Identifier`), so ids equal as strings are equal as bytes.
struct ChildSet: Sendable {
    /// The ids' bytes, in order.
    private var bytes: [UInt8] = []
    /// Where each id ends in `bytes`.
    private var ends: [Int] = []

    var count: Int { ends.count }

    init() {}

    /// The id at `index`, as bytes.
    private func id(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// The first index whose id is not before `id`.
    private func insertionIndex(of id: some Collection<UInt8>) -> Int {
        var low = 0
        var high = ends.count
        while low < high {
            let middle = (low + high) / 2
            if self.id(middle).lexicographicallyPrecedes(id) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func contains(_ child: ChildID) -> Bool {
        let utf8 = child.rawValue.utf8
        let i = insertionIndex(of: utf8)
        return i < ends.count && id(i).elementsEqual(utf8)
    }

    /// Adds `children`, none of which it holds.
    mutating func insert(_ children: Set<ChildID>) {
        guard !children.isEmpty else { return }
        let new = children.map { Array($0.rawValue.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var merged = ChildSet()
        merged.bytes.reserveCapacity(bytes.count + new.reduce(0) { $0 + $1.count })
        merged.ends.reserveCapacity(ends.count + new.count)
        var i = 0
        for id in new {
            while i < ends.count && self.id(i).lexicographicallyPrecedes(id) {
                merged.append(self.id(i))
                i += 1
            }
            merged.append(id[...])
        }
        while i < ends.count {
            merged.append(self.id(i))
            i += 1
        }
        self = merged
    }

    private mutating func append(_ id: ArraySlice<UInt8>) {
        bytes += id
        ends.append(bytes.count)
    }

    /// The count, then each id: its length and bytes (LEB128 numbers, as strings are written).
    func write(to w: inout BinaryWriter) {
        w.varint(UInt64(ends.count))
        for index in ends.indices {
            let id = id(index)
            w.varint(UInt64(id.count))
            w.bytes += id
        }
    }

    /// The set `write(to:)` wrote, which must be in order with no id twice.
    init(reading r: inout BinaryReader) throws(BinaryReader.Damage) {
        let count = try r.count()
        ends.reserveCapacity(count)
        for _ in 0..<count {
            let id = try r.bytes()
            if let last = ends.indices.last, !self.id(last).lexicographicallyPrecedes(id) {
                throw BinaryReader.Damage("the children are not in order")
            }
            bytes += id
            ends.append(bytes.count)
        }
    }
}
