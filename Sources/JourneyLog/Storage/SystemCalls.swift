#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX calls the log needs, each turning a failure into a `LogError` that names the operation and the
/// file, never the log's contents.
enum System {
    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Opens a file; new files are created readable and writable by their owner only (0600).
    static func open(_ path: String, flags: Int32, create: Bool = false) throws -> Int32 {
        let fd = create ? Glibc_open(path, flags | O_CREAT | O_CLOEXEC, 0o600) : Glibc_open(path, flags | O_CLOEXEC, 0)
        guard fd >= 0 else { throw LogError.io(operation: "open", path: path, reason: errnoText()) }
        return fd
    }

    static func close(_ fd: Int32) { _ = Glibc_close(fd) }

    static func size(_ fd: Int32, path: String) throws -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw LogError.io(operation: "stat", path: path, reason: errnoText()) }
        return Int(st.st_size)
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Reads exactly `count` bytes at `offset`, or fewer at the end of the file; returns how many.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int, path: String)
        throws -> Int
    {
        var done = 0
        while done < count {
            let n = pread(fd, buffer + done, count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw LogError.io(operation: "read", path: path, reason: errnoText())
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int, path: String) throws {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw LogError.io(operation: "write", path: path, reason: errnoText())
            }
            done += n
        }
    }

    /// Makes a file's data durable. A failure is final: after a failed fsync the kernel may have dropped the
    /// dirty pages, so retrying could report success for data that is gone.
    static func sync(_ fd: Int32, path: String) throws {
        guard fsync(fd) == 0 else { throw LogError.notDurable(path: path, reason: errnoText()) }
    }

    /// Makes a directory's entries (a created or renamed file) durable.
    static func syncDirectory(_ path: String) throws {
        let fd = Glibc_open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard fd >= 0 else { throw LogError.io(operation: "open", path: path, reason: errnoText()) }
        defer { Glibc_close(fd) }
        guard fsync(fd) == 0 else { throw LogError.notDurable(path: path, reason: errnoText()) }
    }

    static func truncate(_ fd: Int32, to size: Int, path: String) throws {
        guard ftruncate(fd, off_t(size)) == 0 else {
            throw LogError.io(operation: "truncate", path: path, reason: errnoText())
        }
    }

    static func rename(_ from: String, _ to: String) throws {
        guard Glibc_rename(from, to) == 0 else { throw LogError.io(operation: "rename", path: to, reason: errnoText()) }
    }

    static func remove(_ path: String) throws {
        guard unlink(path) == 0 else { throw LogError.io(operation: "remove", path: path, reason: errnoText()) }
    }

    /// Creates a directory (and its parents) readable by its owner only (0700).
    static func makeDirectory(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if exists(built) { continue }
            guard mkdir(built, 0o700) == 0 || errno == EEXIST else {
                throw LogError.io(operation: "create directory", path: built, reason: errnoText())
            }
        }
    }

    static func listDirectory(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else {
            throw LogError.io(operation: "list", path: path, reason: errnoText())
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Takes an exclusive advisory lock on an open file: at once, or waiting for it. Returns false when another
    /// process holds it and `wait` is false.
    static func lock(_ fd: Int32, wait: Bool, path: String) throws -> Bool {
        while true {
            if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0 { return true }
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw LogError.io(operation: "lock", path: path, reason: errnoText())
        }
    }

    static func unlock(_ fd: Int32) { _ = flock(fd, LOCK_UN) }

    /// Nanoseconds since 1970 UTC, for stamping `recorded` and commits.
    static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}

// The C functions under names that do not clash with the wrappers above.
#if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
    @inline(__always) private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        open(path, flags, mode)
    }
    @discardableResult @inline(__always) private func Glibc_close(_ fd: Int32) -> Int32 { close(fd) }
    @inline(__always) private func Glibc_rename(_ a: String, _ b: String) -> Int32 { rename(a, b) }
#endif
