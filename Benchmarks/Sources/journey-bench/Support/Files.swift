#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the benchmark could not do with a file.
struct FileError: Error, CustomStringConvertible {
    var description: String

    init(_ operation: String, _ path: String) {
        description = "could not \(operation) \(path): \(String(cString: strerror(errno)))"
    }
}

/// The few file operations the benchmark needs, without Foundation, so that the measured processes load nothing
/// the `journey` command would not.
enum Files {
    /// Makes a fresh directory under `/tmp` (or `TMPDIR`).
    static func temporaryDirectory(prefix: String) throws -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/" + prefix + "-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw FileError("create a directory in", base)
        }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    static func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else { throw FileError("create", path) }
    }

    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a directory, sorted, without `.` and `..`.
    static func list(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw FileError("list", path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Removes a file, or a directory and everything in it.
    static func remove(_ path: String) throws {
        guard exists(path) else { return }
        if isDirectory(path) {
            for name in try list(path) { try remove(path + "/" + name) }
            guard rmdir(path) == 0 else { throw FileError("remove", path) }
        } else {
            guard unlink(path) == 0 else { throw FileError("remove", path) }
        }
    }

    /// The segment files of a log directory, in order.
    static func segments(inLog path: String) throws -> [String] {
        try list(path).filter { $0.hasPrefix("segment-") && $0.hasSuffix(".log") }.map { path + "/" + $0 }
    }

    /// Bytes of every file in a log directory: what the log costs on disk.
    static func bytesOnDisk(log path: String) throws -> Int {
        try list(path).reduce(0) { total, name in
            let child = path + "/" + name
            return total + (isDirectory(child) ? (try bytesOnDisk(log: child)) : size(child))
        }
    }
}

/// A file written through a large buffer, so that writing millions of lines is not bound by system calls.
final class OutputFile {
    let fd: Int32
    let path: String
    var buffer: [UInt8] = []
    static let flushSize = 1 << 20

    init(path: String) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError("create", path) }
        self.path = path
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    func write(byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= Self.flushSize { try flush() }
    }

    func flush() throws {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError("write", path)
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        systemClose(fd)
    }
}

// The C functions under names that the methods above do not shadow.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
private func systemClose(_ fd: Int32) { _ = close(fd) }
