import JourneyCore

/// `re-referrals` (CIN census; DfE table C1): referrals within 12 months of a previous referral of the same child.
///
/// Population: referrals received in the period, NFA included. A referral on `d` is a re-referral when the child
/// has another referral on `p` with `d − 12 months ≤ p < d`; NFA referrals count as earlier referrals.
/// Reading (metrics.md): two referrals on the same day do not make each other re-referrals.
struct ReReferrals: TallyMetric {
    static let ids = ["re-referrals"]
    static let dimensions = childDimensions.union([.source, .need])

    /// The 12 months before each referral: every referral from 12 months before the period.
    static func coverageNeed(_ period: ReportingPeriod) -> CoverageNeed {
        let from = period.from.adding(months: -12)
        return CoverageNeed(
            eventsFrom: from, openFrom: from, through: period.to, eventsWhy: "the 12 months before each referral")
    }

    let context: MetricContext
    var tally: BreakdownTally

    mutating func add(_ child: ChildRecord) {
        for r in child.referrals where context.period.contains(r.date) {
            let isReReferral = child.referralsInTwelveMonths(before: r.date) > 0
            tally.add(
                Subject(child: child, date: r.date, source: r.source, need: r.primaryNeed?.rawValue),
                counts: isReReferral)
        }
    }
}
