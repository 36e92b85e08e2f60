import JourneyCore

/// The result of checking every stored byte of a log.
public struct VerificationReport: Sendable {
    /// One place where the stored bytes are not what was written.
    public struct Damage: Hashable, Sendable, CustomStringConvertible {
        public var file: String
        public var offset: Int
        public var reason: String
        /// What `offset` counts: bytes into a segment file, or positions of a log in a database table.
        public var unit = "byte"
        public var description: String { "\(file) at \(unit) \(offset): \(reason)" }

        package init(file: String, offset: Int, reason: String, unit: String = "byte") {
            self.file = file
            self.offset = offset
            self.reason = reason
            self.unit = unit
        }
    }

    public var events: UInt64 = 0
    public var batches: UInt64 = 0
    public var segments = 0
    public var bytes = 0
    public var headHash = ""
    public var damage: [Damage] = []
    /// Bytes past the committed end: an append in progress, or left by a crash (removed by the next open).
    public var uncommittedBytes = 0

    public var isIntact: Bool { damage.isEmpty }

    package init() {}
}

extension EventLog {
    /// Checks every record's checksum and decoding, that positions run 1, 2, 3… with no gap, that each child's
    /// versions run 1, 2, 3…, that no id appears twice, that every batch's chain hash matches its bytes and the
    /// batches before it, and that the head agrees with the last commit. Damage is reported, never skipped: the
    /// check goes on past it to report as much as it can.
    ///
    /// It also fails wherever a reader or the next append would: a head file missing while the segments hold
    /// committed batches, a tail past the head that is not a torn append (which the next append would refuse to
    /// repair), and anything a reader's own checks (`RecordOrder`) refuse. Throws `LogError.notALog` for a
    /// directory that is not a log.
    public static func verify(_ path: String) throws -> VerificationReport {
        let layout = LogLayout(path: path)
        guard LogIO.exists(path) else { throw LogError.notFound(path: path) }
        var report = VerificationReport()
        func damage(_ file: String, _ offset: Int, _ reason: String) {
            let found = VerificationReport.Damage(file: file, offset: offset, reason: reason)
            if report.damage.count < 1000 && !report.damage.contains(found) {
                report.damage.append(found)
            }
        }
        let head: Head
        do {
            if let stored = try Head.read(layout) {
                head = stored
            } else {
                guard !((try? layout.segmentNumbers()) ?? []).isEmpty else { throw LogError.notALog(path: path) }
                head = .empty
            }
        } catch let error as LogError where error == .notALog(path: path) {
            throw error
        } catch {
            damage(layout.headPath, 0, "the head file cannot be read")
            head = .empty
        }
        // What the next append would make of the tail past the head (or of segments without a head): a torn
        // append is repaired; anything else is damage, which it refuses.
        do {
            _ = try Recovery.plan(layout)
        } catch LogError.damaged(let file, let offset, let reason) {
            if LogIO.exists(layout.headPath) {
                damage(file, offset, reason + "; the next append will refuse to repair this")
            } else {
                damage(
                    layout.headPath, 0,
                    "the head file is missing, and the segments hold more than a first append that never committed "
                        + "(\(file) at byte \(offset): \(reason))")
            }
        }
        report.headHash = head.chainHash.hex
        let segments = try layout.segmentNumbers()
        for (i, number) in segments.enumerated() where number != i + 1 {
            damage(layout.segmentPath(number), 0, "segment \(i + 1) is missing before it")
            break
        }
        if head.segment > 0 && !segments.contains(head.segment) {
            damage(layout.segmentPath(head.segment), 0, "the segment the head names is missing")
        }

        var expectedPosition: UInt64 = 1
        var versions: [ChildID: UInt32] = [:]
        // Room for the events the head names, but no more than the segments could hold (a record is 40 bytes and
        // more): a damaged head must not make verify ask for memory it cannot have.
        var segmentBytes = 0
        for number in segments {
            let file = layout.segmentPath(number)
            if let fd = try? LogIO.open(file, flags: O_RDONLY_) {
                segmentBytes += (try? LogIO.size(fd, path: file)) ?? 0
                LogIO.close(fd)
            }
        }
        var ids = EventIDRepeats(expecting: min(Int(clamping: head.position), segmentBytes / 40))
        var chain = Commit.genesisHash
        var batchHasher = Commit.Hasher(previous: chain)
        var batchFirst: UInt64?
        var batchCount: UInt32 = 0
        var lastCommitEnd = (segment: 0, offset: 0)

        for number in segments {
            let file = layout.segmentPath(number)
            let fd = try LogIO.open(file, flags: O_RDONLY_)
            defer { LogIO.close(fd) }
            let size = try LogIO.size(fd, path: file)
            report.bytes += size
            if number > head.segment {
                report.uncommittedBytes += size
                continue
            }
            report.segments += 1
            do {
                let stated = try SegmentScanner.readHeader(fd: fd, path: file)
                if stated != number { damage(file, 12, "the header names segment \(stated)") }
            } catch {
                damage(file, 0, "the segment header is damaged")
            }
            let limit = number == head.segment ? head.offset : size
            if number == head.segment {
                if size < head.offset {
                    damage(file, size, "the file ends \(head.offset - size) bytes before the committed end")
                } else {
                    report.uncommittedBytes += size - head.offset
                }
            }
            var start = LogLayout.headerSize
            while start < min(limit, size) {
                let end = try SegmentScanner(path: file).scan(fd: fd, from: start, to: limit) { framed, offset in
                    switch framed.kind {
                    case .event:
                        let stored: StoredEvent
                        do {
                            stored = try Record.decodeEvent(framed.body)
                        } catch {
                            damage(file, offset, "an event record cannot be decoded (\(error))")
                            return true
                        }
                        if stored.position != expectedPosition {
                            damage(
                                file, offset,
                                "position \(stored.position) where \(expectedPosition) was expected: events are "
                                    + (stored.position > expectedPosition ? "missing" : "repeated or out of order"))
                        }
                        expectedPosition = stored.position + 1
                        // One look-up of the child, not two: the version read replaces the one before it.
                        let previous = versions.updateValue(stored.version, forKey: stored.event.child)
                        let expectedVersion = (previous ?? 0) + 1
                        if stored.version != expectedVersion {
                            damage(
                                file, offset,
                                "the event at position \(stored.position) is version \(stored.version) of its child's "
                                    + "stream where \(expectedVersion) was expected")
                        }
                        let location = RecordLocation(segment: number, offset: offset)
                        ids.add(hash: stored.event.id.stableHash, at: location)
                        if batchFirst == nil { batchFirst = stored.position }
                        batchCount += 1
                        batchHasher.add(framed.bytes)
                        report.events += 1
                    case .commit:
                        guard let commit = try? Commit.decode(framed.body) else {
                            damage(file, offset, "a commit record cannot be decoded")
                            return true
                        }
                        let recomputed = batchHasher.finish(with: commit.fieldBytes)
                        if commit.firstPosition != batchFirst || commit.count != batchCount {
                            damage(
                                file, offset,
                                "the batch ending here should hold positions \(commit.firstPosition)…"
                                    + "\(commit.lastPosition) but holds \(batchCount) event(s)")
                        } else if recomputed != commit.chainHash {
                            damage(
                                file, offset,
                                "the batch's hash does not match its bytes or the batches before it "
                                    + "(positions \(commit.firstPosition)…\(commit.lastPosition))")
                        }
                        // Go on from the stored hash so that one damaged batch is reported once, not for ever after.
                        chain = commit.chainHash
                        batchHasher = Commit.Hasher(previous: chain)
                        batchFirst = nil
                        batchCount = 0
                        report.batches += 1
                        lastCommitEnd = (number, offset + framed.size)
                    }
                    return true
                }
                switch end {
                case .complete(let offset):
                    start = offset
                    if offset < limit { start = limit }
                case .incomplete(let offset):
                    damage(file, offset, "a committed record is cut short")
                    start = limit
                case .damaged(let offset, let reason):
                    damage(file, offset, reason)
                    start = Self.resynchronize(fd: fd, path: file, after: offset, limit: min(limit, size)) ?? limit
                }
            }
            if batchCount > 0 && number < head.segment {
                damage(file, size, "\(batchCount) event(s) at the end of the segment belong to no batch")
                batchHasher = Commit.Hasher(previous: chain)
                batchFirst = nil
                batchCount = 0
            }
        }
        if batchCount > 0 {
            damage(
                layout.segmentPath(head.segment), head.offset,
                "\(batchCount) event(s) before the committed end belong to no batch")
        }
        if head.position != expectedPosition - 1 || head.chainHash != chain || head.batches != report.batches
            || (head.segment, head.offset) != lastCommitEnd
        {
            if report.damage.isEmpty || head.position != expectedPosition - 1 {
                damage(
                    layout.headPath, 0,
                    "the head (position \(head.position), \(head.batches) batches) does not match the last batch "
                        + "stored (position \(expectedPosition - 1), \(report.batches) batches)")
            }
        }
        // Two records with the same id hash: compare the ids themselves.
        let log = EventLog(path: path, layout: layout, head: head, recovery: nil)
        for (a, b) in ids.pairs {
            if let ea = try? log.event(at: a), let eb = try? log.event(at: b), ea.event.id == eb.event.id {
                damage(
                    layout.segmentPath(b.segment), b.offset,
                    "the event at position \(eb.position) has the same id as the one at position \(ea.position)")
            }
        }
        // Whatever a reader refuses, verify reports: the readers' checks, run as they run them.
        if report.isIntact {
            do {
                try log.scanRecords(after: nil) { _, _, _, _ in }
            } catch LogError.damaged(let file, let offset, let reason) {
                damage(file, offset, reason)
            }
        }
        return report
    }

    /// After damage, finds the next offset where a whole record with a good checksum starts.
    static func resynchronize(fd: Int32, path: String, after offset: Int, limit: Int) -> Int? {
        let window = min(limit - offset, 4 << 20)
        guard window > 1 else { return nil }
        var bytes = [UInt8](repeating: 0, count: window)
        guard
            let got = try? bytes.withUnsafeMutableBytes({
                try LogIO.read(fd, into: $0.baseAddress!, count: window, at: offset, path: path)
            })
        else { return nil }
        return bytes.withUnsafeBytes { raw -> Int? in
            for i in 1..<got {
                if case .record = Record.read(UnsafeRawBufferPointer(rebasing: raw[i..<got])) { return offset + i }
            }
            return nil
        }
    }

    /// Reads the stored event at a location.
    func event(at location: RecordLocation) throws -> StoredEvent {
        let offset = location.offset
        let path = layout.segmentPath(location.segment)
        let fd = try LogIO.open(path, flags: O_RDONLY_)
        defer { LogIO.close(fd) }
        return try Self.readEvent(fd: fd, path: path, offset: offset)
    }

    static func readEvent(fd: Int32, path: String, offset: Int) throws -> StoredEvent {
        var lengthBytes: UInt32 = 0
        _ = try withUnsafeMutableBytes(of: &lengthBytes) {
            try LogIO.read(fd, into: $0.baseAddress!, count: 4, at: offset, path: path)
        }
        let size = 4 + Int(UInt32(littleEndian: lengthBytes)) + 4
        guard size <= Record.maximumLength + 8 else {
            throw LogError.damaged(path: path, offset: offset, reason: "a record length is implausible")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        _ = try bytes.withUnsafeMutableBytes {
            try LogIO.read(fd, into: $0.baseAddress!, count: size, at: offset, path: path)
        }
        return try bytes.withUnsafeBytes { raw in
            guard case .record(let framed) = Record.read(raw), framed.kind == .event else {
                throw LogError.damaged(path: path, offset: offset, reason: "the record is damaged")
            }
            do {
                return try Record.decodeEvent(framed.body)
            } catch {
                throw LogError.damaged(path: path, offset: offset, reason: "\(error)")
            }
        }
    }
}
