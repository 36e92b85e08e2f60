/// The keys of one kind of fact in a record, asked again and again whether they hold a key: the facts are read where
/// they are few, as nearly all records' are, and their keys hashed into a set, once, where they are many (a record
/// of thousands of referrals), so that a check neither makes a set for every record nor takes n² steps on the
/// largest.
struct FactKeys {
    private var set: Set<UInt64>?
    /// Up to this many facts, reading them costs less than making a set of their keys.
    static let readUpTo = 32

    /// Whether one of `facts` has the key `wanted`; `key` gives a fact's key, or `nil` for a fact that does not
    /// count. The same facts and `key` at every call.
    mutating func contain<Fact>(_ wanted: UInt64, among facts: [Fact], key: (Fact) -> UInt64?) -> Bool {
        if facts.count <= Self.readUpTo { return facts.contains { key($0) == wanted } }
        if let set { return set.contains(wanted) }
        let made = Set(facts.lazy.compactMap(key))
        set = made
        return made.contains(wanted)
    }
}
