import JourneyCore

/// The health of children looked after for 12 months (SSDA903 OC2; DfE *Children looked after in England including
/// adoptions*, outcomes of children looked after continuously for 12 months): `cla-health-assessments`,
/// `cla-dental-checks`, `cla-immunisations`, `cla-sdq`, `cla-convicted` and `cla-substance-misuse`.
///
/// Cohort: children looked after on `to`, not a series of short breaks, whose periods of care cover every day from
/// `to − 12 months` to `to` (a period ending on a day and the next starting that day leave no gap). The events that
/// count are those of the 12 months to `to`, whatever the period's `from`; ages are taken on `to`.
struct LookedAfterHealth: Metric {
    static let ids = [
        "cla-health-assessments", "cla-dental-checks", "cla-immunisations", "cla-sdq", "cla-convicted",
        "cla-substance-misuse",
    ]
    static let dimensions = childDimensions.union([.need])

    /// Care open from 12 months before the period's end, and every event of those 12 months.
    static func coverageNeed(_ period: ReportingPeriod) -> CoverageNeed {
        CoverageNeed(
            eventsFrom: period.to.adding(months: -12).adding(days: 1), openFrom: period.to.adding(months: -12),
            through: period.to, eventsWhy: "the 12 months to the period's end",
            openWhy: "12 months in care to the period's end")
    }

    let context: MetricContext
    /// The shares, in the order of `ids` without `cla-sdq`.
    var shares: [BreakdownTally]
    var sdq: AverageTally
    /// Children aged 5 to 16 of the cohort, and those of them without a score.
    var sdqPopulation = 0
    var noScore = 0
    /// Scores by band: normal (0–13), borderline (14–16), concern (17–40).
    var bands = [0, 0, 0]
    var interventionReceived = 0
    var interventionOffered = 0
    /// How many children of the cohort have a health event of the 12 months. With none at all, the log does not
    /// record these outcomes (the sample, a log of the CIN census alone), and 0% would read as a finding. A count
    /// rather than a flag, so that children can be taken out again (`subtract`).
    var recorded = 0
    var cohort = 0

    init(_ context: MetricContext) {
        self.context = context
        let dimensions = Self.applicable(context)
        shares = (0..<5).map { _ in BreakdownTally(dimensions) }
        sdq = AverageTally(dimensions)
    }

    /// The latest of `items` (by date, then the later in the log) dated in `window`.
    static func latest<T>(_ items: [T], in window: ReportingPeriod, date: (T) -> CalendarDate) -> T? {
        var latest: T?
        for item in items where window.contains(date(item)) {
            if let l = latest, date(l) > date(item) { continue }
            latest = item
        }
        return latest
    }

    mutating func add(_ child: ChildRecord) {
        let to = context.period.to
        guard let period = child.stabilityPeriod(on: to),
            PlacementStabilityLongTerm.isContinuouslyLookedAfter(child, since: to.adding(months: -12), to: to)
        else { return }
        let window = ReportingPeriod(from: to.adding(months: -12).adding(days: 1), to: to)
        let subject = Subject(child: child, date: to, need: period.needCode?.rawValue)
        let age = child.age(on: to)
        cohort += 1
        let isRecorded =
            child.healthAssessments.contains(where: window.contains)
            || child.dentalChecks.contains(where: window.contains)
            || child.immunisations.contains { window.contains($0.date) }
            || child.sdqs.contains { window.contains($0.date) }
            || child.convictions.contains(where: window.contains)
            || child.substanceMisuse.contains { window.contains($0.date) }
        if isRecorded { recorded += 1 }
        shares[0].add(subject, counts: child.healthAssessments.contains(where: window.contains))
        shares[1].add(subject, counts: child.dentalChecks.contains(where: window.contains))
        let immunisations = Self.latest(child.immunisations, in: window, date: \.date)
        shares[2].add(subject, counts: immunisations?.isUpToDate == true)
        if let age, age >= 10 {
            shares[3].add(subject, counts: child.convictions.contains(where: window.contains))
        }
        let misuse = Self.latest(child.substanceMisuse, in: window, date: \.date)
        shares[4].add(subject, counts: misuse != nil)
        if misuse?.interventionReceived == true { interventionReceived += 1 }
        if misuse?.interventionOffered == true { interventionOffered += 1 }
        if let age, (5...16).contains(age) {
            sdqPopulation += 1
            if let score = Self.latest(child.sdqs, in: window, date: \.date)?.score {
                sdq.add(subject, score)
                bands[score <= 13 ? 0 : score <= 16 ? 1 : 2] += 1
            } else {
                noScore += 1
            }
        }
    }

    mutating func merge(_ other: Self) {
        for i in shares.indices { shares[i].merge(other.shares[i]) }
        sdq.merge(other.sdq)
        sdqPopulation += other.sdqPopulation
        noScore += other.noScore
        for i in bands.indices { bands[i] += other.bands[i] }
        interventionReceived += other.interventionReceived
        interventionOffered += other.interventionOffered
        recorded += other.recorded
        cohort += other.cohort
    }

    mutating func subtract(_ other: Self) {
        for i in shares.indices { shares[i].subtract(other.shares[i]) }
        sdq.subtract(other.sdq)
        sdqPopulation -= other.sdqPopulation
        noScore -= other.noScore
        for i in bands.indices { bands[i] -= other.bands[i] }
        interventionReceived -= other.interventionReceived
        interventionOffered -= other.interventionOffered
        recorded -= other.recorded
        cohort -= other.cohort
    }

    func results() -> [MetricResult] {
        let results = [
            shares[0].result(Self.ids[0]), shares[1].result(Self.ids[1]), shares[2].result(Self.ids[2]),
            sdq.result(
                Self.ids[3],
                details: [
                    .count("normal", bands[0]), .count("borderline", bands[1]), .count("concern", bands[2]),
                    .count("noScore", noScore),
                    .decimal("coverage", MetricResult.percentage(sdq.tally.denominator, sdqPopulation)),
                ]),
            shares[3].result(Self.ids[4]),
            shares[4].result(
                Self.ids[5],
                details: [
                    .count("interventionReceived", interventionReceived),
                    .count("interventionOffered", interventionOffered),
                ]),
        ]
        guard cohort > 0, recorded == 0 else { return results }
        return results.map {
            var result = $0
            result.partialCoverage =
                "no child of the cohort has a health assessment, dental check, immunisation, SDQ, conviction or "
                + "substance misuse recorded in the 12 months to the period's end: the log does not hold these outcomes"
            return result
        }
    }
}
