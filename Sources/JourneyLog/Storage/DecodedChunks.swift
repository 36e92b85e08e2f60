/// Items decoded on a thread of their own ahead of a replay's fold and handed over a chunk at a time, in order:
/// how every store's replay reads (`EventLog`, the PostgreSQL log), whatever it reads its records from.
///
/// `produce` runs on the second thread and appends each decoded item (`DecodedChunkFiller.append`); what it
/// throws stops the reading and is thrown here once the items before it have been through `body`. Inlinable, so
/// that it is specialized for `Item` where it is called: each item passes through it by value.
@inlinable
package func readDecodedChunks<Item: Sendable>(
    produce: @escaping @Sendable (inout DecodedChunkFiller<Item>) throws -> Void,
    chunks body: (UnsafeBufferPointer<Item>) throws -> Void
) throws {
    let decoded = ChunkPipeline<DecodedChunk<Item>>(chunksAhead: 4) { pipeline in
        var filler = DecodedChunkFiller(pipeline)
        do {
            try produce(&filler)
        } catch is DecodedChunkCancelled {
            return
        } catch {
            filler.chunk.failure = error
        }
        if !filler.chunk.items.isEmpty || filler.chunk.failure != nil { _ = pipeline.hand(filler.chunk) }
    }
    defer { decoded.finish() }
    while let chunk = decoded.next() {
        try chunk.items.withUnsafeBufferPointer(body)
        if let failure = chunk.failure { throw failure }
        decoded.giveBack(consume chunk)
    }
}

/// The chunk a replay's reading thread is filling (`readDecodedChunks`).
@usableFromInline
package struct DecodedChunkFiller<Item: Sendable> {
    @usableFromInline var chunk = DecodedChunk<Item>()
    @usableFromInline let pipeline: ChunkPipeline<DecodedChunk<Item>>

    @inlinable init(_ pipeline: ChunkPipeline<DecodedChunk<Item>>) {
        self.pipeline = pipeline
        chunk.items.reserveCapacity(DecodedChunk<Item>.size)
    }

    /// Adds `item`, handing the chunk over when it is full and going on in one given back (if there is one, so
    /// that its storage is filled again rather than allocated). Throws when the caller has stopped taking chunks:
    /// the reading should stop, and `readDecodedChunks` ends it quietly.
    @inlinable
    package mutating func append(_ item: Item) throws {
        chunk.items.append(item)
        if chunk.items.count == DecodedChunk<Item>.size {
            guard pipeline.hand(chunk) else { throw DecodedChunkCancelled() }
            chunk = pipeline.spare() ?? DecodedChunk()
            chunk.items.removeAll(keepingCapacity: true)
            chunk.items.reserveCapacity(DecodedChunk<Item>.size)
        }
    }
}

/// Items decoded ahead of a replay's fold; the last chunk carries the damage that stopped the reading, if any.
@usableFromInline
package struct DecodedChunk<Item: Sendable>: Sendable {
    @usableFromInline static var size: Int { 4_096 }
    @usableFromInline var items: [Item] = []
    @usableFromInline var failure: (any Error)?
    @inlinable init() {}
}

@usableFromInline
struct DecodedChunkCancelled: Error {
    @inlinable init() {}
}
