import JourneyCore
import JourneyLog

extension JourneyState {
    /// Replays a log directory, or a JSON Lines file of events (whatever its name) or standard input read directly
    /// (positions in line order; events without `recorded` count whatever the as-known-at time). What `path` names
    /// is decided by `LogSource`. `progress` is told the events folded of a log folder so far (every 65,536 or so),
    /// `bytesRead` the bytes read of a file so far (after each chunk read).
    public init(
        replayingLogAt path: String, progress: ((UInt64) -> Void)? = nil, bytesRead: ((Int) -> Void)? = nil
    ) throws {
        self.init()
        if try LogSource(locating: path).isJSONLines {
            let reader = try LineReader(path: path)
            defer { reader.close() }
            var problems: [LineProblem] = []
            var position: UInt64 = 0
            try reader.forEachLine(progress: bytesRead) { line, bytes in
                switch Event.parse(jsonLine: bytes) {
                case .success(let event):
                    position += 1
                    apply(StoredEvent(position: position, version: 0, event: event))
                case .failure(let invalid):
                    if problems.count < 100 {
                        problems += invalid.problems.map { LineProblem(line: line, problem: $0) }
                    }
                }
            }
            guard problems.isEmpty else { throw UnreadableEvents(file: path, problems: problems) }
            return
        }
        let log = try EventLog.open(path)
        reserve(events: Int(log.lastPosition))
        _ = try fold(log, progress: progress)
    }
}
