/// A distribution given by its quantiles: knots `(p, x)` with `p` rising from 0 to 1, joined by straight lines.
///
/// Published figures are quantiles and shares ("86% within 45 working days, median 33"), so a distribution drawn
/// through them hits them by construction: a draw is the inverse CDF at a uniform `u`, and the share of draws at
/// or below a knot's `x` is that knot's `p`.
struct QuantileTable: Sendable {
    let probabilities: [Double]
    let values: [Double]

    /// `knots` must start at p = 0, end at p = 1, and rise in both p and x.
    init(_ knots: [(p: Double, x: Double)]) {
        precondition(knots.count >= 2 && knots.first!.p == 0 && knots.last!.p == 1, "quantile knots must span 0…1")
        for i in 1..<knots.count {
            precondition(knots[i].p > knots[i - 1].p && knots[i].x >= knots[i - 1].x, "quantile knots must rise")
        }
        probabilities = knots.map(\.p)
        values = knots.map(\.x)
    }

    /// The value at cumulative probability `u` (the inverse CDF).
    func value(at u: Double) -> Double {
        var i = 1
        while i < probabilities.count - 1 && probabilities[i] <= u { i += 1 }
        let p0 = probabilities[i - 1]
        let p1 = probabilities[i]
        let t = (u - p0) / (p1 - p0)
        return values[i - 1] + t * (values[i] - values[i - 1])
    }

    /// The cumulative probability of `x` (the CDF): the share of draws at or below `x`.
    func probability(atOrBelow x: Double) -> Double {
        if x < values[0] { return 0 }
        for i in 1..<values.count where x < values[i] {
            let t = (x - values[i - 1]) / (values[i] - values[i - 1])
            return probabilities[i - 1] + t * (probabilities[i] - probabilities[i - 1])
        }
        return 1
    }

    func draw(_ random: inout SynthRandom) -> Double {
        value(at: random.unit())
    }

    /// A whole number: the floor of a draw, so that a knot `(p, n + 1)` puts exactly `p` of draws at `n` or less.
    /// (Draws are never negative, so truncation is the floor.)
    func drawWhole(_ random: inout SynthRandom) -> Int {
        Int(draw(&random))
    }
}
