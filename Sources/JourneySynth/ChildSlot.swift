/// A child in the merge: its events waiting to be written, how they are numbered, and when its next involvement
/// begins.
struct ChildSlot {
    var ordinal: Int32
    /// Waiting events, sorted by recorded time, from `cursor` on.
    var records: [SynthRecord] = []
    var cursor = 0
    /// Events numbered so far, of the child and of its duplicate record.
    var numbered: Int32 = 0
    var numberedDuplicate: Int32 = 0
    /// The tag and number of the event a correction or retraction names (a child has at most one), once numbered.
    var referenced: (tag: Int32, number: Int32) = (0, 0)
    /// The day (since `from`) the child's next involvement begins, if it has one.
    var nextInvolvement: Int?
    /// Whether any involvement of the child is in the log (not over before `from`).
    var hasKeptInvolvement = false
    /// Events of an involvement before `from` that led straight into the next: kept if that one is.
    var undecided: [SynthRecord] = []

    init(ordinal: Int32) {
        self.ordinal = ordinal
    }

    var hasWaiting: Bool { cursor < records.count }
    var nextRecorded: Int64 { records[cursor].recorded }

    /// Numbers and hands over the waiting events recorded before `dayEnd` (seconds since the epoch).
    mutating func take(before dayEnd: Int64, slot: Int32, into events: inout [SynthStream.DayEvent]) {
        while cursor < records.count && records[cursor].recorded < dayEnd {
            events.append(SynthStream.DayEvent(record: takeNext(), ordinal: ordinal, slot: slot))
        }
    }

    /// The next event, numbered: its tag becomes its number in recorded order, and a correction or retraction
    /// names its target by number.
    mutating func takeNext() -> SynthRecord {
        var record = records[cursor]
        cursor += 1
        let number: Int32
        if record.isDuplicateChild {
            numberedDuplicate += 1
            number = numberedDuplicate
        } else {
            numbered += 1
            number = numbered
        }
        if record.isReferenced { referenced = (record.number, number) }
        if record.corrects != 0 {
            precondition(record.corrects == referenced.tag, "a correction is recorded after the event it corrects")
            record.corrects = referenced.number
        }
        if case .eventRetracted(let tag) = record.fact {
            precondition(tag == referenced.tag, "a retraction is recorded after the event it retracts")
            record.fact = .eventRetracted(event: referenced.number)
        }
        record.number = number
        return record
    }

    /// Adds an involvement's events (sorted) to those waiting.
    mutating func add(_ new: [SynthRecord]) {
        guard !new.isEmpty else { return }
        if cursor > 0 {
            records.removeFirst(cursor)
            cursor = 0
        }
        func precedes(_ a: SynthRecord, _ b: SynthRecord) -> Bool {
            (a.recorded, a.number) < (b.recorded, b.number)
        }
        if let last = records.last, precedes(new[0], last) {
            // An event of an earlier involvement recorded late: merge.
            records += new
            records.sort(by: precedes)
        } else {
            records += new
        }
    }
}
