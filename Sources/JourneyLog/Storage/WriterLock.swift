/// The one-writer lock: an advisory `flock` on `writer.lock`, released when the holder closes it or dies, so a
/// crashed writer never leaves the log locked.
final class WriterLock {
    let fd: Int32
    private var isHeld = true

    private init(fd: Int32) { self.fd = fd }

    /// Takes the lock, waiting for it when `wait` is true; throws `LogError.locked` when another process holds it.
    static func acquire(_ layout: LogLayout, wait: Bool) throws -> WriterLock {
        let fd = try LogIO.open(layout.lockPath, flags: O_RDWR_, create: true)
        guard try LogIO.lock(fd, wait: wait, path: layout.lockPath) else {
            LogIO.close(fd)
            throw LogError.locked(path: layout.lockPath)
        }
        return WriterLock(fd: fd)
    }

    func release() {
        guard isHeld else { return }
        isHeld = false
        System.unlock(fd)
        LogIO.close(fd)
    }

    deinit { release() }
}
