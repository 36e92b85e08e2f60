import JourneyLog

/// What went wrong with the users file or the audit log. A message names the file, the line and the rule, never a
/// token, a password, a hash or a child's data.
public enum AccessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed (open, read, write, fsync…), with the file it was on.
    case system(operation: String, path: String, reason: String)
    /// The users file is not there.
    case noUsersFile(path: String)
    /// The users file can be read by others than its owner, so a copy of its hashes may have leaked.
    case usersFileNotOwnerOnly(path: String, permissions: String)
    /// The users file is not what `UsersFile.add` writes.
    case damagedUsersFile(path: String, problem: String)
    /// An account's name or team that cannot be used.
    case invalidAccount(String)
    /// `add` without `replace` for a name that is already there.
    case accountExists(name: String)
    /// The audit log is not what `AuditLog.append` wrote: a line changed, removed or out of place (`line` 0: the
    /// file itself cannot be used, e.g. others may read it).
    case damagedAuditLog(path: String, line: Int, problem: String)
    /// An audit entry that cannot be written as it is.
    case invalidAuditEntry(String)

    public var description: String {
        switch self {
        case .system(let operation, let path, let reason): "could not \(operation) \(path): \(reason)"
        case .noUsersFile(let path): "there is no users file at \(path)"
        case .usersFileNotOwnerOnly(let path, let permissions):
            "the users file \(path) may be read by others (its permissions are \(permissions); they must be 600)"
        case .damagedUsersFile(let path, let problem): "the users file \(path) is damaged: \(problem)"
        case .invalidAccount(let problem): problem
        case .accountExists(let name): "there is already an account named \(name)"
        case .damagedAuditLog(let path, 0, let problem): "the audit log \(path) cannot be used: \(problem)"
        case .damagedAuditLog(let path, let line, let problem):
            "the audit log \(path) is damaged at line \(line): \(problem)"
        case .invalidAuditEntry(let problem): "the audit entry cannot be written: \(problem)"
        }
    }

    init(_ error: SystemCallError) {
        self = .system(operation: error.operation, path: error.path, reason: error.reason)
    }
}
