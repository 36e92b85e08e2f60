import JourneyCore

/// What opening the log repaired after an interrupted append.
public struct RecoveryReport: Hashable, Sendable, CustomStringConvertible {
    /// Complete batches found past the committed end (written and durable, but never acknowledged): kept.
    public var keptBatches: Int
    /// Bytes of an incomplete batch removed from the end of the log.
    public var removedBytes: Int
    /// The segment file the repair ended in.
    public var file: String

    public var description: String {
        var parts: [String] = []
        if removedBytes > 0 {
            parts.append("removed \(removedBytes) bytes of an incomplete batch from the end of \(file)")
        }
        if keptBatches > 0 {
            parts.append("kept \(keptBatches) complete batch that had not been acknowledged")
        }
        return "recovered the log after an interrupted append: " + parts.joined(separator: "; ")
    }
}

/// Repairs the tail of a log after a crash: complete batches past the head are kept, an incomplete one is cut off.
///
/// The rule is strict so that damage is never mistaken for a torn tail: a writer makes its batch durable and then
/// moves the head, so at most one complete batch can lie past the head, and only at the end of the log. Anything
/// else (a second batch, a bad record followed by more data, a committed region that is too short, a segment
/// past the head that does not follow on from it) is damage, left in place for `journey verify` to report.
///
/// A batch whose head could not be written (the disk full at `head.new`, a head that cannot be replaced) is such a
/// tail too: readers do not see it, and the next writer keeps it and writes the head, or fails and leaves it. A
/// leftover `head.new` is removed.
enum Recovery {
    /// What a repair would do, worked out without changing anything.
    struct Plan {
        var storedHead: Head?
        /// The head once repaired.
        var head: Head
        var keptBatches = 0
        var removedBytes = 0
        /// A segment to cut back to a size: the end of its last complete batch.
        var truncation: (segment: Int, size: Int)?
        /// Segments created for an append that committed nothing in them.
        var removals: [Int] = []
        var lastFile: String

        var isNeeded: Bool { keptBatches > 0 || removedBytes > 0 || (storedHead == nil && head != .empty) }
    }

    /// Repairs the tail, and removes the files an interrupted write left beside the head and the writer's index.
    /// Must be called with the writer lock held.
    static func repair(_ layout: LogLayout) throws -> RecoveryReport? {
        let plan = try plan(layout)
        for leftover in [layout.headTemporaryPath, WriterIndexCache.file(layout).temporaryPath]
        where LogIO.exists(leftover) {
            try LogIO.remove(leftover)
        }
        guard plan.isNeeded else { return nil }
        if let (segment, size) = plan.truncation {
            let path = layout.segmentPath(segment)
            let fd = try LogIO.open(path, flags: O_RDWR_)
            defer { LogIO.close(fd) }
            try LogIO.truncate(fd, to: size, path: path)
            try LogIO.sync(fd, path: path)
        }
        for segment in plan.removals { try LogIO.remove(layout.segmentPath(segment)) }
        if plan.head != plan.storedHead ?? .empty || plan.storedHead == nil {
            try plan.head.write(layout)
        }
        try LogIO.syncDirectory(layout.path)
        return RecoveryReport(keptBatches: plan.keptBatches, removedBytes: plan.removedBytes, file: plan.lastFile)
    }

    /// For a log without a head file: throws `LogError.damaged` unless its segments are what a first append that
    /// never committed leaves (in progress, or cut short by a crash), which the next writer repairs.
    static func checkMissingHead(_ layout: LogLayout) throws {
        do {
            _ = try plan(layout)
        } catch LogError.damaged(let path, let offset, let reason) {
            throw LogError.damaged(
                path: layout.headPath, offset: 0,
                reason: "the head file is missing, and the segments hold more than a first append that never "
                    + "committed (\(path) at byte \(offset): \(reason))")
        }
    }

    /// What `repair` would do; throws `LogError.damaged` where the tail is damage rather than a torn write.
    /// Reads only.
    static func plan(_ layout: LogLayout) throws -> Plan {
        let storedHead = try Head.read(layout)
        let segments = try layout.segmentNumbers()
        var head = storedHead ?? .empty
        if head.segment > 0 {
            guard segments.contains(head.segment) else {
                throw LogError.damaged(
                    path: layout.segmentPath(head.segment), offset: 0, reason: "a committed segment file is missing")
            }
        }
        let tail = segments.filter { $0 >= max(head.segment, 1) }
        var plan = Plan(storedHead: storedHead, head: head, lastFile: layout.segmentPath(tail.first ?? 1))
        guard !tail.isEmpty else { return plan }
        // A writer starts segment n + 1 only once n is there: a segment past the head that does not follow on from
        // the one before it is not an append's.
        for (i, segment) in tail.enumerated() where segment != max(head.segment, 1) + i {
            throw LogError.damaged(
                path: layout.segmentPath(segment), offset: 0,
                reason: "segment \(max(head.segment, 1) + i) is missing before it, past the committed end")
        }

        var isTorn = false
        for segment in tail {
            let path = layout.segmentPath(segment)
            plan.lastFile = path
            let fd = try LogIO.open(path, flags: O_RDONLY_)
            defer { LogIO.close(fd) }
            let size = try LogIO.size(fd, path: path)
            let isHeadSegment = segment == head.segment
            if isHeadSegment && size < head.offset {
                throw LogError.damaged(
                    path: path, offset: size,
                    reason: "the file ends \(head.offset - size) bytes before the committed end")
            }
            if isTorn
                || (!isHeadSegment
                    && (size < LogLayout.headerSize || (try? SegmentScanner.readHeader(fd: fd, path: path)) != segment))
            {
                // A segment created for an append that never committed anything in it.
                if !isTorn && size >= LogLayout.headerSize {
                    throw LogError.damaged(path: path, offset: 0, reason: "the segment header is not this segment's")
                }
                plan.removedBytes += size
                plan.removals.append(segment)
                isTorn = true
                continue
            }
            let start = isHeadSegment && head.offset > 0 ? head.offset : LogLayout.headerSize
            var batch = Commit.Hasher(previous: head.chainHash)
            var expected = head.position + 1
            var eventsInBatch: UInt32 = 0
            var acceptedEnd = isHeadSegment ? max(head.offset, LogLayout.headerSize) : LogLayout.headerSize
            var problem: String?
            let end = try SegmentScanner(path: path).scan(fd: fd, from: start, to: nil) { framed, offset in
                switch framed.kind {
                case .event:
                    let position =
                        framed.body.count >= 8 ? UInt64(littleEndian: framed.body.loadUnaligned(as: UInt64.self)) : 0
                    guard position == expected else {
                        problem = "an event out of position order"
                        return false
                    }
                    expected += 1
                    eventsInBatch += 1
                    batch.add(framed.bytes)
                case .commit:
                    guard let commit = try? Commit.decode(framed.body), commit.firstPosition == head.position + 1,
                        commit.count == eventsInBatch, eventsInBatch > 0,
                        batch.finish(with: commit.fieldBytes) == commit.chainHash
                    else {
                        problem = "a commit that does not match its batch"
                        return false
                    }
                    plan.keptBatches += 1
                    guard plan.keptBatches <= 1 else {
                        problem = "more than one batch"
                        return false
                    }
                    head = Head(
                        segment: segment, offset: offset + framed.size, position: commit.lastPosition,
                        chainHash: commit.chainHash, batches: head.batches + 1)
                    acceptedEnd = offset + framed.size
                    batch = Commit.Hasher(previous: head.chainHash)
                    eventsInBatch = 0
                }
                return true
            }
            if let problem {
                throw LogError.damaged(path: path, offset: acceptedEnd, reason: problem + " past the committed end")
            }
            // A write cut short leaves a record that ends the file; a bad record with a good one after it is damage.
            if case .damaged(let offset, let reason) = end,
                EventLog.resynchronize(fd: fd, path: path, after: offset, limit: size) != nil
            {
                throw LogError.damaged(
                    path: path, offset: offset, reason: reason + ", with records after it, past the committed end")
            }
            if acceptedEnd < size {
                plan.removedBytes += size - acceptedEnd
                plan.truncation = (segment, acceptedEnd)
                isTorn = true
            }
        }
        plan.head = head
        return plan
    }
}
