/// The number of single-character insertions, deletions and substitutions that turn `a` into `b` (Levenshtein).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.utf8)
    let b = Array(b.utf8)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The known id nearest to `id`, when it is close enough to be a typo: within a third of its length (at least 2
/// edits), and nearer than any other.
func nearestID(to id: String, in known: [String]) -> String? {
    let limit = max(2, id.utf8.count / 3)
    let scored = known.map { (id: $0, distance: editDistance(id, $0)) }.filter { $0.distance <= limit }
    guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
    guard scored.filter({ $0.distance == best.distance }).count == 1 else { return nil }
    return best.id
}

/// "unknown metric re-referals (did you mean re-referrals?)": the ids not known, each with the nearest known one.
func unknownIDsMessage(_ kind: String, _ unknown: Set<String>, known: [String]) -> String {
    let named = unknown.sorted().map { id in
        nearestID(to: id, in: known).map { "\(id) (did you mean \($0)?)" } ?? id
    }
    return "unknown \(kind) \(named.joined(separator: ", "))"
}
