import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file of rejected rows (`--rejected`), open from before the return is read until its rows are written.
///
/// It holds rows as they were read, personal data included, so it is kept as the log is: readable by its owner only
/// (0600) whatever the umask. An existing file is made owner-only and replaced; a symbolic link, or anything but a
/// regular file, is refused. The importer opens it before reading the return and writes it before the batch is
/// committed, so a file that cannot be written stops the import with nothing appended.
final class RejectedFile {
    let path: String
    private let descriptor: Int32

    /// Opens the file for writing, creating it owner-only, or making an existing one so. Nothing is written yet:
    /// an import that stops before its rows are known leaves an existing file as it was.
    init(path: String) throws {
        self.path = path
        // O_NONBLOCK: opening a named pipe with no reader fails rather than waiting; it is refused below anyway.
        let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let error = errno
            throw ImportError.unwritable(
                file: path,
                reason: error == ELOOP ? "it is a symbolic link: name the file itself" : Self.describe(error))
        }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let error = errno
            close(fd)
            throw ImportError.unwritable(file: path, reason: Self.describe(error))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw ImportError.unwritable(file: path, reason: "it is not a regular file")
        }
        if status.st_mode & 0o077 != 0 && fchmod(fd, 0o600) != 0 {
            let error = errno
            close(fd)
            throw ImportError.unwritable(
                file: path,
                reason: "others may read it, and it could not be made readable by its owner only ("
                    + Self.describe(error) + ")")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Replaces the file's contents with the records, as CSV, and flushes them to the disk.
    func write(_ records: [RejectedRecord]) throws {
        var bytes = Array(RejectedRecord.csv(records).utf8)
        defer { bytes.removeAll() }
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw ImportError.unwritable(file: path, reason: Self.describe(errno))
        }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw ImportError.unwritable(file: path, reason: Self.describe(errno)) }
            done += n
        }
        guard fsync(descriptor) == 0 else { throw ImportError.unwritable(file: path, reason: Self.describe(errno)) }
    }

    static func describe(_ error: Int32) -> String {
        String(cString: strerror(error)).lowercased()
    }
}
