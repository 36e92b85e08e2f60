import JourneyCore

/// `repeat-cp-plans` (CIN census; DfE table D3, and the local "within two years" measure).
///
/// Population: children who started a CP plan in the period, each judged once by their first plan start in it.
/// `secondOrSubsequent` (the numerator): an earlier CP plan start in the log, or `previousPlans` > 0.
/// `withinTwoYears`: an earlier plan that ended on `e` with `start − 2 years ≤ e ≤ start`. Where `previousPlans` > 0
/// but the log holds no earlier plan, that is unknown: such children are `priorPlanNotInLog` and not within two years.
struct RepeatCPPlans: Metric {
    static let ids = ["repeat-cp-plans"]
    static let dimensions = childDimensions.union([.category])

    /// Earlier plans: ever for `secondOrSubsequent`, which the plan's `previousPlans` answers where the log does
    /// not reach (and `priorPlanNotInLog` counts); the 2 years before each start for `withinTwoYears`, which only the
    /// log can answer, and a plan that ended before the log holds every event is missed.
    static func coverageNeed(_ period: ReportingPeriod) -> CoverageNeed {
        let from = period.from.adding(years: -2)
        return CoverageNeed(
            eventsFrom: from, openFrom: from, through: period.to,
            eventsWhy: "plans ended in the 2 years before each start")
    }

    let context: MetricContext
    var withinTwoYears = 0
    var priorPlanNotInLog = 0
    var tally: BreakdownTally

    init(_ context: MetricContext) {
        self.context = context
        tally = BreakdownTally(Self.applicable(context))
    }

    mutating func add(_ child: ChildRecord) {
        let started = child.cpPlans.compactMap { p in p.start.map { (plan: p, start: $0) } }
        let ordered = started.sorted { ($0.start, $0.plan.position) < ($1.start, $1.plan.position) }
        guard let first = ordered.first(where: { context.period.contains($0.start) }) else { return }
        let earlier = ordered.prefix { ($0.start, $0.plan.position) < (first.start, first.plan.position) }
        let hasPrevious = (first.plan.previousPlans ?? 0) > 0
        let isRepeat = !earlier.isEmpty || hasPrevious
        let twoYearsBefore = first.start.adding(years: -2)
        let isWithinTwoYears = earlier.contains { e in
            guard let end = e.plan.end else { return false }
            return end >= twoYearsBefore && end <= first.start
        }
        if isWithinTwoYears { withinTwoYears += 1 }
        if hasPrevious && earlier.isEmpty { priorPlanNotInLog += 1 }
        tally.add(Subject(child: child, date: first.start, category: first.plan.category), counts: isRepeat)
    }

    mutating func merge(_ other: Self) {
        withinTwoYears += other.withinTwoYears
        priorPlanNotInLog += other.priorPlanNotInLog
        tally.merge(other.tally)
    }

    mutating func subtract(_ other: Self) {
        withinTwoYears -= other.withinTwoYears
        priorPlanNotInLog -= other.priorPlanNotInLog
        tally.subtract(other.tally)
    }

    func results() -> [MetricResult] {
        [
            tally.result(
                Self.ids[0],
                details: [.count("withinTwoYears", withinTwoYears), .count("priorPlanNotInLog", priorPlanNotInLog)])
        ]
    }
}
