import JourneyLog

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Pseudonymiser {
    /// A pseudonymiser with the key held in the file at `path`: its bytes exactly as they are, a final newline
    /// included, so that the key can be checked with any HMAC tool.
    ///
    /// The file is refused when it is missing, empty or shorter than `minimumKeyLength`, when it is not a regular
    /// file, or when its group or others have any access to it: whoever can read the key can recompute every
    /// pseudonym from a list of child ids, and whoever can write it can change them.
    public init(keyFile path: String) throws(KeyFileProblem) {
        let fd: Int32
        do { fd = try System.open(path, flags: O_RDONLY) } catch {
            throw KeyFileProblem(path: path, reason: error.isNotFound ? .missing : .unreadable(error.reason))
        }
        defer { System.close(fd) }
        // Checked on the open file, not the path, so that the file read is the file checked.
        let status: System.FileStatus
        do { status = try System.status(fd, path: path) } catch {
            throw KeyFileProblem(path: path, reason: .unreadable(error.reason))
        }
        guard status.kind == .regular else { throw KeyFileProblem(path: path, reason: .notAFile) }
        if status.permissions & 0o077 != 0 {
            throw KeyFileProblem(path: path, reason: .openToOthers(permissions: UInt32(status.permissions)))
        }
        var bytes = [UInt8](repeating: 0, count: status.size)
        let count: Int
        do {
            count = try bytes.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return try System.read(fd, into: base, count: buffer.count, at: 0, path: path)
            }
        } catch {
            let cause = (error as? SystemCallError)?.reason ?? "\(error)"
            throw KeyFileProblem(path: path, reason: .unreadable(cause))
        }
        bytes.removeSubrange(count...)
        if bytes.isEmpty { throw KeyFileProblem(path: path, reason: .empty) }
        guard let pseudonymiser = Pseudonymiser(key: bytes) else {
            throw KeyFileProblem(path: path, reason: .tooShort(bytes: bytes.count))
        }
        self = pseudonymiser
    }
}

/// Why a key file cannot be used: the path and the reason, never the key.
public struct KeyFileProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case missing
        case unreadable(String)
        case notAFile
        case empty
        case tooShort(bytes: Int)
        case openToOthers(permissions: UInt32)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        let why =
            switch reason {
            case .missing: "there is no such file"
            case .unreadable(let cause): "it cannot be read (\(cause))"
            case .notAFile: "it is not a regular file"
            case .empty:
                "it is empty: a pseudonym made with no key could be recomputed by anyone from a list of child ids"
            case .tooShort(let n):
                "it holds \(n) bytes, fewer than the \(Pseudonymiser.minimumKeyLength) a key needs to be beyond "
                    + "guessing"
            case .openToOthers(let mode):
                "its group or others may use it (mode \(String(mode, radix: 8))): anyone who can read the key can "
                    + "recompute the pseudonyms from a list of child ids, so it must be readable by its owner only"
            }
        return "key file \(path): \(why)"
    }
}
