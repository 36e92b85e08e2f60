import Crypto
import JourneyCore

/// Why a JSON Lines file given in place of a log cannot be read.
public struct UnreadableEvents: Error, CustomStringConvertible {
    public var file: String
    public var problems: [LineProblem]

    public init(file: String, problems: [LineProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        "\(file) is not valid JSON Lines events:\n" + problems.prefix(20).map { "  \($0)" }.joined(separator: "\n")
    }
}

/// Events read straight from JSON Lines (a file of any name, or standard input) in one pass, with the SHA-256 of
/// the bytes read: what `stats`, `verify` and `export` read when `--log` names a file rather than a log.
public enum JSONLinesEvents {
    /// Calls `body` with each non-blank line's number (from 1, blank lines counted) and what it parsed to, in
    /// order, and returns the SHA-256 of every byte read, in lower-case hexadecimal.
    @discardableResult
    public static func read(
        _ source: LogSource, progress: ((Int) -> Void)? = nil,
        _ body: (Int, Result<Event, InvalidEvent>) throws -> Void
    ) throws -> String {
        let reader = try LineReader(path: source.path)
        defer { reader.close() }
        var sha = SHA256()
        try reader.forEachLine(progress: progress, bytes: { sha.update(bufferPointer: $0) }) { line, bytes in
            try body(line, Event.parse(jsonLine: bytes))
        }
        return Array(sha.finalize()).hex
    }

    /// What `verify` finds in a JSON Lines file: its events and the SHA-256 of its bytes, and the problems a new
    /// log would reject it for (at most `limit`): a line that is not a valid event, an id used again with other
    /// content, a correction or retraction naming an event not in the file, a correction of another child or type.
    public struct Verification: Sendable {
        public var events: UInt64 = 0
        public var lines = 0
        public var sha256 = ""
        public var problems: [LineProblem] = []
        /// More problems were found than are listed.
        public var isTruncated = false
        public var isValid: Bool { problems.isEmpty }
    }

    public static func verify(_ source: LogSource, limit: Int = 100, progress: ((Int) -> Void)? = nil) throws
        -> Verification
    {
        struct Seen {
            var line: Int
            var child: ChildID
            var type: EventType
            /// The SHA-256 of the event's canonical form, and of it without `recorded` (which an append stamps).
            var content: [UInt8]
            var unstamped: [UInt8]
        }
        var result = Verification()
        var seen: [EventID: Seen] = [:]
        var references: [(line: Int, field: String, target: EventID, mustMatch: (ChildID, EventType)?)] = []
        func note(_ line: Int, _ problem: EventProblem) {
            if result.problems.count < limit {
                result.problems.append(LineProblem(line: line, problem: problem))
            } else {
                result.isTruncated = true
            }
        }
        result.sha256 = try read(source, progress: progress) { line, parsed in
            result.lines = line
            switch parsed {
            case .failure(let invalid):
                for p in invalid.problems { note(line, p) }
            case .success(let event):
                // The same id again is the same event when its content is (an append skips it), else an error.
                var unstamped = event
                unstamped.recorded = nil
                let content = Array(SHA256.hash(data: event.canonicalJSON()))
                let contentUnstamped = Array(SHA256.hash(data: unstamped.canonicalJSON()))
                if let earlier = seen[event.id] {
                    let isSame =
                        event.recorded == nil ? earlier.unstamped == contentUnstamped : earlier.content == content
                    if !isSame {
                        note(
                            line,
                            EventProblem(
                                field: "id", message: "is already used by a different event on line \(earlier.line)"))
                    }
                    return
                }
                seen[event.id] = Seen(
                    line: line, child: event.child, type: event.type, content: content, unstamped: contentUnstamped)
                result.events += 1
                if let target = event.corrects {
                    references.append((line, "corrects", target, (event.child, event.type)))
                }
                if case .eventRetracted(let target, _) = event.body {
                    references.append((line, "data.event", target, nil))
                }
            }
        }
        // A correction may name an event later in the file, as in one appended batch.
        for ref in references {
            guard let target = seen[ref.target] else {
                note(ref.line, EventProblem(field: ref.field, message: "names an event that is not in the file"))
                continue
            }
            if let (child, type) = ref.mustMatch, target.child != child || target.type != type {
                note(
                    ref.line,
                    EventProblem(
                        field: ref.field,
                        message: "names an event of another child or type (line \(target.line)); a correction must "
                            + "have the same child and type as the event it replaces"))
            }
        }
        result.problems.sort { $0.line < $1.line }
        return result
    }
}
