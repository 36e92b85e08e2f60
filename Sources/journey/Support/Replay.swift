import JourneyLog
import JourneyProjections

/// The folded state of a log directory (from its checkpoint, when there is a good one) or of a JSON Lines file.
func replayState(_ path: String, useCache: Bool, progress: Terminal.Progress) throws -> JourneyState {
    defer { progress.finish() }
    let isFile = path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") || path == "-"
    if isFile || !useCache {
        return try JourneyState(replayingLogAt: path) { n in progress.update("replaying: \(n) events") }
    }
    let log = try EventLog.open(path)
    if let recovery = log.recovery { Terminal.error("journey: \(recovery)") }
    let (state, _) = try Checkpoint.replay(log) { n in progress.update("replaying: \(n) events") }
    return state
}
