import JourneyCore

/// What a state folded after the checkpoint it was read from: the strings, returns' texts, corrections, merges,
/// children and atoms it added, every one of them at the end of its table (a fold only appends), and its position
/// and event count. Saved results keep it (`SavedResults`), so that a run after them puts it back on the checkpoint
/// read in part, a copy of memory, rather than folding again every event since the checkpoint: a checkpoint is
/// written again only after 2% more events (213,000 at 10M events, six weeks of a council's days), and decoding
/// them was the one part of a run after an append that grew with every day.
///
/// The bytes are read back only by the build that wrote them (saved results name the executable), and only onto the
/// checkpoint they name: the counts the state held there are written first and must match.
struct StateTail {
    /// What a state held at its checkpoint: where its tail starts.
    struct Start: Equatable, Sendable {
        var position: UInt64
        var eventCount: UInt64
        var children: Int
        var drops: Int
        var merges: Int
        /// Teams, workers, wards and texts, in the order `Checkpoint.writeMiddle` writes them.
        var strings: [Int]

        init(_ state: JourneyState) {
            position = state.position
            eventCount = state.eventCount
            children = state.childCount
            drops = state.drops.count
            merges = state.merges.count
            strings = state.strings.interners.map(\.strings.count)
        }

        init(reading r: inout BinaryReader) throws(BinaryReader.Damage) {
            // Counts of what the state holds, not of what follows.
            func count() throws(BinaryReader.Damage) -> Int {
                guard let n = Int(exactly: try r.varint()) else { throw BinaryReader.Damage("a count") }
                return n
            }
            position = try r.fixed(UInt64.self)
            eventCount = try r.fixed(UInt64.self)
            children = try count()
            drops = try count()
            merges = try count()
            strings = try (0..<4).map { _ throws(BinaryReader.Damage) in try count() }
        }

        func write(to w: inout BinaryWriter) {
            w.fixed(position)
            w.fixed(eventCount)
            for count in [children, drops, merges] + strings { w.varint(UInt64(count)) }
        }
    }

    /// The bytes of what `state` folded after its checkpoint (`JourneyState.tailStart`); `nil` for a state read from
    /// no checkpoint and saved as none.
    ///
    /// The start, the position and event count reached, the new strings of each interner, the returns' texts of
    /// the events since (by position), the corrections, merges and children since (as a checkpoint's middle part
    /// holds them, `Checkpoint.writeRecords(drops:merges:children:to:)`), then the atoms since, in log order, and
    /// their children's numbers, as they are in memory.
    static func bytes(of state: JourneyState) -> [UInt8]? {
        guard let tail = Encoded(state) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tail.count)
        tail.write { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The tail's bytes (`bytes(of:)`) as pieces written one after another: the atoms and their children's numbers
    /// straight from the state's arrays, not copied into one array first (13 MB of memory fresh to the process,
    /// six weeks after the checkpoint at 10M events).
    struct Encoded {
        /// Everything before the atoms, up to and with their length.
        var head: [UInt8]
        var atoms: ArraySlice<Atom>
        /// The length of the children's numbers.
        var childrenLength: [UInt8]
        var children: ArraySlice<UInt32>

        init?(_ state: JourneyState) {
            guard let start = state.tailStart else { return nil }
            // The atoms folded since the checkpoint are the last, in log order; those read from it, in front of them
            // (all or some), have positions no later than its own.
            let first = (state.atoms.lastIndex { $0.position <= start.position } ?? -1) + 1
            atoms = state.atoms[first...]
            children = state.atomChildren[first...]
            var w = BinaryWriter()
            start.write(to: &w)
            w.fixed(state.position)
            w.fixed(state.eventCount)
            Checkpoint.writeStrings(state.strings, from: start.strings, textsAfter: start.position, to: &w)
            Checkpoint.writeRecords(
                drops: state.drops[start.drops...], merges: state.merges[start.merges...],
                children: state.childKeys[start.children...], to: &w)
            w.varint(UInt64(atoms.count * MemoryLayout<Atom>.stride))
            head = w.bytes
            var length = BinaryWriter()
            length.varint(UInt64(children.count * MemoryLayout<UInt32>.stride))
            childrenLength = length.bytes
        }

        /// The number of bytes `write` gives.
        var count: Int {
            head.count + atoms.count * MemoryLayout<Atom>.stride + childrenLength.count
                + children.count * MemoryLayout<UInt32>.stride
        }

        /// Gives `body` the bytes, a piece at a time.
        func write(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
            try head.withUnsafeBytes(body)
            try atoms.withUnsafeBytes(body)
            try childrenLength.withUnsafeBytes(body)
            try children.withUnsafeBytes(body)
        }
    }

    /// Puts the tail `bytes` hold onto `state`, a state read from the checkpoint they were made from; throws, with
    /// `state` in an unknown state, when they were made from another or are not as written. The atoms' arrays get
    /// room for `roomAfter` more: the atoms of the events the caller folds on next.
    static func apply(_ bytes: [UInt8], to state: inout JourneyState, roomAfter: Int = 0) throws {
        try bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            let start = try Start(reading: &r)
            guard start == state.tailStart, start == Start(state) else {
                throw BinaryReader.Damage("made from another checkpoint")
            }
            let (position, eventCount) = (try r.fixed(UInt64.self), try r.fixed(UInt64.self))
            guard position >= start.position, eventCount >= start.eventCount else {
                throw BinaryReader.Damage("a tail ends before its start")
            }
            func since(_ p: UInt64) throws {
                guard start.position < p && p <= position else { throw BinaryReader.Damage("a position out of range") }
            }
            // Each string is new, and gets the next number, as the fold numbered it.
            try state.strings.withInterners { interner in
                for _ in 0..<(try r.count()) {
                    let expected = UInt64(interner.strings.count + 1)
                    guard interner.number(try r.string()) == expected else { throw BinaryReader.Damage("a string") }
                }
            }
            for _ in 0..<(try r.count()) {
                let (p, n) = (try r.fixed(UInt64.self), try r.fixed(UInt64.self))
                try since(p)
                guard 1 <= n && n <= UInt64(state.strings.texts.strings.count) else {
                    throw BinaryReader.Damage("a text's number")
                }
                state.strings.eventTexts[p] = n
            }
            for _ in 0..<(try r.count()) {
                let drop = try Checkpoint.drop(&r)
                try since(drop.position)
                state.drops.append(drop)
            }
            for _ in 0..<(try r.count()) {
                let merge = try Checkpoint.merge(&r)
                try since(merge.position)
                state.merges.append(merge)
            }
            for _ in 0..<(try r.count()) {
                let key = try ChildKey(r.bytes())
                guard state.childNumbers[key] == nil else { throw BinaryReader.Damage("a child twice") }
                state.add(key)
            }
            let atoms = try r.bytes()
            let children = try r.bytes()
            let count = atoms.count / MemoryLayout<Atom>.stride
            guard atoms.count == count * MemoryLayout<Atom>.stride, children.count == 4 * count, r.isAtEnd else {
                throw BinaryReader.Damage("the atoms")
            }
            // Copied as the checkpoint's atoms are read: as they are in memory. A state read in part holds no atoms
            // yet, and takes the arrays as they are made, with room for the atoms folded next: else the first of
            // them would copy the tail's (10 MB six weeks after the checkpoint at 10M events) into fresh memory.
            let firstNew = state.atoms.count
            func array<T>(of _: T.Type, from bytes: UnsafeRawBufferPointer) -> [T] {
                [T](unsafeUninitializedCapacity: count + max(0, roomAfter)) { buffer, initialized in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
                    initialized = count
                }
            }
            if state.atoms.isEmpty && state.atomChildren.isEmpty {
                state.atoms = array(of: Atom.self, from: atoms)
                state.atomChildren = array(of: UInt32.self, from: children)
            } else {
                state.atoms += array(of: Atom.self, from: atoms)
                state.atomChildren += array(of: UInt32.self, from: children)
            }
            // In log order, after the checkpoint, each of a child the state knows.
            var previous = start.position
            for atom in state.atoms[firstNew...] {
                guard atom.position > previous else { throw BinaryReader.Damage("an atom out of order") }
                previous = atom.position
            }
            guard previous <= position else { throw BinaryReader.Damage("an atom after the tail's end") }
            let childCount = UInt32(state.childCount)
            guard state.atomChildren[firstNew...].allSatisfy({ $0 < childCount }) else {
                throw BinaryReader.Damage("an atom's child")
            }
            state.restore(position: position, eventCount: eventCount)
        }
    }
}
