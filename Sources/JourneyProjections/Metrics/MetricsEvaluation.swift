import JourneyCore

/// The figures for one period, as known at one time: what `journey metrics` prints.
public struct MetricsReport: Sendable, Equatable {
    public var period: ReportingPeriod
    public var asKnownAt: Timestamp?
    public var metrics: [MetricResult]
    /// The dates the log covers, as known at `asKnownAt`; `nil` for a log with no counting event.
    public var span: LogSpan?

    public init(period: ReportingPeriod, asKnownAt: Timestamp?, metrics: [MetricResult], span: LogSpan? = nil) {
        self.period = period
        self.asKnownAt = asKnownAt
        self.metrics = metrics
        self.span = span
    }

    /// The report of the metrics `ids` names alone, as an evaluation of those metrics makes it: each figure is
    /// worked out on its own, and `only` leaves the others out of the report (`MetricsPlan.reports`).
    public func keeping(_ ids: Set<String>) -> MetricsReport {
        var report = self
        report.metrics = metrics.filter { ids.contains($0.id) }
        return report
    }

    /// Whether the period has no day in the log (`LogSpan.isWhollyOutside`); `true` for an empty log.
    public var isWhollyOutsideLog: Bool { span.map { $0.isWhollyOutside(period) } ?? true }
}

/// Every metric of metrics.md, in the order reports list them: the measures of the CIN census and of placements, the
/// activity counts, then permanence, leaving care and health (added after the activity counts, so that the columns
/// the CSV gave before keep their places).
public enum MetricCatalogue {
    static let metrics: [any Metric.Type] = [
        AssessmentTimeliness.self, ICPCTimeliness.self, CPReviewTimeliness.self, ReReferrals.self, RepeatCPPlans.self,
        CPPlanDuration.self, PlacementStabilityShortTerm.self, PlacementStabilityLongTerm.self, PlacedOver20Miles.self,
        Activity.self, Adoptions.self, SGOAndCAOExits.self, AdoptionEntryToPlacement.self, AdoptionOrderToMatch.self,
        AdoptionDecisionReversed.self, CareLeavers.self, LookedAfterHealth.self,
    ]

    /// Every metric id, in report order.
    public static let ids: [String] = metrics.flatMap { $0.ids }

    /// The statutory measures (not the activity counts).
    public static let headlineIDs: [String] = metrics.filter { $0 != Activity.self }.flatMap { $0.ids }
}

extension JourneyState {
    /// Evaluates the metrics for one period in one pass over the children's records.
    /// `only` restricts the output to those ids (all when `nil`).
    public func metrics(_ context: MetricContext, asKnownAt: Timestamp? = nil, only: Set<String>? = nil)
        -> MetricsReport
    {
        metrics([context], asKnownAt: asKnownAt, only: only)[0]
    }

    /// Evaluates the metrics for several periods (a monthly series) in one pass over the children's records.
    ///
    /// The children are shared out between the cores in `parts` runs (`reduceRecords`); the figures do not depend
    /// on how many.
    public func metrics(
        _ contexts: [MetricContext], asKnownAt: Timestamp? = nil, only: Set<String>? = nil, parts: Int = 16
    ) -> [MetricsReport] {
        metrics(sets: [(contexts, only)], asKnownAt: asKnownAt, parts: parts)[0]
    }
}

extension JourneyState {
    /// Evaluates several sets of periods, each for the metrics it names (`only`; all when `nil`), in one pass over the
    /// children's records: the reports of each set, in order, as `metrics(_:asKnownAt:only:parts:)` gives them for
    /// it. Each figure is worked out on its own, so a set that names fewer metrics holds the same figures for those
    /// (the pack's trends draw a few measures for 24 periods, its headline every measure it shows for two).
    public func metrics(
        sets: [(contexts: [MetricContext], only: Set<String>?)], asKnownAt: Timestamp? = nil, parts: Int = 16
    ) -> [[MetricsReport]] {
        let plans = sets.map { MetricsPlan($0.contexts, only: $0.only) }
        let folds: [MetricsPlan.Fold<SpanTally>] = MetricsPlan.folds(
            plans, over: self, asKnownAt: asKnownAt, parts: parts)
        return zip(plans, folds).map { $0.reports($1.metrics, span: $1.span.span, asKnownAt: asKnownAt) }
    }
}

/// What one evaluation computes: the metrics asked for (`only`), for each period; and how their folds become the
/// reports. Shared by a full evaluation (`JourneyState.metrics`) and one kept between appends (`LiveMetrics`).
struct MetricsPlan: Sendable {
    /// A metric of each type for each period.
    typealias Metrics = [[any Metric]]

    let contexts: [MetricContext]
    let only: Set<String>?
    let types: [any Metric.Type]

    init(_ contexts: [MetricContext], only: Set<String>?) {
        self.contexts = contexts
        self.only = only
        types = MetricCatalogue.metrics.filter { type in only.map { !$0.isDisjoint(with: type.ids) } ?? true }
    }

    /// Folds over no child yet.
    func start() -> Metrics { contexts.map { context in types.map { $0.init(context) } } }

    /// The metrics and the log's span, over no child yet.
    func fold<Span>() -> Fold<Span> { Fold(metrics: start()) }

    /// What a pass folds over some of the children: the span of their records and the metrics over them, added
    /// together in one place for a full evaluation and for the records an append changes (`LiveMetrics`).
    struct Fold<Span: SpanFold>: Sendable {
        var span = Span()
        var metrics: Metrics

        mutating func add(_ record: ChildRecord) {
            span.add(record)
            MetricsPlan.add(record, to: &metrics)
        }

        mutating func merge(_ other: Self) {
            span.merge(other.span)
            MetricsPlan.merge(other.metrics, into: &metrics)
        }
    }

    /// Every record of `state` (as known at `asKnownAt`) folded into a fold of each of `plans`, in one pass: the
    /// children shared out between the cores in `parts` runs (`reduceRecords`), one metric of each type for each
    /// period in every run, the runs merged into one, and the log's span folded in the same pass.
    static func folds<Span: SpanFold>(
        _ plans: [MetricsPlan], over state: JourneyState, asKnownAt: Timestamp? = nil, parts: Int = 16
    ) -> [Fold<Span>] {
        state.reduceRecords(
            asKnownAt: asKnownAt, parts: parts, initial: { plans.map { $0.fold() } },
            add: { folds, record in for i in folds.indices { folds[i].add(record) } },
            merge: { folds, other in for i in folds.indices { folds[i].merge(other[i]) } })
    }

    static func add(_ record: ChildRecord, to metrics: inout Metrics) {
        for i in metrics.indices {
            for j in metrics[i].indices { metrics[i][j].add(record) }
        }
    }

    static func merge(_ other: Metrics, into metrics: inout Metrics) {
        for i in metrics.indices {
            for j in metrics[i].indices { metrics[i][j].merge(any: other[i][j]) }
        }
    }

    static func subtract(_ other: Metrics, from metrics: inout Metrics) {
        for i in metrics.indices {
            for j in metrics[i].indices { metrics[i][j].subtract(any: other[i][j]) }
        }
    }

    /// The reports of folds over every child, marked where the log's span falls short of what a figure needs.
    func reports(_ metrics: Metrics, span logSpan: LogSpan?, asKnownAt: Timestamp?) -> [MetricsReport] {
        zip(contexts, metrics).map { context, metrics in
            var results: [MetricResult] = []
            for (type, metric) in zip(types, metrics) {
                for var result in metric.results() where only?.contains(result.id) ?? true {
                    let need = type.coverageNeed(context.period, id: result.id)
                    // An empty log covers nothing: every figure of it is partial.
                    // A metric may know its figure partial itself (`LookedAfterHealth`); the log's span adds to that.
                    let shortfall =
                        logSpan.map { $0.shortfall(need) } ?? "the log holds no event for this figure to count"
                    let notes = [shortfall, result.partialCoverage].compactMap { $0 }
                    result.partialCoverage = notes.isEmpty ? nil : notes.joined(separator: "; ")
                    result.minimumDenominator = context.minimumDenominator
                    results.append(result)
                }
            }
            return MetricsReport(period: context.period, asKnownAt: asKnownAt, metrics: results, span: logSpan)
        }
    }
}
