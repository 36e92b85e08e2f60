import JourneyCore

/// `cp-review-timeliness` (CIN census; DfE table D6): children on a CP plan whose reviews were all in timescale.
///
/// Population: children on a CP plan on `to` whose plan started on or before `to − 3 months`. In timescale: the
/// first review on or before `start + 3 months`, each later one on or before the previous `+ 6 months`, and `to`
/// on or before the last review `+ 6 months`. Reviews after `to` are not yet known on `to` and are ignored.
struct CPReviewTimeliness: TallyMetric {
    static let ids = ["cp-review-timeliness"]
    static let dimensions = childDimensions.union([.category])

    /// Children on a plan on `to`: the plans open then, from 3 months before (the shortest plan counted); a plan
    /// open when the log opened is held with its reviews.
    static func coverageNeed(_ period: ReportingPeriod) -> CoverageNeed {
        CoverageNeed(
            eventsFrom: period.to, openFrom: period.to.adding(months: -3), through: period.to,
            openWhy: "plans open 3 months before the period's end")
    }

    let context: MetricContext
    var tally: BreakdownTally

    static func isInTimescale(start: CalendarDate, reviews: [CalendarDate], to: CalendarDate) -> Bool {
        let held = reviews.filter { $0 >= start && $0 <= to }.sorted()
        guard let first = held.first, first <= start.adding(months: 3) else { return false }
        for (previous, next) in zip(held, held.dropFirst()) where next > previous.adding(months: 6) {
            return false
        }
        return to <= held.last!.adding(months: 6)
    }

    mutating func add(_ child: ChildRecord) {
        let to = context.period.to
        guard let plan = child.cpPlan(on: to), let start = plan.start, start <= to.adding(months: -3) else { return }
        let inTimescale = Self.isInTimescale(start: start, reviews: plan.reviews, to: to)
        tally.add(Subject(child: child, date: to, category: plan.latestCategory), counts: inTimescale)
    }
}
