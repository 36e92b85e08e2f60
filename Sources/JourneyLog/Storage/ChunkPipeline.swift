import Dispatch

/// Work done a chunk at a time on a thread of its own and handed over in order, with a bounded number of chunks
/// waiting: what lets reading (parsing lines, decoding records) run on a second core while the caller uses what
/// was read. Nothing about the result changes: the caller sees the same chunks in the same order.
@usableFromInline
package final class ChunkPipeline<Chunk: Sendable>: @unchecked Sendable {
    // Every `var` below is touched only with `lock` held.
    private var chunks: [Chunk] = []
    /// Chunks the caller has finished with, for the producer to fill again (`giveBack`, `spare`).
    private var spares: [Chunk] = []
    private var isCancelled = false
    private let lock = DispatchSemaphore(value: 1)
    /// Signalled for each chunk handed over, and once more at the end.
    private let ready = DispatchSemaphore(value: 0)
    /// Places for chunks not yet taken. Created empty and filled in `init`: libdispatch traps when a semaphore
    /// is freed below the value it was created with, as this one would be if the caller stopped early.
    private let room = DispatchSemaphore(value: 0)
    /// Signalled when the producing thread has stopped.
    private let stopped = DispatchSemaphore(value: 0)

    /// Starts `produce` on another thread. It hands over chunks with `hand(_:)`, and should stop when that returns
    /// false (the caller has stopped taking them). At most `chunksAhead` chunks wait at once.
    @usableFromInline
    package init(chunksAhead: Int, produce: @escaping @Sendable (ChunkPipeline<Chunk>) -> Void) {
        for _ in 0..<chunksAhead { room.signal() }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            produce(self)
            ready.signal()  // the end: `next()` finds no chunk
            stopped.signal()
        }
    }

    /// The next chunk, waiting for it; nil after the last.
    @usableFromInline
    package func next() -> Chunk? {
        ready.wait()
        lock.wait()
        defer { lock.signal() }
        guard !chunks.isEmpty else { return nil }
        room.signal()
        return chunks.removeFirst()
    }

    /// Stops the producing thread (if it is still going) and waits for it: call before returning, however the
    /// caller's work ends.
    @usableFromInline
    package func finish() {
        lock.wait()
        isCancelled = true
        lock.signal()
        room.signal()  // in case the producer waits for room
        stopped.wait()
    }

    /// Hands a chunk the caller has finished with back to the producer, which can fill its storage again
    /// rather than allocate more: chunks of a replay are hundreds of kilobytes, and memory freshly allocated for
    /// each costs a page fault every 4 KiB.
    @usableFromInline
    package func giveBack(_ chunk: consuming Chunk) {
        lock.wait()
        defer { lock.signal() }
        spares.append(chunk)
    }

    /// A chunk given back, if there is one.
    @usableFromInline
    package func spare() -> Chunk? {
        lock.wait()
        defer { lock.signal() }
        return spares.popLast()
    }

    /// Queues a chunk once there is room; false when the caller has stopped taking them.
    @usableFromInline
    package func hand(_ chunk: Chunk) -> Bool {
        room.wait()
        lock.wait()
        defer { lock.signal() }
        guard !isCancelled else { return false }
        chunks.append(chunk)
        ready.signal()
        return true
    }
}
