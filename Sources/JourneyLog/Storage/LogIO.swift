/// The system calls the log makes (`System`), each failure a `LogError` that names the operation and the file,
/// never the log's contents. A failed fsync is `notDurable`: the writer stops.
enum LogIO {
    /// Opens a file; one created is readable and writable by its owner only (0600).
    static func open(_ path: String, flags: Int32, create: Bool = false) throws(LogError) -> Int32 {
        do { return try System.open(path, flags: create ? flags | O_CREAT_ : flags) } catch { throw LogError(error) }
    }

    static func close(_ fd: Int32) { System.close(fd) }

    static func size(_ fd: Int32, path: String) throws(LogError) -> Int {
        do { return try System.size(fd, path: path) } catch { throw LogError(error) }
    }

    static func exists(_ path: String) -> Bool { System.exists(path) }

    /// Reads `count` bytes at `offset`, or fewer at the end of the file; returns how many.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int, path: String)
        throws(LogError) -> Int
    {
        do { return try System.read(fd, into: buffer, count: count, at: offset, path: path) } catch {
            throw LogError(error)
        }
    }

    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int, path: String) throws(LogError) {
        do { try System.write(fd, bytes, at: offset, path: path) } catch { throw LogError(error) }
    }

    static func sync(_ fd: Int32, path: String) throws(LogError) {
        do { try System.sync(fd, path: path) } catch { throw LogError(error) }
    }

    static func syncDirectory(_ path: String) throws(LogError) {
        do { try System.syncDirectory(path) } catch { throw LogError(error) }
    }

    static func truncate(_ fd: Int32, to size: Int, path: String) throws(LogError) {
        do { try System.truncate(fd, to: size, path: path) } catch { throw LogError(error) }
    }

    static func remove(_ path: String) throws(LogError) {
        do { try System.remove(path) } catch { throw LogError(error) }
    }

    static func makeDirectory(_ path: String) throws(LogError) {
        do { try System.makeDirectory(path) } catch { throw LogError(error) }
    }

    static func listDirectory(_ path: String) throws(LogError) -> [String] {
        do { return try System.listDirectory(path) } catch { throw LogError(error) }
    }

    static func lock(_ fd: Int32, wait: Bool, path: String) throws(LogError) -> Bool {
        do { return try System.lock(fd, wait: wait, path: path) } catch { throw LogError(error) }
    }
}

extension LogError {
    /// The log's words for a failed system call: `notDurable` for fsync, `io` for the rest.
    init(_ error: SystemCallError) {
        self =
            error.operation == "fsync"
            ? .notDurable(path: error.path, reason: error.reason)
            : .io(operation: error.operation, path: error.path, reason: error.reason)
    }
}
