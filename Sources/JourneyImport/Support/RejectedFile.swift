import Foundation
import JourneyLog

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
        let fd: Int32
        do {
            // O_NONBLOCK: opening a named pipe with no reader fails rather than waiting; it is refused below anyway.
            fd = try System.open(path, flags: O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK)
        } catch {
            throw ImportError.unwritable(
                file: path,
                reason: error.isLink ? "it is a symbolic link: name the file itself" : Self.describe(error.code))
        }
        do {
            let status = try System.status(fd, path: path)
            guard status.kind == .regular else {
                System.close(fd)
                throw ImportError.unwritable(file: path, reason: "it is not a regular file")
            }
            if status.permissions & 0o077 != 0 {
                do {
                    try System.changeMode(fd, to: 0o600, path: path)
                } catch {
                    System.close(fd)
                    throw ImportError.unwritable(
                        file: path,
                        reason: "others may read it, and it could not be made readable by its owner only ("
                            + Self.describe(error.code) + ")")
                }
            }
        } catch let error as SystemCallError {
            System.close(fd)
            throw ImportError.unwritable(file: path, reason: Self.describe(error.code))
        }
        descriptor = fd
    }

    deinit { System.close(descriptor) }

    /// Replaces the file's contents with the records, as CSV, and flushes them to the disk.
    func write(_ records: [RejectedRecord]) throws {
        var bytes = Array(RejectedRecord.csv(records).utf8)
        defer { bytes.removeAll() }
        do {
            try System.truncate(descriptor, to: 0, path: path)
            try bytes.withUnsafeBytes { try System.write(descriptor, $0, at: 0, path: path) }
            try System.sync(descriptor, path: path)
        } catch let error as SystemCallError {
            throw ImportError.unwritable(file: path, reason: Self.describe(error.code))
        }
    }

    static func describe(_ error: Int32) -> String {
        System.describe(error).lowercased()
    }
}
