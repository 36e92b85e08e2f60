import JourneyCore

/// One event, reduced to the plain values the projections need: 56 bytes, no references, so a child's history is
/// one contiguous array and a checkpoint is a copy of memory.
///
/// Atoms keep `recorded` and the event's id hash so that "as known at", corrections, retractions and merges can be
/// resolved when figures are evaluated, for any time, from the same folded state (see `JourneyState`).
/// The meaning of `a`, `b`, `c`, `key`, `ref` and `extra` depends on the type: see `Atom.init(_:interning:)`.
struct Atom: Hashable, Sendable {
    var type: EventType
    var a: UInt8 = 0
    var b: UInt8 = 0
    var c: UInt8 = 0
    var occurred: Int32
    /// The event's id, hashed.
    var id: UInt64
    /// The thing the event is about, hashed (an assessment, a plan, a placement…), or an interned string.
    var key: UInt64 = 0
    /// What it belongs to, hashed (the referral of an assessment, the period of a placement…).
    var ref: UInt64 = 0
    /// A number (a distance's bits, a count + 1, a birth date's day number + 1), 0 when absent.
    var extra: UInt64 = 0
    var position: UInt64
    /// Nanoseconds since 1970 UTC.
    var recorded: Int64

    var date: CalendarDate { CalendarDate(dayNumber: occurred) }
}

/// A code stored in an atom's byte: the code's index + 1, so that 0 means absent.
extension Optional {
    func codeByte<L>() -> UInt8 where Wrapped == Code<L> {
        map { $0.index + 1 } ?? 0
    }
}

extension Code {
    /// The code from an atom's byte (index + 1); `nil` for 0.
    init?(byte: UInt8) {
        guard byte > 0 else { return nil }
        self.init(index: byte - 1)
    }
}

/// Gives each distinct string (a team, a worker, a ward) a small number, so atoms hold numbers only.
struct Interner: Sendable {
    private(set) var strings: [String] = []
    private var numbers: [String: UInt64] = [:]

    /// The string's number, from 1.
    mutating func number(_ s: String) -> UInt64 {
        if let n = numbers[s] { return n }
        strings.append(s)
        let n = UInt64(strings.count)
        numbers[s] = n
        return n
    }

    func string(_ n: UInt64) -> String? {
        n == 0 || n > strings.count ? nil : strings[Int(n - 1)]
    }

    init(strings: [String] = []) {
        for s in strings { _ = number(s) }
    }
}
