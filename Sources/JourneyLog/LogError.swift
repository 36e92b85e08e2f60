import JourneyCore

/// What went wrong with a log. Messages name files, offsets and positions, never the contents of events.
///
/// They say what the problem is, not which command or option to use about it: that is for the caller to say in its
/// own words (the command line adds `journey verify`, `--wait`, `--expect-version`).
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
    /// The version the append expected of a child (`--expect-version`) is not the child's; nothing was appended.
    case versionMismatch(child: ChildID, expected: UInt32, actual: UInt32)
    /// The log did not end where the append expected (`AppendOptions.expectedEnd`): another writer appended after it
    /// was read; nothing was appended.
    case logMoved(expected: UInt64, actual: UInt64)
    /// This writer failed earlier in a way that makes further appends unsafe.
    case writerStopped

    public var description: String {
        switch self {
        case .io(let op, let path, let reason):
            return "could not \(op) \(path): \(reason)"
        case .notDurable(let path, let reason):
            return "could not make \(path) durable (fsync failed: \(reason)). The append was not acknowledged and "
                + "this writer has stopped"
        case .locked(let path):
            return "another process is appending to the log (\(path) is locked)"
        case .notFound(let path):
            return "there is no event log at \(path): no such file or folder"
        case .notALog(let path):
            return "\(path) is not a journey log: it is a folder with no head file and no segments"
        case .damaged(let path, let offset, let reason):
            return "the log is damaged: \(path) at byte \(offset): \(reason)"
        case .rejected(let problems, let truncated):
            let lines = problems.map { "  " + $0.description }.joined(separator: "\n")
            let more = truncated ? "\n  … and more; only the first \(problems.count) are shown" : ""
            return "the batch was rejected and nothing was appended (\(problems.count) problem"
                + (problems.count == 1 ? "" : "s") + "):\n" + lines + more
        case .versionMismatch(let child, let expected, let actual):
            return Self.versionMismatch(child: child, expected: expected, actual: actual, requiredBy: "the append")
        case .logMoved(let expected, let actual):
            return "the log ends at position \(actual), not \(expected) where it was read: another writer appended "
                + "meanwhile; nothing was appended."
        case .writerStopped:
            return "this log writer stopped after an earlier failure; open the log again"
        }
    }

    /// The message of `versionMismatch`, naming what required the version: "the append" in `description`, an
    /// option for a command line.
    public static func versionMismatch(child: ChildID, expected: UInt32, actual: UInt32, requiredBy: String) -> String {
        "child \(child) is at version \(actual), not \(expected) as \(requiredBy) required: "
            + "someone else appended to that child meanwhile; nothing was appended."
    }
}
