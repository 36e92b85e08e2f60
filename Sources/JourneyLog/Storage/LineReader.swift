import JourneyCore

/// Reads a file (or standard input) of lines in large chunks and hands over each non-blank line in place,
/// with its 1-based number; a file of any size needs memory for one chunk only.
public struct LineReader: Sendable {
    let fd: Int32
    let name: String
    let ownsDescriptor: Bool

    /// Reads standard input when `path` is `nil` or `-`.
    public init(path: String?) throws {
        if let path, path != "-" {
            fd = try LogIO.open(path, flags: O_RDONLY_)
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
        let (fd, path): (Int32, String)
        do { (fd, path) = try System.anonymousFile("journey-stdin") } catch { throw LogError(error) }
        let spool = LineReader(fd: fd, name: "standard input", ownsDescriptor: true)
        do {
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { buffer.deallocate() }
            var offset = 0
            while true {
                let n: Int
                do { n = try System.readSome(0, into: buffer, count: 1 << 20, path: "standard input") } catch {
                    throw LogError(error)
                }
                if n == 0 { break }
                try LogIO.write(fd, UnsafeRawBufferPointer(start: buffer, count: n), at: offset, path: path)
                offset += n
            }
        } catch {
            spool.close()
            throw error
        }
        return spool
    }

    /// Bytes already in memory (an HTTP request's body), written first into a temporary file with no name, as
    /// standard input is (`spooledStandardInput`), so that an append reads them as it reads any file.
    package static func spooled(_ bytes: UnsafeRawBufferPointer, name: String) throws -> LineReader {
        let (fd, path): (Int32, String)
        do { (fd, path) = try System.anonymousFile("journey-body") } catch { throw LogError(error) }
        let spool = LineReader(fd: fd, name: name, ownsDescriptor: true)
        do {
            try LogIO.write(fd, bytes, at: 0, path: path)
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
            guard let n = try? System.read(fd, into: &byte, count: 1, at: offset, path: name) else { return true }
            if n == 0 { return false }
            if byte != 0x0A && byte != 0x0D && byte != 0x20 && byte != 0x09 { return true }
            offset += 1
        }
    }

    public func close() {
        if ownsDescriptor { LogIO.close(fd) }
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
            let n: Int
            do { n = try System.readSome(fd, into: buffer + filled, count: capacity - filled, path: name) } catch {
                throw LogError(error)
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
