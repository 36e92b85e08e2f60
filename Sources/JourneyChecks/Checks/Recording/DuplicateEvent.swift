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
                var firstOfRecord: [Int32?: Int] = [:]
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

    /// Whether two counting events share a content hash: nearly every child has none, and this says so before the
    /// pass below (which had made this the costliest check on the 10M-event council, most of it sorting pairs with a
    /// comparison closure). The hashes go into an open-addressed set on the stack, at most half full: a probe or two
    /// each, where sorting them took n log n comparisons, half of them mispredicted.
    static func repeatsContent(_ events: [ChildRecord.RecordedEvent]) -> Bool {
        var bits = 1
        while 1 << bits < 2 * events.count { bits += 1 }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 1 << bits) { slots in
            // 0 marks a free slot, so a hash of 0 is noted apart.
            slots.initialize(repeating: 0)
            let mask = (1 << bits) - 1
            var holdsZero = false
            for e in events where e.counts {
                let hash = e.contentHash
                guard hash != 0 else {
                    if holdsZero { return true }
                    holdsZero = true
                    continue
                }
                // The top bits of a multiple by the golden ratio: a slot that does not lean on the hash's low bits.
                var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
                while slots[slot] != 0 {
                    if slots[slot] == hash { return true }
                    slot = (slot + 1) & mask
                }
                slots[slot] = hash
            }
            return false
        }
    }
}
