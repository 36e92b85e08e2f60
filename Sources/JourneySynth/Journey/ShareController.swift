/// Keeps a share on target when its decision cannot apply to every case.
///
/// Some referrals cannot be NFA (a child brought back for a repeat plan, an unaccompanied child coming into care),
/// some assessments cannot find the child not in need. Deciding "yes" with the target probability where the
/// decision applies would then miss the target. Instead the probability is steered by what happens (stochastic
/// approximation, Robbins–Monro): each case of the population nudges it up when the case lacks the property and
/// down when it has it, so that it settles where the share of the whole population is the target. The decision
/// and the case are the same moment, so the steering is immediate. Cases are observed in the order involvements
/// are simulated, so the result is deterministic.
struct ShareController: Sendable {
    /// The share wanted, 0…1.
    let target: Double
    /// The probability to decide "yes" with now.
    private(set) var probability: Double
    /// How far one case moves the probability: small enough to settle, large enough to settle within a few
    /// thousand cases.
    private let step: Double

    /// `applicableShare` is a first guess of the share of cases the decision applies to: the first probability is
    /// the target over it.
    init(target: Double, applicableShare: Double, step: Double = 0.001) {
        self.target = target
        probability = min(1, target / applicableShare)
        self.step = step
    }

    /// Observes a case of the population, whether the decision applied to it or not.
    mutating func observe(_ hasProperty: Bool) {
        probability = min(1, max(0, probability + step * (target - (hasProperty ? 1 : 0))))
    }
}
