/// A file being written from its start, a call at a time (`System.replaceFile`).
package struct FileOutput {
    package let fd: Int32
    package let path: String
    /// Bytes written so far.
    package private(set) var offset = 0

    package mutating func write(_ bytes: UnsafeRawBufferPointer) throws(SystemCallError) {
        try System.write(fd, bytes, at: offset, path: path)
        offset += bytes.count
    }

    package mutating func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try System.write(fd, $0, at: offset, path: path) }
        offset += bytes.count
    }
}

extension System {
    /// Replaces the file at `path` with what `contents` writes, atomically and durably: the bytes go to
    /// `temporary`, beside it (created afresh, readable by its owner only, never through a link), which is
    /// flushed to the disk (fsync), renamed over `path`, and then the folder is flushed, so that the rename is on
    /// the disk too. A reader finds the old file or the new one, never half of one; when anything fails, the old
    /// file is left as it was and the temporary is removed.
    ///
    /// One policy for every file replaced (the log's head, the cache files, the performance pack): without the
    /// flush before the rename, a crash can leave `path` naming a file whose bytes never reached the disk (on
    /// ext4 and XFS, an empty one), and without the folder's flush the rename itself can be lost. For the head,
    /// that would lose acknowledged appends; for a pack, replace the last good one with nothing; for a cache
    /// file, which its checksum would find damaged, cost a whole replay to rebuild. The flushes cost a disk round
    /// trip or two per file replaced, little beside the work that made the file.
    ///
    /// `syncingFolder: false` leaves out the folder's flush, for a file whose old version is as good after a crash
    /// (the access audit's head, which may lag its log): the new bytes are still on the disk before the rename, so
    /// a crash leaves the old file or the new one, whole.
    package static func replaceFile(
        _ path: String, temporary: String, syncingFolder: Bool = true, _ contents: (inout FileOutput) throws -> Void
    ) throws {
        // A temporary left by an interrupted run is replaced; O_EXCL and O_NOFOLLOW make the new one a new file,
        // never a link to somewhere else.
        if exists(temporary) { try remove(temporary) }
        var output = FileOutput(fd: try create(temporary), path: temporary)
        do {
            defer { close(output.fd) }
            try contents(&output)
            try sync(output.fd, path: temporary)
        } catch {
            try? remove(temporary)
            throw error
        }
        do {
            try rename(temporary, path)
        } catch {
            try? remove(temporary)
            throw error
        }
        if syncingFolder { try syncDirectory(folder(of: path)) }
    }

    /// The folder a path is in: what is before its last `/`, or `.`.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
