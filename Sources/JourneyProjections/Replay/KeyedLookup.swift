/// Finds the first item with a key in an array that only grows while a record is built: a scan while the array is
/// short, as it is for nearly every child, and a table once it is long, so that a record of thousands of referrals
/// or placements is built in linear time rather than n².
struct KeyedLookup {
    /// Up to this many items a scan is cheaper than a table.
    static let scanLimit = 32

    private var table: [UInt64: Int] = [:]
    /// How many of the array's items are in the table: the items appended since are filed at the next lookup.
    private var filed = 0

    /// The index of the first item whose key is `key`.
    @inline(__always)
    mutating func index<Item>(of key: UInt64, in items: [Item], keyOf: (Item) -> UInt64) -> Int? {
        if items.count <= Self.scanLimit { return items.firstIndex { keyOf($0) == key } }
        while filed < items.count {
            let k = keyOf(items[filed])
            if table[k] == nil { table[k] = filed }
            filed += 1
        }
        return table[key]
    }
}
