/// A choice among values with fixed weights (need not sum to 1).
struct WeightedChoice<Value: Sendable>: Sendable {
    let values: [Value]
    /// Cumulative weights, normalised so the last is 1.
    let cumulative: [Double]

    init(_ weighted: [(Value, Double)]) {
        precondition(!weighted.isEmpty, "a choice needs at least one value")
        let total = weighted.reduce(0) { $0 + $1.1 }
        precondition(total > 0, "a choice needs a positive total weight")
        values = weighted.map(\.0)
        var running = 0.0
        var cumulative: [Double] = []
        for (_, w) in weighted {
            running += w / total
            cumulative.append(running)
        }
        cumulative[cumulative.count - 1] = 1
        self.cumulative = cumulative
    }

    func draw(_ random: inout SynthRandom) -> Value {
        let u = random.unit()
        for i in 0..<cumulative.count where u < cumulative[i] { return values[i] }
        return values[values.count - 1]
    }
}
