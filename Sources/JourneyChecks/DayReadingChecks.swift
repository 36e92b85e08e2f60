/// The checks that have found, on some record, an answer that changes on a later as-of day (`AsOfDate`): when the
/// day moves on, a record whose events have not changed need be checked again by these checks only. Every other
/// check found, on every record as it was last checked, what it will find on any later day.
///
/// Of the 226 checks, 24 read the as-of date this way on a synthetic council of a million events (the timescales
/// that run out, ages, the collection year): a record checked again for the day alone runs those, and keeps the
/// others' findings.
///
/// A check is counted once it has been seen to, and never forgotten: a record checked before the check was counted
/// was checked by every check, and a check not counted then had found the same on every later day for it too.
/// What the journey itself reads of the day (`ChildJourney.init`), and the team a finding is charged to on the as-of
/// date, are read for every check's findings: once either changes with the day, every check is run again
/// (`everyCheck`).
struct DayReadingChecks: Sendable, Equatable {
    /// Bit `i % 64` of word `i / 64`: the check at index `i` of the checks run. The last word is never 0 (a word is
    /// added only to set a bit in it), so two sets of the same checks have the same words.
    private var words: [UInt64] = []
    /// Whether what every check's findings read has changed with the day, on some record.
    private(set) var everyCheck = false

    init() {}

    /// The checks at `indices` of those run, and `everyCheck`.
    init(_ indices: some Sequence<Int>, everyCheck: Bool) {
        for i in indices { insert(i) }
        self.everyCheck = everyCheck
    }

    mutating func insert(_ check: Int) {
        let word = check / 64
        if word >= words.count { words += repeatElement(0, count: word + 1 - words.count) }
        words[word] |= 1 << UInt64(check % 64)
    }

    /// Notes that what every check's findings read changes with the day.
    mutating func insertEveryCheck() { everyCheck = true }

    func contains(_ check: Int) -> Bool {
        let word = check / 64
        return word < words.count && words[word] & (1 << UInt64(check % 64)) != 0
    }

    mutating func formUnion(_ other: DayReadingChecks) {
        if other.words.count > words.count { words += repeatElement(0, count: other.words.count - words.count) }
        for i in other.words.indices { words[i] |= other.words[i] }
        everyCheck = everyCheck || other.everyCheck
    }

    /// The indices counted, in order.
    var indices: [Int] {
        words.indices.flatMap { w in (0..<64).lazy.filter { words[w] & (1 << UInt64($0)) != 0 }.map { w * 64 + $0 } }
    }

    /// The indices of `checks` to run again on a record whose events have not changed, judged on a later day; `nil`
    /// for every one.
    func toRunAgain(of checks: Int) -> [Int]? {
        everyCheck ? nil : indices.filter { $0 < checks }
    }
}
