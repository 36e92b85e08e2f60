import JourneyCore

// The look-backs that the metrics count by, for a report that shows the count itself (Ofsted's Annex A has
// "Number of Referrals in Last 12 Months" and "Number of Placements in the Last 12 months" in its rows): one
// definition, so that a list and a metric never disagree about the same child.

extension ChildRecord {
    /// The child's referrals received in the 12 months before `date`: on `p` with `date − 12 months ≤ p < date`,
    /// NFA referrals included. The look-back of `re-referrals` (metrics.md): a referral on `date` is a re-referral
    /// when this is 1 or more; referrals on the same day do not count each other.
    public func referralsInTwelveMonths(before date: CalendarDate) -> Int {
        let windowStart = date.adding(months: -12)
        return referrals.count { $0.date >= windowStart && $0.date < date }
    }

    /// The child's placements in `period`, as `placement-stability-short-term` counts them (metrics.md): placement
    /// moves started in it (not temporary, not a same-carer continuation), plus one for the placement in force on
    /// its first day, if there is one.
    public func placementCount(in period: ReportingPeriod) -> Int {
        PlacementStabilityShortTerm.placements(of: self, in: period)
    }
}
