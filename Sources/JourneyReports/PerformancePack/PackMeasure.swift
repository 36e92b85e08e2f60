/// Which way a measure should move: the one place the pack's polarity is written down.
public enum Polarity: String, Sendable, Hashable {
    /// Timeliness and long-term stability: more is better.
    case higherIsBetter
    /// Re-referrals, repeat plans, long plans, three or more placements, placed far away: less is better.
    case lowerIsBetter
}

/// A headline measure of the pack: a statutory metric of metrics.md, in the words a manager reads it in, and which
/// way is better.
public struct PackMeasure: Sendable, Hashable {
    /// The metric's id in metrics.md (`journey metrics --only`).
    public var id: String
    /// What the percentage is, in a manager's words.
    public var title: String
    /// What the numerator and denominator count, for the table's small print.
    public var counts: String
    public var polarity: Polarity

    /// Every headline measure, in the order of metrics.md.
    public static let all: [PackMeasure] = [
        PackMeasure(
            id: "assessment-timeliness", title: "Assessments completed within 45 working days",
            counts: "assessments completed", polarity: .higherIsBetter),
        PackMeasure(
            id: "icpc-timeliness", title: "Initial CP conferences within 15 working days of the S47 starting",
            counts: "conferences held", polarity: .higherIsBetter),
        PackMeasure(
            id: "cp-review-timeliness", title: "Children on a CP plan whose reviews were all in timescale",
            counts: "children on a plan for 3 months or more", polarity: .higherIsBetter),
        PackMeasure(
            id: "re-referrals", title: "Re-referrals: referrals within 12 months of a previous referral",
            counts: "referrals", polarity: .lowerIsBetter),
        PackMeasure(
            id: "repeat-cp-plans", title: "CP plans that are a second or subsequent plan",
            counts: "children starting a plan", polarity: .lowerIsBetter),
        PackMeasure(
            id: "cp-plan-duration", title: "CP plans ending after 2 years or more", counts: "plans ended",
            polarity: .lowerIsBetter),
        PackMeasure(
            id: "placement-stability-short-term", title: "Children looked after with 3 or more placements in the year",
            counts: "children looked after", polarity: .lowerIsBetter),
        PackMeasure(
            id: "placement-stability-long-term",
            title: "Children looked after for 2½ years or more, in the same placement for 2 years",
            counts: "children looked after 2½ years, under 16", polarity: .higherIsBetter),
        PackMeasure(
            id: "placed-over-20-miles", title: "Children looked after placed more than 20 miles from home",
            counts: "children with a distance recorded", polarity: .lowerIsBetter),
    ]

    /// The measure with this metric id.
    public static func named(_ id: String) -> PackMeasure? { all.first { $0.id == id } }

    /// Which way is better for a metric: a headline measure's polarity, or that of a statutory figure the pack does
    /// not show (yet); `nil` for the counts, where more or fewer is neither better nor worse in itself.
    public static func polarity(of id: String) -> Polarity? { named(id)?.polarity ?? otherPolarities[id] }

    /// Permanence, leaving care and health (metrics.md): sooner adoptions, care leavers in touch, suitably housed and
    /// in education, employment or training, and children's health checks are better; a lower SDQ score (fewer
    /// difficulties), fewer convictions and less substance misuse are better.
    static let otherPolarities: [String: Polarity] = [
        "adoption-entry-to-placement-days": .lowerIsBetter, "adoption-order-to-match-days": .lowerIsBetter,
        "care-leavers-in-touch": .higherIsBetter, "care-leavers-suitable-accommodation": .higherIsBetter,
        "care-leavers-eet": .higherIsBetter, "cla-health-assessments": .higherIsBetter,
        "cla-dental-checks": .higherIsBetter, "cla-immunisations": .higherIsBetter, "cla-sdq": .lowerIsBetter,
        "cla-convicted": .lowerIsBetter, "cla-substance-misuse": .lowerIsBetter,
    ]
}

/// Figures from fewer children than this are shown as "–", not as a percentage: a percentage of 3 is no trend, and
/// a count that small can point to a child.
public let smallNumberThreshold = 5
