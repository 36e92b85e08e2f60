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
/// else (a second batch, a bad record followed by more data, a committed region that is too short) is damage,
/// left in place for `journey verify` to report.
enum Recovery {
    /// Must be called with the writer lock held.
    static func repair(_ layout: LogLayout) throws -> RecoveryReport? {
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
        guard !tail.isEmpty else { return nil }

        var kept = 0
        var removed = 0
        var lastFile = layout.segmentPath(tail[0])
        var isTorn = false
        for segment in tail {
            let path = layout.segmentPath(segment)
            lastFile = path
            let fd = try System.open(path, flags: O_RDWR_)
            defer { System.close(fd) }
            let size = try System.size(fd, path: path)
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
                removed += size
                try System.remove(path)
                isTorn = true
                continue
            }
            let start = isHeadSegment && head.offset > 0 ? head.offset : LogLayout.headerSize
            var batch = Commit.Hasher(previous: head.chainHash)
            var expected = head.position + 1
            var eventsInBatch: UInt32 = 0
            var acceptedEnd = isHeadSegment ? max(head.offset, LogLayout.headerSize) : LogLayout.headerSize
            var problem: String?
            _ = try SegmentScanner(path: path).scan(fd: fd, from: start, to: nil) { framed, offset in
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
                    kept += 1
                    guard kept <= 1 else {
                        problem = "more than one batch past the committed end"
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
            if acceptedEnd < size {
                removed += size - acceptedEnd
                try System.truncate(fd, to: acceptedEnd, path: path)
                try System.sync(fd, path: path)
                isTorn = true
            }
        }
        guard kept > 0 || removed > 0 || (storedHead == nil && head != .empty) else { return nil }
        if head != storedHead ?? .empty || storedHead == nil {
            try head.write(layout)
        }
        try System.syncDirectory(layout.path)
        return RecoveryReport(keptBatches: kept, removedBytes: removed, file: lastFile)
    }
}
