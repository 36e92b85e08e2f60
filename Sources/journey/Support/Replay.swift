import JourneyLog
import JourneyProjections

/// The folded state of what `--log` names (`LogSource`): a log folder (from its checkpoint, when there is a good
/// one and `useCache`), or a JSON Lines file or standard input read directly.
func replayState(_ path: String, useCache: Bool, progress: Terminal.Progress) throws -> JourneyState {
    defer { progress.finish() }
    let source = try LogSource(locating: path)
    if source.isJSONLines || !useCache {
        return try JourneyState(replayingLogAt: path) { n in progress.update("replaying: \(n) events") }
    }
    let log = try EventLog.open(path)
    if let recovery = log.recovery { Terminal.error("journey: \(recovery)") }
    let (state, _) = try Checkpoint.replay(log) { n in progress.update("replaying: \(n) events") }
    return state
}
