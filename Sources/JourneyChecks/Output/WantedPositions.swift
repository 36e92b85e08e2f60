/// The log positions a lookup of event ids wants, one bit each from 0 to the largest: asked of every event the lookup
/// reads (a million at a time), where a `Set` hashes each position it is asked about.
struct WantedPositions: Sendable {
    /// The largest position wanted; 0 when none is.
    let last: UInt64
    private var words: [UInt64]

    /// The positions of `positions` up to `limit` (the log's last): those past it name no event, and are left out so
    /// that a position asked for in error cannot make the bits many.
    init(_ positions: Set<UInt64>, upTo limit: UInt64) {
        last = positions.lazy.filter { $0 <= limit }.max() ?? 0
        words = Array(repeating: 0, count: Int(last / 64) + 1)
        for p in positions where p <= last { words[Int(p / 64)] |= 1 << (p % 64) }
    }

    func contains(_ position: UInt64) -> Bool {
        position <= last && words[Int(position / 64)] & (1 << (position % 64)) != 0
    }
}
