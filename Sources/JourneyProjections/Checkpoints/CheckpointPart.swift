import Dispatch
import JourneyCore
import JourneyLog

/// A log folder's checkpoint read in part: everything but the atoms (strings, corrections, merges, the children),
/// then the atoms of the children asked for, each piece checked by the checksums of the blocks that hold it
/// (`CacheFile.BlockReader`). What an evaluation kept from an earlier run (`SavedResults`) needs to build again only
/// the records an append changed, without reading the half gigabyte of atoms a 10M-event log has.
struct CheckpointPart {
    let file: CacheFile.BlockReader
    /// The number of children and of atoms the checkpoint holds.
    let childCount: Int
    let atomCount: Int
    /// Offsets in the file of the atoms, of their children's numbers, of where each child's atoms start and of their
    /// ids filed by id (`AtomIDBuckets`).
    let atomsAt: Int
    let childrenAt: Int
    let startsAt: Int
    let idsAt: Int

    /// The end of the batch the checkpoint was made after.
    var end: LogCursor { file.end }

    /// The checkpoint of `log`, opened, and its state without atoms (position, event count, strings, corrections,
    /// merges and children), if it fits the log and its pieces read so far are as written; `nil` otherwise (the
    /// caller then does without it). The state is not kept here, so that the caller can fold onto it without
    /// copying its tables.
    static func open(_ log: EventLog) -> (part: CheckpointPart, state: JourneyState)? {
        guard let directory = log.cacheDirectory(),
            let file = Checkpoint.file(in: directory).openBlocks(for: log, blocksStart: 0),
            let counts = file.read(at: file.blocksStart, count: Checkpoint.countsSize)
        else { return nil }
        var state = JourneyState()
        guard let (atomCount, middleBytes) = try? Checkpoint.counts(counts, fileSize: file.blocksEnd, into: &state)
        else { return nil }
        let middleAt = file.blocksStart + Checkpoint.countsSize
        let atomsAt = middleAt + middleBytes
        let childrenAt = atomsAt + atomCount * MemoryLayout<Atom>.stride
        let startsAt = childrenAt + atomCount * MemoryLayout<UInt32>.stride
        // Parsed where it is read, not copied out first (12 MB at 10M events).
        guard
            (try? file.withBytes(at: middleAt, count: middleBytes) { try Checkpoint.parseMiddle($0, into: &state) })
                != nil
        else { return nil }
        state.tailStart = StateTail.Start(state)
        let idsAt = startsAt + (state.childCount + 1) * MemoryLayout<UInt64>.stride
        guard idsAt + AtomIDBuckets.size(atomCount: atomCount) == file.blocksEnd else { return nil }
        let part = CheckpointPart(
            file: file, childCount: state.childCount, atomCount: atomCount, atomsAt: atomsAt,
            childrenAt: childrenAt, startsAt: startsAt, idsAt: idsAt)
        return (part, state)
    }

    /// The atoms of `children` (numbers of children the checkpoint knows), child after child in the order of their
    /// numbers, each child's in log order, with their children's numbers: every atom of each. `nil` if a piece is not
    /// as written.
    ///
    /// Each child's atoms lie together in the file, found from the table of where each child's start (read whole:
    /// 8 bytes a child); children whose atoms lie less than a block apart are read together. The children are read
    /// in `parts` runs on all cores, each with a buffer of its own, into its own run of the arrays returned; by
    /// default in up to 4, one for each 1,024 children. A day's findings judged again can want ten thousand children.
    /// The arrays have room for `roomAfter` more, for what the caller puts after them.
    func atoms(of children: Set<Int>, parts: Int? = nil, roomAfter: Int = 0) -> (atoms: [Atom], children: [UInt32])? {
        let wanted = children.filter { $0 < childCount }.sorted()
        guard !wanted.isEmpty else { return ([], []) }
        let count = childCount + 1
        guard
            let starts = file.withBytes(
                at: startsAt, count: 8 * count,
                { raw in
                    [Int](unsafeUninitializedCapacity: count) { buffer, initialized in
                        for n in 0..<count {
                            buffer[n] = Int(
                                truncatingIfNeeded: UInt64(
                                    littleEndian: raw.loadUnaligned(fromByteOffset: 8 * n, as: UInt64.self)))
                        }
                        initialized = count
                    }
                }),
            // In order, within the atoms: what the runs below read between (the blocks' checksums have found the
            // table as written; this keeps a read in the file whatever it holds).
            starts[0] == 0, starts[childCount] == atomCount,
            wanted.allSatisfy({ 0 <= starts[$0] && starts[$0] <= starts[$0 + 1] && starts[$0 + 1] <= atomCount }),
            zip(wanted, wanted.dropFirst()).allSatisfy({ starts[$0 + 1] <= starts[$1] })
        else { return nil }
        let parts = max(1, min(parts ?? min(4, max(1, wanted.count >> 10)), wanted.count))
        // Where each part's atoms go: the table says how many each child has, so every part writes its own run of
        // the arrays returned, in place. Gathered into arrays of their own and joined after, the atoms of a day's
        // ten thousand children (14 MB at 10M events) were written twice, into memory fresh each time.
        let runs = (0...parts).map { wanted.count * $0 / parts }
        let offsets = runs.map { end in wanted[..<end].reduce(0) { $0 + starts[$1 + 1] - starts[$1] } }
        let total = offsets[parts]
        var isRead = true
        var numbers: [UInt32] = []
        let atoms = [Atom](unsafeUninitializedCapacity: total + roomAfter) { atomBuffer, initialized in
            numbers = [UInt32](unsafeUninitializedCapacity: total + roomAfter) { numberBuffer, counted in
                var read = [Bool](repeating: false, count: parts)
                read.withUnsafeMutableBufferPointer { read in
                    // Each part writes its own runs of the buffers and its own element of `read` only, and the
                    // buffers outlive `concurrentPerform`.
                    nonisolated(unsafe) let (atomBuffer, numberBuffer, read, part) = (
                        atomBuffer, numberBuffer, read, self
                    )
                    DispatchQueue.concurrentPerform(iterations: parts) { p in
                        read[p] = part.atoms(
                            ofChildren: wanted[runs[p]..<runs[p + 1]], starts: starts,
                            into: UnsafeMutableBufferPointer(rebasing: atomBuffer[offsets[p]..<offsets[p + 1]]),
                            numbers: UnsafeMutableBufferPointer(rebasing: numberBuffer[offsets[p]..<offsets[p + 1]]))
                    }
                }
                isRead = read.allSatisfy { $0 }
                // A part not read has left its run unwritten: nothing is kept.
                counted = isRead ? total : 0
            }
            initialized = isRead ? total : 0
        }
        return isRead ? (atoms, numbers) : nil
    }

    /// `atoms(of:parts:roomAfter:)` for a run of children, in order of their numbers, each child's atoms from
    /// `starts[n]` to `starts[n + 1]`, written into `atoms` and their numbers into `numbers` (as many as the run's
    /// children have); false if a piece is not as written.
    private func atoms(
        ofChildren children: ArraySlice<Int>, starts: [Int], into atoms: UnsafeMutableBufferPointer<Atom>,
        numbers: UnsafeMutableBufferPointer<UInt32>
    ) -> Bool {
        let stride = MemoryLayout<Atom>.stride
        var scratch: [UInt8] = []
        var written = 0
        var i = children.startIndex
        while i < children.endIndex {
            // Children whose atoms lie less than a block apart, read together.
            var j = i + 1
            while j < children.endIndex,
                (starts[children[j]] - starts[children[j - 1] + 1]) * stride < CacheFile.blockSize
            {
                j += 1
            }
            let first = starts[children[i]]
            let end = starts[children[j - 1] + 1]
            if end > first {
                let isRead = file.withBytes(
                    at: atomsAt + first * stride, count: (end - first) * stride, scratch: &scratch
                ) { bytes in
                    for n in children[i..<j] {
                        for index in starts[n]..<starts[n + 1] {
                            (atoms.baseAddress! + written).initialize(
                                to: bytes.loadUnaligned(fromByteOffset: (index - first) * stride, as: Atom.self))
                            (numbers.baseAddress! + written).initialize(to: UInt32(n))
                            written += 1
                        }
                    }
                    return true
                }
                guard isRead == true else { return false }
            }
            i = j
        }
        return written == atoms.count
    }

    /// The numbers of the children whose atoms have one of `ids`: the bucket of each id in the checkpoint's ids
    /// filed by id (`AtomIDBuckets`); `nil` if a piece is not as written. What a correction or retraction appended
    /// since the checkpoint changes.
    func children(ofAtomsWithIDs ids: EventIDSet) -> Set<Int>? {
        AtomIDBuckets.children(
            ofAtomsWithIDs: ids, in: file, at: idsAt, atomCount: atomCount, childCount: childCount)
    }
}
