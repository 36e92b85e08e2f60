import JourneyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file (or standard input) of lines in large chunks and hands over each non-blank line in place,
/// with its 1-based number; a file of any size needs memory for one chunk only.
public struct LineReader: Sendable {
    let fd: Int32
    let name: String
    let ownsDescriptor: Bool

    /// Reads standard input when `path` is `nil` or `-`.
    public init(path: String?) throws {
        if let path, path != "-" {
            fd = try System.open(path, flags: O_RDONLY_)
            name = path
            ownsDescriptor = true
        } else {
            fd = 0
            name = "standard input"
            ownsDescriptor = false
        }
    }

    public func close() {
        if ownsDescriptor { System.close(fd) }
    }

    /// Calls `body` with each line number and line; `progress` gets the bytes read so far after each chunk.
    public func forEachLine(
        progress: ((Int) -> Void)? = nil, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        var capacity = 8 << 20
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0
        var nextLine = 1
        var total = 0
        while true {
            if filled == capacity {
                // One line longer than the buffer: grow it.
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let n = read(fd, buffer + filled, capacity - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw LogError.io(operation: "read", path: name, reason: System.errnoText())
            }
            total += n
            let isEnd = n == 0
            filled += n
            // Complete lines are those up to the last newline; at the end of input, everything.
            var cut = filled
            if !isEnd {
                while cut > 0 && buffer[cut - 1] != 0x0A { cut -= 1 }
                if cut == 0 { continue }
            }
            let complete = UnsafeBufferPointer(start: buffer, count: cut)
            nextLine += try JSONLines.forEachLine(in: complete, firstLine: nextLine, body)
            progress?(total)
            if isEnd { return }
            let rest = filled - cut
            if rest > 0 { buffer.update(from: buffer + cut, count: rest) }
            filled = rest
        }
    }
}

extension LogWriter {
    /// Appends a JSON Lines file (or standard input) as one batch: every line is read and checked, and the batch
    /// is committed only if all are valid. Lines are parsed on a second thread while this one appends the events
    /// before them (`ParsedLines`).
    @discardableResult
    public func appendJSONLines(
        from input: LineReader, options: AppendOptions = AppendOptions(), progress: ((Int) -> Void)? = nil
    ) throws -> AppendReport {
        try append(options: options) { batch in
            let lines = ParsedLines(input)
            defer { lines.finish() }
            while let chunk = lines.next() {
                for (line, event) in chunk.lines {
                    switch event {
                    case .success(let event): try batch.add(event, line: line)
                    case .failure(let invalid): batch.reject(line: line, problems: invalid.problems)
                    }
                }
                if let bytes = chunk.bytesRead { progress?(bytes) }
                if let failure = chunk.failure { throw failure }
            }
        }
    }
}
