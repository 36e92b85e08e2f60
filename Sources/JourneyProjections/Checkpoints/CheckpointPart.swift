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
    /// Offsets in the file of the atoms, of their children's numbers and of their ids filed by id
    /// (`AtomIDBuckets`).
    let atomsAt: Int
    let childrenAt: Int
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
        let idsAt = childrenAt + atomCount * MemoryLayout<UInt32>.stride
        guard idsAt + AtomIDBuckets.size(atomCount: atomCount) == file.blocksEnd,
            let middle = file.read(at: middleAt, count: middleBytes),
            (try? middle.withUnsafeBytes { try Checkpoint.parseMiddle($0, into: &state) }) != nil
        else { return nil }
        let part = CheckpointPart(
            file: file, childCount: state.childCount, atomCount: atomCount, atomsAt: atomsAt,
            childrenAt: childrenAt, idsAt: idsAt)
        return (part, state)
    }

    /// The atoms of `children` (numbers of children the checkpoint knows), in log order, with their children's
    /// numbers: every atom of each. `nil` if a piece is not as written.
    ///
    /// The atoms are read in `parts` runs of the log on all cores, each with a buffer of its own, and joined in
    /// order; by default in up to 4, one for each 65,536 atoms. A day's findings judged again can want ten thousand
    /// children, whose atoms lie in most blocks.
    func atoms(of children: Set<Int>, parts: Int? = nil) -> (atoms: [Atom], children: [UInt32])? {
        guard !children.isEmpty else { return ([], []) }
        var wanted = [Bool](repeating: false, count: childCount)
        for n in children where n < childCount { wanted[n] = true }
        let parts = max(1, min(parts ?? min(4, atomCount >> 16), atomCount))
        var found = [(atoms: [Atom], children: [UInt32])?](repeating: nil, count: parts)
        found.withUnsafeMutableBufferPointer { buffer in
            // Each part writes its own element only, and reads the file with a buffer of its own.
            nonisolated(unsafe) let (found, wanted, part) = (buffer, wanted, self)
            let atomCount = atomCount
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                found[p] = part.atoms(in: (atomCount * p / parts)..<(atomCount * (p + 1) / parts), of: wanted)
            }
        }
        var atoms: [Atom] = []
        var numbers: [UInt32] = []
        atoms.reserveCapacity(found.reduce(0) { $0 + ($1?.atoms.count ?? 0) })
        numbers.reserveCapacity(atoms.capacity)
        for piece in found {
            guard let piece else { return nil }
            atoms += piece.atoms
            numbers += piece.children
        }
        return (atoms, numbers)
    }

    /// `atoms(of:parts:)` among the atoms at `range`, for the children `wanted` marks.
    private func atoms(in range: Range<Int>, of wanted: [Bool]) -> (atoms: [Atom], children: [UInt32])? {
        var scratch: [UInt8] = []
        // Which atoms are theirs: one pass over the children's numbers, 4 bytes an atom, a megabyte at a time.
        var indices: [Int] = []
        var numbers: [UInt32] = []
        let chunk = 1 << 18
        var start = range.lowerBound
        while start < range.upperBound {
            let count = min(chunk, range.upperBound - start)
            let isGood = file.withBytes(at: childrenAt + 4 * start, count: 4 * count, scratch: &scratch) {
                raw -> Bool in
                for i in 0..<count {
                    let n = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    guard n < childCount else { return false }
                    if wanted[n] {
                        indices.append(start + i)
                        numbers.append(UInt32(n))
                    }
                }
                return true
            }
            guard isGood == true else { return nil }
            start += count
        }

        // Their atoms, read a run at a time: atoms less than a block apart are read together.
        let stride = MemoryLayout<Atom>.stride
        var atoms: [Atom] = []
        atoms.reserveCapacity(indices.count)
        var i = 0
        while i < indices.count {
            var j = i + 1
            while j < indices.count, (indices[j] - indices[j - 1]) * stride < CacheFile.blockSize { j += 1 }
            let first = indices[i]
            let last = indices[j - 1]
            let isRead = file.withBytes(
                at: atomsAt + first * stride, count: (last - first + 1) * stride, scratch: &scratch
            ) { bytes in
                for index in indices[i..<j] {
                    atoms.append(bytes.loadUnaligned(fromByteOffset: (index - first) * stride, as: Atom.self))
                }
                return true
            }
            guard isRead == true else { return nil }
            i = j
        }
        return (atoms, numbers)
    }

    /// The numbers of the children whose atoms have one of `ids`: the bucket of each id in the checkpoint's ids
    /// filed by id (`AtomIDBuckets`); `nil` if a piece is not as written. What a correction or retraction appended
    /// since the checkpoint changes.
    func children(ofAtomsWithIDs ids: EventIDSet) -> Set<Int>? {
        AtomIDBuckets.children(
            ofAtomsWithIDs: ids, in: file, at: idsAt, atomCount: atomCount, childCount: childCount)
    }
}
