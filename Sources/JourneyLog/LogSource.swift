import JourneyCore

/// What a `--log` path names, decided in this one place for every command: a log directory, a JSON Lines file of
/// events (whatever its name), or standard input (`-`).
///
/// A file is taken as JSON Lines by what it holds, not by its name: its first non-blank line must be a JSON object
/// (a file whose later lines are not events is refused by the replay, with their line and field). Anything else is
/// refused with what was found and what `--log` takes: a name once decided how a file was read, and a JSON Lines
/// file named `.json` was read as an empty log.
public enum LogSource: Sendable, Equatable {
    case directory(String)
    case jsonLines(String)
    case standardInput
    /// A log kept in another store, named by an address with a scheme (`postgres://…`). Which stores a program can
    /// open is the program's to say: the `journey` executable opens none, so that it builds without a database
    /// client; the service's executable opens PostgreSQL.
    case store(String)

    /// What `--log` takes, for messages.
    public static let expected =
        "--log takes a log folder, a JSON Lines file of events (any name), or - for standard input"

    /// Looks at `path`: `-`, a directory (whether it holds a log is `EventLog.open`'s to say), or a regular file
    /// whose first line is a JSON object. Throws `LogError.notFound` when nothing is there and `LogSourceError`
    /// for anything else.
    public init(locating path: String) throws {
        if path == "-" {
            self = .standardInput
            return
        }
        if Self.isStoreAddress(path) {
            self = .store(path)
            return
        }
        let status: System.FileStatus
        do {
            status = try System.status(of: path)
        } catch {
            if error.isNotFound { throw LogError.notFound(path: path) }
            throw LogError(error)
        }
        switch status.kind {
        case .directory:
            self = .directory(path)
        case .regular:
            try Self.checkFirstLine(of: path)
            self = .jsonLines(path)
        case .device:
            throw LogSourceError(path: path, found: "a device")
        case .pipe:
            throw LogSourceError(path: path, found: "a named pipe (give it as standard input: --log - < \(path))")
        case .socket:
            throw LogSourceError(path: path, found: "a socket")
        case .link, .other:
            throw LogSourceError(path: path, found: "neither a folder nor a regular file")
        }
    }

    /// The path as given (`-` for standard input).
    public var path: String {
        switch self {
        case .directory(let path), .jsonLines(let path), .store(let path): path
        case .standardInput: "-"
        }
    }

    /// Whether the events are read from JSON Lines (a file or standard input) rather than a log directory or store.
    public var isJSONLines: Bool {
        switch self {
        case .jsonLines, .standardInput: true
        case .directory, .store: false
        }
    }

    /// Whether the events are in another store (`postgres://…`).
    public var isStore: Bool {
        if case .store = self { return true }
        return false
    }

    /// Whether `path` is an address with a scheme (`postgres://host/db`): letters, digits, `+`, `-` or `.` after a
    /// first letter, then `://`. A folder or file name is never taken for one unless it looks exactly so.
    public static func isStoreAddress(_ path: String) -> Bool {
        guard let separator = path.range(of: "://") else { return false }
        let scheme = path[..<separator.lowerBound].unicodeScalars
        guard let first = scheme.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return scheme.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0))
        }
    }

    /// Refuses a file with no events, or whose first non-blank line is not a JSON object. Only the first megabyte
    /// is looked at: a first line longer than that starts with `{` and is left to the replay to judge.
    static func checkFirstLine(of path: String) throws {
        let fd = try LogIO.open(path, flags: O_RDONLY_)
        defer { LogIO.close(fd) }
        let limit = 1 << 20
        var bytes = [UInt8](repeating: 0, count: limit)
        let count = try bytes.withUnsafeMutableBytes {
            try LogIO.read(fd, into: $0.baseAddress!, count: limit, at: 0, path: path)
        }
        var start = 0
        while start < count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[start]) { start += 1 }
        // No events at all is more likely a failed export than a log: every figure would be zero, with exit 0.
        guard start < count else { throw LogSourceError(path: path, found: "a file with no events (empty or blank)") }
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            throw LogSourceError(
                path: path,
                found: "a file that starts with a byte-order mark, as some editors save UTF-8: save it without one")
        }
        guard bytes[start] == UInt8(ascii: "{") else {
            throw LogSourceError(path: path, found: Self.notJSONLines)
        }
        var end = start
        while end < count, bytes[end] != 0x0A { end += 1 }
        if end == count && count == limit { return }
        let parsed = bytes.withUnsafeBufferPointer { all in
            Result { () throws(JSONParser.SyntaxError) in
                try JSONParser.parse(UnsafeBufferPointer(rebasing: all[start..<end]))
            }
        }
        switch parsed {
        case .success(.object): return
        case .success: break
        case .failure(let error):
            throw LogSourceError(
                path: path, found: "a file that is not JSON Lines (its first line does not parse: \(error.message))")
        }
        throw LogSourceError(path: path, found: Self.notJSONLines)
    }

    static let notJSONLines = "a file that is not JSON Lines (its first line is not a JSON object)"
}

/// `--log` names something that is neither a log folder nor a JSON Lines file of events. The message names the
/// path and what was found there, never the file's contents.
public struct LogSourceError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// What is at the path, in words ("a device").
    public var found: String
    /// What was expected there, in words.
    public var expected: String

    public init(path: String, found: String, expected: String = LogSource.expected) {
        self.path = path
        self.found = found
        self.expected = expected
    }

    public var description: String {
        "\(path) is not a journey log: it is \(found). \(expected)."
    }
}
