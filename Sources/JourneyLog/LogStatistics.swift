import JourneyCore

/// A summary of what a log holds: for `journey stats`.
public struct LogStatistics: Sendable {
    public var events: UInt64 = 0
    public var eventsByType: [EventType: Int] = [:]
    public var children = 0
    public var occurred: ClosedRange<CalendarDate>?
    public var recorded: ClosedRange<Timestamp>?
    public var corrections = 0
    public var lastPosition: UInt64 = 0
    public var batches: UInt64 = 0
    public var headHash = ""
    public var bytesOnDisk = 0
    public var segments = 0

    /// Replays the log once.
    public init(log: EventLog) throws {
        var children = Set<ChildID>()
        try log.replay { stored in
            let e = stored.event
            events += 1
            eventsByType[e.type, default: 0] += 1
            children.insert(e.child)
            occurred =
                occurred.map { min($0.lowerBound, e.occurred)...max($0.upperBound, e.occurred) }
                ?? e.occurred...e.occurred
            if let r = e.recorded {
                recorded = recorded.map { min($0.lowerBound, r)...max($0.upperBound, r) } ?? r...r
            }
            if e.corrects != nil { corrections += 1 }
        }
        self.children = children.count
        lastPosition = log.lastPosition
        batches = log.batchCount
        headHash = log.headHash
        for number in try log.layout.segmentNumbers() {
            let path = log.layout.segmentPath(number)
            let fd = try System.open(path, flags: O_RDONLY_)
            defer { System.close(fd) }
            bytesOnDisk += try System.size(fd, path: path)
            segments += 1
        }
    }
}
