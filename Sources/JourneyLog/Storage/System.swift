#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A system call that failed: the operation, in the words messages use ("open", "write", "fsync"), the file, and
/// the error number. It names the file, never what was being written.
package struct SystemCallError: Error, Equatable, Sendable, CustomStringConvertible {
    package var operation: String
    package var path: String
    package var code: Int32

    /// The error of the call just made: `errno` is read here, before anything else can change it.
    package init(_ operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The C library's words for the error ("No space left on device").
    package var reason: String { System.describe(code) }

    package var description: String { "could not \(operation) \(path): \(reason)" }

    /// Whether nothing is at the path (or a part of it is not a folder).
    package var isNotFound: Bool { code == ENOENT || code == ENOTDIR }

    /// Whether the path names a symbolic link, which the call was told not to follow.
    package var isLink: Bool { code == ELOOP }
}

/// Every system call the package makes on files, in this one file, as swift-nio keeps its own in `System.swift`:
/// an interrupted call (EINTR) is retried here and nowhere else, and what differs between Linux and macOS is
/// decided here. Files elsewhere call these, never the C library by name.
package enum System {
    package static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Opens a file, closed on exec; `mode` (0600, owner only, unless said) is used only when `flags` create it.
    package static func open(_ path: String, flags: Int32, mode: mode_t = 0o600) throws(SystemCallError) -> Int32 {
        while true {
            let fd = c_open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw SystemCallError("open", path: path) }
        }
    }

    /// Creates a new file for writing, readable by its owner only: never an existing file, never through a link.
    package static func create(_ path: String) throws(SystemCallError) -> Int32 {
        try open(path, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW)
    }

    package static func close(_ fd: Int32) { _ = c_close(fd) }

    /// Reads `count` bytes at `offset`, or fewer at the end of the file; returns how many.
    package static func read(
        _ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int, path: String
    )
        throws(SystemCallError) -> Int
    {
        var done = 0
        while done < count {
            let n = pread(fd, buffer + done, count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemCallError("read", path: path)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// The bytes `offset..<offset + count` of a file, mapped read-only in place (`unmap` them after); nil when the
    /// file cannot be mapped, for the caller to read it instead. Reading a mapped page of the file past its end
    /// stops the process, so the range must lie within the file as its size was last read.
    package static func map(_ fd: Int32, offset: Int, count: Int) -> UnsafeRawBufferPointer? {
        guard count > 0 else { return nil }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = offset - offset % page
        let length = count + (offset - start)
        guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, off_t(start)), base != MAP_FAILED else {
            return nil
        }
        // Read once, front to back: the kernel reads ahead, and drops the pages behind sooner.
        _ = madvise(base, length, MADV_SEQUENTIAL)
        return UnsafeRawBufferPointer(start: base + (offset - start), count: count)
    }

    /// Unmaps what `map(_:offset:count:)` mapped.
    package static func unmap(_ bytes: UnsafeRawBufferPointer) {
        guard let address = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = Int(bitPattern: address) - Int(bitPattern: address) % page
        _ = munmap(UnsafeMutableRawPointer(bitPattern: start), bytes.count + (Int(bitPattern: address) - start))
    }

    /// Reads what is there, up to `count` bytes, from where a stream (standard input, a pipe) has got to: 0 at its
    /// end.
    package static func readSome(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, path: String)
        throws(SystemCallError) -> Int
    {
        while true {
            let n = c_read(fd, buffer, count)
            if n >= 0 { return n }
            if errno != EINTR { throw SystemCallError("read", path: path) }
        }
    }

    /// Writes every byte: at `offset`, or, when it is `nil`, where the descriptor is (standard output, a pipe).
    package static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int? = nil, path: String)
        throws(SystemCallError)
    {
        var done = 0
        while done < bytes.count {
            let start = bytes.baseAddress! + done
            let n =
                if let offset { pwrite(fd, start, bytes.count - done, off_t(offset + done)) } else {
                    c_write(fd, start, bytes.count - done)
                }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemCallError("write", path: path)
            }
            // Nothing written and no error: a device that takes no more. Reported, not retried for ever.
            if n == 0 { throw SystemCallError("write", path: path, code: EIO) }
            done += n
        }
    }

    /// Makes a file's data durable. A failure is final, so it is not retried: after a failed fsync the kernel may
    /// have dropped the dirty pages, and a second fsync could report success for data that is gone.
    package static func sync(_ fd: Int32, path: String) throws(SystemCallError) {
        guard fsync(fd) == 0 else { throw SystemCallError("fsync", path: path) }
    }

    /// Makes a folder's entries (a file created, renamed or removed in it) durable.
    package static func syncDirectory(_ path: String) throws(SystemCallError) {
        let fd = try open(path, flags: O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        try sync(fd, path: path)
    }

    package static func truncate(_ fd: Int32, to size: Int, path: String) throws(SystemCallError) {
        while ftruncate(fd, off_t(size)) != 0 {
            if errno != EINTR { throw SystemCallError("truncate", path: path) }
        }
    }

    /// Gives an open file the permissions `mode`.
    package static func changeMode(_ fd: Int32, to mode: mode_t, path: String) throws(SystemCallError) {
        guard fchmod(fd, mode) == 0 else { throw SystemCallError("change the permissions of", path: path) }
    }

    package static func rename(_ from: String, _ to: String) throws(SystemCallError) {
        guard c_rename(from, to) == 0 else { throw SystemCallError("rename", path: to) }
    }

    package static func remove(_ path: String) throws(SystemCallError) {
        guard unlink(path) == 0 else { throw SystemCallError("remove", path: path) }
    }

    // MARK: What is at a path

    /// What `stat` says of a file, in the terms the package asks about.
    package struct FileStatus: Equatable, Sendable {
        package enum Kind: Sendable { case regular, directory, device, pipe, socket, link, other }

        package var kind: Kind
        /// The permission bits (0o777 and the set-id and sticky bits).
        package var permissions: mode_t
        package var size: Int
        /// The last modification, as seconds and nanoseconds since 1970, with the inode and device: what changes
        /// when anything writes to the file or replaces it.
        package var stamp: [Int]

        init(_ s: stat) {
            kind =
                switch s.st_mode & S_IFMT {
                case S_IFREG: .regular
                case S_IFDIR: .directory
                case S_IFCHR, S_IFBLK: .device
                case S_IFIFO: .pipe
                case S_IFSOCK: .socket
                case S_IFLNK: .link
                default: .other
                }
            permissions = s.st_mode & 0o7777
            size = Int(s.st_size)
            #if canImport(Darwin)
                let modified = s.st_mtimespec
            #else
                let modified = s.st_mtim
            #endif
            stamp = [Int(s.st_size), Int(modified.tv_sec), Int(modified.tv_nsec), Int(s.st_ino), Int(s.st_dev)]
        }
    }

    /// What is at `path`, following a link unless `followingLinks` is false (then a link is `.link`).
    package static func status(of path: String, followingLinks: Bool = true) throws(SystemCallError) -> FileStatus {
        var s = stat()
        guard (followingLinks ? stat(path, &s) : lstat(path, &s)) == 0 else {
            throw SystemCallError("look at", path: path)
        }
        return FileStatus(s)
    }

    /// What an open file is.
    package static func status(_ fd: Int32, path: String) throws(SystemCallError) -> FileStatus {
        var s = stat()
        guard fstat(fd, &s) == 0 else { throw SystemCallError("stat", path: path) }
        return FileStatus(s)
    }

    package static func size(_ fd: Int32, path: String) throws(SystemCallError) -> Int {
        try status(fd, path: path).size
    }

    /// What tells this program's executable file from any other build of it: its device, inode, size and time of
    /// last change, as bytes; `nil` where the running executable cannot be found (`/proc/self/exe` is Linux's).
    /// What results saved by one build and read by another must match (`SavedResults`).
    package static func executableStamp() -> [UInt8]? {
        var s = stat()
        guard stat("/proc/self/exe", &s) == 0 else { return nil }
        var bytes: [UInt8] = []
        for field in [UInt64(s.st_dev), UInt64(s.st_ino), UInt64(s.st_size)] {
            withUnsafeBytes(of: field.littleEndian) { bytes += $0 }
        }
        #if canImport(Darwin)
            let changed = (Int64(s.st_ctimespec.tv_sec), Int64(s.st_ctimespec.tv_nsec))
        #else
            let changed = (Int64(s.st_ctim.tv_sec), Int64(s.st_ctim.tv_nsec))
        #endif
        withUnsafeBytes(of: changed.0.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: changed.1.littleEndian) { bytes += $0 }
        return bytes
    }

    package static func exists(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0
    }

    // MARK: Folders

    /// Creates a folder (and its parents) readable by its owner only (0700).
    package static func makeDirectory(_ path: String) throws(SystemCallError) {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if exists(built) { continue }
            guard mkdir(built, 0o700) == 0 || errno == EEXIST else {
                throw SystemCallError("create directory", path: built)
            }
        }
    }

    package static func listDirectory(_ path: String) throws(SystemCallError) -> [String] {
        guard let dir = opendir(path) else { throw SystemCallError("list", path: path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            // `d_name` is 256 bytes on Linux and 1,024 on macOS.
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A new file with no name in `TMPDIR` (or /tmp), readable by its owner only: created, then unlinked at once, so
    /// that nothing of it stays on disk once it is closed. Returns its descriptor and the name it had.
    package static func anonymousFile(_ prefix: String) throws(SystemCallError) -> (fd: Int32, path: String) {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/" + prefix + "-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard fd >= 0 else { throw SystemCallError("create", path: path) }
        _ = unlink(path)
        return (fd, path)
    }

    // MARK: Locks and clocks

    /// Takes an exclusive advisory lock on an open file: at once, or waiting for it. Returns false when another
    /// process holds it and `wait` is false.
    package static func lock(_ fd: Int32, wait: Bool, path: String) throws(SystemCallError) -> Bool {
        while true {
            if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0 { return true }
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw SystemCallError("lock", path: path)
        }
    }

    package static func unlock(_ fd: Int32) { _ = flock(fd, LOCK_UN) }

    /// Nanoseconds since 1970 UTC, for stamping `recorded` and commits.
    package static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}

// Flags for `System.open`, under names that files without the C library in scope can use.
package let O_RDONLY_ = O_RDONLY
package let O_RDWR_ = O_RDWR
package let O_WRONLY_ = O_WRONLY
package let O_CREAT_ = O_CREAT
package let O_TRUNC_ = O_TRUNC

// The C functions under names that do not clash with `System`'s own.
@inline(__always) private func c_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}
@inline(__always) private func c_close(_ fd: Int32) -> Int32 { close(fd) }
@inline(__always) private func c_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
@inline(__always) private func c_write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
@inline(__always) private func c_rename(_ a: String, _ b: String) -> Int32 { rename(a, b) }
