import JourneyLog
import NIOCore
import PostgresNIO

/// A file derived from a log kept in PostgreSQL (its checkpoint), kept beside the log in the same database so that
/// every program that reads the log shares it: the same bytes as the log folder's `CacheFile`, in parts of a few
/// megabytes, one `bytea` row each, in `checkpoint_parts` (`PostgresStore.checkpointTable`).
///
/// - It is written in one transaction that deletes the old parts and inserts the new ones, so a reader sees the old
///   file or the new one, never half of one; two writers take turns (an advisory lock of their own, which appends
///   never wait for).
/// - It is read in one read-only, repeatable-read transaction, a part at a time, straight into the caller's
///   buffers (the state's arrays): memory holds the part being copied and the next, never a second copy of the
///   file.
/// - It is used only as the folder's is (`CacheFile`): its prefix is this build's, the `batches` table still holds
///   the batch that ends at the position in its header with the chain hash in its header, and its checksum is good.
///   Anything else, or anything that goes wrong reading it (no table, in a log set up before it; a role that may
///   not read it), and it is as if there were none: never an error for a reader.
package struct PostgresDerivedFile: DerivedFile {
    let session: PostgresSession
    let name: String
    let prefix: [UInt8]

    /// The size of a part: large enough that a 600 MB checkpoint is a few hundred rows, small enough to be one
    /// comfortable `bytea` value and message.
    static let partSize = 4 << 20

    package func read<T>(for log: PostgresEventLog, _ contents: (inout CacheFile.Reader) -> T?) -> T? {
        let s = session.location.schema
        do {
            try session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? session.query("ROLLBACK") }
            guard try PostgresStore.hasCheckpointTable(session) else { return nil }
            var sizes: [Int] = []
            for row in try session.query(
                """
                SELECT part, octet_length(bytes) FROM \(unescaped: s).checkpoint_parts
                WHERE name = \(name) ORDER BY part
                """)
            {
                let (part, size) = try row.decode((Int32, Int32).self)
                guard part == sizes.count, size > 0 else { return nil }
                sizes.append(Int(size))
            }
            guard !sizes.isEmpty else { return nil }
            let parts = PostgresPartSource(session: session, name: name, sizes: sizes)
            return CacheFile.read(
                prefix: prefix, size: sizes.reduce(0, +), from: parts,
                chainHash: { end in try? chainHash(endingAt: end.position, of: log) }, contents)
        } catch {
            return nil
        }
    }

    /// The chain hash of the batch that ends at `position` in the `batches` table, if one does and the log held it
    /// when it was opened.
    func chainHash(endingAt position: UInt64, of log: PostgresEventLog) throws -> [UInt8]? {
        guard position >= 1, position <= log.lastPosition, let p = Int64(exactly: position) else { return nil }
        let s = session.location.schema
        let rows = try session.query(
            """
            SELECT first_position + count - 1, chain_hash FROM \(unescaped: s).batches
            WHERE first_position <= \(p) ORDER BY first_position DESC LIMIT 1
            """)
        for row in rows {
            let (last, hash) = try row.decode((Int64, ByteBuffer).self)
            return last == p ? Array(hash.readableBytesView) : nil
        }
        return nil
    }

    package func write(end: LogCursor, chainHash: [UInt8], _ contents: (inout CacheFile.Writer) throws -> Void) throws {
        let s = session.location.schema
        try session.transaction {
            try session.query("SELECT pg_advisory_xact_lock(\(PostgresStore.checkpointLockKey), hashtext(\(s)))")
            // A log set up before the table existed gets it on its first checkpoint (if the role may create it).
            if try !PostgresStore.hasCheckpointTable(session) {
                for statement in PostgresStore.checkpointTable(s) {
                    try session.query(PostgresQuery(unsafeSQL: statement))
                }
            }
            try session.query("DELETE FROM \(unescaped: s).checkpoint_parts WHERE name = \(name)")
            let parts = PostgresPartSink(session: session, name: name)
            var writer = CacheFile.Writer(parts)
            try CacheFile.frame(prefix: prefix, end: end, chainHash: chainHash, into: &writer, contents)
            try parts.finish()
        }
    }
}

extension PostgresEventLog: DerivedFileKeeping {
    package func derivedFile(name: String, prefix: [UInt8]) -> PostgresDerivedFile? {
        PostgresDerivedFile(session: session, name: name, prefix: prefix)
    }

    package var headChainHash: [UInt8] { chainHash }

    /// A derived file's header keeps the position, with 0 for the folder's segment and offset.
    package func cursor(at end: LogCursor) -> UInt64 { end.position }
    package func headerEnd(of cursor: UInt64) -> LogCursor { LogCursor(segment: 0, offset: 0, position: cursor) }
}

/// The parts of a derived file, read in order: each asked for while the one before is copied out.
final class PostgresPartSource: DerivedFileSource {
    let session: PostgresSession
    let name: String
    let sizes: [Int]
    /// Where each part starts in the file.
    let starts: [Int]
    private var current: (index: Int, bytes: ByteBuffer)?
    private var next: (index: Int, rows: EventLoopFuture<PostgresQueryResult>)?

    init(session: PostgresSession, name: String, sizes: [Int]) {
        self.session = session
        self.name = name
        self.sizes = sizes
        var starts: [Int] = []
        var at = 0
        for size in sizes {
            starts.append(at)
            at += size
        }
        self.starts = starts
    }

    deinit {
        // A part asked for and not read: its answer is waited for, so the connection is free for what follows.
        if let next { _ = try? session.wait(next.rows) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let at = offset + done
            guard let index = part(containing: at), let bytes = part(index) else { return false }
            let within = at - starts[index]
            let n = min(sizes[index] - within, buffer.count - done)
            bytes.withUnsafeReadableBytes { raw in
                UnsafeMutableRawBufferPointer(rebasing: buffer[done..<(done + n)])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[within..<(within + n)]))
            }
            done += n
        }
        return true
    }

    /// The part that holds the byte at `offset`: the current one or one after it, since a file is read in order.
    func part(containing offset: Int) -> Int? {
        var index = current?.index ?? 0
        if offset < starts[index] { index = 0 }
        while index < sizes.count, offset >= starts[index] + sizes[index] { index += 1 }
        return index < sizes.count ? index : nil
    }

    /// The bytes of part `index`, asking for the one after it before they are copied out.
    func part(_ index: Int) -> ByteBuffer? {
        if let current, current.index == index { return current.bytes }
        current = nil
        let rows: EventLoopFuture<PostgresQueryResult>
        if let next, next.index == index {
            rows = next.rows
            self.next = nil
        } else {
            if let next { _ = try? session.wait(next.rows) }
            next = nil
            rows = fetch(index)
        }
        guard let result = try? session.wait(rows) else { return nil }
        if index + 1 < sizes.count { next = (index + 1, fetch(index + 1)) }
        var bytes: ByteBuffer?
        for row in result { bytes = try? row.decode(ByteBuffer.self) }
        guard let bytes, bytes.readableBytes == sizes[index] else { return nil }
        current = (index, bytes)
        return bytes
    }

    func fetch(_ index: Int) -> EventLoopFuture<PostgresQueryResult> {
        session.start(
            """
            SELECT bytes FROM \(unescaped: session.location.schema).checkpoint_parts
            WHERE name = \(name) AND part = \(Int32(index))
            """)
    }
}

/// Writes a derived file's bytes as parts of `PostgresDerivedFile.partSize`, each inserted while the next is
/// filled: memory holds two parts, never the file.
final class PostgresPartSink: DerivedFileSink {
    let session: PostgresSession
    let name: String
    private var buffer = ByteBuffer()
    private var part: Int32 = 0
    private var inserting: EventLoopFuture<PostgresQueryResult>?

    init(session: PostgresSession, name: String) {
        self.session = session
        self.name = name
        buffer.reserveCapacity(PostgresDerivedFile.partSize)
    }

    deinit {
        if let inserting { _ = try? session.wait(inserting) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var rest = bytes
        while !rest.isEmpty {
            let n = min(rest.count, PostgresDerivedFile.partSize - buffer.readableBytes)
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: rest[..<n]))
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            if buffer.readableBytes == PostgresDerivedFile.partSize { try send() }
        }
    }

    /// Inserts the last part, and waits for every insert.
    func finish() throws {
        if buffer.readableBytes > 0 { try send() }
        if let inserting {
            self.inserting = nil
            _ = try session.wait(inserting)
        }
    }

    private func send() throws {
        if let inserting {
            self.inserting = nil
            _ = try session.wait(inserting)
        }
        let bytes = buffer
        inserting = session.start(
            """
            INSERT INTO \(unescaped: session.location.schema).checkpoint_parts (name, part, bytes)
            VALUES (\(name), \(part), \(bytes))
            """)
        part += 1
        buffer = ByteBuffer()
        buffer.reserveCapacity(PostgresDerivedFile.partSize)
    }
}
