import Crypto
import Foundation
import JourneyCore
import JourneyLog

/// The separate, append-only access audit log (owner-only, hash-chained, durable before `append` returns).
/// Safe to call from many tasks at once (serialised inside).
///
/// Why not the event log's segments: their records are framed for events (a position, a version in a child's
/// stream, the event's binary form) and a commit closes each batch; an audit entry is none of these, and a new
/// record kind would make every reader of the event log (replay, verify, recovery, the caches) learn to skip it.
/// So the audit log is its own file, JSON Lines that an auditor can read without journey, with the event log's
/// guarantees built from the same parts: `System`'s calls (owner-only files, EINTR retried, fsync not retried),
/// an advisory lock for one writer at a time across processes, a SHA-256 chain from a genesis of zeros, and a head
/// file replaced atomically (`System.replaceFile`) that records how many entries there are and the last hash, so
/// that removing entries from the end is found as surely as removing one from the middle. See
/// docs/service-access.md for the format.
public final class AuditLog: Sendable {
    public let path: String
    let state: LockedState
    /// Where `appendAsync` does its blocking work.
    let queue = DispatchQueue(label: "journey.access-audit")

    /// The file beside the audit log that records its length and last hash.
    public var headPath: String { path + ".head" }
    /// Where the bytes of a torn last entry (a crash mid-append, never acknowledged) are kept, not dropped.
    public var tornPath: String { path + ".torn" }

    private init(path: String, fd: Int32) {
        self.path = path
        self.state = LockedState(fd: fd)
    }

    deinit { System.close(state.fd) }

    /// The audit log beside a users file: `audit.jsonl` in the same folder, the service's default.
    public static func defaultPath(besideUsersFile usersPath: String) -> String {
        guard let slash = usersPath.lastIndex(of: "/") else { return "audit.jsonl" }
        return String(usersPath[...slash]) + "audit.jsonl"
    }

    /// Opens the audit log at `path`, creating it (and its folder, owner-only) when new. A torn last entry left by a
    /// crash is moved to `tornPath` and reported in `recovery`; a log whose chain or head does not hold is refused.
    public static func open(_ path: String) throws -> AuditLog {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        do {
            if !folder.isEmpty, !System.exists(folder) { try System.makeDirectory(folder) }
            let fd = try System.open(path, flags: O_RDWR_ | O_CREAT_)
            let log = AuditLog(path: path, fd: fd)
            let status = try System.status(fd, path: path)
            guard status.kind == .regular else {
                throw AccessError.damagedAuditLog(path: path, line: 0, problem: "it is not a regular file")
            }
            guard status.permissions & 0o077 == 0 else {
                throw AccessError.damagedAuditLog(
                    path: path, line: 0,
                    problem: "others may read it (its permissions are \(String(status.permissions & 0o777, radix: 8)))"
                )
            }
            try log.state.withLock { s in
                try log.lockFile()
                defer { System.unlock(s.fd) }
                // A new log's head says it is empty. So does a head missing beside an empty log: a crash between
                // creating the log and writing its head, with nothing lost. (Under the lock: another process may
                // be creating it too.)
                if try System.size(s.fd, path: path) == 0, !System.exists(log.headPath) {
                    try log.writeHead(entries: 0, hash: AuditChain.genesis)
                    try System.syncDirectory(folder.isEmpty ? "/" : folder)
                }
                try log.catchUp(&s)
            }
            return log
        } catch let error as SystemCallError { throw AccessError(error) }
    }

    /// What opening had to repair: a torn last entry moved aside, in words (no entry's contents), or nil.
    public var recovery: String? { state.withLock { $0.recovery } }

    /// Adds an entry at the end, durably: it is on the disk (fsync) before this returns, and the head records it.
    public func append(_ entry: AuditEntry) throws {
        if let problem = AuditChain.problem(entry) { throw AccessError.invalidAuditEntry(problem) }
        try state.withLock { s in
            if let failure = s.failure { throw failure }
            do {
                try lockFile()
                defer { System.unlock(s.fd) }
                try catchUp(&s)
                let line = AuditChain.line(entry, sequence: s.position.count + 1, previous: s.position.lastHash)
                do {
                    try line.bytes.withUnsafeBytes { try System.write(s.fd, $0, at: s.position.end, path: path) }
                } catch {
                    // Nothing acknowledged: take back what part of the line was written, so the file ends whole.
                    try? System.truncate(s.fd, to: s.position.end, path: path)
                    throw error
                }
                do { try System.sync(s.fd, path: path) } catch let error as SystemCallError {
                    // A failed fsync may have dropped the data while reporting it written; no later append can be
                    // trusted to build on it, so this log stops, as the event log's writer does.
                    s.failure = AccessError(error)
                    throw error
                }
                s.position = AuditChain.Position(
                    count: s.position.count + 1, lastHash: line.hash, end: s.position.end + line.bytes.count)
                try writeHead(entries: s.position.count, hash: line.hash)
            } catch let error as SystemCallError { throw AccessError(error) }
        }
    }

    /// `append`, from async code: the write and its fsync (milliseconds on a disk) run on this log's own serial
    /// queue, so that a request waiting to be audited suspends rather than holding one of the few threads that
    /// Swift's cooperative pool runs every task on (one per core). Entries appended this way land in the order
    /// they were asked for.
    public func appendAsync(_ entry: AuditEntry) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                do {
                    try self.append(entry)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// The entries, oldest first, of one child, one user, both or all. The whole chain is checked on the way:
    /// a damaged log is refused, not half listed.
    public func entries(child: ChildID? = nil, user: String? = nil) throws -> [AuditEntry] {
        var found: [AuditEntry] = []
        _ = try readAll { e in
            if (child == nil || e.child == child) && (user == nil || e.user == user) { found.append(e) }
        }
        return found
    }

    /// Throws on a broken chain or a damaged entry: an entry edited, removed, or out of order; the head not
    /// matching the entries; a torn last entry.
    public func verify() throws {
        _ = try verification()
    }

    /// What `verify` checked: how many entries, the last hash, and whether torn bytes were ever set aside.
    public func verification() throws -> AuditVerification {
        let end = try readAll { _ in }
        return AuditVerification(
            entries: end.count, lastHash: Secrets.hex(end.lastHash), hasTornBytes: System.exists(tornPath))
    }

    // MARK: Inside the lock

    /// Reads and checks the whole file, with the lock held so that no append is half seen, handing each entry to
    /// `visit`; a torn last entry is damage here (`open` sets it aside).
    func readAll(_ visit: (AuditEntry) -> Void) throws -> AuditChain.Position {
        try state.withLock { s in
            do {
                try lockFile()
                defer { System.unlock(s.fd) }
                let (end, torn) = try scan(s.fd, visit)
                if let torn {
                    throw AccessError.damagedAuditLog(
                        path: path, line: end.count + 1,
                        problem:
                            "the last entry is torn (\(torn) bytes with no line end): reopen the log to set it aside")
                }
                return end
            } catch let error as SystemCallError { throw AccessError(error) }
        }
    }

    func lockFile() throws {
        _ = try System.lock(state.fd, wait: true, path: path)
    }

    /// Brings the state up to the file: at open, and when another process has appended since (then only the new
    /// lines are read, chained on from the last one this handle knew; `verify` rereads the whole).
    func catchUp(_ s: inout LockedState.Fields) throws {
        let size = try System.size(s.fd, path: path)
        if s.scanned && size == s.position.end { return }
        let start = s.scanned && size > s.position.end ? s.position : AuditChain.Position()
        let (end, torn) = try scan(s.fd, from: start) { _ in }
        if let torn {
            try setAside(fd: s.fd, from: end.end, count: torn)
            s.recovery =
                "the last audit entry was torn by a crash before it was durable (never acknowledged); its \(torn) "
                + "bytes were moved to \(tornPath)"
        }
        s.position = end
        s.scanned = true
    }

    /// Moves the torn tail to `tornPath` (appended there, fsynced) and cuts it from the log (fsynced): kept, never
    /// silently dropped, and out of the way of the next entry.
    func setAside(fd: Int32, from offset: Int, count: Int) throws {
        var bytes = [UInt8](repeating: 0, count: count)
        _ = try bytes.withUnsafeMutableBytes {
            try System.read(fd, into: $0.baseAddress!, count: count, at: offset, path: path)
        }
        let torn = try System.open(tornPath, flags: O_WRONLY_ | O_CREAT_)
        defer { System.close(torn) }
        let end = try System.size(torn, path: tornPath)
        try bytes.withUnsafeBytes { try System.write(torn, $0, at: end, path: tornPath) }
        try System.sync(torn, path: tornPath)
        try System.truncate(fd, to: offset, path: path)
        try System.sync(fd, path: path)
    }

    /// A line longer than this is not one `append` wrote (its fields are capped at a few kilobytes, each byte
    /// escaped as six at most).
    static let maximumLine = 1 << 20

    /// Reads the file from `start` to its end a megabyte at a time, checking each line and handing its entry to
    /// `visit`, and checks the head against it. Returns where the chain ends and the size of a torn tail (bytes
    /// after the last line feed), if any.
    func scan(_ fd: Int32, from start: AuditChain.Position = .init(), _ visit: (AuditEntry) -> Void) throws
        -> (AuditChain.Position, torn: Int?)
    {
        let head = try readHead()
        var position = start
        var hashAtHead: [UInt8]? = head.entries == start.count ? start.lastHash : nil
        let size = try System.size(fd, path: path)
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var offset = start.end
        while offset < size {
            let n = try chunk.withUnsafeMutableBytes {
                try System.read(fd, into: $0.baseAddress!, count: min($0.count, size - offset), at: offset, path: path)
            }
            if n == 0 { break }
            offset += n
            pending.append(contentsOf: chunk[0..<n])
            var lineStart = 0
            while let newline = pending[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
                visit(try AuditChain.take(pending[lineStart..<newline], at: &position, path: path))
                if position.count == head.entries { hashAtHead = position.lastHash }
                lineStart = newline + 1
            }
            pending.removeFirst(lineStart)
            if pending.count > Self.maximumLine && offset < size {
                throw AccessError.damagedAuditLog(
                    path: path, line: position.count + 1, problem: "it is longer than any entry journey writes")
            }
        }
        guard head.entries <= position.count else {
            throw AccessError.damagedAuditLog(
                path: path, line: position.count + 1,
                problem:
                    "the head records \(head.entries) entries but the log holds \(position.count): entries were removed"
            )
        }
        // The head may lag the log (a crash after an entry's fsync, before the head's), never lead it or disagree.
        if let hashAtHead, hashAtHead != head.hash {
            throw AccessError.damagedAuditLog(
                path: path, line: head.entries, problem: "the entry the head records has a different hash")
        }
        return (position, pending.isEmpty ? nil : pending.count)
    }

    func readHead() throws -> (entries: Int, hash: [UInt8]) {
        let damaged = { (problem: String) in
            AccessError.damagedAuditLog(path: self.path, line: 0, problem: "its head (\(self.headPath)) \(problem)")
        }
        let fd: Int32
        do { fd = try System.open(headPath, flags: O_RDONLY_) } catch {
            if error.isNotFound { throw damaged("is missing") }
            throw error
        }
        defer { System.close(fd) }
        var bytes = [UInt8](repeating: 0, count: 512)
        let n = try bytes.withUnsafeMutableBytes {
            try System.read(fd, into: $0.baseAddress!, count: 512, at: 0, path: headPath)
        }
        let text = String(decoding: bytes[..<n], as: UTF8.self)
        guard let value = try? JSONParser.parse(text.hasSuffix("\n") ? String(text.dropLast()) : text),
            case .object(let members) = value, members.count == 2,
            members[0].key == "entries", case .number(let number) = members[0].value, let entries = Int(number),
            entries >= 0,
            members[1].key == "hash", case .string(let hex) = members[1].value,
            let hash = Secrets.bytes(hex: hex), hash.count == 32
        else { throw damaged("is not what journey writes") }
        return (entries, hash)
    }

    func writeHead(entries: Int, hash: [UInt8]) throws {
        var w = JSONWriter()
        w.beginObject()
        w.key("entries")
        w.int(entries)
        w.key("hash")
        w.string(Secrets.hex(hash))
        w.endObject()
        let bytes = w.bytes + [UInt8(ascii: "\n")]
        // The head may lag its log (after a crash, an older head is still true of the entries it counts), so its
        // rename need not be flushed at once: one fsync fewer per append. Its bytes are flushed before the rename,
        // so a crash never leaves a half-written head.
        try System.replaceFile(headPath, temporary: headPath + ".new", syncingFolder: false) { out in
            try out.write(bytes)
        }
    }
}

/// What `AuditLog.verification()` found in a sound log.
public struct AuditVerification: Sendable, Hashable {
    public var entries: Int
    /// The last entry's hash (hex), or the genesis (64 zeros) for an empty log.
    public var lastHash: String
    /// Whether a torn entry was ever set aside (`AuditLog.tornPath` exists): a crash once happened mid-append.
    public var hasTornBytes: Bool
}

/// The audit log's mutable state, behind a lock: the file, how far it has been read, and the chain's end.
final class LockedState: @unchecked Sendable {
    struct Fields {
        let fd: Int32
        var scanned = false
        /// Where the chain ends, as this handle last read or wrote it.
        var position = AuditChain.Position()
        var recovery: String? = nil
        var failure: AccessError? = nil
    }

    let fd: Int32
    private let lock = NSLock()
    private var fields: Fields

    init(fd: Int32) {
        self.fd = fd
        self.fields = Fields(fd: fd)
    }

    func withLock<T>(_ body: (inout Fields) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&fields)
    }
}
