import JourneyCore

/// `cp-plan-duration` (CIN census; DfE table D7): how long CP plans that ended in the period lasted.
///
/// Bands by `end − start`: up to 3 months; over 3, up to 6; over 6 months, under 1 year; 1 year, under 2; 2 years or
/// more (the numerator). Plans with no recorded start cannot be measured and are left out.
struct CPPlanDuration: Metric {
    static let ids = ["cp-plan-duration"]
    static let dimensions = childDimensions.union([.category])
    static let bandNames = ["upTo3Months", "3to6Months", "6MonthsTo1Year", "1to2Years", "2YearsOrMore"]

    let context: MetricContext
    var bands = [Int](repeating: 0, count: 5)
    var tally: BreakdownTally

    init(_ context: MetricContext) {
        self.context = context
        tally = BreakdownTally(Self.applicable(context))
    }

    static func band(start: CalendarDate, end: CalendarDate) -> Int {
        if end <= start.adding(months: 3) { return 0 }
        if end <= start.adding(months: 6) { return 1 }
        if end < start.adding(years: 1) { return 2 }
        if end < start.adding(years: 2) { return 3 }
        return 4
    }

    mutating func add(_ child: ChildRecord) {
        for plan in child.cpPlans {
            guard let end = plan.end, context.period.contains(end), let start = plan.start else { continue }
            let band = Self.band(start: start, end: end)
            bands[band] += 1
            tally.add(Subject(child: child, date: end, category: plan.latestCategory), counts: band == 4)
        }
    }

    mutating func merge(_ other: Self) {
        for i in bands.indices { bands[i] += other.bands[i] }
        tally.merge(other.tally)
    }

    mutating func subtract(_ other: Self) {
        for i in bands.indices { bands[i] -= other.bands[i] }
        tally.subtract(other.tally)
    }

    func results() -> [MetricResult] {
        [
            MetricResult(
                id: Self.ids[0], numerator: bands[4], denominator: bands.reduce(0, +),
                details: [.counts("bands", Array(zip(Self.bandNames, bands)))], breakdown: tally.breakdowns())
        ]
    }
}
