import JourneyCore

/// A summary of what a log holds: for `journey stats`.
public struct LogStatistics: Sendable, Equatable {
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

    /// For JSON Lines: the SHA-256 of the bytes read, which stands for the file's content as the head hash
    /// stands for a log's.
    public var sha256: String?
    /// For JSON Lines: the number of the last line.
    public var lines = 0

    init() {}

    /// Replays the log once.
    public init(log: EventLog) throws {
        try self.init(store: log)
        try countFiles(of: log)
    }

    /// Replays a log in any store once: the counts without the segment files or bytes on disk (what a folder log
    /// adds, `init(log:)`).
    public init(store: some EventStoreReader) throws {
        var children = Set<ChildID>()
        // Each event read up to its fields, on the reading thread: decoding every event whole, and copying each to
        // this thread, had cost two fifths of the CPU and half the time.
        try store.replay(decoding: Self.header) { head in
            count(head)
            children.insert(head.child)
        }
        self.children = children.count
        describe(store)
    }

    /// What a count reads of each stored event: its header alone.
    static let header: @Sendable (StoredEventBytes) throws -> Event.Header = { stored in
        var r = BinaryReader(stored.event)
        return try Event.readHeader(binary: &r)
    }

    /// The log's last position, batches and head hash.
    mutating func describe(_ store: some EventStoreReader) {
        lastPosition = store.lastPosition
        batches = store.batchCount
        headHash = store.headHash
    }

    /// The bytes on disk and the segment files of a log folder.
    mutating func countFiles(of log: EventLog) throws {
        for number in try log.layout.segmentNumbers() {
            let path = log.layout.segmentPath(number)
            let fd = try LogIO.open(path, flags: O_RDONLY_)
            defer { LogIO.close(fd) }
            bytesOnDisk += try LogIO.size(fd, path: path)
            segments += 1
        }
    }

    /// Reads a JSON Lines file (of any name) or standard input once: the same counts, the bytes read and their
    /// SHA-256 in place of a head hash. Throws `UnreadableEvents` with the line and field of the first problems
    /// when a line is not a valid event.
    public init(jsonLines source: LogSource) throws {
        var children = Set<ChildID>()
        var problems: [LineProblem] = []
        var bytes = 0
        sha256 = try JSONLinesEvents.read(source, progress: { bytes = $0 }) { line, parsed in
            lines = line
            switch parsed {
            case .success(let e):
                count(e.type, occurred: e.occurred, recorded: e.recorded, isCorrection: e.corrects != nil)
                children.insert(e.child)
            case .failure(let invalid):
                if problems.count < 20 { problems += invalid.problems.map { LineProblem(line: line, problem: $0) } }
            }
        }
        guard problems.isEmpty else { throw UnreadableEvents(file: source.path, problems: problems) }
        self.children = children.count
        lastPosition = events
        bytesOnDisk = bytes
    }

    /// Counts an event read from a log, by its header.
    mutating func count(_ head: Event.Header) {
        count(head.type, occurred: head.occurred, recorded: head.recorded, isCorrection: head.corrects != nil)
    }

    /// Counts an event: every count but the children, which the caller keeps.
    mutating func count(_ type: EventType, occurred date: CalendarDate, recorded time: Timestamp?, isCorrection: Bool) {
        events += 1
        eventsByType[type, default: 0] += 1
        occurred = occurred.map { min($0.lowerBound, date)...max($0.upperBound, date) } ?? date...date
        if let time {
            recorded = recorded.map { min($0.lowerBound, time)...max($0.upperBound, time) } ?? time...time
        }
        if isCorrection { corrections += 1 }
    }
}
