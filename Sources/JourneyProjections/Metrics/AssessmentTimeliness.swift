import JourneyCore

/// `assessment-timeliness` (CIN census; DfE table C2): assessments authorised within 45 working days of their start.
///
/// Population: assessments completed in the period. Duration `wd(started, completed)`. Assessments with no start are
/// `unmatched`, those completed before they started `invalid`; both are left out of the denominator.
/// Reading (metrics.md): measured from the assessment start, as the DfE statistic is; `assessmentFromReferral`
/// measures from the referral, as the statutory expectation does.
struct AssessmentTimeliness: Metric {
    static let ids = ["assessment-timeliness"]
    static let dimensions = childDimensions.union([.source, .need])
    static let limit = 45
    static let bandNames = ["0", "1-10", "11-20", "21-30", "31-40", "41-45", "46-50", "51-60", "61+"]

    let context: MetricContext
    var durations: [Int] = []
    var unmatched = 0
    var invalid = 0
    var openOverdue = 0
    var tally: BreakdownTally

    init(_ context: MetricContext) {
        self.context = context
        tally = BreakdownTally(Self.applicable(context))
    }

    mutating func add(_ child: ChildRecord) {
        let period = context.period
        for a in child.assessments {
            let referral = child.referral(a.referral)
            let start = context.assessmentFromReferral ? referral?.date : a.started
            if let started = a.started, started <= period.to, a.completed.map({ $0 > period.to }) ?? true,
                context.calendar.workingDays(from: started, to: period.to) > Self.limit
            {
                openOverdue += 1
            }
            guard let completed = a.completed, period.contains(completed) else { continue }
            guard let start else {
                unmatched += 1
                continue
            }
            guard completed >= start else {
                invalid += 1
                continue
            }
            let days = context.calendar.workingDays(from: start, to: completed)
            durations.append(days)
            tally.add(
                Subject(child: child, date: completed, source: referral?.source, need: referral?.primaryNeed?.rawValue),
                counts: days <= Self.limit)
        }
    }

    mutating func merge(_ other: Self) {
        durations += other.durations
        unmatched += other.unmatched
        invalid += other.invalid
        openOverdue += other.openOverdue
        tally.merge(other.tally)
    }

    mutating func subtract(_ other: Self) {
        durations.removeOccurrences(of: other.durations)
        unmatched -= other.unmatched
        invalid -= other.invalid
        openOverdue -= other.openOverdue
        tally.subtract(other.tally)
    }

    static func band(_ days: Int) -> Int {
        switch days {
        case 0: 0
        case 1...10: 1
        case 11...20: 2
        case 21...30: 3
        case 31...40: 4
        case 41...45: 5
        case 46...50: 6
        case 51...60: 7
        default: 8
        }
    }

    func results() -> [MetricResult] {
        let sorted = durations.sortedByCounting()
        var bands = [Int](repeating: 0, count: Self.bandNames.count)
        for d in sorted { bands[Self.band(d)] += 1 }
        return [
            MetricResult(
                id: Self.ids[0], numerator: sorted.filter { $0 <= Self.limit }.count, denominator: sorted.count,
                details: [
                    .count("unmatched", unmatched), .count("invalid", invalid),
                    .optionalCount("median", nearestRank(sorted, 50)), .optionalCount("p25", nearestRank(sorted, 25)),
                    .optionalCount("p75", nearestRank(sorted, 75)),
                    .counts("bands", Array(zip(Self.bandNames, bands))), .count("openOverdue", openOverdue),
                ],
                breakdown: tally.breakdowns())
        ]
    }
}
