import JourneyCore
import JourneyLog

/// Why a JSON Lines file given in place of a log cannot be replayed.
public struct UnreadableEvents: Error, CustomStringConvertible {
    public var file: String
    public var problems: [LineProblem]
    public var description: String {
        "\(file) is not valid JSON Lines events:\n" + problems.prefix(20).map { "  \($0)" }.joined(separator: "\n")
    }
}

extension JourneyState {
    /// Replays a log directory, or a JSON Lines file of events read directly (positions in line order; events
    /// without `recorded` count whatever the as-known-at time).
    public init(replayingLogAt path: String, progress: ((UInt64) -> Void)? = nil) throws {
        self.init()
        if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") || path == "-" {
            let reader = try LineReader(path: path)
            defer { reader.close() }
            var problems: [LineProblem] = []
            var position: UInt64 = 0
            try reader.forEachLine { line, bytes in
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
