import JourneyLog
import JourneyProjections

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folded state of what `--log` names (`LogSource`): a log folder or a log in another store (from its
/// checkpoint, when there is a good one and `useCache`), or a JSON Lines file or standard input read directly.
func replayState(_ path: String, useCache: Bool, progress: Terminal.Progress) throws -> JourneyState {
    defer { progress.finish() }
    let source = try LogSource(locating: path)
    if source.isJSONLines { return try replayFile(path, progress: progress) }
    if let state = try LogStores.reading(
        source, { try replayStore($0, useCache: useCache, progress: progress) })
    {
        return state
    }
    let log = try EventLog.open(path)
    if let recovery = log.recovery { Terminal.error("journey: \(recovery)") }
    if !useCache {
        let state = try JourneyState(replaying: log, progress: progress.replaying(log))
        progress.replayed(log)
        return state
    }
    let (state, _) = try Checkpoint.replay(log, progress: progress.replaying(log))
    progress.replayed(log)
    return state
}

/// The log folder `path` names, opened, with any recovery of its tail reported; `nil` when it names a JSON Lines
/// file, standard input or a log in another store.
func openLogFolder(_ path: String) throws -> EventLog? {
    guard case .directory = try LogSource(locating: path) else { return nil }
    let log = try EventLog.open(path)
    if let recovery = log.recovery { Terminal.error("journey: \(recovery)") }
    return log
}

/// The folded state of a log in another store: a store that keeps a checkpoint (PostgreSQL, in its database)
/// resumes from it when `useCache`, by the folder's rules.
func replayStore(_ store: some EventStoreReader, useCache: Bool, progress: Terminal.Progress) throws -> JourneyState {
    let state =
        useCache
        ? try Checkpoint.replay(store, progress: progress.replaying(store)).0
        : try JourneyState(replaying: store, progress: progress.replaying(store))
    progress.replayed(store)
    return state
}

/// A JSON Lines file (or standard input) replayed, its progress the bytes read of the file's size.
func replayFile(_ path: String, progress: Terminal.Progress) throws -> JourneyState {
    let size = regularFileSize(path)
    progress.update("replaying", done: 0, total: size, unit: .bytes)
    return try JourneyState(
        replayingLogAt: path,
        bytesRead: { bytes in progress.update("replaying", done: Int64(bytes), total: size, unit: .bytes) })
}

/// The size of a regular file, or `nil` (standard input, a pipe, a device, nothing there): the total of a
/// progress line, when there is one.
func regularFileSize(_ path: String) -> Int64? {
    guard path != "-" else { return nil }
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int64(status.st_size)
}

extension Terminal.Progress {
    /// The progress of a log's replay: the position reached of its last position (the head), which it reads up to.
    func replaying(_ log: some EventStoreReader) -> (UInt64) -> Void {
        let total = Int64(log.lastPosition)
        update("replaying a log of \(ProgressLine.grouped(total)) events")
        return { [self] position in update("replaying", done: Int64(position), total: total, unit: .items("events")) }
    }

    /// The end of a log's replay: all of it folded.
    func replayed(_ log: some EventStoreReader) {
        let total = Int64(log.lastPosition)
        update("replaying", done: total, total: total, unit: .items("events"))
    }
}
