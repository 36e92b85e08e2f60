import JourneyCore

extension EventLog {
    /// The committed events at `positions` (those the log holds), each given to `decode` in position order and kept
    /// by position when it returns a value: a few events read where they lie, through the index of event locations
    /// in the log's cache folder (`EventLocations`), rather than the whole log (one child's chronology, of a
    /// 10M-event log, had read 830 MB for a few dozen events).
    ///
    /// With `savingIndex`, the index is built from the log when there is none that fits (a pass over every record,
    /// checking it, as a replay does), and extended when 65,536 events or more follow it. The events after it are
    /// otherwise read from where it ends, up to the last wanted.
    ///
    /// Returns `nil` when a record read through the index is not the event it should be (the index is not this
    /// log's, or the log is damaged there), or `decode` throws: the caller reads the whole log instead, which
    /// reports any damage as a replay does. Throws `LogError` for damage found while reading whole records in order
    /// (building the index, or the events after it).
    public func storedEvents<T>(
        at positions: Set<UInt64>, savingIndex: Bool = true, _ decode: (StoredEventBytes) throws -> T?
    ) throws -> [UInt64: T]? {
        let wanted = positions.filter { $0 >= 1 && $0 <= lastPosition }.sorted()
        guard !wanted.isEmpty else { return [:] }
        let index = savingIndex ? try savedEventLocations().index : EventLocations.saved(in: self)
        var found: [UInt64: T] = [:]
        let indexed = wanted.prefix { $0 <= (index?.end.position ?? 0) }
        if let index, !indexed.isEmpty {
            guard read(indexed, through: index, decode, into: &found) else { return nil }
        }
        let after = wanted[indexed.count...]
        if let last = after.last {
            var next = Set(after)
            do {
                try forEachStoredEvent(after: index?.end) { stored in
                    if next.remove(stored.position) != nil {
                        let item: T?
                        do { item = try decode(stored) } catch { throw LocatedRead.undecoded }
                        if let item { found[stored.position] = item }
                    }
                    if stored.position == last { throw LocatedRead.done }
                }
            } catch LocatedRead.done {
            } catch LocatedRead.undecoded {
                return nil
            }
        }
        return found
    }

    /// Builds the index of event locations in the log's cache folder when there is none that fits, or extends it
    /// when 65,536 events or more follow it, as the first read of `storedEvents(at:savingIndex:_:)` would: a server
    /// calls it once the log is folded, so that its first chronology does not wait for a pass over the whole log.
    /// Returns whether the index was built or extended. Throws `LogError` for damage found while reading the log;
    /// a cache folder that cannot be written is not an error (the index is built again next time).
    @discardableResult
    public func updateEventLocations() throws -> Bool {
        try savedEventLocations().isNew
    }

    /// The saved index, built or extended (and written, when the cache folder takes it) when there is none or
    /// 65,536 events or more follow it, and whether it was; `nil` for a log with no cache folder and no index.
    private func savedEventLocations() throws -> (index: EventLocations?, isNew: Bool) {
        let saved = EventLocations.saved(in: self)
        let covered = saved?.end.position ?? 0
        guard lastPosition - covered >= (saved == nil ? 1 : 65_536), let directory = cacheDirectory() else {
            return (saved, false)
        }
        let extended = try extending(saved ?? EventLocations())
        // A file that cannot be written leaves the index in memory for this read: it is built again next time.
        try? extended.write(in: directory, chainHash: headChainHash)
        return (extended, true)
    }

    /// The index with the records of the events after its end, read from the log.
    private func extending(_ index: EventLocations) throws -> EventLocations {
        var index = index
        try forEachLocatedEvent(after: index.end.position == 0 ? nil : index.end) { stored, segment, offset in
            index.take(position: stored.position, segment: segment, offset: offset)
        }
        index.end = end
        return index
    }

    /// Reads the events at `positions` (sorted, all covered by `index`) where the index says they lie; false when a
    /// record there is not the event it should be, or `decode` throws.
    private func read<T>(
        _ positions: ArraySlice<UInt64>, through index: EventLocations, _ decode: (StoredEventBytes) throws -> T?,
        into found: inout [UInt64: T]
    ) -> Bool {
        var i = positions.startIndex
        while i < positions.endIndex {
            var (segment, offset, next) = index.start(for: positions[i])
            // The positions this walk reaches: those before the next kept position, and any after it in a run.
            var isWalking = true
            while isWalking {
                guard segment >= 1, segment <= head.segment else { return false }
                let path = layout.segmentPath(segment)
                guard let fd = try? LogIO.open(path, flags: O_RDONLY_) else { return false }
                defer { LogIO.close(fd) }
                if offset == 0 {
                    guard (try? SegmentScanner.readHeader(fd: fd, path: path)) == segment else { return false }
                    offset = LogLayout.headerSize
                }
                let limit = segment == head.segment ? head.offset : nil
                var isGood = true
                let scanned = try? SegmentScanner(path: path, chunkSize: 2 << 20).scan(
                    fd: fd, from: offset, to: limit
                ) { framed, _ in
                    guard framed.kind == .event else { return true }
                    guard let stored = try? StoredEventBytes(framed.body), stored.position == next else {
                        isGood = false
                        return false
                    }
                    next += 1
                    if stored.position == positions[i] {
                        do {
                            if let item = try decode(stored) { found[stored.position] = item }
                        } catch {
                            isGood = false
                            return false
                        }
                        i += 1
                        // Walk on while the next wanted is near: no more records away than a fresh start would be.
                        if i == positions.endIndex || positions[i] - next >= index.spacing {
                            isWalking = false
                            return false
                        }
                    }
                    return true
                }
                guard isGood, let scanned else { return false }
                guard isWalking else { break }
                // The segment ended before the wanted event: it is in the next one.
                guard case .complete = scanned, limit == nil else { return false }
                segment += 1
                offset = 0
            }
        }
        return true
    }
}

/// Stops a read of the events after the index: once the last one wanted is read, or when `decode` throws.
private enum LocatedRead: Error {
    case done
    case undecoded
}
