/// Keeps a share on target when the decision comes long before the cases it makes.
///
/// A re-referral is decided when the previous involvement ends, and happens up to a year later; steering by the
/// re-referrals seen would react a year late and swing. Instead the probability is the target share of the
/// referrals seen, less those that are re-referrals without a decision (a child back through early help, a
/// repeat plan), over the decisions seen: the rate that, applied to the decisions, makes the target. The counts
/// fade (each case weighs a little more than the one before), so that the estimate follows the council as its
/// mix of returning children grows.
struct RatioController: Sendable {
    let target: Double
    private var population: Double
    private var uncontrolled: Double = 0
    private var trials: Double
    /// How much the past fades with each case counted: about a year of a large council's referrals.
    private let fade = 1 - 1.0 / 20_000

    /// `applicableShare` is a first guess of the share of cases a decision is made for, counted as `weight`
    /// cases until real ones accumulate.
    init(target: Double, applicableShare: Double, weight: Double = 2_000) {
        self.target = target
        population = weight
        trials = weight * applicableShare
    }

    var probability: Double {
        min(1, max(0, (target * population - uncontrolled) / trials))
    }

    /// Counts a case of the population; `isUncontrolledHit` when it has the property without a decision.
    mutating func countCase(isUncontrolledHit: Bool) {
        population = population * fade + 1
        uncontrolled = uncontrolled * fade + (isUncontrolledHit ? 1 : 0)
        trials *= fade
    }

    /// Counts a decision.
    mutating func countTrial() {
        trials += 1
    }
}
