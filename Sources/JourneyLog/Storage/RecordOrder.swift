/// What every read checks of the order of the records it reads, for a few integer comparisons a record: positions
/// run on with no gap, each batch is closed by its commit record, and each commit follows on from the one before
/// (its first position is the one after the previous commit's last, and it counts exactly the events since).
///
/// This is what finds swapped records or batches, a lost commit record and a head that does not match the log,
/// without hashing: re-hashing the chain is `verify`'s job (and `append` re-hashes the batch it builds on).
struct RecordOrder {
    /// The position the next event record must have.
    private(set) var nextPosition: UInt64
    /// Event records read since the last commit record.
    private(set) var openEvents: UInt32 = 0
    /// Commit records read.
    private(set) var commits: UInt64 = 0

    /// Reading on from a point between two batches, after the event at `position` (0 from the start).
    init(after position: UInt64) {
        nextPosition = position + 1
    }

    /// The position of the last event of the last batch closed so far.
    var lastCommitted: UInt64 { nextPosition - 1 - UInt64(openEvents) }

    /// Takes in the next record; returns why it cannot come next, or `nil` when it can.
    mutating func take(_ framed: Record.Framed) -> String? {
        switch framed.kind {
        case .event:
            guard framed.body.count >= 12 else { return "an event record is too short to hold its position" }
            let position = UInt64(littleEndian: framed.body.loadUnaligned(as: UInt64.self))
            guard position == nextPosition else {
                return "position \(position) where \(nextPosition) was expected: events are "
                    + (position > nextPosition ? "missing" : "repeated or out of order")
            }
            nextPosition += 1
            openEvents += 1
        case .commit:
            guard framed.body.count == Commit.bodySize else { return "a commit record has the wrong size" }
            let first = UInt64(littleEndian: framed.body.loadUnaligned(as: UInt64.self))
            let count = UInt32(littleEndian: framed.body.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
            let batchFirst = lastCommitted + 1
            guard openEvents > 0, count == openEvents, first == batchFirst else {
                return "a commit record for \(count) event(s) from position \(first) closes \(openEvents) event(s) "
                    + "from position \(batchFirst)"
            }
            openEvents = 0
            commits += 1
        }
        return nil
    }
}
