import JourneyCore

/// One event, reduced to the plain values the projections need: 56 bytes, no references, so a child's history is
/// one contiguous array and a checkpoint is a copy of memory.
///
/// Atoms keep `recorded` and the event's id hash so that "as known at", corrections, retractions and merges can be
/// resolved when figures are evaluated, for any time, from the same folded state (see `JourneyState`).
///
/// What `a`, `b`, `c` and `extra` hold depends on the type, and so do `key` and `ref` for a few types (a ward, a
/// team, a birth date…). Each type's meaning is written once, as named properties in the file of its family:
/// `Atom+Child.swift` (child details, allocations, merges, retractions), `Atom+Referral.swift` (contacts to
/// conferences), `Atom+Plans.swift` (plans, early help, steps, visits), `Atom+Care.swift` (periods of care,
/// placements, missing episodes), `Atom+Permanence.swift` (adoption, permanence orders, previous permanence),
/// `Atom+LeavingCare.swift` (care leavers) and `Atom+Health.swift` (health, deprivation of liberty). `FoldedEvent` writes through them, and everything else reads through them:
/// nothing outside those files touches `a`, `b`, `c` or `extra`, but the content hash, which takes them as they are.
/// The slots' encodings are `Atom.Slot`'s. Any change to what a slot holds changes what a checkpoint saves: bump
/// `Checkpoint.formatVersion` with it.
struct Atom: Hashable, Sendable {
    var type: EventType
    var a: UInt8 = 0
    var b: UInt8 = 0
    var c: UInt8 = 0
    var occurred: Int32
    /// The event's id, hashed.
    var id: UInt64
    /// The thing the event is about, hashed (an assessment, a plan, a placement…), or, for the types of
    /// `holdsIDs` false, what its family's file says.
    var key: UInt64 = 0
    /// What it belongs to, hashed (the referral of an assessment, the period of a placement…), or as `key`.
    var ref: UInt64 = 0
    /// A number (a distance's bits, a count + 1, a birth date's day number + 1), 0 when absent.
    var extra: UInt64 = 0
    var position: UInt64
    /// Nanoseconds since 1970 UTC.
    var recorded: Int64

    var date: CalendarDate { CalendarDate(dayNumber: occurred) }

    /// Whether `key` and `ref` hold the ids of what the event is about and belongs to (hashed), which a merged
    /// record keeps apart (`scoped(_:)`); for the other types they hold numbers or bytes (`Atom+Child.swift`).
    var holdsIDs: Bool {
        switch type {
        case .childRegistered, .childUpdated, .workerAllocated, .childDied, .steppedUp, .steppedDown, .visitMade,
            .childMerged, .eventRetracted, .previousPermanenceRecorded, .careLeaverContacted, .pathwayPlanReviewed,
            .personalAdviserAllocated, .healthAssessmentCompleted, .dentalCheckCompleted, .immunisationsRecorded,
            .healthSurveillanceRecorded, .sdqRecorded, .convictionRecorded, .substanceMisuseIdentified,
            .motherhoodRecorded, .homePostcodeRecorded, .workerChangeRecorded:
            false
        default:
            true
        }
    }
}

extension Atom {
    /// How a value is held in an atom's slot: each encoding once, for the family files.
    enum Slot {
        /// A required code: its index.
        @inline(__always)
        static func code<L>(_ byte: UInt8) -> Code<L> { Code(index: byte)! }

        /// An optional code: its index + 1, so that 0 means absent.
        @inline(__always)
        static func optionalCode<L>(_ byte: UInt8) -> Code<L>? { byte == 0 ? nil : Code(index: byte - 1) }

        @inline(__always)
        static func byte<L>(_ code: Code<L>?) -> UInt8 { code.map { $0.index + 1 } ?? 0 }

        /// A Boolean: 1 for true, 0 for false.
        @inline(__always)
        static func bool(_ byte: UInt8) -> Bool { byte == 1 }

        @inline(__always)
        static func byte(_ value: Bool) -> UInt8 { value ? 1 : 0 }

        /// An optional Boolean: 0 when absent, 1 for false, 2 for true (as `EventScanner.optionalBool` reads it).
        @inline(__always)
        static func optionalBool(_ byte: UInt8) -> Bool? { byte == 0 ? nil : byte == 2 }

        @inline(__always)
        static func byte(_ value: Bool?) -> UInt8 { value.map { $0 ? 2 : 1 } ?? 0 }

        /// An optional whole number (a day number, a count): the number + 1, so that 0 means absent. Wrapping, so
        /// that `Int.max`, the largest count the format holds, is one too.
        @inline(__always)
        static func number(_ word: UInt64) -> Int64? { word == 0 ? nil : Int64(bitPattern: word) &- 1 }

        @inline(__always)
        static func word(_ number: Int64?) -> UInt64 { number.map { UInt64(bitPattern: $0) &+ 1 } ?? 0 }

        /// An optional date, as an optional whole number (its day number).
        @inline(__always)
        static func date(_ word: UInt64) -> CalendarDate? { number(word).map { CalendarDate(dayNumber: Int32($0)) } }

        @inline(__always)
        static func word(_ date: CalendarDate?) -> UInt64 { word(date.map { Int64($0.dayNumber) }) }

        /// An optional date in 32 bits: its day number + 1, wrapping, so that 0 means absent (a day number is
        /// never `Int32.max`: dates have four-digit years).
        @inline(__always)
        static func date32(_ word: UInt32) -> CalendarDate? {
            word == 0 ? nil : CalendarDate(dayNumber: Int32(bitPattern: word &- 1))
        }

        @inline(__always)
        static func word32(_ date: CalendarDate?) -> UInt32 {
            date.map { UInt32(bitPattern: $0.dayNumber) &+ 1 } ?? 0
        }

        /// A string's number (`Interner`) in 32 bits; 0 (none) past 2³² − 1 strings, which no log comes near.
        @inline(__always)
        static func number32(_ n: UInt64) -> UInt64 { n > 0xFFFF_FFFF ? 0 : n }
    }
}

/// Gives each distinct string (a team, a worker, a ward) a small number, so atoms hold numbers only.
struct Interner: Sendable {
    private(set) var strings: [String] = []
    /// Each string's stable hash, by number − 1.
    private var hashes: [UInt64] = []
    /// The table: each slot a string's number, 0 when empty; at most half full. Open addressing on the stable hash
    /// of the UTF-8 bytes rather than a `Dictionary`: a checkpoint of a council holds half a million texts (UPNs),
    /// and filing them again was a third of a run's time after an append.
    private var slots: [UInt32] = []

    /// The string's number, from 1.
    mutating func number(_ s: String) -> UInt64 {
        var s = s
        let hash = s.withUTF8 { StableHash.of(UnsafeRawBufferPointer($0)) }
        if (strings.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            let n = Int(slots[i])
            if hashes[n - 1] == hash && strings[n - 1] == s { return UInt64(n) }
            i = (i &+ 1) & mask
        }
        strings.append(s)
        hashes.append(hash)
        slots[i] = UInt32(truncatingIfNeeded: strings.count)
        return UInt64(strings.count)
    }

    /// Makes the tables this value's own, copying them if they are shared, so that the next new string does not;
    /// with room for more strings, or the first one would copy them again to grow.
    mutating func makeUnique() {
        strings.reserveCapacity(strings.count + 1024)
        hashes.reserveCapacity(hashes.count + 1024)
        slots.reserveCapacity(slots.count)
    }

    func string(_ n: UInt64) -> String? {
        n == 0 || n > strings.count ? nil : strings[Int(n - 1)]
    }

    /// An interner of no strings yet.
    init() { self.init(strings: [], hashes: []) }

    /// The interner that numbers `strings` from 1 in order, which must be distinct, `hashes[i]` being the stable
    /// hash of `strings[i]`'s UTF-8: those of an interner, as a checkpoint saves them, hashed as they are read.
    ///
    /// In two loops, the hashes first, then the filing: each filing is a load that misses the cache (a council's
    /// half a million UPNs make a table of 4 MB), and alone in a short loop the processor has many of them in flight
    /// at once, where with the hash and the string's comparison beside each it waited for most of them in turn.
    init(strings: [String], hashes: [UInt64]) {
        self.strings = strings
        self.hashes = hashes
        slots = Self.table(capacityFor: strings.count)
        file()
    }

    /// An empty table with room for `count` strings at most half full.
    private static func table(capacityFor count: Int) -> [UInt32] {
        var capacity = 16
        while capacity / 2 < count + 1 { capacity *= 2 }
        return [UInt32](repeating: 0, count: capacity)
    }

    /// Doubles the table and files every string again by its hash.
    private mutating func grow() {
        slots = Self.table(capacityFor: strings.count + 1)
        file()
    }

    /// Files every string in the empty table by its hash.
    private mutating func file() {
        let mask = slots.count - 1
        slots.withUnsafeMutableBufferPointer { slots in
            for (index, hash) in hashes.enumerated() {
                var i = Int(truncatingIfNeeded: hash) & mask
                while slots[i] != 0 { i = (i &+ 1) & mask }
                slots[i] = UInt32(truncatingIfNeeded: index + 1)
            }
        }
    }
}
