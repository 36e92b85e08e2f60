import JourneyChecks
import JourneyCore
import JourneyProjections

/// The monthly performance pack: every figure it shows, evaluated in one replay, before any of it is drawn.
///
/// Aggregates only: the pack holds metric results (counts and their breakdowns by team) and counts of data-quality
/// findings by check and team, never a child's id.
public struct PerformancePack: Sendable {
    /// The last day of the pack's month: the headline figures are for the twelve months to it.
    public var monthEnd: CalendarDate
    public var asKnownAt: Timestamp?
    public var provenance: Provenance
    public var targets: Targets
    /// The twelve months to `monthEnd`, broken down by team.
    public var current: MetricsReport
    /// The twelve months before those.
    public var previous: MetricsReport
    /// The rolling twelve months to each month end, oldest first: up to 24, fewer when the log is shorter.
    public var series: [MetricsReport]
    /// Data-quality findings as the log stood, judged on the month end (or the latest event, if earlier).
    public var quality: QualitySummary
    /// Rates over fewer than this are not rated ("too few to rate").
    public var minimumDenominator: Int
    /// The protective marking printed at the top and bottom of every page (`journey report --marking`).
    public var marking = PerformancePack.defaultMarking

    /// The Government Security Classifications' marking for personal information about children, in aggregate or
    /// not: its loss could harm them.
    public static let defaultMarking = "OFFICIAL-SENSITIVE"

    /// The headline period.
    public var period: ReportingPeriod { current.period }

    /// Months in the trend charts, at most.
    public static let trendMonths = 24

    /// The metrics the pack shows: its headline measures, its activity counts, and the figures of permanence,
    /// leaving care and health.
    static let shownIDs = Set(
        PackMeasure.all.map(\.id) + activityLabels.map(\.id) + funnel.map(\.id) + conversions.map(\.id)
            + permanenceIDs)

    /// The figure of `id` in `report`.
    public static func result(_ id: String, in report: MetricsReport) -> MetricResult? {
        report.metrics.first { $0.id == id }
    }
}

extension PerformancePack {
    /// The periods of the metrics of the pack for the month ending `end`: the headline year by team, the year before,
    /// and the rolling year to each month end of the trends (`trendMonths`), in that order.
    static func metricContexts(end: CalendarDate, calendar: WorkingDayCalendar, minimumDenominator: Int)
        -> [MetricContext]
    {
        let trendEnds = (0..<trendMonths).reversed().map { end.adding(months: -$0).monthEnd }
        func context(_ to: CalendarDate, _ dimensions: [BreakdownDimension] = []) -> MetricContext {
            MetricContext(
                period: .rollingYear(to: to), calendar: calendar, dimensions: dimensions,
                minimumDenominator: minimumDenominator)
        }
        return [context(end, [.team]), context(end.adding(months: -12).monthEnd)] + trendEnds.map { context($0) }
    }

    /// The pack's periods in two sets, each with the metrics drawn from it (`JourneyState.metrics(sets:)`): the
    /// headline year (by team) and the year before, of every metric the pack shows; then the rolling years of the
    /// trends, of the measures they draw alone (the headline measures and permanence), which the page reads no other
    /// figure of. In `metricContexts`' order.
    static func metricSets(end: CalendarDate, calendar: WorkingDayCalendar, minimumDenominator: Int) -> [(
        contexts: [MetricContext], only: Set<String>?
    )] {
        let contexts = metricContexts(end: end, calendar: calendar, minimumDenominator: minimumDenominator)
        return [
            (Array(contexts.prefix(2)), shownIDs),
            (Array(contexts.dropFirst(2)), Set(PackMeasure.all.map(\.id) + permanenceIDs)),
        ]
    }

    /// The time the findings the pack counts are as known at: the end of the month's last day (UTC), or the pack's
    /// "as known at" if earlier.
    static func findingsKnownAt(end: CalendarDate, asKnownAt: Timestamp?) -> Timestamp? {
        Timestamp(endOf: end).map { t in asKnownAt.map { min($0, t) } ?? t } ?? asKnownAt
    }

    /// The pack of the reports of `metricContexts` (in their order) and the findings' counts.
    init(
        monthEnd end: CalendarDate, asKnownAt: Timestamp?, provenance: Provenance, targets: Targets,
        reports: [MetricsReport], quality: QualitySummary, minimumDenominator: Int
    ) {
        // As far as the log goes: months before any headline measure has a figure are left off the trends.
        let series = reports.dropFirst(2).drop { report in
            PackMeasure.all.allSatisfy { PerformancePack.result($0.id, in: report)?.value == nil }
        }
        self.init(
            monthEnd: end, asKnownAt: asKnownAt, provenance: provenance, targets: targets, current: reports[0],
            previous: reports[1], series: Array(series), quality: quality, minimumDenominator: minimumDenominator)
    }
}

extension JourneyState {
    /// Evaluates the pack for the month ending `monthEnd`: one call for every period (the headline year by team, the
    /// year before, and the rolling year to each month end of the trends), and one run of the checks.
    public func performancePack(
        monthEnd: CalendarDate, asKnownAt: Timestamp? = nil, calendar: WorkingDayCalendar = .englandAndWales,
        targets: Targets = .england, provenance: Provenance, minimumDenominator: Int? = nil
    ) -> PerformancePack {
        let end = monthEnd.monthEnd
        let minimum = minimumDenominator ?? targets.minimumDenominator ?? MetricContext.defaultMinimumDenominator
        let reports = metrics(
            sets: PerformancePack.metricSets(end: end, calendar: calendar, minimumDenominator: minimum),
            asKnownAt: asKnownAt
        ).flatMap { $0 }
        return PerformancePack(
            monthEnd: end, asKnownAt: asKnownAt, provenance: provenance, targets: targets, reports: reports,
            quality: packQuality(end: end, asKnownAt: asKnownAt, calendar: calendar), minimumDenominator: minimum)
    }

    /// The findings open at the month ending `end`: the record as it stood at the end of that day (or as known at the
    /// pack's time, if earlier), judged on that day (or the latest day the log then knew, if earlier), each charged
    /// to the team responsible when it arose.
    func packQuality(end: CalendarDate, asKnownAt: Timestamp?, calendar: WorkingDayCalendar) -> QualitySummary {
        let knownAt = PerformancePack.findingsKnownAt(end: end, asKnownAt: asKnownAt)
        let latest = latestOccurred(asKnownAt: knownAt) ?? end
        return QualitySummary(
            check(
                CheckContext(asOf: min(end, latest), calendar: calendar, teamAttribution: .findingDate),
                asKnownAt: knownAt))
    }
}
