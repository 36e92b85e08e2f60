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

    private init(fd: Int32, name: String, ownsDescriptor: Bool) {
        self.fd = fd
        self.name = name
        self.ownsDescriptor = ownsDescriptor
    }

    /// Standard input, read to its end first into a temporary file with no name (created readable by its owner
    /// only and removed at once, so no copy of it stays on disk): `journey append -` reads it before taking the
    /// writer lock, so that a producer that is slow or stalls holds up no other writer.
    public static func spooledStandardInput() throws -> LineReader {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/journey-stdin-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard fd >= 0 else { throw LogError.io(operation: "create", path: path, reason: System.errnoText()) }
        _ = unlink(path)
        let spool = LineReader(fd: fd, name: "standard input", ownsDescriptor: true)
        do {
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { buffer.deallocate() }
            var offset = 0
            while true {
                let n = read(0, buffer, 1 << 20)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw LogError.io(operation: "read", path: "standard input", reason: System.errnoText())
                }
                if n == 0 { break }
                try System.write(fd, UnsafeRawBufferPointer(start: buffer, count: n), at: offset, path: path)
                offset += n
            }
        } catch {
            spool.close()
            throw error
        }
        return spool
    }

    /// Whether the input holds anything but blank lines, looked at without reading it away. An input that cannot
    /// be looked at so (a pipe) counts as holding something.
    public func hasContent() throws -> Bool {
        var byte: UInt8 = 0
        var offset = 0
        while true {
            let n = pread(fd, &byte, 1, off_t(offset))
            if n < 0 { return true }
            if n == 0 { return false }
            if byte != 0x0A && byte != 0x0D && byte != 0x20 && byte != 0x09 { return true }
            offset += 1
        }
    }

    public func close() {
        if ownsDescriptor { System.close(fd) }
    }

    /// Calls `body` with each line number and line; `progress` gets the bytes read so far after each chunk, and
    /// `bytes` every byte read, in order (to hash the input as it is read).
    public func forEachLine(
        progress: ((Int) -> Void)? = nil, bytes: ((UnsafeRawBufferPointer) -> Void)? = nil,
        _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
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
            if n > 0 { bytes?(UnsafeRawBufferPointer(start: buffer + filled, count: n)) }
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
