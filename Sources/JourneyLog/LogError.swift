import JourneyCore

/// What went wrong with a log, in words that say what to do. Messages name files, offsets and positions, never
/// the contents of events.
public enum LogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed.
    case io(operation: String, path: String, reason: String)
    /// fsync failed: the data may not be on disk. The writer stops and must not be retried.
    case notDurable(path: String, reason: String)
    /// Another process holds the writer lock.
    case locked(path: String)
    /// There is no log at the path.
    case notFound(path: String)
    /// The path is a directory, but not a log: it has no head file and no segment files.
    case notALog(path: String)
    /// The stored bytes are not what was written: reported by `verify`, never skipped.
    case damaged(path: String, offset: Int, reason: String)
    /// The batch broke rules of the format or of the log; nothing was appended.
    case rejected([LineProblem], truncated: Bool)
    /// An `--expect-version` condition did not hold; nothing was appended.
    case versionMismatch(child: ChildID, expected: UInt32, actual: UInt32)
    /// This writer failed earlier in a way that makes further appends unsafe.
    case writerStopped

    public var description: String {
        switch self {
        case .io(let op, let path, let reason):
            return "could not \(op) \(path): \(reason)"
        case .notDurable(let path, let reason):
            return "could not make \(path) durable (fsync failed: \(reason)). The append was not acknowledged and "
                + "this writer has stopped; check the disk, then run `journey verify` before appending again."
        case .locked(let path):
            return "another process is appending to the log (\(path) is locked). Wait for it to finish, or pass "
                + "--wait to queue behind it."
        case .notFound(let path):
            return "there is no event log at \(path): no such file or folder. \(LogSource.expected); create a log "
                + "by appending to it: journey append FILE --log \(path)"
        case .notALog(let path):
            return "\(path) is not a journey log: it is a folder with no head file and no segments. "
                + "\(LogSource.expected); only `journey append` creates a log, in a new or empty folder."
        case .damaged(let path, let offset, let reason):
            return "the log is damaged: \(path) at byte \(offset): \(reason). Run `journey verify` for a full report."
        case .rejected(let problems, let truncated):
            let lines = problems.map { "  " + $0.description }.joined(separator: "\n")
            let more = truncated ? "\n  … and more; only the first \(problems.count) are shown" : ""
            return "the batch was rejected and nothing was appended (\(problems.count) problem"
                + (problems.count == 1 ? "" : "s") + "):\n" + lines + more
        case .versionMismatch(let child, let expected, let actual):
            return "child \(child) is at version \(actual), not \(expected) as --expect-version required: "
                + "someone else appended to that child meanwhile; nothing was appended."
        case .writerStopped:
            return "this log writer stopped after an earlier failure; open the log again"
        }
    }
}
