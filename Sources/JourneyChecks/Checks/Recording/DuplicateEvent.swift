import JourneyCore
import JourneyProjections

/// The same fact recorded twice under different event ids.
///
/// Two counting events of one child with the same type, date and fields (the second usually a re-sent or re-keyed
/// record). Lifecycle facts are de-duplicated by the replay (a second start of one plan makes no second plan), but
/// visits, contacts, reviews and allocations are counted twice, and the duplicate hides the real history. The later
/// one is named first, with the one it repeats. Events of two records later merged are not duplicates of each
/// other: the merge already says the records were one child's.
struct DuplicateEvent: Check {
    var id: String { "duplicate-event" }
    var severity: Severity { .warning }
    var summary: String { "The same fact (type, date and fields) is recorded twice under different event ids." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let events = child.record.recording.events
        guard events.count > 1, Self.repeatsContent(events) else { return }
        // Sorting the (content, index) pairs puts each fact's recordings side by side, in log order: cheaper than a
        // dictionary for the dozen or so events a child has.
        var order: [(hash: UInt64, index: Int)] = []
        order.reserveCapacity(events.count)
        for (i, e) in events.enumerated() where e.counts { order.append((e.contentHash, i)) }
        order.sort { ($0.hash, $0.index) < ($1.hash, $1.index) }
        var i = 0
        while i < order.count {
            var j = i + 1
            while j < order.count && order[j].hash == order[i].hash { j += 1 }
            if j - i > 1 {
                // Within one run of equal content, each recording after the first of its record is a duplicate.
                var firstOfRecord: [ChildID?: Int] = [:]
                for k in i..<j {
                    let e = events[order[k].index]
                    guard let first = firstOfRecord[e.mergedFrom] else {
                        firstOfRecord[e.mergedFrom] = order[k].index
                        continue
                    }
                    let original = events[first]
                    guard original.idHash != e.idHash, original.type == e.type else { continue }
                    findings.append(
                        finding(
                            child, on: e.occurred, events: [e.position, original.position],
                            "\(e.type.name) dated \(e.occurred) is recorded twice under different event ids: retract "
                                + "the duplicate."))
                }
            }
            i = j
        }
    }

    /// Whether two counting events share a content hash: nearly every child has none, and sorting the bare hashes,
    /// in a buffer on the stack, says so in half the time of the pass below (which had made this the costliest check
    /// on the 10M-event council, most of it sorting pairs with a comparison closure).
    static func repeatsContent(_ events: [ChildRecord.RecordedEvent]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: events.count) { buffer in
            var n = 0
            for e in events where e.counts {
                buffer.initializeElement(at: n, to: e.contentHash)
                n += 1
            }
            guard n > 1 else { return false }
            var hashes = UnsafeMutableBufferPointer(rebasing: buffer[..<n])
            hashes.sort()
            for i in 1..<n where hashes[i] == hashes[i - 1] { return true }
            return false
        }
    }
}
